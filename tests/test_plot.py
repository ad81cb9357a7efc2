"""The matrix picture: a readable heatmap of every party, to PNG or SVG."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import polars as pl
import pytest

import sanctions_tracker as st
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.plot import _grid, plot_matrix, signed_documents
from sanctions_tracker.records import Alignment, JointStatement, SanctionsRegime

SVG = "{http://www.w3.org/2000/svg}"


def _small() -> Dataset:
    """Canada by its own regime, Austria through the EU, Ukraine by alignment; Japan signs."""
    return Dataset(
        statements=[JointStatement("s", "On Belarus", "2020-09-17", "BY", signatures=["JP", "CA"])],
        regimes=[
            SanctionsRegime("CA-BLR", "Canada", "CA", "BY", established_on="2020-09-29"),
            SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2004-09-24"),
        ],
        alignments=[Alignment("UA", "EU-BLR", "2020-11-20")],
    )


def _texts(path: Path) -> set[str]:
    root = ET.parse(path).getroot()
    return {"".join(t.itertext()) for t in root.iter(f"{SVG}text")}


def test_svg_labels_every_party(tmp_path: Path) -> None:
    """Every party of the Belarus matrix appears, by name, as text in the SVG."""
    dataset = belarus_2020()
    path = plot_matrix(dataset, as_of="2020-12-31", path=tmp_path / "belarus.svg")
    cells = dataset.matrix(as_of="2020-12-31")
    names = cells.filter(pl.col("party_kind") == "country")["name"].unique().to_list()
    assert set() == set(names) - _texts(path)
    assert path.stat().st_size > 20_000


def test_png_is_a_sizeable_image(tmp_path: Path) -> None:
    """A .png path gives a PNG file, large enough to hold the Belarus matrix."""
    path = plot_matrix(belarus_2020(), as_of="2020-12-31", path=tmp_path / "belarus.png")
    header = path.read_bytes()[:24]
    width, height = int.from_bytes(header[16:20]), int.from_bytes(header[20:24])
    expected = (b"\x89PNG\r\n\x1a\n", True)
    assert expected == (header[:8], width > 800 and height > 1500)


def test_grid_shows_each_route() -> None:
    """Regime columns say how each country takes part: own regime, bloc, or alignment."""
    grid, documents = _grid(_small(), None, None, "2020-12-31")
    routes = dict(zip(grid["label"], grid["EU-BLR"], strict=True))
    own = dict(zip(grid["label"], grid["CA-BLR"], strict=True))
    expected = (1, "bloc", "alignment", "own")
    assert expected == (documents, routes["Austria"], routes["Ukraine"], own["Canada"])


def test_grid_shows_document_status() -> None:
    """Document columns hold the matrix status of each party."""
    grid, _ = _grid(_small(), None, None, "2020-12-31")
    status = dict(zip(grid["label"], grid["s"], strict=True))
    expected = ("signed", "both", "sanctioned")
    assert expected == (status["Japan"], status["Canada"], status["Ukraine"])


def test_default_documents_leave_out_anonymous_letters() -> None:
    """By default the columns are the documents with a subject and a named signatory."""
    expected = ["by-2020-09-17-internet-shutdowns", "by-2020-10-26-un-human-rights"]
    assert expected == signed_documents(belarus_2020())


def test_same_data_same_svg(tmp_path: Path) -> None:
    """Drawing twice gives the same bytes: no timestamp or random id in the file."""
    first = plot_matrix(_small(), as_of="2020-12-31", path=tmp_path / "a.svg").read_bytes()
    second = plot_matrix(_small(), as_of="2020-12-31", path=tmp_path / "b.svg").read_bytes()
    assert first == second


def test_other_suffix_is_refused(tmp_path: Path) -> None:
    """Only .png and .svg are written; anything else is our error, naming the file."""
    with pytest.raises(st.QueryError, match=r"matrix\.pdf: write a \.png or \.svg file"):
        plot_matrix(_small(), path=tmp_path / "matrix.pdf")


def test_unknown_regime_is_refused(tmp_path: Path) -> None:
    """A regime id that the dataset does not hold is named, with the known ones."""
    with pytest.raises(st.SanctionsTrackerError, match="GB-BLR"):
        plot_matrix(_small(), regimes=["GB-BLR"], as_of="2020-12-31", path=tmp_path / "m.png")


def test_missing_matplotlib_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib the error names the extra to install."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(st.SanctionsTrackerError, match=r"sanctions-tracker\[plot\]"):
        plot_matrix(_small(), path=tmp_path / "m.png")


def test_package_import_does_not_load_matplotlib() -> None:
    """Importing sanctions_tracker (and its command line) leaves matplotlib unloaded."""
    code = "import sys, sanctions_tracker.cli; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    expected = "False\n"
    assert expected == result.stdout
