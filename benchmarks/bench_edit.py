"""Edit cost early and late in a case: the median edit at 50 and at 5,000 log entries.

    python benchmarks/bench_edit.py [--rounds 7] [--edits 30] [--marks 12]

One edit is what the editor does when a mark is dragged: a MoveMarks step pushed through
CaseController, which applies it, appends its log entry and saves case.json atomically
(temp file, fsync, rename). Both cases hold one photo with the same marks; they differ only
in the length of their activity log. Each round builds both cases afresh and alternates
their edits, so disk noise falls on both alike; the medians are over every edit of every
round. Targets: ratio (5,000 / 50) <= 1.3 and under 10 ms at 5,000.

The log lives in activity-log.jsonl, so a save appends one line and rewrites a case.json
that does not hold the log. For comparison the same run times, at both lengths, the floor
of keeping the log inside case.json (every entry already serialised once, so only the
atomic write of the whole document is left: what that design can never go below), and
what the old design did per edit at 5,000 entries (deep-copy the whole case, log
included, and write it with indentation).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SMALL, BIG = 50, 5000


def make_case(root: Path, log_entries: int, marks: int):  # type: ignore[no-untyped-def]
    """A case with one photo item, `marks` marks and exactly `log_entries` log entries."""
    from evidence_kit.core import activity_log, case_ops
    from evidence_kit.core.model import Item
    from evidence_kit.core.store import new_case

    store = new_case(root, platform="ebay", order_id="1", item="Desk lamp")
    item = Item(id="a1b2c3", kind="photo", file="originals/label.jpg", sha256="ab" * 32,
                bytes=2_000_000, imported_at="2026-11-20T10:00:00Z", title="Label")  # fmt: skip
    case_ops.add_items(store.case, [item])
    shapes = [
        {"type": "redact", "rect": [10 * n, 20, 200, 80], "style": "solid"} if n % 3 == 0
        else {"type": "arrow", "points": [[n, 10], [n + 300, 200]], "color": "#e53935", "width": 6}
        for n in range(marks)
    ]  # fmt: skip
    case_ops.set_item_fields(store.case, item.id, annotations=shapes)
    while len(store.case.log) < log_entries:  # the kind of entries a long session leaves
        n = len(store.case.log)
        activity_log.append(
            store.case, "annotation_moved", item=item.id, positions=[n % marks], types=["arrow"]
        )
    store.save()
    return store


def run(rounds: int, edits: int, marks: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from evidence_kit.gui.base.case_controller import CaseController
    from evidence_kit.gui.base.commands import MoveMarks

    app = QApplication.instance() or QApplication([])
    times: dict[int, list[float]] = {SMALL: [], BIG: []}
    one_document: dict[int, list[float]] = {SMALL: [], BIG: []}
    sizes: dict[int, tuple[int, int]] = {}
    old_design: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-edit-") as tmp:
        for r in range(rounds):
            controllers = {
                n: CaseController(make_case(Path(tmp) / f"r{r}-{n}", n, marks)) for n in times
            }
            documents: dict[int, bytes] = {}
            for e in range(edits):
                for n, controller in controllers.items():
                    mark = copy.deepcopy(controller.case.items[0].annotations[1])
                    mark["points"] = [[x + (1 if e % 2 == 0 else -1), y] for x, y in mark["points"]]
                    step = MoveMarks("a1b2c3", {1: mark}, "Move mark")
                    start = time.perf_counter()
                    ok = controller.push(step)
                    times[n].append(time.perf_counter() - start)
                    assert ok, "the edit was refused"
                    # right after, so both see the same disk: the one-document floor
                    document = documents.get(n) or documents.setdefault(
                        n, _one_document(controller.store)
                    )
                    one_document[n].append(_write_atomically(controller.store.root, document))
            for n, controller in controllers.items():
                store = controller.store
                sizes[n] = (store.case_file.stat().st_size, store.log_file.stat().st_size)
            old_design.append(_old_design_edit(controllers[BIG]))
            app.processEvents()
    small, big = statistics.median(times[SMALL]), statistics.median(times[BIG])
    doc_small, doc_big = (statistics.median(one_document[n]) for n in (SMALL, BIG))
    return {
        "small_ms": small * 1000,
        "big_ms": big * 1000,
        "ratio": big / small,
        "small_kb": sizes[SMALL][0] / 1024,
        "big_kb": sizes[BIG][0] / 1024,
        "big_log_kb": sizes[BIG][1] / 1024,
        "doc_small_ms": doc_small * 1000,
        "doc_big_ms": doc_big * 1000,
        "doc_ratio": doc_big / doc_small,
        "old_big_ms": statistics.median(old_design) * 1000,
    }


def _one_document(store) -> bytes:  # type: ignore[no-untyped-def]
    """The case as one document with its log, one compact line per entry."""
    from evidence_kit.core import log_file

    head = json.dumps(store.case.to_dict(log=False), indent=2, ensure_ascii=False).encode()
    lines = b",\n    ".join(log_file.line(e).rstrip() for e in store.case.log)
    return head[: head.rindex(b"}")].rstrip() + b',\n  "log": [\n    ' + lines + b"\n  ]\n}\n"


def _write_atomically(folder: Path, data: bytes) -> float:
    """Seconds to write data as a file atomically, as a save does (temp, fsync, rename)."""
    start = time.perf_counter()
    fd, tmp = tempfile.mkstemp(dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / "one-document.json")
    dfd = os.open(folder, os.O_RDONLY)
    os.fsync(dfd)
    os.close(dfd)
    return time.perf_counter() - start


def _old_design_edit(controller) -> float:  # type: ignore[no-untyped-def]
    """What one edit cost before: a deep copy of the whole case, then an indented dump."""
    store = controller.store
    start = time.perf_counter()
    copy.deepcopy(store.case.to_dict())
    data = json.dumps(store.case.to_dict(), indent=2, ensure_ascii=False).encode("utf-8")
    path = store.root / ".old-design.tmp"
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    elapsed = time.perf_counter() - start
    path.unlink()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--marks", type=int, default=12)
    args = parser.parse_args()
    result = run(args.rounds, args.edits, args.marks)
    print(f"edits: {args.rounds} rounds x {args.edits} per case, {args.marks} marks on the photo")
    print(f"median edit at {SMALL:>5} log entries: {result['small_ms']:6.2f} ms"
          f"  (case.json {result['small_kb']:.0f} KB)")  # fmt: skip
    print(f"median edit at {BIG:>5} log entries: {result['big_ms']:6.2f} ms"
          f"  (case.json {result['big_kb']:.0f} KB, activity-log.jsonl {result['big_log_kb']:.0f} KB)")  # fmt: skip
    print(f"ratio {BIG}/{SMALL}: {result['ratio']:.2f}  (target <= 1.3; under 10 ms at {BIG})")
    print(f"log inside case.json, atomic write alone: {result['doc_small_ms']:.2f} ms at {SMALL}, "
          f"{result['doc_big_ms']:.2f} ms at {BIG} (ratio {result['doc_ratio']:.2f})")  # fmt: skip
    print(f"old design at {BIG} entries (deep copy + indented dump + fsync): "
          f"{result['old_big_ms']:.1f} ms")  # fmt: skip
    ok = result["ratio"] <= 1.3 and result["big_ms"] < 10
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
