"""A picture of the matrix: countries x documents and regimes, as a heatmap.

Needs matplotlib, the ``plot`` extra (``pip install "sanctions-tracker[plot]"``); it is
imported when a picture is drawn, never when the package is imported. The figure is
drawn on matplotlib's Agg canvas, without pyplot, so nothing global changes.

>>> from sanctions_tracker.dataset import Dataset
>>> from sanctions_tracker.records import JointStatement, SanctionsRegime
>>> ds = Dataset(
...     statements=[JointStatement("s", "On Belarus", "2020-09-17", "BY",
...                                signatures=["Japan", "Canada"])],
...     regimes=[SanctionsRegime("CA-BLR", "Canada on Belarus", "CA", "BY")],
... )
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     written = plot_matrix(ds, as_of="2020-12-31", path=pathlib.Path(folder, "m.svg"))
...     "Japan" in written.read_text()
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from sanctions_tracker.dates import to_day
from sanctions_tracker.errors import QueryError, SanctionsTrackerError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from sanctions_tracker.dataset import Dataset

__all__ = ["DOCUMENT_CELLS", "REGIME_CELLS", "plot_matrix", "signed_documents"]

#: The colour of each status of a (country, document) cell: did it sign the document,
#: and did it take part in sanctions on the document's subject on the day?
DOCUMENT_CELLS: dict[str, tuple[str, str]] = {
    "both": ("signed and sanctioned", "#1b9e77"),
    "signed": ("signed, did not sanction", "#d95f02"),
    "sanctioned": ("sanctioned, did not sign", "#7570b3"),
}
#: The colour of each way a country takes part in a regime on the day.
REGIME_CELLS: dict[str, tuple[str, str]] = {
    "own": ("its own regime", "#08519c"),
    "bloc": ("member of the imposing bloc", "#4292c6"),
    "alignment": ("aligned with it", "#9ecae1"),
}
_EMPTY = ("neither / not taking part", "#f0f0f0")
_CODES = ["", *DOCUMENT_CELLS, *REGIME_CELLS]
_SUFFIXES = {".png": "png", ".svg": "svg"}


def plot_matrix(
    dataset: Dataset,
    *,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    as_of: dt.date | str | None = None,
    path: str | Path,
) -> Path:
    """Draw the countries x documents-and-regimes matrix on ``as_of`` to a PNG or SVG file.

    One row per party (countries by name, then blocs); one column per document (did
    the party sign it, and did it take part in sanctions on the document's subject:
    :meth:`~sanctions_tracker.Dataset.matrix`), then one per regime (how the country
    takes part in it: as the authority, as a member of the imposing bloc, or by
    alignment: :meth:`~sanctions_tracker.Dataset.participation`).

    Args:
        dataset: The dataset to draw.
        documents: Document ids (default: :func:`signed_documents`, every document with
            a subject and a named signatory).
        regimes: Regime ids that count as sanctioning, and the regime columns (default:
            every regime against a subject of the documents).
        as_of: The day of the status (default: today).
        path: The file to write; its suffix, ``.png`` or ``.svg``, picks the format.

    Returns:
        The path written. In an SVG file the labels stay text, so they can be searched.

    Raises:
        QueryError: For a suffix other than ``.png`` or ``.svg``, an unknown document
            or regime, or nothing to draw.
        SanctionsTrackerError: When matplotlib is not installed.

    >>> from sanctions_tracker.dataset import Dataset
    >>> plot_matrix(Dataset(), path="matrix.pdf")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.QueryError: matrix.pdf: write a .png or .svg file
    """
    out = Path(path)
    fmt = _SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        raise QueryError(f"{out}: write a .png or .svg file")
    try:
        import matplotlib as mpl
        from matplotlib.backends.backend_agg import FigureCanvasAgg
    except ImportError:
        raise SanctionsTrackerError(
            "drawing needs matplotlib: pip install 'sanctions-tracker[plot]'"
        ) from None
    grid, document_count = _grid(dataset, documents, regimes, as_of)
    day = dt.date.today() if as_of is None else to_day(as_of)
    figure = _draw(grid, document_count=document_count, title=f"Signed and sanctioned, on {day}")
    FigureCanvasAgg(figure)
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "sanctions_tracker"}):
        figure.savefig(out, format=fmt, dpi=150, bbox_inches="tight", metadata=_metadata(fmt))
    return out


def _metadata(fmt: str) -> dict[str, str | None]:
    # No creation date, so the same data gives the same file.
    return {"Date": None} if fmt == "svg" else {"Software": "sanctions_tracker"}


def _grid(
    dataset: Dataset,
    documents: Iterable[str] | None,
    regimes: Iterable[str] | None,
    as_of: dt.date | str | None,
) -> tuple[pl.DataFrame, int]:
    """One row per party: ``label``, a status column per document, then one per regime."""
    documents = signed_documents(dataset) if documents is None else list(documents)
    regimes = None if regimes is None else list(regimes)
    cells = dataset.matrix(documents, regimes, as_of=as_of)
    subjects = (
        dataset.tables.documents.filter(pl.col("subject").is_not_null())
        .filter(pl.col("document_id").is_in(documents))
        .select(pl.col("subject").cast(pl.String))
        .unique()
        .to_series()
    )
    known = dataset.tables.regimes.select("regime_id", pl.col("target").cast(pl.String))
    if regimes is None:
        chosen = known.filter(pl.col("target").is_in(subjects.implode()))
    else:
        missing = sorted(set(regimes) - set(known["regime_id"].to_list()))
        if missing:
            raise QueryError(
                f"unknown regime {missing[0]!r}: the regimes are "
                f"{', '.join(known['regime_id'].sort().to_list()) or 'none'}"
            )
        chosen = known.filter(pl.col("regime_id").is_in(regimes))
    routes = _routes(dataset, chosen, as_of)
    document_ids = cells["document_id"].unique(maintain_order=True).to_list()
    parties = pl.concat(
        [
            cells.select("country", "party_kind", "name"),
            routes.select("country", pl.lit("country").alias("party_kind"), "name"),
        ]
    ).unique(["country", "party_kind"])
    if parties.height == 0:
        raise QueryError("nothing to draw: no party signed a document or takes part in a regime")
    wide_documents = cells.pivot(
        on="document_id", index=["country", "party_kind"], values="status"
    ).select("country", "party_kind", *[pl.col(d).cast(pl.String) for d in document_ids])
    regime_ids = chosen["regime_id"].sort().to_list()
    wide_regimes = (
        routes.pivot(on="regime_id", index="country", values="route")
        if routes.height
        else pl.DataFrame(schema={"country": pl.String})
    )
    wide_regimes = wide_regimes.select(
        "country",
        *[
            pl.col(r) if r in wide_regimes.columns else pl.lit(None, pl.String).alias(r)
            for r in regime_ids
        ],
    )
    grid = (
        parties.join(wide_documents, on=["country", "party_kind"], how="left")
        .join(
            wide_regimes.with_columns(pl.lit("country").alias("party_kind")),
            on=["country", "party_kind"],
            how="left",
        )
        .with_columns(
            pl.when(pl.col("party_kind") == "country")
            .then(pl.col("name"))
            .otherwise(pl.col("name") + " (bloc)")
            .alias("label"),
            (pl.col("party_kind") != "country").alias("_bloc"),
        )
        .sort("_bloc", "label")
        .select("label", *document_ids, *regime_ids)
    )
    return grid, len(document_ids)


def signed_documents(dataset: Dataset) -> list[str]:
    """The documents the matrix shows by default: with a subject, and a named signatory.

    A letter signed anonymously says nothing about who signed, so a column for it would
    only repeat who sanctions its subject.

    >>> from sanctions_tracker.dataset import Dataset
    >>> from sanctions_tracker.records import JointStatement, Letter
    >>> signed_documents(Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP"])],
    ...     letters=[Letter("l", "L", "2020", "BY", anonymous=True, reported_count=100)],
    ... ))
    ['s']
    """
    t = dataset.tables
    named = t.signatures.filter(pl.col("party_kind").is_in(["country", "bloc"]))
    return (
        t.documents.filter(pl.col("subject").is_not_null())
        .join(named.select("document_id").unique(), on="document_id", how="semi")
        .sort("date", "document_id")["document_id"]
        .to_list()
    )


def _routes(dataset: Dataset, regimes: pl.DataFrame, as_of: dt.date | str | None) -> pl.DataFrame:
    """``country``, ``name``, ``regime_id`` and ``route`` for each chosen regime.

    The route is the most direct one that makes the country take part: its own
    regime, else through a bloc, else by alignment (the participation query asked
    with the bloc and alignment switches off, then on, in turn).
    """
    rows: list[pl.DataFrame] = []
    wanted = regimes["regime_id"].implode()
    for target in regimes["target"].drop_nulls().unique().sort().to_list():
        for route, via_blocs, via_alignment in (
            ("own", False, False),
            ("bloc", True, False),
            ("alignment", True, True),
        ):
            found = dataset.participation(
                target, as_of=as_of, via_blocs=via_blocs, via_alignment=via_alignment
            )
            rows.append(
                found.select("country", "name", "regimes")
                .explode("regimes")
                .rename({"regimes": "regime_id"})
                .filter(pl.col("regime_id").is_in(wanted))
                .with_columns(pl.lit(route).alias("route"))
            )
    if not rows:
        return pl.DataFrame(
            schema={
                "country": pl.String,
                "name": pl.String,
                "regime_id": pl.String,
                "route": pl.String,
            }
        )
    order = pl.col("route").replace_strict(list(REGIME_CELLS), range(len(REGIME_CELLS)))
    return (
        pl.concat(rows)
        .with_columns(pl.col("country").cast(pl.String))
        .sort(order)
        .unique(["country", "regime_id"], keep="first")
    )


def _draw(grid: pl.DataFrame, *, document_count: int, title: str) -> Figure:
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    columns = grid.columns[1:]
    codes = grid.select(
        pl.col(c).replace_strict(_CODES, range(len(_CODES)), default=0, return_dtype=pl.Int64)
        for c in columns
    ).to_numpy()
    colours = [_EMPTY[1], *(c for _, c in DOCUMENT_CELLS.values())]
    colours += [c for _, c in REGIME_CELLS.values()]
    rows = grid.height
    figure = Figure(figsize=(4.5 + 0.5 * len(columns), 2.0 + 0.24 * rows), layout="constrained")
    figure.suptitle(title, fontsize=10)
    axes = figure.add_subplot()
    axes.imshow(
        codes,
        cmap=ListedColormap(colours),
        norm=BoundaryNorm([i - 0.5 for i in range(len(colours) + 1)], len(colours)),
        aspect="auto",
        interpolation="nearest",
    )
    axes.set_yticks(range(rows), grid["label"].to_list(), fontsize=8)
    axes.set_xticks(range(len(columns)), columns, fontsize=8, rotation=40, ha="left")
    axes.xaxis.tick_top()
    axes.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, rows)], minor=True)
    axes.grid(which="minor", color="white", linewidth=0.8)
    axes.tick_params(which="minor", length=0)
    if 0 < document_count < len(columns):
        axes.axvline(document_count - 0.5, color="black", linewidth=1.5)
    handles = [Patch(color=c, label=label) for label, c in DOCUMENT_CELLS.values()]
    handles += [Patch(color=c, label=f"regime: {label}") for label, c in REGIME_CELLS.values()]
    handles.append(Patch(facecolor=_EMPTY[1], edgecolor="#bbbbbb", label=_EMPTY[0]))
    figure.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=8, frameon=False)
    return figure
