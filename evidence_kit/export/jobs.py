"""Running the per-exhibit jobs of a plan on a small thread pool.

The longest job (a video's upload clip) starts first. A failing job cancels its siblings:
running ones stop at their next check, queued ones never start. Outputs come back in
exhibit order, each merged from its jobs in a fixed order, so the bundle is deterministic.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed

from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export.exhibits import Context, ExhibitOutput, merge
from evidence_kit.export.image_jobs import document_job, image_job
from evidence_kit.export.plan import Exhibit, JobName
from evidence_kit.export.video_jobs import clip_job, share_job, sheet_job

Job = Callable[[Context, Exhibit, ProgressFn, CancelToken], ExhibitOutput]
JOBS: dict[JobName, Job] = {
    "clip": clip_job,
    "sheet": sheet_job,
    "image": image_job,
    "document": document_job,
    "share": share_job,
}


class _Linked(CancelToken):
    """Cancelled when the user cancels or when a sibling job failed."""

    def __init__(self, parent: CancelToken) -> None:
        super().__init__()
        self._parent = parent

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or self._parent.cancelled

    def check(self) -> None:
        self._parent.check()
        super().check()


def run_jobs(
    ctx: Context, exhibits: list[Exhibit], progress: ProgressFn, cancel: CancelToken, workers: int
) -> list[ExhibitOutput]:
    """Run every job of every exhibit; one merged output per exhibit, in exhibit order."""
    if not exhibits:
        return []
    tasks = sorted(
        (
            (priority, index, JOBS[name])
            for index, ex in enumerate(exhibits)
            for priority, name in ctx.plan.jobs_for(ex)
        ),
        key=lambda t: (t[0], t[1]),
    )
    lock = threading.Lock()
    fractions = [0.0] * len(tasks)
    inner = _Linked(cancel)

    def task_progress(slot: int) -> ProgressFn:
        def report(fraction: float, message: str) -> None:
            with lock:
                fractions[slot] = min(max(fraction, 0.0), 1.0)
                progress(sum(fractions) / len(fractions), message)

        return report

    def run(slot: int) -> ExhibitOutput:
        inner.check()  # a queued job must not start a half-second decode after Cancel
        _, index, job = tasks[slot]
        return job(ctx, exhibits[index], task_progress(slot), inner)

    parts: list[list[tuple[int, ExhibitOutput]]] = [[] for _ in exhibits]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(run, slot): slot for slot in range(len(tasks))}
        try:
            for future in as_completed(futures):
                priority, index, _ = tasks[futures[future]]
                parts[index].append((priority, future.result()))
        except BaseException:
            inner.cancel()  # running siblings stop at their next check
            for future in futures:
                future.cancel()  # queued ones never start
            raise
    # a fixed order inside each exhibit keeps the bundle deterministic
    return [merge([o for _, o in sorted(p, key=lambda t: t[0])]) for p in parts if p]
