"""The activity log on disk: activity-log.jsonl, one entry per line, only ever appended.

case.json names how many entries belong to the case and the hash of the last one, and it
is replaced only after the lines it names are on disk. So a save appends its new lines
(fsync), then writes case.json; a crash in between leaves lines past the named ones, which
are never read and are cut off by the next save. A save writes only its new entries, so
an edit costs the same at entry 50 and at entry 5,000 (benchmarks/bench_edit.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import CaseCorruptError, CaseError, CaseNotFoundError
from evidence_kit.core.model import LogEntry

LOG_FILE = "activity-log.jsonl"


@dataclass(frozen=True)
class LogOnDisk:
    """The entries of the log file that case.json names: their hashes and line ends."""

    hashes: list[str] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # byte offset just past each entry's line

    def cut(self, count: int) -> LogOnDisk:
        """The first `count` entries only."""
        return LogOnDisk(self.hashes[:count], self.ends[:count])


def head(log: list[LogEntry]) -> dict[str, Any]:
    """What case.json records of the log: its length and the hash of its last entry."""
    return {"entries": len(log), "hash": log[-1].hash if log else ""}


def line(entry: LogEntry) -> bytes:
    """One entry as its line in the file (ValueError for a value JSON cannot store)."""
    text = json.dumps(asdict(entry), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8") + b"\n"


def read(root: Path, named: Any) -> tuple[list[Any], LogOnDisk]:
    """The entries case.json names (`named` is its log_head), as JSON values to validate.

    Lines past them (an interrupted save) are ignored. A missing, short or damaged file,
    or one that does not end where case.json says, is a CaseCorruptError naming the line.
    """
    if (
        not isinstance(named, dict)
        or not isinstance(named.get("entries"), int)
        or isinstance(named.get("entries"), bool)
        or named["entries"] < 0
        or not isinstance(named.get("hash"), str)
    ):
        raise CaseCorruptError(
            'case.json: log_head must be {"entries": <count>, "hash": <hash>}', field="log_head"
        )
    count = named["entries"]
    if count == 0:
        return [], LogOnDisk()
    path = root / LOG_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise CaseCorruptError(
            f"{path} is missing; case.json names {count} log entries.", field="log"
        ) from exc
    except OSError as exc:
        raise CaseNotFoundError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    entries: list[Any] = []
    on_disk = LogOnDisk()
    start = 0
    for index in range(count):
        end = raw.find(b"\n", start)
        if end < 0:
            raise CaseCorruptError(
                f"{path} holds {index} entries; case.json names {count}.", field=f"log[{index}]"
            )
        try:
            entry = json.loads(raw[start:end].decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise CaseCorruptError(
                f"{path} line {index + 1} is damaged (not valid JSON: {exc}).",
                field=f"log[{index}]",
            ) from exc
        entries.append(entry)
        on_disk.hashes.append(str(entry.get("hash", "")) if isinstance(entry, dict) else "")
        start = end + 1
        on_disk.ends.append(start)
    if on_disk.hashes[-1] != named["hash"]:
        raise CaseCorruptError(
            f"{path} line {count} is not the entry case.json names (its hash differs).",
            field="log_head.hash",
        )
    return entries, on_disk


def _kept(on_disk: LogOnDisk, log: list[LogEntry]) -> int:
    """How many of the file's named entries `log` still begins with."""
    kept = min(len(log), len(on_disk.hashes))
    # the log only grows; thanks to the hash chain one matching hash vouches for every
    # entry before it
    if kept and log[kept - 1].hash != on_disk.hashes[kept - 1]:
        raise CaseError("The activity log was changed in memory; it can only grow.")
    return kept


def new_lines(on_disk: LogOnDisk, log: list[LogEntry]) -> list[bytes]:
    """The lines of the entries the file does not hold yet (encoded before any write)."""
    return [line(entry) for entry in log[_kept(on_disk, log) :]]


def append(root: Path, on_disk: LogOnDisk, log: list[LogEntry], lines: list[bytes]) -> LogOnDisk:
    """Append `lines` (from new_lines) after the named entries, fsync, and return what the
    file then holds. Raises OSError; case.json, not yet replaced, still names the old ones.
    """
    kept = _kept(on_disk, log)
    if not lines:
        return on_disk.cut(kept)  # nothing new (or memory holds fewer: case.json says so)
    offset = on_disk.ends[kept - 1] if kept else 0
    fd = os.open(root / LOG_FILE, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        os.ftruncate(fd, offset)  # lines an interrupted save left past the named ones
        os.lseek(fd, offset, os.SEEK_SET)
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.writelines(lines)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        os.close(fd)
    ends = list(on_disk.ends[:kept])
    for data in lines:
        offset += len(data)
        ends.append(offset)
    return LogOnDisk(on_disk.hashes[:kept] + [e.hash for e in log[kept:]], ends)
