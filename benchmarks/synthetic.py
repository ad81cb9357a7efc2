"""Synthetic datasets of a given size for the query benchmarks, built directly as frames.

The default size: 200 countries, 5,000 documents, about 400,000 signatures (80 per
document, some signed late, some withdrawn, some abstaining or against), 3,000 regimes
(30% imposed by one of 8 user blocs of 25 members; a fifth thematic, without a target),
about 6,000 acts, 200,000 designations under the thematic regimes (each designee a
national of one of 3 countries of its regime's, a fifth with a second of them, 5%
delisted) and about 60,000 regime
participants through own regimes, blocs and alignments. ``scale`` multiplies
documents, signatures, regimes, acts, designations and alignments (the countries stay
200). ``thematic=False`` gives the data of the first release: every regime targeted,
no designations.

No record object is built: the tables are numpy-drawn polars frames, checked by
``Dataset.from_tables`` like any other input.

Run: ``.venv/bin/python benchmarks/synthetic.py`` prints the sizes and participants.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.tables import country_dtype, schema

COUNTRIES = 200
DOCUMENTS = 5_000
SIGNATURES_PER_DOCUMENT = 80
REGIMES = 3_000
BLOCS = 8
BLOC_MEMBERS = 25
BLOC_SHARE = 0.3
ALIGNMENTS_PER_REGIME = 12
ACTS_PER_REGIME = 2
THEMATIC_SHARE = 0.2
DESIGNATIONS = 200_000
FOCUS = 3
EPOCH = dt.date(2000, 1, 1)
HORIZON = 9_000  # days after EPOCH: into 2024


def _day(days: np.ndarray, name: str) -> pl.Series:
    """Days after 1970-01-01 as a Date series."""
    return pl.Series(name, days.astype("int32"), dtype=pl.Int32).cast(pl.Date)


def synthetic_tables(  # noqa: PLR0915  # one table after another, each a few statements
    scale: int = 1, *, seed: int = 0, thematic: bool = True
) -> dict[str, pl.DataFrame]:
    """The tables of a synthetic dataset ``scale`` times the default size.

    >>> tables = synthetic_tables(seed=1)
    >>> tables["signatures"].height, tables["regimes"].height
    (400000, 3000)
    """
    rng = np.random.default_rng(seed)
    codes = np.array([c for c in country_dtype().categories.to_list() if len(c) == 2][:COUNTRIES])
    epoch = (EPOCH - dt.date(1970, 1, 1)).days

    # documents: a subject for 95% of them
    n_docs = DOCUMENTS * scale
    doc_ids = np.array([f"doc-{i:06d}" for i in range(n_docs)])
    doc_day = epoch + 5_000 + rng.integers(0, HORIZON - 5_000, n_docs)
    subjects = codes[rng.integers(0, COUNTRIES, n_docs)].astype(object)
    subjects[rng.random(n_docs) < 0.05] = None
    documents = pl.DataFrame(
        {
            "document_id": doc_ids,
            "kind": pl.Series(["statement"] * n_docs),
            "title": pl.Series(["Statement"] * n_docs),
            "date": _day(doc_day, "date"),
            "date_precision": pl.Series(["day"] * n_docs),
            "subject": pl.Series(subjects, dtype=pl.String),
        }
    )

    # signatures: 80 distinct countries per document
    per = SIGNATURES_PER_DOCUMENT
    chosen = np.argsort(rng.random((n_docs, COUNTRIES)), axis=1)[:, :per]
    n_sig = n_docs * per
    sig_doc = np.repeat(np.arange(n_docs), per)
    party = codes[chosen.ravel()]
    late = rng.random(n_sig) < 0.05
    signed_day = np.where(late, doc_day[sig_doc] + rng.integers(1, 200, n_sig), 0)
    withdrawn = rng.random(n_sig) < 0.02
    withdrawn_day = doc_day[sig_doc] + np.where(late, 200, 0) + rng.integers(1, 400, n_sig)
    votes = rng.choice(np.array(["for", "abstain", "against"]), n_sig, p=[0.9, 0.07, 0.03])
    signatures = pl.DataFrame(
        {
            "document_id": doc_ids[sig_doc],
            "position": pl.Series(np.tile(np.arange(per), n_docs), dtype=pl.Int32),
            "party_kind": pl.Series(["country"]).extend_constant("country", n_sig - 1),
            "party": party,
            "country": party,
        }
    ).with_columns(
        pl.when(pl.Series(late)).then(_day(signed_day, "s")).alias("signed_on"),
        pl.when(pl.Series(late)).then(pl.lit("day")).alias("signed_on_precision"),
        pl.when(pl.Series(withdrawn)).then(_day(withdrawn_day, "w")).alias("withdrawn_on"),
        pl.when(pl.Series(withdrawn)).then(pl.lit("day")).alias("withdrawn_on_precision"),
        pl.Series("vote", votes),
    )

    # user blocs of 25 members each
    bloc_codes = np.array([f"BLOC{i}" for i in range(BLOCS)])
    members = np.concatenate(
        [rng.choice(COUNTRIES, BLOC_MEMBERS, replace=False) for _ in range(BLOCS)]
    )
    blocs = pl.DataFrame(
        {
            "bloc": bloc_codes,
            "name": [f"Bloc {i}" for i in range(BLOCS)],
            "source": [""] * BLOCS,
            "builtin": [False] * BLOCS,
        }
    )
    joined = epoch + rng.integers(-3_000, 6_000, BLOCS * BLOC_MEMBERS)
    leaves = rng.random(BLOCS * BLOC_MEMBERS) < 0.1
    memberships = pl.DataFrame(
        {
            "bloc": np.repeat(bloc_codes, BLOC_MEMBERS),
            "country": codes[members],
            "joined": _day(joined, "joined"),
        }
    ).with_columns(
        pl.when(pl.Series(leaves))
        .then(_day(joined + rng.integers(500, 4_000, BLOCS * BLOC_MEMBERS), "left"))
        .alias("left")
    )

    # regimes, 30% by a bloc, 10% lifted
    n_reg = REGIMES * scale
    regime_ids = np.array([f"R{i:06d}" for i in range(n_reg)])
    by_bloc = rng.random(n_reg) < BLOC_SHARE
    authority = np.where(
        by_bloc, bloc_codes[rng.integers(0, BLOCS, n_reg)], codes[rng.integers(0, COUNTRIES, n_reg)]
    )
    established = epoch + rng.integers(0, 7_000, n_reg)
    lifted = rng.random(n_reg) < 0.1
    lifted_day = established + rng.integers(300, 2_000, n_reg)
    end = np.where(lifted, lifted_day, epoch + HORIZON)
    targets = codes[rng.integers(0, COUNTRIES, n_reg)].astype(object)
    themed = (rng.random(n_reg) < THEMATIC_SHARE) if thematic else np.zeros(n_reg, dtype=bool)
    targets[themed] = None
    regimes = pl.DataFrame(
        {
            "regime_id": regime_ids,
            "name": pl.Series(["Regime"] * n_reg),
            "authority_kind": np.where(by_bloc, "bloc", "country"),
            "authority": authority,
            "target": pl.Series(targets.tolist(), dtype=pl.String),
            "established_on": _day(established, "established_on"),
            "established_on_precision": pl.Series(["day"] * n_reg),
        }
    ).with_columns(
        pl.when(pl.Series(lifted)).then(_day(lifted_day, "l")).alias("lifted_on"),
        pl.when(pl.Series(lifted)).then(pl.lit("day")).alias("lifted_on_precision"),
    )

    # acts: 2 per regime inside its life, the first its establishment
    n_act = n_reg * ACTS_PER_REGIME
    act_regime = np.repeat(np.arange(n_reg), ACTS_PER_REGIME)
    act_day = np.where(
        np.tile(np.arange(ACTS_PER_REGIME), n_reg) == 0,
        established[act_regime],
        established[act_regime]
        + ((end[act_regime] - established[act_regime]) * rng.random(n_act)).astype(np.int64),
    )
    actions = pl.DataFrame(
        {
            "regime_id": regime_ids[act_regime],
            "date": _day(act_day, "date"),
            "date_precision": pl.Series(["day"] * n_act),
            "kind": np.where(np.tile(np.arange(ACTS_PER_REGIME), n_reg) == 0, "establish", "amend"),
        }
    )

    # alignments: about 12 per regime, inside its life, 10% ended
    n_al = n_reg * ALIGNMENTS_PER_REGIME
    al_regime = rng.integers(0, n_reg, n_al)
    al_day = established[al_regime] + (
        (end[al_regime] - established[al_regime]) * rng.random(n_al) * 0.5
    ).astype(np.int64)
    ended = rng.random(n_al) < 0.1
    alignments = (
        pl.DataFrame(
            {
                "country": codes[rng.integers(0, COUNTRIES, n_al)],
                "regime_id": regime_ids[al_regime],
                "aligned_on": _day(al_day, "aligned_on"),
                "aligned_on_precision": pl.Series(["day"] * n_al),
            }
        )
        .with_columns(
            pl.when(pl.Series(ended))
            .then(_day(al_day + rng.integers(30, 1_000, n_al), "e"))
            .alias("ended_on"),
            pl.when(pl.Series(ended)).then(pl.lit("day")).alias("ended_on_precision"),
        )
        .unique(["country", "regime_id"], keep="first", maintain_order=True)
    )
    # designations: 200,000 under the thematic regimes, inside their life, each regime
    # listing nationals of 3 countries of its own (a second nationality among them too)
    focus = rng.integers(0, COUNTRIES, (n_reg, FOCUS))
    themed_ids = np.flatnonzero(themed)
    n_des = DESIGNATIONS * scale if len(themed_ids) else 0
    des_regime = themed_ids[rng.integers(0, max(len(themed_ids), 1), n_des)]
    listed = established[des_regime] + (
        (end[des_regime] - established[des_regime]) * rng.random(n_des)
    ).astype(np.int64)
    delisted = rng.random(n_des) < 0.05
    second = rng.random(n_des) < 0.2
    designations = pl.DataFrame(
        {
            "designation_id": [f"D{i:07d}" for i in range(n_des)],
            "regime_id": regime_ids[des_regime],
            "target_kind": np.where(rng.random(n_des) < 0.8, "person", "organization"),
            "target_name": [f"Designee {i}" for i in range(n_des)],
            "target_country": codes[focus[des_regime, rng.integers(0, FOCUS, n_des)]],
            "listed_on": _day(listed, "listed_on"),
            "listed_on_precision": pl.Series(["day"] * n_des, dtype=pl.String),
        }
    ).with_columns(
        pl.when(pl.Series(delisted))
        .then(_day(listed + rng.integers(30, 2_000, n_des), "d"))
        .alias("delisted_on"),
        pl.when(pl.Series(delisted)).then(pl.lit("day")).alias("delisted_on_precision"),
        pl.when(pl.Series(second))
        .then(pl.concat_list(pl.Series(codes[focus[des_regime, rng.integers(0, FOCUS, n_des)]])))
        .otherwise(pl.lit([], dtype=pl.List(pl.String)))
        .alias("nationalities"),
    )
    return {
        "documents": documents,
        "signatures": signatures,
        "regimes": regimes,
        "actions": actions,
        "designations": designations,
        "alignments": alignments,
        "blocs": blocs,
        "memberships": memberships,
    }


def synthetic_dataset(scale: int = 1, *, seed: int = 0, thematic: bool = True) -> Dataset:
    """A validated Dataset of :func:`synthetic_tables`."""
    tables = synthetic_tables(scale, seed=seed, thematic=thematic)
    return Dataset.from_tables(
        {
            name: frame.select(c for c in frame.columns if c in schema(name))
            for name, frame in tables.items()
        }
    )


if __name__ == "__main__":
    from sanctions_tracker import queries

    dataset = synthetic_dataset()
    print(dataset)
    spans = queries.Prepared(dataset.tables).spans().collect()
    print(f"regime participants (own, bloc, alignment): {spans.height}")
    print(spans.group_by("route").len().sort("route"))
