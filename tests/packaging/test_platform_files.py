"""The per-platform files that cannot be run here are checked for what they must hold:
icons that open, the macOS Info.plist and entitlements, the dmgbuild settings, the Windows
version resource and Inno Setup script."""

from __future__ import annotations

import plistlib
import re
from pathlib import Path

import make_icons
import project_info
import pytest
from PIL import Image
from version_info import version_info_text

PACKAGING = project_info.PACKAGING


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_icons.make_icons(tmp_path_factory.mktemp("icons"))


def test_ico_opens_with_every_windows_size(icons: dict[str, Path]) -> None:
    ico = Image.open(icons["ico"])
    assert ico.format == "ICO"
    assert {(s, s) for s in (16, 24, 32, 48, 256)} <= set(ico.ico.sizes())
    ico.size = (16, 16)  # the 16-pixel frame is drawn, not a blank or a shrunk copy
    small = ico.convert("RGBA")
    assert small.getpixel((8, 8))[3] == 255 and small.getpixel((0, 0))[3] == 0


def test_icns_opens_up_to_retina_size(icons: dict[str, Path]) -> None:
    icns = Image.open(icons["icns"])
    assert icns.format == "ICNS"
    assert (512, 512, 2) in icns.info["sizes"] and (16, 16, 2) in icns.info["sizes"]
    big = icns.convert("RGBA")  # the largest frame, 1024 pixels
    assert big.size == (1024, 1024)
    assert big.getpixel((512, 512))[3] == 255 and big.getpixel((2, 2))[3] == 0


def test_a_broken_svg_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.svg"
    bad.write_text("<svg")
    with pytest.raises(ValueError, match="not a valid SVG"):
        make_icons.make_icons(tmp_path / "out", svg=bad)


def test_info_plist_has_the_keys_macos_needs() -> None:
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    for key in ("NSCameraUsageDescription", "NSMicrophoneUsageDescription"):
        assert len(plist[key]) > 40  # macOS shows this sentence in its permission prompt
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSBackgroundOnly"] is False  # the CLI beside it would otherwise make it hidden
    assert re.fullmatch(r"1[2-9]\.[0-9]+", plist["LSMinimumSystemVersion"])


def test_spec_gives_the_bundle_its_id_and_version() -> None:
    spec = (PACKAGING / "evidence_kit.spec").read_text()
    assert "bundle_identifier=info.app_id" in spec and "version=info.version" in spec
    assert project_info.load().app_id == "io.github.evidencekit.EvidenceKit"


def test_entitlements_grant_camera_and_microphone() -> None:
    ent = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert ent["com.apple.security.device.camera"] is True
    assert ent["com.apple.security.device.audio-input"] is True


def test_dmg_settings_run_with_the_app_given() -> None:
    names: dict[str, object] = {"defines": {"app": "/tmp/dist/Evidence Kit.app"}}
    exec((PACKAGING / "macos" / "dmg_settings.py").read_text(), names)
    assert names["files"] == ["/tmp/dist/Evidence Kit.app"]
    assert names["symlinks"] == {"Applications": "/Applications"}
    assert set(names["icon_locations"]) == {"Evidence Kit.app", "Applications"}  # type: ignore[arg-type]


def _structs(**kinds: object) -> dict[str, object]:
    """Stand-ins for PyInstaller's version-resource classes (Windows-only imports)."""
    return {name: (lambda *a, _n=name, **k: (_n, a, k)) for name in kinds}


def test_windows_version_resource_carries_the_version() -> None:
    info = project_info.load()
    text = version_info_text(info, "evidence-kit", "the command line")
    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    tree = eval(text, _structs(**dict.fromkeys(names)))  # noqa: S307 (PyInstaller evals it too)
    flat = repr(tree)
    assert f"'filevers': {info.version_tuple!r}" in flat
    assert "('StringStruct', ('ProductVersion', '" + info.version + "')" in flat
    assert "('StringStruct', ('OriginalFilename', 'evidence-kit.exe')" in flat


def test_inno_setup_script_installs_per_user_with_start_menu_and_uninstaller() -> None:
    iss = (PACKAGING / "windows" / "evidence-kit.iss").read_text(encoding="utf-8")
    setup = dict(
        line.split("=", 1)
        for line in iss.split("[Setup]", 1)[1].split("\n[", 1)[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    assert setup["PrivilegesRequired"] == "lowest"  # no administrator rights
    assert setup["DefaultDirName"].startswith("{autopf}")  # the user's own Programs folder
    assert "Uninstallable" not in setup or setup["Uninstallable"] == "yes"
    assert setup["UninstallDisplayIcon"].endswith("{#AppExe}")
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M
    )
    # the associations are optional tasks, off by default, and only for this user (HKA)
    for task in ("assocfolders", "assoccase"):
        assert re.search(rf'^Name: "{task}";.*Flags: unchecked', iss, re.M)
        rows = [r for r in iss.splitlines() if r.startswith("Root:") and f"Tasks: {task}" in r]
        assert rows and all(r.startswith("Root: HKA;") for r in rows)
    assert '#define AppExe "Evidence Kit.exe"' in iss
    for define in re.findall(r"\{#(\w+)\}", iss):
        assert re.search(rf"#define {define}\b", iss), f"{define} has no default"
