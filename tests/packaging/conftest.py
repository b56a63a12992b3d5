"""The packaging/ scripts are plain modules (the folder is not a package: its name would hide
the `packaging` distribution), so their folders go on sys.path for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
for folder in (PACKAGING, PACKAGING / "windows"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
