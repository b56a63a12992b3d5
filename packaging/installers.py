"""Turn the built bundle into what a shopper downloads, on the system it was built on.

- Linux: a .tar.gz of the bundle with install.sh/uninstall.sh and the desktop entry, icon and
  metainfo (`linux_tarball`); `linux_install_check` installs it into a scratch home, runs the
  installed command, validates the desktop files and uninstalls it again.
- Windows: the Inno Setup installer (windows/evidence-kit.iss, compiled with ISCC).
- macOS: a DMG of the .app (macos/dmg_settings.py, built with dmgbuild).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import project_info

LINUX = project_info.PACKAGING / "linux"
#: caches the desktop tools rebuild for every app's entries: uninstall refreshes, not removes
SHARED_CACHES = {"mimeinfo.cache", "icon-theme.cache"}


def machine() -> str:
    """x86_64, aarch64, arm64, AMD64 → a short architecture name for file names."""
    name = platform.machine().lower()
    return {"amd64": "x64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}.get(
        name, name
    )


def _share_files(info: project_info.ProjectInfo) -> dict[str, Path]:
    """What install.sh puts into ~/.local/share, by its path under share/."""
    return {
        f"applications/{info.app_id}.desktop": LINUX / f"{info.app_id}.desktop",
        f"metainfo/{info.app_id}.metainfo.xml": LINUX / f"{info.app_id}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{info.app_id}.svg": project_info.ROOT
        / "resources/icons/evidence-kit.svg",
    }


def linux_tarball(dist: Path) -> Path:
    """dist/evidence-kit-VERSION-linux-ARCH.tar.gz: the bundle, the scripts and share/."""
    info = project_info.load()
    top = f"{info.cli_name}-{info.version}-linux-{machine()}"
    out = dist / f"{top}.tar.gz"

    def clean(member: tarfile.TarInfo) -> tarfile.TarInfo:
        member.uid = member.gid = 0
        member.uname = member.gname = ""
        return member

    # gzip level 6: within the 190 MB goal in about 40 s; xz saves 50 MB more but takes 8 min
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(dist / info.cli_name, arcname=top, filter=clean)
        for script in ("install.sh", "uninstall.sh"):
            tar.add(LINUX / script, arcname=f"{top}/{script}", filter=clean)
        for rel, src in _share_files(info).items():
            tar.add(src, arcname=f"{top}/share/{rel}", filter=clean)
    return out


def _validate_desktop_files(data: Path, info: project_info.ProjectInfo) -> list[str]:
    """Run the freedesktop validators that are installed; the names of those that ran."""
    ran = []
    desktop = data / "applications" / f"{info.app_id}.desktop"
    metainfo = data / "metainfo" / f"{info.app_id}.metainfo.xml"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
        ran.append("desktop-file-validate")
    if shutil.which("appstreamcli"):
        subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(metainfo)],
            check=True,
            capture_output=True,
        )
        ran.append("appstreamcli validate")
    return ran


def linux_install_check(tarball: Path) -> list[str]:
    """Install the tarball into a scratch home, run it, uninstall it; raise on any mistake."""
    info = project_info.load()
    with tempfile.TemporaryDirectory(prefix="ek-install-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="tar")
        (unpacked,) = [p for p in Path(tmp).iterdir() if p.name != "home"]
        env = {**os.environ, "HOME": str(home)}
        env.pop("XDG_DATA_HOME", None)
        subprocess.run(
            ["sh", str(unpacked / "install.sh")], env=env, check=True, capture_output=True
        )
        data = home / ".local" / "share"
        command = home / ".local" / "bin" / info.cli_name
        version = subprocess.run(
            [str(command), "--version"], env=env, check=True, capture_output=True, text=True
        ).stdout.strip()
        if version != f"{info.cli_name} {info.version}":
            raise RuntimeError(f"the installed command says {version!r}")
        desktop = (data / "applications" / f"{info.app_id}.desktop").read_text()
        if f'Exec="{data / info.cli_name / info.cli_name}"' not in desktop:
            raise RuntimeError("the installed desktop entry does not name the installed app")
        ran = _validate_desktop_files(data, info)
        subprocess.run(
            ["sh", str(data / info.cli_name / "uninstall.sh")],
            env=env,
            check=True,
            capture_output=True,
        )
        left = sorted(
            str(p.relative_to(home))
            for p in home.rglob("*")
            if not p.is_dir() and p.name not in SHARED_CACHES
        )
        if left:
            raise RuntimeError(f"uninstall.sh left {left}")
    return ran


def windows_installer(dist: Path, icons: Path) -> Path:
    """Compile the Inno Setup script into dist/Evidence-Kit-VERSION-windows-x64-setup.exe."""
    info = project_info.load()
    iscc = shutil.which("iscc") or next(
        (
            str(p)
            for p in (
                Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
                / "Inno Setup 6/ISCC.exe",
                Path(os.environ.get("LOCALAPPDATA", "")) / "Programs/Inno Setup 6/ISCC.exe",
            )
            if p.is_file()
        ),
        None,
    )
    if not iscc:
        raise FileNotFoundError("Inno Setup 6 (ISCC.exe) is not installed")
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={info.version}",
            f"/DSourceDir={dist / info.cli_name}",
            f"/DOutputDir={dist}",
            f"/DIconFile={icons / 'evidence-kit.ico'}",
            str(project_info.PACKAGING / "windows" / "evidence-kit.iss"),
        ],
        check=True,
    )
    return dist / f"Evidence-Kit-{info.version}-windows-x64-setup.exe"


def macos_dmg(dist: Path) -> Path:
    """Build dist/Evidence-Kit-VERSION-macos-ARCH.dmg from the .app with dmgbuild."""
    info = project_info.load()
    out = dist / f"Evidence-Kit-{info.version}-macos-{machine()}.dmg"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "dmgbuild",
            "-s",
            str(project_info.PACKAGING / "macos" / "dmg_settings.py"),
            "-D",
            f"app={dist / (info.display_name + '.app')}",
            info.display_name,
            str(out),
        ],
        check=True,
    )
    return out
