"""The task runner: long work with progress and Cancel, "latest request wins" previews, and
failures that reach a handler instead of vanishing."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.gui.base.tasks import TaskRunner, detached_store


@pytest.fixture
def runner(qtbot: Any) -> Any:
    r = TaskRunner()
    yield r
    r.wait_all()


def blocking(gate: threading.Event, value: Any, log: list[str] | None = None) -> Any:
    def work(progress: Any, cancel: Any) -> Any:
        if log is not None:
            log.append(f"start {value}")
        gate.wait(5)
        if log is not None:
            log.append(f"end {value}")
        return value

    return work


def test_latest_request_wins(qtbot: Any, runner: TaskRunner) -> None:
    gate = threading.Event()
    delivered: list[Any] = []
    discarded: list[Any] = []
    ran: list[str] = []
    first = runner.latest(
        "frame", blocking(gate, 1, ran), delivered.append, discard=discarded.append
    )
    qtbot.waitUntil(lambda: ran == ["start 1"], timeout=5000)
    runner.latest("frame", blocking(gate, 2, ran), delivered.append, discard=discarded.append)
    third = runner.latest("frame", blocking(gate, 3, ran), delivered.append)
    assert first.superseded and first.token.cancelled  # asked to stop early
    assert runner.busy("frame")
    gate.set()
    qtbot.waitUntil(lambda: delivered == [3], timeout=5000)
    assert discarded == [1]  # the superseded result is released, never delivered
    assert "start 2" not in ran  # the waiting one never ran
    assert not third.superseded
    qtbot.waitUntil(lambda: not runner.busy("frame"), timeout=5000)


def test_requests_for_one_key_never_overlap_and_keys_are_independent(
    qtbot: Any, runner: TaskRunner
) -> None:
    active: dict[str, int] = {"a": 0, "b": 0}
    most: dict[str, int] = {"a": 0, "b": 0}
    lock = threading.Lock()
    delivered: list[str] = []

    def work_for(key: str) -> Any:
        def work(progress: Any, cancel: Any) -> str:
            with lock:
                active[key] += 1
                most[key] = max(most[key], active[key])
            time.sleep(0.02)
            with lock:
                active[key] -= 1
            return key

        return work

    for _ in range(5):
        runner.latest("a", work_for("a"), delivered.append)
        runner.latest("b", work_for("b"), delivered.append)
    qtbot.waitUntil(lambda: not runner.busy("a") and not runner.busy("b"), timeout=5000)
    assert most == {"a": 1, "b": 1}
    assert sorted(delivered) == ["a", "b"]  # one result per key: the newest


def test_cancel_latest_delivers_nothing(qtbot: Any, runner: TaskRunner) -> None:
    gate = threading.Event()
    delivered: list[Any] = []
    runner.latest("img", blocking(gate, 1), delivered.append)
    runner.cancel_latest("img")
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy("img"), timeout=5000)
    qtbot.wait(50)
    assert delivered == []


def test_long_work_reports_progress_and_can_be_cancelled(qtbot: Any, runner: TaskRunner) -> None:
    seen: list[float] = []
    cancelled: list[bool] = []

    def work(progress: Any, cancel: Any) -> None:
        for n in range(200):
            progress(n / 200, "")
            cancel.check()
            time.sleep(0.005)

    started: list[Any] = []
    runner.task_started.connect(started.append)
    task = runner.start("Counting", work, on_cancel=lambda: cancelled.append(True),
                        on_progress=lambda f, m: seen.append(f))  # fmt: skip
    assert started == [task]
    qtbot.waitUntil(lambda: len(seen) > 3, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert runner.tasks == []


def test_quiet_work_stays_out_of_the_status_bar(qtbot: Any, runner: TaskRunner) -> None:
    started: list[Any] = []
    done: list[int] = []
    runner.task_started.connect(started.append)
    runner.start("thumb", lambda p, c: 7, on_done=done.append, quiet=True)
    qtbot.waitUntil(lambda: done == [7], timeout=5000)
    assert started == []


def test_a_failure_without_a_handler_reaches_the_error_handler(
    qtbot: Any, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[tuple[str, str]] = []
    runner.error_handler = lambda label, exc: seen.append((label, str(exc)))

    def bad_input(progress: Any, cancel: Any) -> None:
        raise EvidenceKitError("the file is empty")

    def bug(progress: Any, cancel: Any) -> None:
        raise ZeroDivisionError("division by zero")

    runner.start("Importing", bad_input)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    runner.start("Exporting", bug)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == [("Importing", "the file is empty"), ("Exporting", "division by zero")]
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "ZeroDivisionError" in errors[0].getMessage()
    caplog.clear()  # the bug was expected here: keep the no-ERROR-logs net quiet


def test_detached_store_is_a_private_copy(tmp_path: Any) -> None:
    from evidence_kit.core import case_ops
    from evidence_kit.core.store import new_case
    from evidence_kit.media.importer import add_files
    from tests.factories.media import make_photo

    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    [item] = add_files(store, [make_photo(tmp_path / "p.jpg")]).items
    copy = detached_store(store)
    case_ops.rename_item(store.case, item.id, "changed on the GUI thread")
    assert copy.root == store.root and copy.path_of(copy.case.items[0]) == store.path_of(item)
    assert copy.case.items[0].title != "changed on the GUI thread"
    assert copy.case.log == [] and store.case.log
    store.read_only = "Another window has this case open."
    assert detached_store(store).read_only == store.read_only


def test_without_interrupt_the_running_request_finishes_and_the_newest_follows(
    qtbot: Any, runner: TaskRunner
) -> None:
    gate = threading.Event()
    delivered: list[Any] = []
    ran: list[str] = []
    runner.latest("seek", blocking(gate, 1, ran), delivered.append, interrupt=False)
    qtbot.waitUntil(lambda: ran == ["start 1"], timeout=5000)
    for n in (2, 3, 4):
        runner.latest("seek", blocking(gate, n, ran), delivered.append, interrupt=False)
    gate.set()
    qtbot.waitUntil(lambda: delivered == [1, 4], timeout=5000)
    assert ran == ["start 1", "end 1", "start 4", "end 4"]
