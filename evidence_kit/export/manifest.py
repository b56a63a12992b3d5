"""manifest.json and SHA256SUMS: what the bundle holds and how to check it.

Canonical JSON (sorted keys, UTF-8, LF) so the same case always gives the same bytes;
only `exported_at` changes between two exports. Schema: docs/manifest-schema.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from evidence_kit import __version__
from evidence_kit.core import activity_log
from evidence_kit.core.model import Case

MANIFEST_VERSION = 1
MANIFEST_NAME = "manifest.json"
SUMS_NAME = "SHA256SUMS"
_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


@dataclass(kw_only=True)
class FileEntry:
    """One file in the bundle, as listed in the manifest (built by keyword: 13 fields, most
    of them optional, are too many to pass by position)."""

    path: str
    bytes: int
    sha256: str
    role: str  # original | exhibit | sheet | upload | claim | summary | readme
    media_type: str = ""
    item_id: str | None = None
    exhibit: str | None = None
    kind: str | None = None
    parent: str | None = None
    captured_at: str | None = None
    pts_s: float | None = None
    end_s: float | None = None
    note: str = ""
    original_name: str = ""  # an original's name as imported (the private bundle only)

    def to_dict(self) -> dict[str, Any]:
        """Only the fields that carry a value, so the JSON stays readable."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of bytes in memory."""
    return hashlib.sha256(data).hexdigest()


def canonical_json(data: Any) -> bytes:
    """Stable bytes: sorted keys, 2-space indent, UTF-8, one trailing LF."""
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, default=str)
    return (text + "\n").encode("utf-8")


def build_manifest(
    case: Case,
    case_name: str,
    platform: str,
    files: list[FileEntry],
    exhibits: list[dict[str, Any]],
    exported_at: str,
    withheld: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The manifest document (files sorted by path).

    withheld: a shareable bundle's originals, by exhibit and hash only; such a manifest
    carries no activity log (its entries name files and titles), only its length and head.
    """
    log = activity_log.entry_dicts(case.log)
    doc: dict[str, Any] = {
        "manifest_version": MANIFEST_VERSION,
        "generator": {"name": "evidence-kit", "version": __version__},
        "exported_at": exported_at,
        "hash_algorithm": "sha256",
        "case": {
            "name": case_name,
            "facts": asdict(case.facts),
            "claim": dict(case.claim),
        },
        "platform": platform,
        "exhibits": exhibits,
        "files": [f.to_dict() for f in sorted(files, key=lambda f: f.path)],
        "events": [e.to_dict() for e in case.events],  # the dispute after it opened
        "log": log,
        "log_head": log[-1]["hash"] if log else None,
        "bundle": "private",
    }
    if withheld is not None:
        doc.update(bundle="shareable", originals=withheld, log_entries=len(log))
        del doc["log"]
    return doc


def sums_text(hashes: dict[str, str]) -> bytes:
    """SHA256SUMS in the coreutils format, sorted by path ("<hex>  <path>")."""
    lines = [f"{hashes[path]}  {path}\n" for path in sorted(hashes)]
    return "".join(lines).encode("utf-8")


def parse_sums(data: bytes) -> tuple[dict[str, str], list[str]]:
    """Parse SHA256SUMS; returns ({path: hex}, problems)."""
    out: dict[str, str] = {}
    problems: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return out, ["SHA256SUMS is not UTF-8 text"]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _SUM_LINE.match(line)
        if not match:
            problems.append(f"SHA256SUMS line {number} is not '<sha256>  <path>'")
            continue
        out[match.group(2)] = match.group(1)
    return out, problems
