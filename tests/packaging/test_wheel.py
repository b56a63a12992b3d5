"""The wheel carries the runtime assets, and the one accessor finds them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from evidence_kit.core.resources import resource_path, resource_root

ROOT = Path(__file__).resolve().parents[2]
#: left-overs of earlier builds and tools: a stale build/lib once hid a wheel without assets
NOT_SOURCE = shutil.ignore_patterns(
    "build", "dist", ".venv", "*.egg-info", ".*_cache", "__pycache__", ".git"
)


def test_accessor_finds_assets_and_names_unknown_ones() -> None:
    assert resource_path("sample/sample.json").is_file()
    assert resource_path("icons/evidence-kit.svg").is_file()
    with pytest.raises(ValueError, match="unknown resource"):
        resource_path("nope.txt")
    assert resource_root().name == "resources"


def test_frozen_build_layout_is_honoured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "evidence_kit" / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "evidence_kit" / "resources" / "icons" / "x.svg").write_text("<svg/>")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert (
        resource_path("icons/x.svg") == tmp_path / "evidence_kit" / "resources" / "icons" / "x.svg"
    )


def test_wheel_contains_the_assets_and_they_load_from_it(tmp_path: Path) -> None:
    # built from a clean copy of the sources, as CI's fresh clone is
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = tmp_path.glob("evidence_kit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    sample = {
        "evidence_kit/resources/" + p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    assert sample and sample <= names
    assert (
        "evidence_kit/claim/platform_rules.json" in names
        or not (ROOT / "evidence_kit/claim/platform_rules.json").exists()
    )
    # install the wheel into a bare folder and read an asset through the accessor from there
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from evidence_kit.core.resources import resource_path;"
        "p = resource_path('sample/sample.json'); print(p)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith(str(target))
