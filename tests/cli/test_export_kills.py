"""Issue 14, 8 and 9: kill -9 during an export. Each export goes into a fresh folder named
by its time, so a kill at any step leaves the previous export whole and the new one whole
or absent, never a mix; the case records the latest; the next command removes what the
killed export left and says so once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.factories.cli import run_cli, run_json
from tests.factories.export import make_case
from tests.factories.kill import kill_when

#: each stalls one step of the export forever (until the kill), after touching READY
STALL_BUILD = """
import time
import evidence_kit.export.run as run
real = run.build_summary
calls = []
def stalled(*a, **k):
    real(*a, **k)
    open(READY, "w").close()
    time.sleep(600)
run.build_summary = stalled
"""
STALL_RENAME = """
import time
real = os.rename
def stalled(src, dst, *a, **k):
    if os.path.basename(str(src)).startswith(".evidence-kit-export-"):
        open(READY, "w").close()
        time.sleep(600)
    return real(src, dst, *a, **k)
os.rename = stalled
"""
STALL_RECORD = """
import time
real = os.replace
def stalled(src, dst, *a, **k):
    if str(dst).endswith("case.json"):
        open(READY, "w").close()
        time.sleep(600)
    return real(src, dst, *a, **k)
os.replace = stalled
"""
TIMED = re.compile(r"^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d(_\d+)?$")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_case(tmp_path_factory.mktemp("kills")).root


@pytest.fixture
def case(template: Path, tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(template, tmp_path / template.name, symlinks=True)
    return tmp_path / template.name


def _kill(stall: str, case: Path, tmp_path: Path, *extra: object) -> None:
    ready = tmp_path / f"ready-{len(list(tmp_path.glob('ready-*')))}"
    kill_when(f"READY = {str(ready)!r}\n{stall}", ["export", case, *extra], ready.exists)


def _whole(folder: Path) -> None:
    """A complete export: bundle (verified), PDF and upload pack, nothing else."""
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["case-crack-evidence.zip", "case-crack-summary.pdf", "upload"], names
    assert run_cli("verify", folder / "case-crack-evidence.zip").returncode == 0
    assert (folder / "upload" / "README.txt").is_file()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _latest(case: Path) -> str:
    return json.loads((case / "case.json").read_text())["latest_export"]


def test_each_export_gets_a_fresh_folder_and_the_case_records_it(case: Path) -> None:
    first = run_json("export", case)
    second = run_json("export", case)
    assert first["folder"] != second["folder"]
    for doc in (first, second):
        folder = Path(doc["folder"])
        assert folder.parent == case / "exports" and TIMED.match(folder.name)
        _whole(folder)
    assert _latest(case) == "exports/" + Path(second["folder"]).name
    logged = [e for e in run_json("case", "show", case)["log"] if e["action"] == "exported"]
    assert [e["details"]["folder"] for e in logged] == [
        Path(first["folder"]).name,
        Path(second["folder"]).name,
    ]


@pytest.mark.parametrize("stall", [STALL_BUILD, STALL_RENAME], ids=["building", "at-rename"])
def test_a_kill_before_the_rename_leaves_the_previous_export(
    case: Path, tmp_path: Path, stall: str
) -> None:
    previous = Path(run_json("export", case)["folder"])
    kept = _snapshot(previous)
    before = (case / "case.json").read_bytes()
    _kill(stall, case, tmp_path)
    assert [p.name for p in (case / "exports").iterdir() if not p.name.startswith(".")] == [
        previous.name
    ]
    assert (case / "case.json").read_bytes() == before
    shown = run_cli("case", "show", case, check=True)
    assert "removed 1 unfinished export" in shown.stderr, shown.stderr
    assert run_cli("case", "show", case, check=True).stderr == ""  # said once
    assert [p.name for p in (case / "exports").iterdir()] == [previous.name]
    assert _snapshot(previous) == kept
    _whole(previous)
    assert _latest(case) == f"exports/{previous.name}"


def test_a_kill_after_the_rename_leaves_both_exports_whole(case: Path, tmp_path: Path) -> None:
    previous = Path(run_json("export", case)["folder"])
    kept = _snapshot(previous)
    _kill(STALL_RECORD, case, tmp_path)
    run_cli("case", "show", case, check=True)  # removes the unsaved .case.*.tmp
    folders = sorted((case / "exports").iterdir())
    assert previous in folders and len(folders) == 2, folders
    for folder in folders:
        _whole(folder)
    assert _snapshot(previous) == kept
    # the case was not told: it still names the previous one, which is whole
    assert _latest(case) == f"exports/{previous.name}"
    assert not list(case.glob(".case.*.tmp"))


def test_staging_folders_of_killed_exports_never_pile_up(case: Path, tmp_path: Path) -> None:
    for _ in range(3):  # each export first removes what the one killed before it left
        _kill(STALL_BUILD, case, tmp_path)
        hidden = [p for p in (case / "exports").iterdir() if p.name.startswith(".")]
        assert len([p for p in hidden if p.is_dir()]) == 1, hidden
    shown = run_cli("case", "show", case, check=True)
    assert "removed 1 unfinished export" in shown.stderr, shown.stderr
    assert list((case / "exports").iterdir()) == []
    done = run_json("export", case)
    assert [p.name for p in (case / "exports").iterdir()] == [Path(done["folder"]).name]


def test_a_chosen_folder_is_cleaned_by_the_next_export_into_it(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "Desktop"
    _kill(STALL_BUILD, case, tmp_path, "-o", out)
    assert any(p.name.startswith(".evidence-kit-export-") for p in out.iterdir())
    done = run_json("export", case, "-o", out)
    assert [p.name for p in out.iterdir()] == [Path(done["folder"]).name]
    assert _latest(case) == done["folder"]  # outside the case: its full path


def test_a_running_export_s_staging_folder_is_never_removed(case: Path, tmp_path: Path) -> None:
    from evidence_kit.export.staging import Staging

    out = tmp_path / "shared"
    running = Staging(out)  # another case exporting into the same folder right now
    (running.path / "half.zip").write_bytes(b"x" * 100)
    done = run_json("export", case, "-o", out)
    assert (running.path / "half.zip").is_file()
    folder = running.publish("theirs", {"half.zip"})
    assert sorted(p.name for p in out.iterdir()) == sorted([Path(done["folder"]).name, "theirs"])
    assert (folder / "half.zip").is_file()
