"""The documentation site builds with every warning treated as an error."""

import subprocess
import sys
from pathlib import Path

from files import module_at

ROOT = Path(__file__).resolve().parent.parent


def test_mkdocs_build_strict_succeeds(tmp_path: Path) -> None:
    """`mkdocs build --strict` (pages, links and the API reference) exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "api" / "index.html").is_file()


def _fence_examples(text: str) -> str:
    module = module_at(ROOT / "docs" / "_ext" / "doctest_fences.py")
    result: str = module.fence_examples(text)
    return result


def test_docstring_examples_are_fenced_for_markdown() -> None:
    """A `>>>` example, up to the blank line after it, becomes a pycon block for Markdown."""
    text = "Resolve a name.\n\n    >>> f(['a', 'b'])\n    ['a']\n\nMore."
    expected = "Resolve a name.\n\n    ```pycon\n    >>> f(['a', 'b'])\n    ['a']\n    ```\n\nMore."
    assert expected == _fence_examples(text)


def test_rest_roles_become_code() -> None:
    """`:class:` and friends become inline code; `~` keeps the last name only."""
    text = "See :class:`~sanctions_tracker.Country` and :func:`resolve_country`."
    expected = "See `Country` and `resolve_country`."
    assert expected == _fence_examples(text)
