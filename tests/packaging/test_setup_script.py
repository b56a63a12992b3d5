"""evidence-kit.sh installs the runtime package list for the app, both lists for the tests,
and runs without sha256sum (macOS has none) or dpkg (not Debian).

The script runs for real in a copy of the repository's top level, with fake apt-get, dpkg-query,
sudo and a fake .venv, on a PATH that holds only the tools it may use.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: what the script may call besides the fakes; sha256sum is deliberately not here
TOOLS = ("bash", "dirname", "grep", "rm", "touch", "cat")


def package_list(name: str) -> list[str]:
    lines = (ROOT / "packaging" / name).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _fake(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A copy of the script and its lists, a fake venv that is up to date, fake system tools."""
    repo = tmp_path / "repo"
    (repo / "packaging").mkdir(parents=True)
    shutil.copy2(ROOT / "evidence-kit.sh", repo)
    shutil.copy2(ROOT / "pyproject.toml", repo)
    for lst in (ROOT / "packaging").glob("debian-packages*.txt"):
        shutil.copy2(lst, repo / "packaging")
    log = tmp_path / "log"
    venv_bin = repo / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    digest = hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (repo / ".venv" / f".installed-{digest}").touch()
    for tool in ("python", "evidence-kit", "ruff", "lint-imports", "mypy"):
        _fake(venv_bin / tool, f'echo "{tool} $*" >> "{log}"')
    fake = tmp_path / "fakebin"
    fake.mkdir()
    _fake(fake / "apt-get", f'echo "apt-get $*" >> "{log}"')
    _fake(fake / "dpkg-query", "exit 1")  # nothing installed
    _fake(fake / "id", "echo 1000")  # not root, so the script goes through sudo
    _fake(fake / "sudo", '"$@"')
    for tool in TOOLS:
        os.symlink(shutil.which(tool), fake / tool)
    return repo


def run(repo: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": path or str(repo.parent / "fakebin"), "PYTHON": sys.executable, "HOME": "/x"}
    return subprocess.run(
        [str(repo / "evidence-kit.sh"), *args], env=env, capture_output=True, text=True, timeout=60
    )


def logged(repo: Path) -> list[str]:
    log = repo.parent / "log"
    return log.read_text().splitlines() if log.exists() else []


def installed(repo: Path) -> list[str]:
    return [
        word
        for line in logged(repo)
        if line.startswith("apt-get install")
        for word in line.split()[2:]
        if not word.startswith("-")
    ]


def test_lists_are_split_and_do_not_overlap() -> None:
    runtime, test = package_list("debian-packages.txt"), package_list("debian-packages-test.txt")
    assert {"libxcb-cursor0", "libegl1", "fonts-dejavu-core"} <= set(runtime)
    assert {"ffmpeg", "qpdf", "poppler-utils", "xvfb"} <= set(test)
    assert not set(runtime) & set(test)
    assert len(set(runtime)) == len(runtime) and len(set(test)) == len(test)


def test_app_commands_install_only_the_runtime_list(sandbox: Path) -> None:
    out = run(sandbox, "--version")
    assert out.returncode == 0, out.stderr
    assert installed(sandbox) == package_list("debian-packages.txt")
    # the venv stamp matched without sha256sum, so nothing was reinstalled
    assert not [line for line in logged(sandbox) if line.startswith("python")]
    assert "evidence-kit --version" in logged(sandbox)


def test_test_command_installs_both_lists(sandbox: Path) -> None:
    out = run(sandbox, "test", "-q")
    assert out.returncode == 0, out.stderr
    expected = package_list("debian-packages.txt") + package_list("debian-packages-test.txt")
    assert installed(sandbox) == expected
    assert "python -m pytest -q" in logged(sandbox)


def test_without_dpkg_nothing_is_installed(sandbox: Path) -> None:
    (sandbox.parent / "fakebin" / "dpkg-query").unlink()
    out = run(sandbox, "demo")
    assert out.returncode == 0, out.stderr
    assert installed(sandbox) == []
    assert "evidence-kit demo" in logged(sandbox)


def test_a_changed_pyproject_reinstalls(sandbox: Path) -> None:
    with (sandbox / "pyproject.toml").open("a") as f:
        f.write("\n# changed\n")
    out = run(sandbox, "--version")
    assert out.returncode == 0, out.stderr
    assert "python -m pip install -q -e .[test]" in logged(sandbox)
