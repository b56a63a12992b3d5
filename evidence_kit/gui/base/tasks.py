"""The one task runner: all background work of the app, with progress, Cancel and errors.

Work functions have the shape `fn(progress, cancel) -> result` (see core/tasks.py). Give them
immutable inputs (paths, numbers, copies: `detached_store(store)`, `copy.deepcopy(item)`),
never the live store or live Items: the GUI keeps editing the case while they run. The
callbacks run on the GUI thread; a worker never touches a widget or a QPixmap.

Two ways to start work:

- `runner.start(label, fn, on_done=, on_error=, on_cancel=, on_progress=, quiet=False)`
  Long work (import, grab, clip, export...). The status bar shows it with a progress bar and
  Cancel, unless `quiet` (list thumbnails). Runs on the work pool.

- `runner.latest(key, fn, on_done=, on_error=, discard=, interrupt=True)`: "latest request
  wins", for previews (the editor's image, an opened camera, a video frame). Per key at most
  one request runs at a time, so work for one key never overlaps. A new request for the same
  key supersedes the older ones: one still waiting never runs; the running one has its
  cancel token set and its result is never delivered (it goes to `discard(result)` instead,
  on the GUI thread, so a result that holds resources, such as an open camera, can release
  them). With `interrupt=False` the running request is left to finish and is delivered; only
  a waiting one is replaced (a scrubbed video paints frames as fast as they decode, and
  ends on the newest). `runner.cancel_latest(key)` supersedes without a new request.
  Previews run on their own small pool, so they never wait behind a long export, and never
  show in the status bar.

Errors: without `on_error`, a failure goes to `runner.error_handler(label, exc)`, by default
the one error dialog (gui/base/error_dialog.py). An EvidenceKitError is a message for the user; anything else
is a bug and is logged at ERROR with its traceback.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from evidence_kit.core.errors import CancelledError, EvidenceKitError
from evidence_kit.core.model import Case
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.gui.base.error_dialog import show_task_error

logger = logging.getLogger(__name__)

T = TypeVar("T")
#: background work: reports progress, checks the token, returns what on_done receives
WorkFn = Callable[[ProgressFn, CancelToken], Any]
ErrorHandler = Callable[[str, Exception], None]
#: threads for long work and for previews; the machine may have only two cores
WORK_THREADS = 2
PREVIEW_THREADS = 2


def detached_store(store: CaseStore) -> CaseStore:
    """A private copy of a store for a worker: the same folder, copies of the facts, the items
    and the bin (for paths and fresh ids), no claim and no log; it never holds the lock. What
    the worker returns is added to the case on the GUI thread, through the controller."""
    live = store.case
    case = Case(
        facts=copy.deepcopy(live.facts),
        items=copy.deepcopy(live.items),
        bin=copy.deepcopy(live.bin),
        schema_version=live.schema_version,
    )
    copy_ = CaseStore(store.root, case)
    copy_.read_only = store.read_only  # a case another process holds stays unwritable
    return copy_


def log_failure(label: str, exc: BaseException) -> None:
    """Log a failed task: a user-facing error as a warning, a bug with its traceback."""
    if isinstance(exc, EvidenceKitError):
        logger.warning("%s: %s", label, exc)
    else:
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        logger.error("%s failed:\n%s", label, trace)


class _Signals(QObject):
    """Signals live on a QObject held by composition: QRunnable is not a QObject."""

    progress = Signal(float, str)
    finished = Signal(object, object)  # task, result
    failed = Signal(object, object)  # task, exception
    cancelled = Signal(object)  # task


class Task(QRunnable):
    """One piece of background work, its signals and its callbacks."""

    def __init__(self, label: str, fn: WorkFn, quiet: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals are delivered
        self.label = label
        self.fn = fn
        self.quiet = quiet
        self.token = CancelToken()
        self.signals = _Signals()
        self.superseded = False  # a newer "latest" request took its place
        self.on_done: Callable[[Any], None] | None = None
        self.on_error: Callable[[Exception], None] | None = None
        self.on_cancel: Callable[[], None] | None = None
        self.discard: Callable[[Any], None] | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.token.cancel()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn(self.signals.progress.emit, self.token)
        except CancelledError:
            outcome: tuple[str, Any] = ("cancelled", None)
        except Exception as exc:  # delivered to on_error or the error handler
            if not self.superseded:
                log_failure(self.label, exc)
            outcome = ("failed", exc)
        else:
            outcome = ("finished", result)
        # an exception escaping a QRunnable aborts the process: if the window (and the
        # runner) went away meanwhile, the outcome simply has no audience
        with contextlib.suppress(RuntimeError):
            if outcome[0] == "cancelled":
                self.signals.cancelled.emit(self)
            else:
                getattr(self.signals, outcome[0]).emit(self, outcome[1])


@dataclass
class _Lane:
    """The requests of one "latest" key: the one running and the newest waiting."""

    running: Task | None = None
    waiting: Task | None = None


class TaskRunner(QObject):
    """Starts tasks, tracks them, and tells the status bar what is running."""

    task_started = Signal(object)  # Task (not for quiet tasks)
    task_ended = Signal(object)  # Task (not for quiet tasks)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(WORK_THREADS)
        self.preview_pool = QThreadPool(self)
        self.preview_pool.setMaxThreadCount(PREVIEW_THREADS)
        self.tasks: list[Task] = []  # shown and quiet work, running or queued
        self._lanes: dict[Hashable, _Lane] = {}
        self.error_handler: ErrorHandler = show_task_error

    # --- long work -------------------------------------------------------------------------

    def start(
        self,
        label: str,
        fn: Callable[[ProgressFn, CancelToken], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        quiet: bool = False,
    ) -> Task:
        """Run fn in the background; the callbacks run on the GUI thread."""
        task = self._task(label, fn, quiet, on_done, on_error, on_cancel)
        if on_progress:
            task.signals.progress.connect(on_progress)
        self.tasks.append(task)
        if not quiet:
            self.task_started.emit(task)
        self.pool.start(task)
        return task

    # --- latest request wins ---------------------------------------------------------------

    def latest(
        self,
        key: Hashable,
        fn: Callable[[ProgressFn, CancelToken], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        discard: Callable[[T], None] | None = None,
        label: str = "",
        interrupt: bool = True,
    ) -> Task:
        """Run fn for `key`, superseding the older requests for the same key."""
        task = self._task(label or str(key), fn, True, on_done, on_error, None)
        task.discard = discard
        lane = self._lanes.setdefault(key, _Lane())
        self._supersede(lane, interrupt)
        if lane.running is None:
            lane.running = task
            self.preview_pool.start(task)
        else:
            lane.waiting = task  # starts when the running one ends
        return task

    def cancel_latest(self, key: Hashable) -> None:
        """Supersede whatever runs or waits for `key`: nothing more is delivered for it."""
        lane = self._lanes.get(key)
        if lane is not None:
            self._supersede(lane)

    def busy(self, key: Hashable) -> bool:
        """True while a request for `key` runs or waits."""
        lane = self._lanes.get(key)
        return lane is not None and (lane.running is not None or lane.waiting is not None)

    @staticmethod
    def _supersede(lane: _Lane, interrupt: bool = True) -> None:
        if lane.waiting is not None:
            lane.waiting.superseded = True
            lane.waiting = None  # never started: nothing will be delivered
        if interrupt and lane.running is not None and not lane.running.superseded:
            lane.running.superseded = True
            lane.running.cancel()

    # --- delivery (GUI thread) -------------------------------------------------------------

    def _task(
        self,
        label: str,
        fn: WorkFn,
        quiet: bool,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        on_cancel: Callable[[], None] | None,
    ) -> Task:
        task = Task(label, fn, quiet)
        task.on_done, task.on_error, task.on_cancel = on_done, on_error, on_cancel
        # The runner is the receiver: when the window (and so the runner) is gone before
        # the work ends, Qt drops these connections and no callback reaches a deleted widget.
        # One receiver for every task, so thousands of previews leave nothing behind.
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        return task

    @Slot(object, object)
    def _on_finished(self, task: Task, result: Any) -> None:
        if not self._ended(task):
            if task.discard is not None and result is not None:
                task.discard(result)
        elif task.on_done:
            task.on_done(result)

    @Slot(object, object)
    def _on_failed(self, task: Task, exc: Exception) -> None:
        if not self._ended(task):
            return
        if task.on_error:
            task.on_error(exc)
        else:
            self.error_handler(task.label, exc)

    @Slot(object)
    def _on_cancelled(self, task: Task) -> None:
        if self._ended(task) and task.on_cancel:
            task.on_cancel()

    def _ended(self, task: Task) -> bool:
        """Bookkeeping once a task is over; True when its outcome is still wanted."""
        if task in self.tasks:
            self.tasks.remove(task)
            if not task.quiet:
                self.task_ended.emit(task)
        for key, lane in list(self._lanes.items()):
            if lane.running is task:
                lane.running, lane.waiting = lane.waiting, None
                if lane.running is not None:
                    self.preview_pool.start(lane.running)
                else:
                    del self._lanes[key]
                break
        return not task.superseded

    # --- shutting down ---------------------------------------------------------------------

    def cancel_all(self) -> None:
        """Cancel every running task; waiting previews are dropped."""
        for task in list(self.tasks):
            task.cancel()
        for lane in self._lanes.values():
            self._supersede(lane)

    def wait_all(self, msecs: int = 10000) -> bool:
        """Cancel and wait for all tasks (used when the window closes)."""
        self.cancel_all()
        work_done = self.pool.waitForDone(msecs)
        return self.preview_pool.waitForDone(msecs) and work_done
