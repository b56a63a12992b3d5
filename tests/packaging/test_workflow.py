"""The GitHub workflow for Windows, macOS and Linux builds is valid (actionlint, with shellcheck
over its scripts when installed) and builds, smoke-tests and uploads on all three."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    assert exe, "actionlint is a test dependency (pyproject.toml [test])"
    return subprocess.run(
        [exe, "-no-color", str(path)], capture_output=True, text=True, timeout=120
    )


def test_workflow_validates() -> None:
    out = actionlint(WORKFLOW)
    assert out.returncode == 0, out.stdout + out.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "build.yml"
    broken.write_text(
        WORKFLOW.read_text().replace("runner.os == 'Windows'", "runner.oss == 'Windows'", 1)
    )
    out = actionlint(broken)
    assert out.returncode != 0 and "oss" in out.stdout


def test_workflow_builds_the_three_platforms_from_the_lock() -> None:
    text = WORKFLOW.read_text()
    for runner in ("windows-2022", "macos-14", "ubuntu-22.04"):
        assert runner in text
    assert "--require-hashes -r packaging/requirements-build.txt" in text
    assert "python packaging/build.py --no-installer" in text  # build + smoke test
    assert "python packaging/build.py --skip-build" in text  # smoke again + installer
    assert "actions/upload-artifact@" in text
    # signing only with its secrets
    for gate in (
        "HAVE_WINDOWS_CERT == 'true'",
        "HAVE_MACOS_CERT == 'true'",
        "HAVE_NOTARY == 'true'",
    ):
        assert gate in text
    for tool in ("signtool", "codesign", "notarytool", "stapler"):
        assert tool in text


@pytest.mark.parametrize("name", ["pyinstaller", "pyside6", "av", "opencv-python-headless"])
def test_lock_pins_what_the_build_needs(name: str) -> None:
    lock = (ROOT / "packaging" / "requirements-build.txt").read_text()
    assert f"\n{name}==" in lock and "--hash=sha256:" in lock


def test_lock_satisfies_pyproject() -> None:
    """A pin changed in pyproject.toml without re-locking would build something else in CI."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lock: dict[str, list[str]] = {}
    for line in (ROOT / "packaging" / "requirements-build.txt").read_text().splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(";")[0].split("\\")[0].strip().split("==")
            lock.setdefault(canonicalize_name(name), []).append(version)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for line in project["dependencies"] + project["optional-dependencies"]["build"]:
        req = Requirement(line)
        versions = lock.get(canonicalize_name(req.name))
        assert versions, f"{req.name} is not in the lock: re-run the uv command at its top"
        assert all(req.specifier.contains(v) for v in versions), (req, versions)
