"""The Linux desktop files validate, and install.sh/uninstall.sh work on a tarball made from a
stand-in bundle (the real one is built and checked the same way by .ci/run)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import installers
import project_info
import pytest

INFO = project_info.load()
LINUX = project_info.PACKAGING / "linux"
DESKTOP = LINUX / f"{INFO.app_id}.desktop"
METAINFO = LINUX / f"{INFO.app_id}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed (packaging/debian-packages-test.txt has it)")
    return path


def test_desktop_entry_validates() -> None:
    out = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert out.returncode == 0 and "error" not in out.stdout, out.stdout


def test_metainfo_validates_and_names_developer_url_screenshots_and_this_release() -> None:
    out = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == INFO.app_id
    assert root.findtext("developer/name")
    assert root.find("url[@type='homepage']").text == INFO.homepage  # type: ignore[union-attr]
    assert root.findall("screenshots/screenshot/image")
    assert root.find("releases/release").get("version") == INFO.version  # type: ignore[union-attr]
    assert root.findtext("launchable") == DESKTOP.name


def test_scripts_pass_shellcheck() -> None:
    scripts = [LINUX / "install.sh", LINUX / "uninstall.sh", project_info.ROOT / "evidence-kit.sh"]
    out = subprocess.run([_tool("shellcheck"), *map(str, scripts)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


@pytest.fixture
def stand_in_dist(tmp_path: Path) -> Path:
    """A dist/ whose bundle is a shell script that answers --version like the real app."""
    bundle = tmp_path / "dist" / INFO.cli_name
    (bundle / "_internal").mkdir(parents=True)
    cli = bundle / INFO.cli_name
    cli.write_text(f'#!/bin/sh\necho "{INFO.cli_name} {INFO.version}"\n')
    cli.chmod(0o755)
    (bundle / INFO.display_name).symlink_to(INFO.cli_name)
    (bundle / "LICENSE.txt").write_text("MIT\n")
    return tmp_path / "dist"


def test_tarball_installs_runs_and_uninstalls_cleanly(stand_in_dist: Path) -> None:
    tarball = installers.linux_tarball(stand_in_dist)
    assert tarball.name == f"{INFO.cli_name}-{INFO.version}-linux-{installers.machine()}.tar.gz"
    ran = installers.linux_install_check(tarball)  # raises on any mistake
    assert isinstance(ran, list)


def test_install_refuses_to_run_outside_the_unpacked_folder(tmp_path: Path) -> None:
    lonely = tmp_path / "install.sh"
    shutil.copy2(LINUX / "install.sh", lonely)
    out = subprocess.run(
        ["sh", str(lonely)],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2 and "unpacked Evidence Kit folder" in out.stderr
    assert not (tmp_path / ".local").exists()


def test_uninstall_leaves_a_foreign_command_alone(stand_in_dist: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / INFO.cli_name).symlink_to("/usr/bin/true")  # someone else's
    out = subprocess.run(
        ["sh", str(LINUX / "uninstall.sh")],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert (home / ".local" / "bin" / INFO.cli_name).is_symlink()
