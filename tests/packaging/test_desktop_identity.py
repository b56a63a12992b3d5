"""One id names the app everywhere: Qt's desktop file name (so a Linux dock shows the installed
entry's name and icon), the .desktop and metainfo files, and the macOS bundle id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import project_info

from evidence_kit import APP_ID

CODE = (
    "from PySide6.QtGui import QGuiApplication\n"
    "from evidence_kit.app import run_app\n"
    "code = run_app()\n"
    "print(QGuiApplication.desktopFileName())\n"
    "raise SystemExit(code)\n"
)


def test_the_running_app_names_its_desktop_entry(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVIDENCE_KIT_QUIT_AFTER_SHOW": "50"}
    for name in ("CONFIG", "DATA", "CACHE", "CASES", "LOG"):
        env[f"EVIDENCE_KIT_{name}_DIR"] = str(tmp_path / name.lower())
    out = subprocess.run(
        [sys.executable, "-c", CODE], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == APP_ID


def test_one_id_in_every_packaging_file() -> None:
    linux = project_info.PACKAGING / "linux"
    assert project_info.load().app_id == APP_ID
    assert (linux / f"{APP_ID}.desktop").is_file()
    assert f"<id>{APP_ID}</id>" in (linux / f"{APP_ID}.metainfo.xml").read_text()
    assert (
        f'<launchable type="desktop-id">{APP_ID}.desktop'
        in (linux / f"{APP_ID}.metainfo.xml").read_text()
    )
