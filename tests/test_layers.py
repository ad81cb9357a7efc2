"""The package's layers: every import against the table of docs/architecture.md, no circle.

Also: no module over 700 lines, and the records importable without polars.

The layering is read from the page, not kept here: a module in no layer, an import
against the table, or an import circle fails with the modules and the line.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from fnmatch import fnmatchcase
from pathlib import Path

import attrs
import pytest

import sanctions_tracker

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sanctions_tracker"
DOC = ROOT / "docs" / "architecture.md"
MAX_LINES = 700


@attrs.frozen
class Layer:
    """One row of the table: its name, its module patterns, the layers it may import."""

    name: str
    patterns: tuple[str, ...]
    may_import: frozenset[str]


@attrs.frozen
class Import:
    """One import statement: who imports what, and where."""

    importer: str
    imported: str
    line: int


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def layers(text: str | None = None) -> list[Layer]:
    """The rows of the table under "## The layers", top layer first."""
    section = _section(DOC.read_text(encoding="utf-8") if text is None else text, "## The layers")
    rows = [line for line in section.splitlines() if line.startswith("|")]
    found = []
    for row in rows[2:]:  # the header and the rule under it
        name, modules, may_import = (cell.strip() for cell in row.strip("|").split("|"))
        found.append(
            Layer(name, tuple(re.findall(r"`([^`]+)`", modules)), frozenset(may_import.split()))
        )
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "__init__"


def package_modules() -> dict[str, Path]:
    """Every module of the package, by its name relative to the package."""
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if module != "__init__" else []
    is_package = (PACKAGE / Path(*package) / "__init__.py").is_file() if package else True
    base = package if is_package else package[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(["sanctions_tracker", *base, *([node.module] if node.module else [])])


def imports(module: str, path: Path, modules: set[str]) -> Iterator[Import]:
    """The package modules that ``module`` imports, anywhere in it.

    ``from sanctions_tracker import blocs`` imports the module ``blocs``;
    ``from sanctions_tracker import __version__`` imports the package itself.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            targets = [
                f"{source}.{alias.name}"
                if f"{source}.{alias.name}".removeprefix("sanctions_tracker.") in modules
                else source
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target == "sanctions_tracker" or target.startswith("sanctions_tracker."):
                name = target.removeprefix("sanctions_tracker").removeprefix(".") or "__init__"
                yield Import(module, name, node.lineno)


def _layer_of(module: str, table: list[Layer]) -> Layer | None:
    for layer in table:
        if any(fnmatchcase(module, pattern) for pattern in layer.patterns):
            return layer
    return None


def _graph() -> dict[str, list[Import]]:
    modules = package_modules()
    names = set(modules)
    return {module: list(imports(module, path, names)) for module, path in modules.items()}


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The import circles: every strongly connected group of two or more modules (Tarjan).

    >>> cycles({"a": ["b"], "b": ["a"], "c": ["a"]})
    [['a', 'b']]
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, []):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, []):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_table_names_each_layer_once_and_only_known_layers() -> None:
    """Every layer a row may import is a row of the table, and no layer is named twice."""
    table = layers()
    names = [layer.name for layer in table]
    assert len(names) == len(set(names))
    unknown = {name for layer in table for name in layer.may_import} - set(names)
    assert set() == unknown


def test_the_diagram_shows_every_layer() -> None:
    """The drawing above the table names each of its layers."""
    diagram = _section(DOC.read_text(encoding="utf-8"), "## The layers").split("```")[1]
    missing = [layer.name for layer in layers() if not re.search(rf"\b{layer.name}\b", diagram)]
    assert missing == []


def test_every_module_is_in_exactly_one_layer() -> None:
    """Each module of the package matches the patterns of one row of the table."""
    table = layers()
    homeless = [module for module in package_modules() if _layer_of(module, table) is None]
    twice = [
        module
        for module in package_modules()
        if sum(any(fnmatchcase(module, p) for p in layer.patterns) for layer in table) > 1
    ]
    assert homeless == [], "add these modules to the table in docs/architecture.md"
    assert twice == []


def test_every_import_follows_the_layers() -> None:
    """No module imports from a layer its row of the table does not name."""
    table = layers()
    wrong = []
    for found in _graph().values():
        for edge in found:
            source, target = _layer_of(edge.importer, table), _layer_of(edge.imported, table)
            if source is None or target is None:
                continue  # reported by test_every_module_is_in_exactly_one_layer
            if target.name != source.name and target.name not in source.may_import:
                wrong.append(
                    f"{edge.importer} ({source.name}) imports {edge.imported} ({target.name}) "
                    f"on line {edge.line}"
                )
    assert wrong == []


def test_no_import_circle() -> None:
    """No module imports itself, even through others."""
    graph = {module: [edge.imported for edge in found] for module, found in _graph().items()}
    assert cycles(graph) == []


def test_the_check_finds_an_upward_import() -> None:
    """The parts of the check catch what they are for: a circle, and a module in no layer."""
    assert cycles({"a": ["b"], "b": ["c"], "c": ["a"]}) == [["a", "b", "c"]]
    table = layers(
        "x\n## The layers\n| layer | modules | may import |\n| - | - | - |\n| low | `a.*` | |\n"
    )
    assert _layer_of("a.b", table) == table[0]
    assert _layer_of("b", table) is None


def test_imports_inside_functions_count() -> None:
    """An import in a function body is read as much as one at the top."""
    path = PACKAGE / "importers.py"
    found = {edge.imported for edge in imports("importers", path, set(package_modules()))}
    assert {"dataset", "io.ftm", "io.eu_annex"} <= found
    path = PACKAGE / "cli" / "files.py"
    cli = {edge.imported for edge in imports("cli.files", path, set(package_modules()))}
    assert "importers" in cli  # imported inside the command that uses it


def test_no_module_is_over_700_lines() -> None:
    """Small modules with one job: none of the package's is longer than 700 lines."""
    long = {
        module: count
        for module, path in package_modules().items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_importing_the_records_loads_neither_polars_nor_the_parser() -> None:
    """``import sanctions_tracker.records`` leaves polars and the prose parser unloaded."""
    loaded = _run(
        """
        import sys
        import sanctions_tracker.records
        print(sorted(m for m in ("polars", "sanctions_tracker.text") if m in sys.modules))
        """
    )
    assert loaded == "[]"


def test_the_io_package_does_not_bring_the_importers() -> None:
    """``import sanctions_tracker.io`` (the file formats) loads neither foreign-format reader."""
    loaded = _run(
        """
        import sys
        import sanctions_tracker.io
        names = ("sanctions_tracker.io.ftm", "sanctions_tracker.io.eu_annex", "orjson", "msgspec")
        print(sorted(m for m in names if m in sys.modules))
        """
    )
    assert loaded == "[]"


def test_from_text_without_the_parser_says_what_to_import() -> None:
    """The records alone cannot parse prose, and say how to get the parser."""
    message = _run(
        """
        from sanctions_tracker.errors import SanctionsTrackerError
        from sanctions_tracker.records import JointStatement
        try:
            JointStatement.from_text("x", "T", "2020", "Signed by France.")
        except SanctionsTrackerError as err:
            print(err)
        """
    )
    assert "import sanctions_tracker.text" in message


def test_the_package_gives_from_text_with_the_statement() -> None:
    """``sanctions_tracker.JointStatement.from_text`` is the parser's, in a fresh process."""
    codes = _run(
        """
        import sanctions_tracker as st
        s = st.JointStatement.from_text("x", "T", "2020-01-01", "Signed by France and Japan.")
        print(" ".join(p.code for p in s.signatories))
        """
    )
    assert codes == "FR JP"


def _type_checking_imports() -> list[tuple[str, str]]:
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return [
        (node.module or "", alias.name)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


def test_the_lazy_names_are_the_ones_the_type_checker_sees() -> None:
    """Each public name is the object the package's type-checking imports name."""
    seen = _type_checking_imports()
    assert {name for _, name in seen} | {"__version__"} == set(sanctions_tracker.__all__)
    import importlib

    for module, name in seen:
        source = importlib.import_module(module)
        expected = getattr(source, name, None) or importlib.import_module(f"{module}.{name}")
        assert expected is getattr(sanctions_tracker, name), name


@pytest.mark.parametrize("name", ["nothing_of_that_name", "__wrapped__"])
def test_an_unknown_name_is_an_attribute_error(name: str) -> None:
    """Asking the package for a name it does not have fails as for any module."""
    with pytest.raises(AttributeError, match=name):
        getattr(sanctions_tracker, name)
