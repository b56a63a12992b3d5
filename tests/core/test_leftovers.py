"""kill -9 in the middle of `case add` or `case set` (issue 14, 8): the next command on the
case removes what the dead one left, says so once, and the case is as last saved.

The command really runs and really dies by SIGKILL; only a stall is put in its way, at the
moment the test wants it dead, so the kill lands there every time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_kit.core.store import new_case
from tests.factories.cli import run_cli, run_json
from tests.factories.kill import kill_when
from tests.factories.media import make_photo

#: code run before the command; each stalls one step forever (until the kill)
STALL_COPY = """
import time
import evidence_kit.media.importer as imp
real = imp.copy_and_hash
calls = []
def stalled(src, dst, *a, **k):
    calls.append(src)
    if len(calls) < STALL_AT:
        return real(src, dst, *a, **k)
    data = open(src, "rb").read()
    with open(dst, "xb") as fh:
        fh.write(data[: len(data) // 2]); fh.flush(); os.fsync(fh.fileno())
    time.sleep(600)
imp.copy_and_hash = stalled
"""
STALL_SAVE = """
import time
real = os.replace
def stalled(src, dst, *a, **k):
    if str(dst).endswith("case.json"):
        time.sleep(600)
    return real(src, dst, *a, **k)
os.replace = stalled
"""


@pytest.fixture
def case(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    new_case(root, platform="ebay", order_id="1")
    return root


def _said_once(case: Path, fragment: str) -> None:
    first = run_cli("case", "show", case, check=True)
    assert f"evidence-kit: cleaned up after an interrupted command: removed {fragment}" in (
        first.stderr
    ), first.stderr
    again = run_cli("case", "show", case, check=True)
    assert again.stderr == ""


def test_kill_during_a_copy_leaves_a_part_file_the_next_command_removes(
    case: Path, tmp_path: Path
) -> None:
    photo = make_photo(tmp_path / "p.jpg", size=(1200, 900))
    before = (case / "case.json").read_bytes()
    kill_when(STALL_COPY, ["case", "add", case, photo], lambda: any(case.glob("originals/.*.part")))
    assert (case / "case.json").read_bytes() == before
    _said_once(case, "1 unfinished copy")
    assert list((case / "originals").iterdir()) == []
    assert run_json("case", "show", case)["items"] == []


def test_kill_during_a_multi_file_add_leaves_no_orphan(case: Path, tmp_path: Path) -> None:
    photos = [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(3)]
    kill_when(
        STALL_COPY,
        ["case", "add", case, *photos],
        lambda: (
            len(list(case.glob("originals/[!.]*"))) == 2 and any(case.glob("originals/.*.part"))
        ),
        stall_at=3,
    )
    copied = [p for p in (case / "originals").iterdir() if not p.name.startswith(".")]
    assert len(copied) == 2  # the first two were in originals/ but never in case.json
    _said_once(case, "1 unfinished copy, 2 imported files that never reached the case")
    assert list((case / "originals").iterdir()) == []
    # and the same files import cleanly afterwards
    added = run_json("case", "add", case, *photos)
    assert len(added["imported"]) == 3


def test_kill_during_a_save_leaves_a_temp_file_the_next_command_removes(case: Path) -> None:
    before = (case / "case.json").read_bytes()
    kill_when(
        STALL_SAVE, ["case", "set", case, "notes=half"], lambda: any(case.glob(".case.*.tmp"))
    )
    assert (case / "case.json").read_bytes() == before  # the old case, whole
    _said_once(case, "1 unsaved temporary file")
    assert not list(case.glob(".case.*.tmp"))
    assert "notes" not in json.loads((case / "case.json").read_text())["claim"]


def test_a_running_writer_s_files_are_never_taken_for_leftovers(case: Path, tmp_path: Path) -> None:
    from evidence_kit.core.store import CaseStore

    with CaseStore.open(case, lock=True):  # a writer at work: its .part is live
        part = case / "originals" / ".abc123.part"
        part.write_bytes(b"x" * 10)
        shown = run_cli("case", "show", case, check=True)
        assert "cleaned up" not in shown.stderr and part.exists()
