"""Build a working copy of the bundled sample case. The bundled files are never touched."""

from __future__ import annotations

import json
from pathlib import Path

from evidence_kit.core import case_ops, paths
from evidence_kit.core.resources import resource_path
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files


def _free_folder(parent: Path, name: str) -> Path:
    candidate = parent / name
    n = 2
    while candidate.exists():
        candidate = parent / f"{name} ({n})"
        n += 1
    return candidate


def make_sample_case(target: Path | None = None) -> CaseStore:
    """Create the sample case in `target` (default: a new folder in the data dir)."""
    spec = json.loads(resource_path("sample/sample.json").read_text(encoding="utf-8"))
    if target is None:
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
