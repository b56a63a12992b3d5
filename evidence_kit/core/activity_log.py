"""Append-only activity log. Each entry holds the hash of the one before it.

Changing, removing or reordering any entry breaks the chain, which `verify_chain` reports.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from evidence_kit.core.model import Case, LogEntry

GENESIS = "0" * 64


def now_iso() -> str:
    """Current UTC time, ISO 8601 with seconds and a Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_hash(seq: int, at: str, action: str, details: dict[str, Any], prev: str) -> str:
    """SHA-256 of the entry's canonical JSON (everything but its own hash)."""
    body = json.dumps(
        {"seq": seq, "at": at, "action": action, "details": details, "prev": prev},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(case: Case, action: str, at: str | None = None, **details: Any) -> LogEntry:
    """Add one entry to the case's log and return it."""
    prev = case.log[-1].hash if case.log else GENESIS
    seq = case.log[-1].seq + 1 if case.log else 1
    at = at or now_iso()
    details = json.loads(json.dumps(details, ensure_ascii=False, default=str))
    entry = LogEntry(seq, at, action, details, prev, entry_hash(seq, at, action, details, prev))
    case.log.append(entry)
    return entry


def entry_dicts(entries: list[LogEntry]) -> list[dict[str, Any]]:
    """The entries as plain dicts, for reading only: details are shared, not copied, so a
    200,000-entry log converts in a blink (dataclasses.asdict deep-copies every value)."""
    return [
        {
            "seq": e.seq,
            "at": e.at,
            "action": e.action,
            "details": e.details,
            "prev": e.prev,
            "hash": e.hash,
        }  # fmt: skip
        for e in entries
    ]


def verify_chain(entries: list[LogEntry] | list[dict[str, Any]]) -> list[str]:
    """Return a list of problems (empty when the chain is intact)."""
    problems: list[str] = []
    prev = GENESIS
    for index, raw in enumerate(entries):
        e: dict[str, Any] = raw if isinstance(raw, dict) else asdict(raw)  # type: ignore[call-overload]
        try:
            expected = entry_hash(e["seq"], e["at"], e["action"], e["details"], e["prev"])
        except (KeyError, TypeError):
            problems.append(f"log entry {index + 1} is malformed")
            break
        if e["seq"] != index + 1:
            problems.append(f"log entry {index + 1} has sequence number {e['seq']}")
        if e["prev"] != prev:
            problems.append(f"log entry {index + 1} does not follow entry {index}")
        if e["hash"] != expected:
            problems.append(f"log entry {index + 1} ({e['action']}) was altered")
        prev = e["hash"]
    return problems
