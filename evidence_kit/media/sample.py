"""The sample case: a working copy of the bundled one, made once and then reused.

The bundled files are never touched. Without an explicit folder the copy lives in the data
folder's samples/, and a later demo reuses the newest copy that still opens and still holds
every sample file, instead of piling up "(2)", "(3)"...; a damaged or half-made copy (the app
was killed while making it) is left alone and a new one is made beside it.
"""

from __future__ import annotations

import glob
import json
from pathlib import Path
from typing import Any

from evidence_kit.core import case_ops, paths
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.resources import resource_path
from evidence_kit.core.store import CASE_FILE, CaseStore, new_case
from evidence_kit.media.importer import add_files


def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(
        resource_path("sample/sample.json").read_text(encoding="utf-8")
    )
    return spec


def _free_folder(parent: Path, name: str) -> Path:
    candidate = parent / name
    n = 2
    while candidate.exists():
        candidate = parent / f"{name} ({n})"
        n += 1
    return candidate


def last_sample_copy(parent: Path | None = None) -> CaseStore | None:
    """The newest complete demo copy in `parent` (default: the data folder's samples/)."""
    spec = _spec()
    parent = parent or paths.data_dir() / "samples"
    name = spec["name"]
    folders = [parent / name, *map(Path, glob.glob(glob.escape(str(parent / name)) + " (*)"))]
    copies = [f for f in folders if (f / CASE_FILE).is_file()]
    copies.sort(key=lambda f: (f / CASE_FILE).stat().st_mtime, reverse=True)
    wanted = {entry["file"] for entry in spec["files"]}
    for folder in copies:
        try:
            store = CaseStore.open(folder)
        except EvidenceKitError:
            continue  # damaged: not ours to repair, and not worth showing
        held = {it.original_name for it in store.case.items + store.case.bin}
        if wanted <= held:
            return store
    return None


def make_sample_case(target: Path | None = None) -> CaseStore:
    """The sample case: built in `target` if given, else the last demo copy (or a new one)."""
    spec = _spec()
    if target is None:
        reused = last_sample_copy()
        if reused is not None:
            return reused
        target = _free_folder(paths.data_dir() / "samples", spec["name"])
    store = new_case(target, **spec["facts"])
    files = [resource_path(f"sample/{entry['file']}") for entry in spec["files"]]
    report = add_files(store, files)
    for item, entry in zip(report.items, spec["files"], strict=True):
        case_ops.rename_item(store.case, item.id, entry["title"])
        for ann in entry.get("annotations", []):
            case_ops.add_annotation(store.case, item.id, ann)
    case_ops.set_values(store.case, {k: v for k, v in spec["claim"].items()})
    store.save()
    return store
