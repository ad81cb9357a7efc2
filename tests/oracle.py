"""A plain-Python oracle for sanctions_tracker.queries: sets and loops over the records.

Written for clarity, not speed: each function restates one rule of docs/queries.md over
the attrs records of a Dataset, and returns plain tuples that the polars results are
compared with.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sanctions_tracker.blocs import Bloc, all_blocs
from sanctions_tracker.countries import Country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.queries import RESPONSE_KINDS
from sanctions_tracker.records import Document, SanctionsRegime, Signature

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
    """The signatures that count, one per party: its own first, else the earliest bloc's."""
    best: dict[Party, tuple[tuple[bool, dt.date, str], Signature, str | None]] = {}
    for party, signature, via in signatories(ds, document, expand_blocs=expand_blocs):
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


def participants(
    ds: Dataset,
    target: str | None,
    day: dt.date,
    *,
    via_blocs: bool = True,
    via_alignment: bool = True,
    regimes: Iterable[str] | None = None,
) -> dict[Party, set[tuple[str, str]]]:
    """Who takes part on ``day`` in sanctions on ``target`` (None: any regime), by
    (route, regime)."""
    wanted = None if regimes is None else set(regimes)
    blocs = all_bloc_records(ds)
    result: dict[Party, set[tuple[str, str]]] = defaultdict(set)

    def relevant(regime: SanctionsRegime) -> bool:
        if wanted is not None and regime.id not in wanted:
            return False
        if target is not None and (regime.target is None or regime.target.code != target):
            return False
        return regime.in_force_on(day)

    for regime in ds.regimes:
        if not relevant(regime):
            continue
        authority = regime.authority
        if isinstance(authority, Country):
            result[("country", authority.code)].add(("own", regime.id))
        else:
            result[("bloc", authority.code)].add(("own", regime.id))
            if via_blocs:
                for member in blocs[authority.code].members_on(day):
                    result[("country", member.code)].add(("bloc", regime.id))
    if via_alignment:
        by_id = regime_by_id(ds)
        for alignment in ds.alignments:
            regime = by_id[alignment.regime]
            ended = alignment.ended_on is not None and alignment.ended_on.last <= day
            if relevant(regime) and alignment.aligned_on.last <= day and not ended:
                result[("country", alignment.country.code)].add(("alignment", regime.id))
    return dict(result)


Event = tuple[Party, str, str, dt.date, dt.date]  # party, route, regime, first, last


def responses(
    ds: Dataset, target: str, *, via_blocs: bool = True, via_alignment: bool = True
) -> list[Event]:
    """Every dated sanctions act against ``target``, per party."""
    blocs = all_bloc_records(ds)
    by_id = regime_by_id(ds)
    result: list[Event] = []
    for action in ds.actions:
        regime = by_id[action.regime]
        if action.kind not in RESPONSE_KINDS:
            continue
        if regime.target is None or regime.target.code != target:
            continue
        first, last = action.date.first, action.date.last
        authority = regime.authority
        if isinstance(authority, Country):
            result.append((("country", authority.code), "own", regime.id, first, last))
        else:
            result.append((("bloc", authority.code), "own", regime.id, first, last))
            if via_blocs:
                bloc = blocs[authority.code]
                for country in bloc.countries:
                    if member_throughout(bloc, country, first, last):
                        result.append((("country", country.code), "bloc", regime.id, first, last))
    if via_alignment:
        for alignment in ds.alignments:
            regime = by_id[alignment.regime]
            if regime.target is None or regime.target.code != target:
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


def signed_not_sanctioned(
    ds: Dataset,
    document_id: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
) -> list[tuple[str, str, dt.date, str | None]]:
    """(country, party_kind, signed_on first day, via), sorted."""
    document = _document(ds, document_id)
    assert document.subject is not None
    target = document.subject.code
    signed = counted(ds, document, as_of=as_of, since=since, until=until, expand_blocs=expand_blocs)
    if as_of is not None:
        acted = set(
            participants(ds, target, as_of, via_blocs=via_blocs, via_alignment=via_alignment)
        )
    else:
        start = since or document.date.first
        acted = {
            event[0]
            for event in responses(ds, target, via_blocs=via_blocs, via_alignment=via_alignment)
            if inside(event, start, until)
        }
    return sorted(
        (party[1], party[0], signed_date(document, signature).first, via)
        for party, (signature, via) in signed.items()
        if party not in acted
    )


def sanctioned_not_signed(
    ds: Dataset,
    document_id: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
) -> list[tuple[str, list[str], list[str], dt.date | None]]:
    """(country, routes, regimes, first_on), sorted by country."""
    document = _document(ds, document_id)
    assert document.subject is not None
    target = document.subject.code
    signed = counted(ds, document, as_of=as_of, since=since, until=until, expand_blocs=expand_blocs)
    rows: list[tuple[str, list[str], list[str], dt.date | None]] = []
    if as_of is not None:
        found = participants(ds, target, as_of, via_blocs=via_blocs, via_alignment=via_alignment)
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
        for event in responses(ds, target, via_blocs=via_blocs, via_alignment=via_alignment):
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
    ds: Dataset, **kwargs: object
) -> list[tuple[str, str, str, dt.date, str | None]]:
    """(document_id, country, party_kind, signed_on, via) for every document with a subject."""
    return sorted(
        (document.id, *row)
        for document in ds.documents
        if document.subject is not None
        for row in signed_not_sanctioned(ds, document.id, **kwargs)  # type: ignore[arg-type]  # the same keywords
    )


def participation(
    ds: Dataset, target: str, as_of: dt.date, *, via_blocs: bool = True, via_alignment: bool = True
) -> list[tuple[str, list[str], list[str]]]:
    """(country, routes, regimes) of every participating country, sorted."""
    found = participants(ds, target, as_of, via_blocs=via_blocs, via_alignment=via_alignment)
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
    ds: Dataset, as_of: dt.date, *, regimes: Iterable[str] | None = None
) -> set[tuple[str, str, str, str]]:
    """(document_id, party, party_kind, status) for every cell."""
    wanted = None if regimes is None else list(regimes)
    documents = [d for d in ds.documents if d.subject is not None]
    signed: dict[str, set[Party]] = {}
    sanctioned: dict[str, set[Party]] = {}
    for document in documents:
        assert document.subject is not None
        signed[document.id] = set(
            counted(ds, document, as_of=as_of, since=None, until=None, expand_blocs=False)
        )
        sanctioned[document.id] = set(
            participants(ds, document.subject.code, as_of, regimes=wanted)
        )
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
    ds: Dataset, document_id: str, *, expand_blocs: bool = False
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
) -> list[tuple[str, str, int, int, float | None, int, float | None]]:
    """(a, b, co_signed, either_signed, jaccard, both_recorded, vote_agreement), sorted."""
    positions: dict[str, dict[str, str]] = defaultdict(dict)
    for document in ds.documents:
        for signature in document.signatures:
            if isinstance(signature.party, Country) and signature.withdrawn_on is None:
                positions[signature.party.code][document.id] = signature.vote
    rows = []
    countries = sorted(positions)
    for i, a in enumerate(countries):
        for b in countries[i + 1 :]:
            yes_a = {d for d, v in positions[a].items() if v == "for"}
            yes_b = {d for d, v in positions[b].items() if v == "for"}
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
            if isinstance(s.party, Country) and s.withdrawn_on is None
        }
        rows.append(("document", document.id, date.first, len(members), len(members & signers)))
    members_now = {c.code for c in bloc.members_on(as_of)}
    for regime in ds.regimes:
        found = participants(ds, None, as_of, regimes=[regime.id])
        taking_part = {p[1] for p in found if p[0] == "country"}
        rows.append(("regime", regime.id, as_of, len(members_now), len(members_now & taking_part)))
    return sorted(rows)
