"""Rewrite an evidence bundle the way a forger would: change members and make manifest.json
and SHA256SUMS agree with the change, so only deeper checks can catch it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def rebundle(
    src: Path,
    dst: Path,
    replace: dict[str, bytes] | None = None,
    drop: set[str] = frozenset(),  # type: ignore[assignment]
    edit_manifest: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """Copy src to dst with members replaced or dropped; the manifest's file entries and
    SHA256SUMS are recomputed for the new bytes (the manifest can be edited too)."""
    replace = dict(replace or {})
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n not in drop}
    members.update(replace)
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["files"]:
        if entry["path"] in members:
            data = members[entry["path"]]
            entry["sha256"], entry["bytes"] = hashlib.sha256(data).hexdigest(), len(data)
    manifest["files"] = [e for e in manifest["files"] if e["path"] in members]
    if edit_manifest is not None:
        edit_manifest(manifest)
    if "manifest.json" not in replace:
        members["manifest.json"] = (
            json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        ).encode()
    members.pop("SHA256SUMS", None)
    sums = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(members.items())
    )
    members["SHA256SUMS"] = sums.encode()
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in sorted(members.items()):
            zf.writestr(name, data)
    return dst
