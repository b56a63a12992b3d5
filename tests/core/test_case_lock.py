"""Two writers on one case: the lock makes every read-modify-write exclusive (issue 14, 1).

Real processes run the real command line at the same moment; nothing they did may be lost
and nothing they copied may be left without an item.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit.core.errors import CaseLockedError
from evidence_kit.core.store import CaseStore, new_case
from tests.factories.cli import ROOT, assert_one_line_error, run_cli
from tests.factories.media import make_photo

ROUNDS = 20


def _start(*args: object, wait: float | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if wait is not None:
        env["EVIDENCE_KIT_LOCK_WAIT"] = str(wait)
    return subprocess.Popen(
        [sys.executable, "-m", "evidence_kit", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _both(first: subprocess.Popen[str], second: subprocess.Popen[str]) -> list[int]:
    codes = []
    for proc in (first, second):
        _out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, err
        codes.append(proc.returncode)
    return codes


def _doc(case: Path) -> dict:
    return json.loads((case / "case.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_two_parallel_case_set_never_lose_an_update(tmp_path: Path) -> None:
    case = tmp_path / "c"
    new_case(case, platform="ebay", order_id="1")
    lost = 0
    for n in range(ROUNDS):
        a = _start("case", "set", case, f"listing_says=listed {n}")
        b = _start("case", "set", case, f"received_is=received {n}")
        assert _both(a, b) == [0, 0]
        claim = _doc(case)["claim"]
        if (
            claim.get("listing_says") != f"listed {n}"
            or claim.get("received_is") != f"received {n}"
        ):
            lost += 1
    assert lost == 0, f"{lost} of {ROUNDS} rounds lost an update"
    log = CaseStore.open(case).case.log
    assert sum(e.action == "claim_set" for e in log) == 2 * ROUNDS
    assert not list(case.glob(".case.*.tmp"))


@pytest.mark.slow
def test_two_parallel_case_add_keep_every_item_and_leave_no_orphan(tmp_path: Path) -> None:
    case = tmp_path / "c"
    new_case(case, platform="ebay", order_id="1")
    photos = [make_photo(tmp_path / f"p{n}.jpg", size=(64, 48), seed=n) for n in range(2 * ROUNDS)]
    for n in range(ROUNDS):
        a = _start("case", "add", case, photos[2 * n])
        b = _start("case", "add", case, photos[2 * n + 1])
        assert _both(a, b) == [0, 0]
    doc = _doc(case)
    assert len(doc["items"]) == 2 * ROUNDS
    referenced = {Path(it["file"]).name for it in doc["items"]}
    on_disk = {p.name for p in (case / "originals").iterdir()}
    assert on_disk == referenced, f"orphans: {sorted(on_disk - referenced)}"


def test_a_second_writer_waits_then_names_the_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = tmp_path / "c"
    new_case(case, platform="ebay", order_id="1")
    monkeypatch.setenv("EVIDENCE_KIT_LOCK_WAIT", "0.3")
    holder = CaseStore.open(case, lock=True, holder="Evidence Kit")
    try:
        before = (case / "case.json").read_bytes()
        for args in (("case", "set", case, "notes=x"), ("case", "add", case, tmp_path / "x.jpg")):
            line = assert_one_line_error(run_cli(*args))
            assert line == (
                f"evidence-kit: this case is open in Evidence Kit (pid {os.getpid()}); "
                "close it there first"
            )
        assert (case / "case.json").read_bytes() == before
        with pytest.raises(CaseLockedError, match=f"pid {os.getpid()}"):
            CaseStore.open(case, lock=True, wait=0.1)
    finally:
        holder.close()
    # once the holder is gone, the next writer goes ahead
    run_cli("case", "set", case, "notes=x", check=True)
    assert _doc(case)["claim"]["notes"] == "x"


def test_a_store_read_before_another_write_refuses_to_save_over_it(tmp_path: Path) -> None:
    from evidence_kit.core import case_ops
    from evidence_kit.core.errors import CaseChangedError

    case = tmp_path / "c"
    new_case(case, platform="ebay", order_id="1")
    first, second = CaseStore.open(case), CaseStore.open(case)
    case_ops.set_values(first.case, {"notes": "first"})
    first.save()
    case_ops.set_values(second.case, {"listing_says": "second"})
    with pytest.raises(CaseChangedError, match="changed by another program"):
        second.save()
    assert CaseStore.open(case).case.claim == {"notes": "first"}


def test_a_held_store_sees_the_latest_case_when_it_takes_the_lock(tmp_path: Path) -> None:
    from evidence_kit.core import case_ops

    case = tmp_path / "c"
    new_case(case, platform="ebay", order_id="1")
    viewer = CaseStore.open(case)  # the app reads the case ...
    run_cli("case", "set", case, "notes=meanwhile", check=True)  # ... someone writes ...
    viewer.hold(wait=0)  # ... and the app takes the lock: it must not work on the old copy
    try:
        assert viewer.case.claim["notes"] == "meanwhile"
        case_ops.set_values(viewer.case, {"reason": "damaged"})
        viewer.save()
    finally:
        viewer.close()
    assert CaseStore.open(case).case.claim == {"notes": "meanwhile", "reason": "damaged"}
