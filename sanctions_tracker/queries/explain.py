"""Why a country is, or is not, in each answer about a document: :func:`explain`.

The verdicts are those of the queries themselves: whether the country is among
:func:`~sanctions_tracker.queries.signed_not_sanctioned` and
:func:`~sanctions_tracker.queries.sanctioned_not_signed` is read off their answers, and
the evidence comes from the same prepared frames (the participation spans on a day, the
dated acts in a window). The records then add the dates and sources of each piece, and,
where the country takes no part, the reason for each regime that could have counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Unpack

import attrs
import polars as pl

from sanctions_tracker.blocs import Bloc, all_blocs
from sanctions_tracker.countries import Country
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.queries._args import CountryLike, _country_code, _When
from sanctions_tracker.queries._frames import (
    RESPONSE_KINDS,
    Prepared,
    Switches,
    _counted,
    _inside,
    _participants,
    _responses,
    _signed,
    prepared,
)
from sanctions_tracker.queries._given import given
from sanctions_tracker.queries.options import AnswerOptions
from sanctions_tracker.queries.status import sanctioned_not_signed, signed_not_sanctioned
from sanctions_tracker.records import Document, SanctionsRegime
from sanctions_tracker.tables import Records, Tables, tables_to_records

__all__ = ["Evidence", "Explanation", "SignatureEvidence", "explain"]


_VOTED = {
    "against": "voted against",
    "abstain": "abstained",
    "absent": "was absent from the vote",
    "non-voting": "did not vote",
}


@attrs.frozen
class SignatureEvidence:
    """The signature that counts for the country (its own, or its bloc's)."""

    signed_on: PartialDate
    withdrawn_on: PartialDate | None
    vote: str
    via: str | None
    counts: bool
    sources: tuple[str, ...]


@attrs.frozen
class Evidence:
    """One piece of evidence of sanctions: a route into a regime, dated and sourced.

    ``through`` is ``target`` (the regime targets the country) or ``designations`` (a
    thematic regime lists a national of it). ``on`` is the act's date in a window, or
    the day the link began for a status.
    """

    route: str
    regime: str
    through: str
    on: dt.date | None
    detail: str
    sources: tuple[str, ...]

    def __str__(self) -> str:
        when = f"{self.on}: " if self.on is not None else ""
        also = f" [{'; '.join(self.sources)}]" if self.sources else ""
        return f"{when}{self.regime} ({self.route}): {self.detail}{also}"


@attrs.frozen
class Explanation:
    """Why a country is or is not in each answer about a document.

    ``in_signed_not_sanctioned`` and ``in_sanctioned_not_signed`` are the queries'
    verdicts; ``evidence`` the sanctions that count; ``reasons`` why others do not
    (and why the signature does not count, where it does not). ``str()`` reads as prose.
    """

    document_id: str
    country: str
    target: str
    as_of: dt.date | None
    since: dt.date | None
    until: dt.date | None
    signature: SignatureEvidence | None
    signed: bool
    sanctioned: bool
    in_signed_not_sanctioned: bool
    in_sanctioned_not_signed: bool
    evidence: tuple[Evidence, ...]
    reasons: tuple[str, ...]

    @property
    def question(self) -> str:
        """The day, or the window, of the answers."""
        if self.as_of is not None:
            return f"on {self.as_of}"
        return f"from {self.since} to {self.until}" if self.until else f"since {self.since}"

    def __str__(self) -> str:
        name = Country(self.country).name
        lines = [f"{name} ({self.country}) and {self.document_id}, {self.question}:"]
        sig = self.signature
        if sig is None:
            lines.append("- signed: no")
        else:
            via = f" through {sig.via}" if sig.via else ""
            counted = "yes" if self.signed else "not counted"
            if sig.vote != "for":  # a roll call: only a vote for is a position of support
                counted = f"no, {_VOTED[sig.vote]}"
            lines.append(
                f"- signed: {counted}, {sig.signed_on}{via}"
                + (f", withdrawn {sig.withdrawn_on}" if sig.withdrawn_on else "")
                + (f" ({'; '.join(sig.sources)})" if sig.sources else "")
            )
        verb = "took part in" if self.as_of is not None else "acted in"
        lines.append(f"- {verb} sanctions on {self.target}: {'yes' if self.sanctioned else 'no'}")
        lines += [f"  - {piece}" for piece in self.evidence]
        lines += [f"  - {reason}" for reason in self.reasons]
        answers = {
            "signed but did not sanction": self.in_signed_not_sanctioned,
            "sanctioned but did not sign": self.in_sanctioned_not_signed,
        }
        listed = [answer for answer, yes in answers.items() if yes]
        lines.append(f"- in the answers: {', '.join(listed) if listed else 'neither list'}")
        return "\n".join(lines)


def _blocs(records: Records) -> dict[str, Bloc]:
    return {bloc.code: bloc for bloc in (*all_blocs(), *records.blocs)}


def _start(regime: SanctionsRegime, records: Records) -> tuple[PartialDate | None, str]:
    """When the regime starts, and what says so."""
    if regime.established_on is not None:
        return regime.established_on, "was established on"
    dates = [a.date for a in records.actions if a.regime == regime.id]
    dates += [d.listed_on for d in records.designations if d.regime == regime.id and d.listed_on]
    if not dates:
        return None, ""
    return min(dates, key=lambda d: d.last), "has its first dated act or listing on"


def _reaches(regime: SanctionsRegime, target: str, records: Records) -> list[str]:
    """How the regime can reach the target: its targets, or the listings of nationals."""
    if target in {t.code for t in regime.targets}:
        return ["target"]
    if regime.thematic:
        listed = [
            d.id
            for d in records.designations
            if d.regime == regime.id and target in {c.code for c in d.countries}
        ]
        return [f"listing {i}" for i in listed]
    return []


def _links(
    regime: SanctionsRegime, country: str, records: Records, blocs: dict[str, Bloc]
) -> list[tuple[str, str]]:
    """The routes by which the country is ever linked to the regime, with a description."""
    found: list[tuple[str, str]] = []
    authority = regime.authority
    if isinstance(authority, Country) and authority.code == country:
        found.append(("own", "its own regime"))
    elif isinstance(authority, Bloc):
        for m in blocs[authority.code].memberships:
            if m.country.code == country:
                end = f" to {m.left}" if m.left else ""
                found.append(("bloc", f"member of {authority.code} from {m.joined}{end}"))
    elif regime.by_un_security_council:
        for m in blocs["UN"].memberships:
            if m.country.code == country:
                found.append(("un", f"UN member from {m.joined}"))
    for a in records.alignments:
        if a.regime == regime.id and a.country.code == country:
            end = f", ended {a.ended_on}" if a.ended_on else ""
            found.append(("alignment", f"aligned on {a.aligned_on}{end}"))
    return found


def _why_not(
    records: Records,
    country: str,
    target: str,
    when: _When,
    switches: Switches,
    counted: set[str],
) -> list[str]:
    """For each regime that could count for the country and does not, why not."""
    blocs = _blocs(records)
    day = when.as_of
    reasons: list[str] = []
    for regime in records.regimes:
        if regime.id in counted:
            continue
        reach = _reaches(regime, target, records)
        links = _links(regime, country, records, blocs)
        if not reach or not links:
            continue
        off = [r for r, _ in links if r not in switches.routes()]
        if len(off) == len(links):
            reasons.append(f"{regime.id} counts only with via_{off[0]}=True ({links[0][1]})")
            continue
        if reach != ["target"] and not switches.via_designations:
            reasons.append(f"{regime.id} is thematic: it counts only with via_designations=True")
            continue
        start, what = _start(regime, records)
        described = "; ".join(text for route, text in links if route not in off)
        if start is None:
            reasons.append(
                f"{regime.id} has no established_on and no dated act or listing: "
                "it is in force on no day"
            )
        elif day is not None and start.last > day:
            reasons.append(f"{regime.id} {what} {start}, after {day}")
        elif day is not None and regime.lifted_on is not None and regime.lifted_on.last <= day:
            reasons.append(f"{regime.id} was lifted on {regime.lifted_on}, by {day}")
        elif day is not None and reach != ["target"]:
            reasons.append(
                f"no listing of a national of {target} under {regime.id} stands on {day} "
                f"({', '.join(reach)})"
            )
        elif day is not None:
            reasons.append(f"{regime.id}: not linked on {day} ({described})")
        else:
            reasons.append(
                f"{regime.id}: none of its acts against {target} in the window counts for "
                f"{country} ({described})"
            )
    if not reasons and not counted:
        reasons.append(
            f"no regime that reaches {target} links {country} "
            "(as its authority, a member of its bloc, an aligned country or a UN member)"
        )
    return reasons


def _described(
    route: str,
    through: str,
    regime: SanctionsRegime,
    records: Records,
    row: dict[str, object],
    country: str,
) -> tuple[str, tuple[str, ...]]:
    """What one row of evidence is, and its sources (a source may come more than once)."""
    first, last = row.get("_first"), row.get("_last")
    if through == "designations":
        listed = [
            d
            for d in records.designations
            if d.regime == regime.id
            and d.listed_on is not None
            and (first is None or d.listed_on.first == first)
            and str(row["target"]) in {c.code for c in d.countries}
        ]
        names = ", ".join(f"{d.id} ({d.target.name})" for d in listed[:8])
        more = f" and {len(listed) - 8} more" if len(listed) > 8 else ""
        return f"listing of {names}{more}", tuple(s for d in listed[:8] for s in d.sources)
    if route == "alignment":
        aligned = [
            a for a in records.alignments if a.regime == regime.id and a.country.code == country
        ]
        text = "; ".join(
            f"aligned on {a.aligned_on} ({a.act})" if a.act else f"aligned on {a.aligned_on}"
            for a in aligned
        )
        return text or "aligned", tuple(s for a in aligned for s in a.sources)
    if first is not None:
        acts = [
            a
            for a in records.actions
            if a.regime == regime.id and a.date.first == first and a.date.last == last
        ]
        acts = [a for a in acts if a.kind in RESPONSE_KINDS]
        if acts:
            text = "; ".join(f"{a.kind} {a.legal_reference}".strip() for a in acts)
            return text, tuple(s for a in acts for s in a.sources)
        return "established", regime.sources
    return f"{regime.name or regime.id}", regime.sources


def explain(
    tables: Tables | Prepared,
    document_id: str,
    country: CountryLike,
    **options: Unpack[AnswerOptions],
) -> Explanation:
    """Why ``country`` is or is not among the answers about ``document_id``.

    The keyword options are those of :func:`~sanctions_tracker.queries.signed_not_sanctioned`
    (:class:`~sanctions_tracker.queries.options.AnswerOptions`).

    >>> from sanctions_tracker.records import JointStatement, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["CA"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020-09-28")],
    ... )
    >>> print(explain(ds.tables, "s", "Canada", as_of="2020-09-17"))
    Canada (CA) and s, on 2020-09-17:
    - signed: yes, 2020-09-17
    - took part in sanctions on BY: no
      - CA-BLR was established on 2020-09-28, after 2020-09-17
    - in the answers: signed but did not sanction
    """
    chosen = given("explain", **options)
    frames = prepared(tables)
    records = tables_to_records(frames.tables)
    code = _country_code(country, "country")
    when, subject = chosen.about(frames.tables, document_id)
    switches = chosen.switches
    unsanctioned = signed_not_sanctioned(frames, document_id, **options).collect()
    unsigned = sanctioned_not_signed(frames, document_id, **options).collect()
    mine = (pl.col("party_kind") == "country") & (pl.col("party") == code)
    expand_blocs = chosen.expand_blocs
    signatures = _signed(frames, expand_blocs=expand_blocs, document_ids=[document_id])
    counted = _counted(signatures, when, expand_blocs=expand_blocs).filter(mine).collect()
    by_id = {regime.id: regime for regime in records.regimes}
    if when.as_of is not None:
        rows = _participants(frames, when.as_of, switches).with_columns(
            pl.lit(None, pl.Date).alias("_first"), pl.lit(None, pl.Date).alias("_last")
        )
    else:
        rows = (
            _responses(frames, switches)
            .with_columns(pl.lit(when.since).alias("_doc_first"))
            .filter(_inside(when))
        )
    found = (
        rows.filter(mine & (pl.col("target") == subject))
        .select("route", "through", "regime_id", "target", "_first", "_last")
        .unique()
        .sort("_first", "regime_id", "route", nulls_last=False)
        .collect()
    )
    evidence = []
    for row in found.iter_rows(named=True):
        regime = by_id[row["regime_id"]]
        detail, sources = _described(row["route"], row["through"], regime, records, row, code)
        unique = tuple(dict.fromkeys(sources))
        evidence.append(
            Evidence(row["route"], regime.id, row["through"], row["_first"], detail, unique)
        )
    reasons = _why_not(records, code, subject, when, switches, set(found["regime_id"]))
    signature = _signature_of(records.statements + records.letters, document_id, code, counted)
    if signature is None:
        reasons.insert(0, f"{code} did not sign {document_id}")
    elif signature.vote != "for":
        voted = _VOTED[signature.vote]
        reasons.insert(0, f"{code} {voted}: only a vote for counts as signing")
    elif not signature.counts:
        reasons.insert(
            0, f"the signature of {signature.signed_on} does not count {_question(when)}"
        )
    return Explanation(
        document_id=document_id,
        country=code,
        target=subject,
        as_of=when.as_of,
        since=when.since,
        until=when.until,
        signature=signature,
        signed=counted.height > 0,
        sanctioned=bool(evidence),
        in_signed_not_sanctioned=code in unsanctioned["country"].to_list(),
        in_sanctioned_not_signed=code in unsigned["country"].to_list(),
        evidence=tuple(evidence),
        reasons=tuple(reasons),
    )


def _question(when: _When) -> str:
    return f"on {when.as_of}" if when.as_of else f"in the window from {when.since}"


def _signature_of(
    documents: Iterable[Document], document_id: str, code: str, counted: pl.DataFrame
) -> SignatureEvidence | None:
    """The country's own signature, else the one through a bloc that counted."""
    document = next(d for d in documents if d.id == document_id)
    via = counted["via"][0] if counted.height else None
    for signature in document.signatures:
        party = signature.party
        own = isinstance(party, Country) and party.code == code
        through = isinstance(party, Bloc) and party.code == via
        if own or through:
            return SignatureEvidence(
                signed_on=signature.signed_on or document.date,
                withdrawn_on=signature.withdrawn_on,
                vote=signature.vote,
                via=party.code if through and isinstance(party, Bloc) else None,
                counts=counted.height > 0,
                sources=signature.sources,
            )
    return None
