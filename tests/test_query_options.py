"""One declaration of each query's arguments: the functions, the Dataset and the CLI follow it."""

from __future__ import annotations

import argparse
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import ForwardRef

import attrs
import polars as pl
import pytest

from sanctions_tracker import blocs as st_blocs
from sanctions_tracker import queries
from sanctions_tracker.cli import main
from sanctions_tracker.cli.main import _build_parser
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.queries import options
from sanctions_tracker.queries._given import Given
from sanctions_tracker.queries.options import QUERIES, Argument, Query
from sanctions_tracker.records import JointStatement

SEP_17 = "by-2020-09-17-internet-shutdowns"
OCT_26 = "by-2020-10-26-un-human-rights"


Parameter = tuple[str, str, object, str]


def _declared(arguments: tuple[Argument, ...]) -> tuple[list[Parameter], list[Parameter]]:
    """The declared arguments: the positional ones in order, the keyword options sorted."""
    kinds = {True: "KEYWORD_ONLY", False: "POSITIONAL_OR_KEYWORD"}
    found = [
        (a.name, a.type, inspect.Parameter.empty if a.required else a.default, kinds[a.keyword])
        for a in arguments
    ]
    return _split(found)


def _split(found: list[Parameter]) -> tuple[list[Parameter], list[Parameter]]:
    keyword = [p for p in found if p[3] == "KEYWORD_ONLY"]
    return [p for p in found if p[3] != "KEYWORD_ONLY"], sorted(keyword)


def _signature(function: Callable[..., object]) -> tuple[list[Parameter], list[Parameter]]:
    """Each parameter after the first (the tables, or self): name, annotation, default, kind.

    ``**options: Unpack[SomeOptions]`` stands for the keys of that TypedDict of
    :mod:`sanctions_tracker.queries.options`, each with the default a call gets when it
    does not give it.
    """
    parameters = list(inspect.signature(function).parameters.values())[1:]
    found = [(p.name, str(p.annotation), p.default, p.kind.name) for p in parameters]
    if parameters and parameters[-1].kind is inspect.Parameter.VAR_KEYWORD:
        found.pop()
        unpacked = re.fullmatch(r"Unpack\[(\w+)\]", str(parameters[-1].annotation))
        assert unpacked is not None, parameters[-1]
        typed = getattr(options, unpacked.group(1))
        defaults = attrs.asdict(Given())
        found += [
            (name, _text(annotation), defaults[name], "KEYWORD_ONLY")
            for name, annotation in typed.__annotations__.items()
        ]
    return _split(found)


def _text(annotation: object) -> str:
    """An annotation as written (under postponed evaluation a TypedDict keeps a ForwardRef)."""
    return annotation.__forward_arg__ if isinstance(annotation, ForwardRef) else str(annotation)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_function_follows_the_declaration(name: str) -> None:
    """The function in sanctions_tracker.queries takes exactly the declared arguments."""
    assert _declared(QUERIES[name].arguments) == _signature(getattr(queries, name))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_dataset_method_follows_the_declaration(name: str) -> None:
    """The Dataset method of the same name takes exactly the declared arguments."""
    assert _declared(QUERIES[name].arguments) == _signature(getattr(Dataset, name))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_a_keyword_the_query_does_not_declare_is_refused(name: str) -> None:
    """A misspelt or foreign keyword is a TypeError naming the query, not silently ignored."""
    query = QUERIES[name]
    arguments = [f"{a.name}-value" for a in query.arguments if not a.keyword]
    with pytest.raises(TypeError, match=f"^{name}\\(\\) got an unexpected keyword argument 'vias'"):
        getattr(Dataset(), name)(*arguments, vias=False)


def test_every_query_is_declared() -> None:
    """Each query function of the package has a declaration (so it has a command too)."""
    functions = {
        name
        for name in queries.__all__
        if name.islower() and inspect.isfunction(getattr(queries, name))
    }
    assert functions == set(QUERIES)


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = _build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("query", QUERIES.values(), ids=list(QUERIES))
def test_the_command_line_has_every_argument(query: Query) -> None:
    """The query's command takes each declared argument, a switch in both senses."""
    command = _subparsers()[query.name.replace("_", "-")]
    found = {}
    for action in command._actions:
        found[action.dest] = sorted(action.option_strings)
    expected = {a.name: sorted(_flags(a)) for a in query.arguments}
    assert expected == {name: found.get(name) for name in expected}


def _flags(argument: Argument) -> list[str]:
    if argument.required:
        return []
    flag = "--" + argument.name.replace("_", "-")
    return [flag, "--no-" + flag[2:]] if argument.type == "bool" else [flag]


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> pl.DataFrame:
    assert main([*argv, "--format", "json"]) == 0
    return pl.DataFrame(json.loads(capsys.readouterr().out))


def test_route_switches_reach_the_query(capsys: pytest.CaptureFixture[str]) -> None:
    """--no-via-blocs --no-via-alignment asks what via_blocs=False, via_alignment=False does."""
    argv = ["signed-not-sanctioned", SEP_17, "--as-of", "2020-12-31"]
    frame = _json(capsys, *argv, "--no-via-blocs", "--no-via-alignment")
    ds = belarus_2020()
    expected = ds.signed_not_sanctioned(
        SEP_17, as_of="2020-12-31", via_blocs=False, via_alignment=False
    )
    default = ds.signed_not_sanctioned(SEP_17, as_of="2020-12-31")
    assert (expected["country"].to_list(), True) == (
        frame["country"].to_list(),
        expected.height > default.height,
    )


def test_expand_blocs_and_target_reach_the_query(capsys: pytest.CaptureFixture[str]) -> None:
    """--expand-blocs and --target ask what expand_blocs=True, target= does."""
    frame = _json(
        capsys,
        "signed-not-sanctioned",
        OCT_26,
        "--until",
        "2020-12-31",
        "--expand-blocs",
        "--target",
        "Russia",
    )
    expected = belarus_2020().signed_not_sanctioned(
        OCT_26, until="2020-12-31", expand_blocs=True, target="RU"
    )
    assert expected.select("country", "via").rows() == frame.select("country", "via").rows()


def test_the_command_line_does_not_list_members_of_a_signing_bloc(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """sanctioned-not-signed leaves out the members of a bloc that signed, unless
    --no-expand-blocs; the non-member that sanctions is listed either way."""
    ds = Dataset(
        statements=[JointStatement("s", "S", "2020-10-26", "BY", signatures=["EU", "JP"])],
        regimes=[r for r in belarus_2020().regimes if r.id in ("CA-BLR", "EU-BLR")],
    )
    ds.save(tmp_path / "eu.json")
    argv = ["sanctioned-not-signed", "s", "--as-of", "2020-12-31", "--dataset"]
    default = _json(capsys, *argv, str(tmp_path / "eu.json"))
    alone = _json(capsys, *argv, str(tmp_path / "eu.json"), "--no-expand-blocs")
    eu = {c.code for c in st_blocs.get("EU").members_on("2020-12-31")}
    expected = (["CA"], {*eu, "CA"})
    assert expected == (default["country"].to_list(), set(alone["country"]))


def test_a_query_without_a_former_command_has_one(capsys: pytest.CaptureFixture[str]) -> None:
    """bloc-cohesion, a query the command line lacked, answers as the Dataset method does."""
    frame = _json(capsys, "bloc-cohesion", "EU", "--documents", SEP_17, OCT_26)
    expected = belarus_2020().bloc_cohesion("EU", documents=[SEP_17, OCT_26])
    assert expected["participants"].to_list() == frame["participants"].to_list()
