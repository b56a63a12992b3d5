"""The one accessor for runtime assets (icons, fonts, translations, guide, sample case).

In the repository they live in the top-level `resources/` folder; the wheel installs them as
`evidence_kit/resources/` (setuptools `package-dir`), and a PyInstaller build unpacks them
under `sys._MEIPASS/evidence_kit/resources`. This finds them in all three.
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
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"  # a source checkout or an editable install
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
