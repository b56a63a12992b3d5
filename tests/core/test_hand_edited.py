"""A hand-edited case.json gets one named line, never "unexpected error" (issue 14, item 5).

The sixteen cases the issue found each name their field; a property test then mutates a
valid case.json at random and runs show, claim, render and export on it. A longer run of
the same property is `scripts/fuzz_case_json.py`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.export import make_case
from tests.factories.hostile import (
    ISSUE_CASES,
    TEXT_BOMB,
    base_doc,
    commands,
    nested,
    run,
    write_mutated,
)

EXAMPLES = int(os.environ.get("EVIDENCE_KIT_FUZZ_EXAMPLES", "100"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_case(tmp_path_factory.mktemp("hostile")).root


def assert_named(code: int, lines: list[str]) -> None:
    """Exit 0, or exit 2 with one named line: never a traceback or 'unexpected error'.

    Export may also exit 1, the code for a failed check (DESIGN §6), when the edited file
    points an item at a file that is missing or has another hash: it refuses, in one line.
    """
    refused = lines and "export refused" in lines[0]
    assert code == 0 or code == 2 or (code == 1 and refused), (code, lines)
    if code:
        assert len(lines) == 1 and lines[0].startswith("evidence-kit: "), lines
    assert not any("unexpected error" in line or "Traceback" in line for line in lines), lines


@pytest.mark.parametrize("name", list(ISSUE_CASES))
def test_each_case_of_the_issue_names_its_field(base: Path, tmp_path: Path, name: str) -> None:
    mutate, field = ISSUE_CASES[name]
    case = write_mutated(base, tmp_path / "case", mutate(base_doc(base)))
    before = (case / "case.json").read_bytes()
    for argv in commands(case, tmp_path):
        code, lines = run(*argv)
        assert code == 2, (argv, code, lines)
        assert_named(code, lines)
        assert field in lines[0], lines[0]
    assert (case / "case.json").read_bytes() == before  # reported, never rewritten


def test_a_huge_text_mark_renders_what_shows_and_exports(base: Path, tmp_path: Path) -> None:
    doc = base_doc(base)
    doc["items"][1]["annotations"].append(TEXT_BOMB)
    case = write_mutated(base, tmp_path / "case", doc)
    for argv in commands(case, tmp_path):
        code, lines = run(*argv)
        assert code == 0, (argv, lines)


def test_typed_dates_out_of_range_are_refused(base: Path, tmp_path: Path) -> None:
    case = write_mutated(base, tmp_path / "case", base_doc(base))
    code, lines = run("case", "set", case, "delivered=9999-12-31")
    assert code == 2 and "delivered must be between 1990-01-01 and 2100-12-31" in lines[0]


# --- the property ------------------------------------------------------------------------------


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:3]):  # the first few of a list stand for all
            out += _paths(child, (*prefix, index))
    return out


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([10**400, -(10**400), 2**63, -1, 0]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5e-324]),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "9999-12-31",
            "0001-01-01",
            "2026-02-30",
            "2026-11-20",
            "x" * 5000,
            "../../etc",
            "/abs",
            "E1",
            "originals",
            "\u202eevil",
            "nan",
            "Infinity",
        ]
    ),  # fmt: skip
)
_hostile = st.one_of(
    _scalars,
    st.lists(_scalars, max_size=5),
    st.dictionaries(st.text(max_size=8), _scalars, max_size=4),
    st.integers(min_value=30, max_value=1200).map(nested),
)


@st.composite
def _mutations(draw: st.DrawFn, doc: dict[str, Any]) -> list[tuple[str, tuple[Any, ...], Any]]:
    paths = _paths(doc)
    ops = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add"]))
        ops.append((op, path, draw(_hostile)))
    return ops


def apply(doc: dict[str, Any], ops: list[tuple[str, tuple[Any, ...], Any]]) -> dict[str, Any]:
    """Apply mutations; a path that an earlier one removed is skipped."""
    for op, path, value in ops:
        node: Any = doc
        try:
            for key in path[:-1]:
                node = node[key]
            last = path[-1]
            if op == "replace":
                node[last] = value
            elif op == "delete":
                del node[last]
            elif isinstance(node[last], dict):
                node[last]["unexpected_key"] = value
            elif isinstance(node[last], list):
                node[last].append(value)
        except (KeyError, IndexError, TypeError):
            continue
    return doc


def check_one(base: Path, work: Path, ops: list[tuple[str, tuple[Any, ...], Any]]) -> int:
    """Run every command on the mutated case; returns how many exited 2."""
    case = write_mutated(base, work / "case", apply(base_doc(base), ops))
    refused = 0
    for argv in commands(case, work):
        code, lines = run(*argv)
        assert_named(code, lines)
        refused += code == 2
        if code == 2 and argv[0] == "case":
            break  # refused on load: the other commands read the same file
    return refused


@pytest.mark.slow
def test_a_mutated_case_json_never_gives_an_unexpected_error(
    base: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    doc = base_doc(base)
    seen = {"examples": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the suite runs the same examples every time
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_mutations(doc))
    def prop(ops: list[tuple[str, tuple[Any, ...], Any]]) -> None:
        seen["examples"] += 1
        check_one(base, tmp_path_factory.mktemp("m"), ops)

    prop()
    print(f"{seen['examples']} mutated case.json examples, none gave an unexpected error")  # noqa: T201
    assert seen["examples"] >= EXAMPLES
