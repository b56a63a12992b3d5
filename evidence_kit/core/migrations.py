"""Migrations: of case.json (each turns one version's document into the next) and of the
case folder's layout (exhibits out of derived/ into extracted/).

The store applies them on open and keeps the old case.json as case.json.bak.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evidence_kit.core import case_checks, case_paths
from evidence_kit.core.model import Item


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """v1 kept price as one string ("12.50 USD") and had no bin."""
    facts = doc.get("facts", {})
    if not isinstance(facts, dict):
        raise case_checks.fail("facts", "must be an object")
    facts = dict(facts)
    price = facts.get("price")
    if isinstance(price, str):
        parts = price.replace(",", ".").split()
        try:
            facts["price"] = float(parts[0]) if parts else None
        except ValueError:
            facts["price"] = None
        if len(parts) > 1 and not facts.get("currency"):
            facts["currency"] = parts[1].upper()
    doc = dict(doc, facts=facts, schema_version=2)
    doc.setdefault("bin", [])
    return doc


def _migrate_2_to_3(doc: dict[str, Any]) -> dict[str, Any]:
    """v3 keeps the log in activity-log.jsonl; the document read here is the same."""
    return dict(doc, schema_version=3)


def _migrate_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """v4 adds the dispute's events (an older app would drop them on save, so it must refuse
    a v4 case)."""
    return dict(doc, schema_version=4, events=doc.get("events") or [])


#: schema_version -> function turning that version's document into the next one
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}


# --- the case folder's layout ------------------------------------------------------------
# Before extracted/ existed, frames, clips and comparisons were written under derived/, the
# folder the app calls rebuildable; a shopper who deleted it lost exhibits. The store moves
# them (under the case lock, before it saves) whatever the schema version, so a case saved
# by an older app meanwhile is moved too.

LEGACY = case_paths.DERIVED + "/"
EXTRACTED = case_paths.EXTRACTED + "/"
TAKES = (LEGACY + "takes", case_paths.RECORDING)  # the recorder's working folder, then and now


def relocate_exhibits(root: Path, items: list[Item]) -> list[tuple[Item, str]]:
    """Move each item's file from derived/ to the same place under extracted/, read-only,
    and point the item there; returns (item, its old file) for each one moved.

    A move a crash cut off before the case was saved is found done and only recorded. A
    file that is missing, or a link out of the case, is left for the usual errors.
    """
    moved: list[tuple[Item, str]] = []
    try:
        for it in items:
            old = it.file.replace("\\", "/")
            if not old.startswith(LEGACY):
                continue
            new = EXTRACTED + old[len(LEGACY) :]
            src, dst = root / old, root / new
            if not (
                case_paths.resolves_inside(root, src) and case_paths.resolves_inside(root, dst)
            ):
                continue
            if not os.path.lexists(dst):
                if not src.is_file():
                    continue
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(src, dst)
                case_paths.make_read_only(dst)
            elif not dst.is_file() or dst.stat().st_size != it.bytes:
                continue  # something else is there: not ours to replace
            moved.append((it, it.file))
            it.file = new
    except OSError:
        put_back(root, moved)
        raise
    return moved


def put_back(root: Path, moved: list[tuple[Item, str]]) -> None:
    """Undo relocate_exhibits (the case could not be saved): files and items as they were."""
    for it, old in reversed(moved):
        with contextlib.suppress(OSError):
            if not os.path.lexists(root / old):
                shutil.move(root / it.file, root / old)
        it.file = old


def relocate_takes(root: Path) -> int:
    """Move recordings a crash left in derived/takes to recording/; returns how many."""
    old, new = (root / TAKES[0], root / TAKES[1])
    if old.is_symlink() or not old.is_dir() or not case_paths.resolves_inside(root, new):
        return 0
    count = 0
    for path in old.iterdir():
        if path.is_file() and not path.is_symlink() and not os.path.lexists(new / path.name):
            new.mkdir(exist_ok=True)
            shutil.move(path, new / path.name)
            count += 1
    return count
