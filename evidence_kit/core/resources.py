"""The one accessor for runtime assets in evidence_kit/resources/.

Works from a source checkout, an installed wheel and a PyInstaller build (where the
package data is unpacked under sys._MEIPASS).
"""

from __future__ import annotations

import sys
from importlib import resources as _res
from pathlib import Path


def resource_root() -> Path:
    """Folder holding the runtime assets."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "evidence_kit" / "resources"
    return Path(str(_res.files("evidence_kit") / "resources"))


def resource_path(name: str) -> Path:
    """Path of one asset, e.g. 'sample/unboxing.mp4'. Unknown names raise ValueError."""
    path = resource_root() / name
    if not path.exists():
        known = sorted(
            str(p.relative_to(resource_root())) for p in resource_root().rglob("*") if p.is_file()
        )
        raise ValueError(f"unknown resource {name!r}; known: {', '.join(known[:30])}")
    return path
