"""Hand-edited case.json: the mutations of issue 14 (item 5), and the commands they go through.

The commands run in-process through `evidence_kit.cli.main`, which turns anything it did not
foresee into "unexpected error: ..."; a hostile case must never get that far.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from evidence_kit.cli import main
from evidence_kit.core.log_file import LOG_FILE


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def _v1(doc: dict[str, Any], facts: Any) -> dict[str, Any]:
    doc = dict(doc, schema_version=1, facts=facts)
    doc.pop("bin", None)
    return doc


def _set(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


#: the issue's 16 internal errors: name -> (mutation of a valid case.json, field named)
ISSUE_CASES = {
    "v1 facts not an object": (lambda d: _v1(d, ["x"]), "facts"),
    "v1 price Infinity": (lambda d: _v1(d, dict(d["facts"], price="inf USD")), "facts.price"),
    "v1 price NaN": (lambda d: _v1(d, dict(d["facts"], price="nan")), "facts.price"),
    "nesting 950 in the claim": (lambda d: _set(d, ("claim", "notes"), nested(950)), "claim.notes"),
    "nesting 950 in meta": (lambda d: _set(d, ("items", 0, "meta", "x"), nested(950)), "items[0]"),
    "nesting 1000 in the log": (
        lambda d: _set(d, ("log", 0, "details", "x"), nested(1000)),
        "activity-log.jsonl line 1",
    ),
    "price Infinity": (lambda d: _set(d, ("facts", "price"), float("inf")), "facts.price"),
    "delivered 9999-12-31": (lambda d: _set(d, ("facts", "delivered"), "9999-12-31"), "facts.delivered"),
    "NaN in a crop": (lambda d: _set(d, ("items", 1, "crop"), [0, 0, float("nan"), 9]), "items[1].crop[2]"),
    "Infinity in a crop": (lambda d: _set(d, ("items", 1, "crop"), [0, 0, 9, float("inf")]), "items[1].crop[3]"),
    "bytes 10**400": (lambda d: _set(d, ("items", 0, "bytes"), 10**400), "items[0].bytes"),
    "duration_s a string": (lambda d: _set(d, ("items", 0, "meta", "duration_s"), "2"), "items[0].meta.duration_s"),
    "duration_s a list": (lambda d: _set(d, ("items", 0, "meta", "duration_s"), [2]), "items[0].meta.duration_s"),
    "duration_s NaN": (lambda d: _set(d, ("items", 0, "meta", "duration_s"), float("nan")), "items[0].meta.duration_s"),
    "pts_s 1e308": (lambda d: _set(d, ("items", 4, "pts_s"), 1e308), "items[4].pts_s"),
    "one item over the mark limit": (
        lambda d: _set(d, ("items", 1, "annotations"), [{"type": "marker", "at": [5, 5]}] * 10_001),
        "items[1].annotations",
    ),
}  # fmt: skip

#: a mark the renderer used to blow up on (3,000 characters at size 2000); it is valid
TEXT_BOMB = {"type": "text", "at": [10, 10], "text": "W" * 3000, "size": 2000}


def run(*argv: object) -> tuple[int, list[str]]:
    """Run one command in-process; (exit code, stderr lines)."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, [line for line in err.getvalue().splitlines() if line.strip()]


def commands(case: Path, scratch: Path) -> list[tuple[object, ...]]:
    """show, claim, render and export of a case: what a hand-edited file must survive."""
    return [
        ("case", "show", case),
        ("case", "show", case, "--json"),
        ("claim", case, "--today", "2026-11-25"),
        ("render", case, "E2", "-o", scratch / "E2.png"),
        ("render", case, "E5", "-o", scratch / "E5.png"),
        ("export", case, "-o", scratch / "export", "--no-upload"),
    ]


def write_mutated(base: Path, work: Path, doc: dict[str, Any]) -> Path:
    """A fresh copy of the base case folder with `doc` as its case.json.

    `doc` holds the log inline (see base_doc); from schema 3 on it goes to its own file,
    with a log_head naming the (mutated) entries, so the edit reaches the checks after it.
    """
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(base, work)
    doc = dict(doc)
    if isinstance(doc.get("schema_version"), int) and doc["schema_version"] >= 3:
        log = doc.pop("log", [])
        lines = [_dumps(e) for e in log] if isinstance(log, list) else []
        last = log[-1] if isinstance(log, list) and log else {}
        doc["log_head"] = {
            "entries": len(lines),
            "hash": last.get("hash") if isinstance(last, dict) else "",
        }
        (work / LOG_FILE).write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", errors="surrogatepass"
        )
    (work / "case.json").write_text(_dumps(doc), encoding="utf-8", errors="surrogatepass")
    return work


def _dumps(value: Any) -> str:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)  # a thousand-deep list is what some cases are made of
    try:
        return json.dumps(value, ensure_ascii=False)
    finally:
        sys.setrecursionlimit(limit)


def base_doc(base: Path) -> dict[str, Any]:
    """The base case's document with its log inline, as the model sees it."""
    doc = json.loads((base / "case.json").read_text(encoding="utf-8"))
    doc.pop("log_head", None)
    lines = (base / LOG_FILE).read_text(encoding="utf-8").splitlines()
    doc["log"] = [json.loads(line) for line in lines if line.strip()]
    return copy.deepcopy(doc)
