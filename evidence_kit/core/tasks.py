"""Long work as plain functions: a progress callback plus a cancel token.

The GUI runs these on its task runner; the CLI runs them directly. Neither needs Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from evidence_kit.core.errors import CancelledError

#: progress(fraction 0..1, short message). Called from the worker thread.
ProgressFn = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """Progress sink for callers that do not show progress."""


class CancelToken:
    """Set by the UI, checked by the worker between small steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise CancelledError if cancel() was called."""
        if self._event.is_set():
            raise CancelledError()


class Steps:
    """Maps the steps of a job onto one 0..1 progress range.

    `sub(i, n)` gives a ProgressFn for step i of n so nested work reports sensibly.
    """

    def __init__(self, progress: ProgressFn, start: float = 0.0, end: float = 1.0) -> None:
        self._progress = progress
        self._start = start
        self._end = end

    def __call__(self, fraction: float, message: str) -> None:
        f = min(max(fraction, 0.0), 1.0)
        self._progress(self._start + (self._end - self._start) * f, message)

    def sub(self, index: int, count: int) -> Steps:
        """Progress for part `index` of `count` equal parts."""
        span = (self._end - self._start) / max(count, 1)
        return Steps(self._progress, self._start + span * index, self._start + span * (index + 1))
