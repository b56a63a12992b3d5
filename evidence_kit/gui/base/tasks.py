"""The one task runner: runs Qt-free long work on a thread pool with progress and Cancel.

Work functions have the shape `fn(progress, cancel) -> result` (see core/tasks.py). The
runner calls back on the GUI thread; widgets are never touched from the worker.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from evidence_kit.core.errors import CancelledError, EvidenceKitError
from evidence_kit.core.tasks import CancelToken

logger = logging.getLogger(__name__)

WorkFn = Callable[[Callable[[float, str], None], CancelToken], Any]


class _Signals(QObject):
    """Signals live on a QObject held by composition: QRunnable is not a QObject."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    """One piece of background work and its signals."""

    def __init__(self, label: str, fn: WorkFn) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals are delivered
        self.label = label
        self.fn = fn
        self.token = CancelToken()
        self.signals = _Signals()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.token.cancel()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn(self.signals.progress.emit, self.token)
        except CancelledError:
            outcome: tuple[str, Any] = ("cancelled", None)
        except EvidenceKitError as exc:
            outcome = ("failed", exc)
        except Exception as exc:  # shown to the user, logged with its traceback
            logger.error("task %s failed:\n%s", self.label, traceback.format_exc())
            outcome = ("failed", exc)
        else:
            outcome = ("finished", result)
        # an exception escaping a QRunnable aborts the process: if the window (and the
        # signals' receivers) went away meanwhile, the outcome simply has no audience
        with contextlib.suppress(RuntimeError):
            if outcome[0] == "cancelled":
                self.signals.cancelled.emit()
            else:
                getattr(self.signals, outcome[0]).emit(outcome[1])


class _Relay(QObject):
    """Delivers one task's outcome to its callbacks on the GUI thread."""

    def __init__(
        self,
        runner: TaskRunner,
        task: Task,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        on_cancel: Callable[[], None] | None,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.task = task
        self.on_done, self.on_error, self.on_cancel = on_done, on_error, on_cancel

    def _end(self) -> None:
        if self.task in self.runner.tasks:
            self.runner.tasks.remove(self.task)
        self.runner.task_ended.emit(self.task)
        # not deleteLater(): the runner may be destroyed first, deleting this child twice;
        # a relay is a few hundred bytes and lives as long as the runner

    @Slot(object)
    def done(self, result: Any) -> None:
        self._end()
        if self.on_done:
            self.on_done(result)

    @Slot(object)
    def failed(self, exc: Exception) -> None:
        self._end()
        if self.on_error:
            self.on_error(exc)

    @Slot()
    def cancelled(self) -> None:
        self._end()
        if self.on_cancel:
            self.on_cancel()


class TaskRunner(QObject):
    """Starts tasks, tracks them, and tells the status bar what is running."""

    task_started = Signal(object)  # Task
    task_ended = Signal(object)  # Task

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.tasks: list[Task] = []

    def start(
        self,
        label: str,
        fn: WorkFn,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
    ) -> Task:
        """Run fn in the background; the callbacks run on the GUI thread."""
        task = Task(label, fn)
        # The relay is a child of the runner: when the window (and so the runner) is gone
        # before the work ends, Qt drops these connections and no callback reaches a
        # deleted widget.
        relay = _Relay(self, task, on_done, on_error, on_cancel)
        task.signals.finished.connect(relay.done)
        task.signals.failed.connect(relay.failed)
        task.signals.cancelled.connect(relay.cancelled)
        if on_progress:
            task.signals.progress.connect(on_progress)
        self.tasks.append(task)
        self.task_started.emit(task)
        self.pool.start(task)
        return task

    def cancel_all(self) -> None:
        """Cancel every running task."""
        for task in list(self.tasks):
            task.cancel()

    def wait_all(self, msecs: int = 10000) -> bool:
        """Cancel and wait for all tasks (used when the window closes)."""
        self.cancel_all()
        return self.pool.waitForDone(msecs)
