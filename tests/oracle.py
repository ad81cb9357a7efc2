"""A plain-Python oracle for sanctions_tracker.queries: sets and loops over the records.

Written for clarity, not speed: each function restates one rule of docs/queries.md over
the attrs records of a Dataset, and returns plain tuples that the polars results are
compared with. Only lookups are added for speed (the listings by regime and country, who
takes part in sanctions on a subject worked out once per subject), so that it answers for
the benchmark's 5,000 documents and 200,000 listings in seconds, not hours.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TypedDict

from sanctions_tracker.blocs import Bloc, all_blocs
from sanctions_tracker.countries import Country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.queries import RESPONSE_KINDS
from sanctions_tracker.records import POSITIONS, Designation, Document, SanctionsRegime, Signature

Party = tuple[str, str]  # (party_kind, code)


# -- the rules ---------------------------------------------------------------------------


def all_bloc_records(ds: Dataset) -> dict[str, Bloc]:
    """Every bloc of the dataset, built-in and user-defined, by code."""
    return {bloc.code: bloc for bloc in (*all_blocs(), *ds.blocs)}


def signed_date(document: Document, signature: Signature) -> PartialDate:
    """A signature's date; none given means the document's date."""
    return signature.signed_on or document.date


def counts_on(document: Document, signature: Signature, day: dt.date) -> bool:
    """Made (the whole date) by ``day`` and not withdrawn by then."""
    withdrawn = signature.withdrawn_on
    return signed_date(document, signature).last <= day and not (
        withdrawn is not None and withdrawn.last <= day
    )


def counts_in(
    document: Document, signature: Signature, since: dt.date, until: dt.date | None
) -> bool:
    """Made by ``until`` and not withdrawn by ``since``: in force some time in the window."""
    withdrawn = signature.withdrawn_on
    made = until is None or signed_date(document, signature).last <= until
    return made and not (withdrawn is not None and withdrawn.last <= since)


def member_throughout(bloc: Bloc, country: Country, first: dt.date, last: dt.date) -> bool:
    """A member on every day from ``first`` to ``last``."""
    return any(
        m.country == country and m.joined <= first and (m.left is None or m.left > last)
        for m in bloc.memberships
    )


def party_of(signature: Signature) -> Party | None:
    """A country or bloc signatory as (kind, code); None for persons and organisations."""
    if isinstance(signature.party, Country):
        return ("country", signature.party.code)
    if isinstance(signature.party, Bloc):
        return ("bloc", signature.party.code)
    return None


def signatories(
    ds: Dataset, document: Document, *, expand_blocs: bool
) -> list[tuple[Party, Signature, str | None]]:
    """Each country or bloc signature, and, expanded, each member of a signing bloc."""
    blocs = all_bloc_records(ds)
    result: list[tuple[Party, Signature, str | None]] = []
    for signature in document.signatures:
        party = party_of(signature)
        if party is None:
            continue
        result.append((party, signature, None))
        if expand_blocs and party[0] == "bloc":
            date = signed_date(document, signature)
            bloc = blocs[party[1]]
            for country in sorted(bloc.countries):
                if member_throughout(bloc, country, date.first, date.last):
                    result.append((("country", country.code), signature, bloc.code))
    return result


def counted(
    ds: Dataset,
    document: Document,
    *,
    as_of: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    expand_blocs: bool,
) -> dict[Party, tuple[Signature, str | None]]:
    """The signatures that count, one per party: its own first, else the earliest bloc's.
    Only a vote for is a signature of the text (a vote against, an abstention or an
    absence is none)."""
    best: dict[Party, tuple[tuple[bool, dt.date, str], Signature, str | None]] = {}
    for party, signature, via in signatories(ds, document, expand_blocs=expand_blocs):
        if signature.vote != "for":
            continue
        if as_of is not None:
            ok = counts_on(document, signature, as_of)
        else:
            ok = counts_in(document, signature, since or document.date.first, until)
        if not ok:
            continue
        key = (via is not None, signed_date(document, signature).first, via or "")
        if party not in best or key < best[party][0]:
            best[party] = (key, signature, via)
    return {party: (signature, via) for party, (_, signature, via) in best.items()}


def regime_by_id(ds: Dataset) -> dict[str, SanctionsRegime]:
    """The regimes by id."""
    return {regime.id: regime for regime in ds.regimes}


_INDEX: dict[
    int, tuple[Dataset, dict[tuple[str, str], list[Designation]], dict[str, list[PartialDate]]]
] = {}


def _index(
    ds: Dataset,
) -> tuple[dict[tuple[str, str], list[Designation]], dict[str, list[PartialDate]]]:
    """The listings by (regime, country of the designee), and the dated evidence by
    regime: only lookups, so that the benchmark's 200,000 listings stay tractable."""
    found = _INDEX.get(id(ds))
    if found is None or found[0] is not ds:
        listings: dict[tuple[str, str], list[Designation]] = defaultdict(list)
        evidence: dict[str, list[PartialDate]] = defaultdict(list)
        for d in ds.designations:
            for country in d.countries:
                listings[(d.regime, country.code)].append(d)
            if d.listed_on is not None:
                evidence[d.regime].append(d.listed_on)
        for a in ds.actions:
            evidence[a.regime].append(a.date)
        if len(_INDEX) > 8:
            _INDEX.clear()
        found = _INDEX[id(ds)] = (ds, dict(listings), dict(evidence))
    return found[1], found[2]


def listings_of(ds: Dataset, regime: SanctionsRegime, country: str) -> list[Designation]:
    """The listings of a regime whose designee is of ``country`` (a nationality, or an
    organisation's country)."""
    return _index(ds)[0].get((regime.id, country), [])


def evidence_start(ds: Dataset, regime: SanctionsRegime) -> PartialDate | None:
    """When a regime starts: ``established_on``; without it, its earliest dated evidence
    (the act or listing whose date ends first); None when it has neither."""
    if regime.established_on is not None:
        return regime.established_on
    dates = _index(ds)[1].get(regime.id, [])
    return min(dates, key=lambda date: date.last) if dates else None


def in_force(ds: Dataset, regime: SanctionsRegime, day: dt.date) -> bool:
    """Started by ``day`` (established, or its first dated evidence known) and not lifted."""
    start = evidence_start(ds, regime)
    if start is None or start.last > day:
        return False
    return not (regime.lifted_on is not None and regime.lifted_on.last <= day)


def target_codes(regime: SanctionsRegime) -> set[str]:
    """The codes of a regime's targets (countries and regions)."""
    return {target.code for target in regime.targets}


def listing_stands(designation: Designation, day: dt.date) -> bool:
    """Listed (the whole date) by ``day`` and not delisted by then; undated never stands."""
    listed, delisted = designation.listed_on, designation.delisted_on
    if listed is None or listed.last > day:
        return False
    return not (delisted is not None and delisted.last <= day)


def reaches(ds: Dataset, regime: SanctionsRegime, target: str | None, day: dt.date) -> str | None:
    """How a regime reaches ``target`` on ``day``: "target" (one of its targets),
    "designations" (a thematic regime with a standing listing of a national), "regime"
    (``target`` None: any), or None."""
    if target is None:
        return "regime"
    if target in target_codes(regime):
        return "target"
    if regime.thematic and any(listing_stands(d, day) for d in listings_of(ds, regime, target)):
        return "designations"
    return None


def un_bloc(ds: Dataset) -> Bloc:
    """The built-in UN bloc."""
    return all_bloc_records(ds)["UN"]


def participants(
    ds: Dataset,
    target: str | None,
    day: dt.date,
    *,
    via_blocs: bool = True,
    via_alignment: bool = True,
    via_designations: bool = True,
    via_un: bool = False,
    regimes: Iterable[str] | None = None,
) -> dict[Party, set[tuple[str, str]]]:
    """Who takes part on ``day`` in sanctions on ``target`` (None: any regime), by
    (route, regime); a thematic regime adds ("designations", regime)."""
    wanted = None if regimes is None else set(regimes)
    blocs = all_bloc_records(ds)
    result: dict[Party, set[tuple[str, str]]] = defaultdict(set)

    def relevant(regime: SanctionsRegime) -> str | None:
        if wanted is not None and regime.id not in wanted:
            return None
        if not in_force(ds, regime, day):
            return None
        how = reaches(ds, regime, target, day)
        if how == "designations" and not via_designations:
            return None
        return how

    def add(party: Party, route: str, regime: SanctionsRegime, how: str) -> None:
        result[party].add((route, regime.id))
        if how == "designations":
            result[party].add(("designations", regime.id))

    for regime in ds.regimes:
        how = relevant(regime)
        if how is None:
            continue
        authority = regime.authority
        if isinstance(authority, Country):
            add(("country", authority.code), "own", regime, how)
        elif isinstance(authority, Bloc):
            add(("bloc", authority.code), "own", regime, how)
            if via_blocs:
                for member in blocs[authority.code].members_on(day):
                    add(("country", member.code), "bloc", regime, how)
        elif via_un:
            for member in un_bloc(ds).members_on(day):
                add(("country", member.code), "un", regime, how)
    if via_alignment:
        by_id = regime_by_id(ds)
        for alignment in ds.alignments:
            regime = by_id[alignment.regime]
            ended = alignment.ended_on is not None and alignment.ended_on.last <= day
            how = relevant(regime)
            if how is not None and alignment.aligned_on.last <= day and not ended:
                add(("country", alignment.country.code), "alignment", regime, how)
    return dict(result)


Event = tuple[Party, str, str, dt.date, dt.date]  # party, route, regime, first, last


def acts_against(
    ds: Dataset, regime: SanctionsRegime, target: str
) -> set[tuple[dt.date, dt.date, bool]]:
    """The dated acts of a regime against ``target``: (first, last, through designations).

    A regime with targets acts against each by its responding acts and by its
    establishment (``established_on``, unless an act row establishes it); a thematic
    regime by each dated listing of a person or organisation of that country.
    """
    if target in target_codes(regime):
        acts = {
            (a.date.first, a.date.last, False)
            for a in ds.actions
            if a.regime == regime.id and a.kind in RESPONSE_KINDS
        }
        recorded = any(a.regime == regime.id and a.kind == "establish" for a in ds.actions)
        if regime.established_on is not None and not recorded:
            acts.add((regime.established_on.first, regime.established_on.last, False))
        return acts
    if regime.thematic:
        return {
            (d.listed_on.first, d.listed_on.last, True)
            for d in listings_of(ds, regime, target)
            if d.listed_on is not None
        }
    return set()


def responses(
    ds: Dataset,
    target: str,
    *,
    via_blocs: bool = True,
    via_alignment: bool = True,
    via_designations: bool = True,
    via_un: bool = False,
) -> list[Event]:
    """Every dated sanctions act against ``target``, per party (an act through a thematic
    regime's listing once more with route "designations")."""
    blocs = all_bloc_records(ds)
    result: list[Event] = []
    for regime in ds.regimes:
        if evidence_start(ds, regime) is None:
            continue
        authority = regime.authority
        for first, last, listed in acts_against(ds, regime, target):
            if listed and not via_designations:
                continue
            parties: list[tuple[Party, str]] = []
            if isinstance(authority, Country):
                parties.append((("country", authority.code), "own"))
            elif isinstance(authority, Bloc):
                parties.append((("bloc", authority.code), "own"))
                if via_blocs:
                    bloc = blocs[authority.code]
                    parties += [
                        (("country", c.code), "bloc")
                        for c in bloc.countries
                        if member_throughout(bloc, c, first, last)
                    ]
            elif via_un:
                un = un_bloc(ds)
                parties += [
                    (("country", c.code), "un")
                    for c in un.countries
                    if member_throughout(un, c, first, last)
                ]
            for party, route in parties:
                result.append((party, route, regime.id, first, last))
                if listed:
                    result.append((party, "designations", regime.id, first, last))
    if via_alignment:
        by_id = regime_by_id(ds)
        for alignment in ds.alignments:
            regime = by_id[alignment.regime]
            if target not in target_codes(regime) or evidence_start(ds, regime) is None:
                continue
            date = alignment.aligned_on
            party = ("country", alignment.country.code)
            result.append((party, "alignment", regime.id, date.first, date.last))
    return result


def inside(event: Event, since: dt.date, until: dt.date | None) -> bool:
    """The event's whole date lies in the window."""
    return event[3] >= since and (until is None or event[4] <= until)


# -- the queries ---------------------------------------------------------------------------


def _document(ds: Dataset, document_id: str) -> Document:
    return next(d for d in ds.documents if d.id == document_id)


class Switches(TypedDict):
    """The route switches of the queries."""

    via_blocs: bool
    via_alignment: bool
    via_designations: bool
    via_un: bool


def _switches(
    via_blocs: bool, via_alignment: bool, via_designations: bool, via_un: bool
) -> Switches:
    return {
        "via_blocs": via_blocs,
        "via_alignment": via_alignment,
        "via_designations": via_designations,
        "via_un": via_un,
    }


def signed_not_sanctioned(
    ds: Dataset,
    document_id: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    via_designations: bool = True,
    via_un: bool = False,
    expand_blocs: bool = True,
) -> list[tuple[str, str, dt.date, str | None]]:
    """(country, party_kind, signed_on first day, via), sorted."""
    switches = _switches(via_blocs, via_alignment, via_designations, via_un)
    document = _document(ds, document_id)
    rows = _not_sanctioned(
        ds,
        [document],
        as_of=as_of,
        since=since,
        until=until,
        switches=switches,
        expand_blocs=expand_blocs,
    )
    return [row[1:] for row in rows]


def _not_sanctioned(
    ds: Dataset,
    documents: Iterable[Document],
    *,
    as_of: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    switches: Switches,
    expand_blocs: bool,
) -> list[tuple[str, str, str, dt.date, str | None]]:
    """(document_id, country, party_kind, signed_on first day, via) of each document, sorted.

    Who takes part in sanctions on a subject on ``as_of`` (or every dated act against it)
    depends on the subject alone: it is worked out once per subject, not per document.
    """
    on_day: dict[str, set[Party]] = {}
    acts: dict[str, list[Event]] = {}
    rows: list[tuple[str, str, str, dt.date, str | None]] = []
    for document in documents:
        assert document.subject is not None
        target = document.subject.code
        if as_of is not None:
            if target not in on_day:
                on_day[target] = set(participants(ds, target, as_of, **switches))
            acted = on_day[target]
        else:
            if target not in acts:
                acts[target] = responses(ds, target, **switches)
            start = since or document.date.first
            acted = {event[0] for event in acts[target] if inside(event, start, until)}
        signed = counted(
            ds, document, as_of=as_of, since=since, until=until, expand_blocs=expand_blocs
        )
        rows += [
            (document.id, party[1], party[0], signed_date(document, signature).first, via)
            for party, (signature, via) in signed.items()
            if party not in acted
        ]
    return sorted(rows)


def sanctioned_not_signed(
    ds: Dataset,
    document_id: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    via_designations: bool = True,
    via_un: bool = False,
    expand_blocs: bool = True,
) -> list[tuple[str, list[str], list[str], dt.date | None]]:
    """(country, routes, regimes, first_on), sorted by country."""
    switches = _switches(via_blocs, via_alignment, via_designations, via_un)
    document = _document(ds, document_id)
    assert document.subject is not None
    target = document.subject.code
    signed = counted(ds, document, as_of=as_of, since=since, until=until, expand_blocs=expand_blocs)
    rows: list[tuple[str, list[str], list[str], dt.date | None]] = []
    if as_of is not None:
        found = participants(ds, target, as_of, **switches)
        for party, evidence in found.items():
            if party[0] == "country" and party not in signed:
                rows.append(
                    (
                        party[1],
                        sorted({route for route, _ in evidence}),
                        sorted({regime for _, regime in evidence}),
                        None,
                    )
                )
    else:
        start = since or document.date.first
        by_party: dict[Party, list[Event]] = defaultdict(list)
        for event in responses(ds, target, **switches):
            if inside(event, start, until):
                by_party[event[0]].append(event)
        for party, events in by_party.items():
            if party[0] == "country" and party not in signed:
                rows.append(
                    (
                        party[1],
                        sorted({e[1] for e in events}),
                        sorted({e[2] for e in events}),
                        min(e[3] for e in events),
                    )
                )
    return sorted(rows)


def signed_not_sanctioned_all(
    ds: Dataset,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    via_designations: bool = True,
    via_un: bool = False,
    expand_blocs: bool = True,
) -> list[tuple[str, str, str, dt.date, str | None]]:
    """(document_id, country, party_kind, signed_on, via) for every document with a subject."""
    return _not_sanctioned(
        ds,
        [document for document in ds.documents if document.subject is not None],
        as_of=as_of,
        since=since,
        until=until,
        switches=_switches(via_blocs, via_alignment, via_designations, via_un),
        expand_blocs=expand_blocs,
    )


def participation(
    ds: Dataset,
    target: str,
    as_of: dt.date,
    *,
    via_blocs: bool = True,
    via_alignment: bool = True,
    via_designations: bool = True,
    via_un: bool = False,
) -> list[tuple[str, list[str], list[str]]]:
    """(country, routes, regimes) of every participating country, sorted."""
    switches = _switches(via_blocs, via_alignment, via_designations, via_un)
    found = participants(ds, target, as_of, **switches)
    return sorted(
        (
            party[1],
            sorted({route for route, _ in evidence}),
            sorted({regime for _, regime in evidence}),
        )
        for party, evidence in found.items()
        if party[0] == "country"
    )


def matrix(
    ds: Dataset,
    as_of: dt.date,
    *,
    regimes: Iterable[str] | None = None,
    expand_blocs: bool = True,
) -> set[tuple[str, str, str, str]]:
    """(document_id, party, party_kind, status) for every cell."""
    wanted = None if regimes is None else list(regimes)
    documents = [d for d in ds.documents if d.subject is not None]
    signed: dict[str, set[Party]] = {}
    sanctioned: dict[str, set[Party]] = {}
    by_subject: dict[str, set[Party]] = {}  # the participants depend on the subject alone
    for document in documents:
        assert document.subject is not None
        signed[document.id] = set(
            counted(ds, document, as_of=as_of, since=None, until=None, expand_blocs=expand_blocs)
        )
        subject = document.subject.code
        if subject not in by_subject:
            by_subject[subject] = set(participants(ds, subject, as_of, regimes=wanted))
        sanctioned[document.id] = by_subject[subject]
    rows: set[Party] = set()
    for document in documents:
        rows |= signed[document.id]
        rows |= {p for p in sanctioned[document.id] if p[0] == "country"}
    cells = set()
    for document in documents:
        for party in rows:
            s, t = party in signed[document.id], party in sanctioned[document.id]
            status = "both" if s and t else "signed" if s else "sanctioned" if t else "neither"
            cells.add((document.id, party[1], party[0], status))
    return cells


def response_lag(
    ds: Dataset, document_id: str, *, expand_blocs: bool = True
) -> list[tuple[str, str, str | None, dt.date, dt.date | None, list[str], int | None]]:
    """(country, party_kind, via, signed_on, first_act_on, regimes, lag_days), sorted."""
    document = _document(ds, document_id)
    assert document.subject is not None
    events = responses(ds, document.subject.code)
    best: dict[Party, tuple[tuple[bool, dt.date, str], Signature, str | None]] = {}
    for party, signature, via in signatories(ds, document, expand_blocs=expand_blocs):
        key = (via is not None, signed_date(document, signature).first, via or "")
        if party not in best or key < best[party][0]:
            best[party] = (key, signature, via)
    rows: list[tuple[str, str, str | None, dt.date, dt.date | None, list[str], int | None]] = []
    for party, (_, signature, via) in best.items():
        start = signed_date(document, signature).first
        after = [e for e in events if e[0] == party and e[3] >= start]
        if after:
            first = min(e[3] for e in after)
            regimes = sorted({e[2] for e in after if e[3] == first})
            rows.append((party[1], party[0], via, start, first, regimes, (first - start).days))
        else:
            rows.append((party[1], party[0], via, start, None, [], None))
    return sorted(rows, key=lambda row: (row[0], row[1]))


_VALUE = {"for": 1.0, "abstain": 0.5, "against": 0.0}


def agreement(
    ds: Dataset,
    documents: list[str] | None = None,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[tuple[str, str, int, int, float | None, int, float | None]]:
    """(a, b, co_signed, either_signed, jaccard, both_recorded, vote_agreement), sorted,
    over the documents (all by default) dated on or after ``since`` and wholly on or
    before ``until``."""
    start = None if since is None else PartialDate.parse(str(since)).first
    end = None if until is None else PartialDate.parse(str(until)).first
    positions: dict[str, dict[str, str]] = defaultdict(dict)
    for document in ds.documents:
        if documents is not None and document.id not in documents:
            continue
        if (start is not None and document.date.first < start) or (
            end is not None and document.date.last > end
        ):
            continue
        for signature in document.signatures:
            if (
                isinstance(signature.party, Country)
                and signature.withdrawn_on is None
                and signature.vote in POSITIONS
            ):
                positions[signature.party.code][document.id] = signature.vote
    rows = []
    countries = sorted(positions)
    yes = {c: {d for d, v in positions[c].items() if v == "for"} for c in countries}
    for i, a in enumerate(countries):
        for b in countries[i + 1 :]:
            yes_a, yes_b = yes[a], yes[b]
            shared, either = len(yes_a & yes_b), len(yes_a | yes_b)
            both = set(positions[a]) & set(positions[b])
            scores = [1 - abs(_VALUE[positions[a][d]] - _VALUE[positions[b][d]]) for d in both]
            rows.append(
                (
                    a,
                    b,
                    shared,
                    either,
                    shared / either if either else None,
                    len(both),
                    sum(scores) / len(scores) if scores else None,
                )
            )
    return rows


def bloc_cohesion(
    ds: Dataset, bloc_code: str, as_of: dt.date
) -> list[tuple[str, str, dt.date, int, int]]:
    """(kind, id, on, members, participants) for every document and every regime."""
    bloc = all_bloc_records(ds)[bloc_code]
    rows = []
    for document in ds.documents:
        date = document.date
        members = {c for c in bloc.countries if member_throughout(bloc, c, date.first, date.last)}
        signers = {
            s.party
            for s in document.signatures
            if isinstance(s.party, Country) and s.withdrawn_on is None and s.vote == "for"
        }
        rows.append(("document", document.id, date.first, len(members), len(members & signers)))
    members_now = {c.code for c in bloc.members_on(as_of)}
    for regime in ds.regimes:
        found = participants(ds, None, as_of, regimes=[regime.id])
        taking_part = {p[1] for p in found if p[0] == "country"}
        rows.append(("regime", regime.id, as_of, len(members_now), len(members_now & taking_part)))
    return sorted(rows)
