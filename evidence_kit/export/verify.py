"""`verify`: re-hash a bundle against its manifest and SHA256SUMS, re-check the log chain.

Members are streamed from the zip and never extracted, so verifying writes nothing to disk.
Unsafe archives (traversal, links, bombs) are refused before any member is read.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.activity_log import verify_chain
from evidence_kit.core.errors import UnreadableFileError
from evidence_kit.core.tasks import CancelToken, ProgressFn, Steps, no_progress
from evidence_kit.export.manifest import MANIFEST_NAME, SUMS_NAME, parse_sums
from evidence_kit.export.sealed_log import cross_check
from evidence_kit.export.timestamp import TOKEN_NAME, TokenError, check_token
from evidence_kit.export.zipsafe import (
    DamagedMember,
    check_archive,
    hash_member,
    open_zip,
    read_small,
)


@dataclass
class VerifyReport:
    """What verify found. `ok` is True only when nothing at all is wrong."""

    bundle: str
    files_checked: int = 0
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    log_problems: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    case_name: str = ""
    order_id: str = ""
    exported_at: str = ""
    log_entries: int = 0
    timestamp: str = ""  # "sealed no later than <time>, by <authority>" for a good token
    # "private": the shopper's own bundle, with the originals and the log; "shareable":
    # masked exhibits only, the originals listed by hash (export/shareable.py)
    kind: str = "private"
    originals_listed: int = 0

    @property
    def ok(self) -> bool:
        return not (
            self.changed or self.missing or self.extra or self.log_problems or self.problems
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with `ok`."""
        return {"ok": self.ok, **asdict(self)}

    def lines(self) -> list[str]:
        """Human summary, one finding per line."""
        out = [f"changed: {p}" for p in self.changed]
        out += [f"missing: {p}" for p in self.missing]
        out += [f"extra: {p}" for p in self.extra]
        out += [f"activity log: {p}" for p in self.log_problems]
        out += list(self.problems)
        return out


def _load_manifest(data: bytes, report: VerifyReport) -> dict[str, Any] | None:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        report.problems.append("manifest.json cannot be parsed")
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("files"), list):
        report.problems.append("manifest.json has no file list")
        return None
    return doc


def verify_bundle(
    path: Path | str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    trust_roots: list[Any] | None = None,
) -> VerifyReport:
    """Check a bundle. Raises UnsafeArchiveError / UnreadableFileError for exit code 2.

    trust_roots: timestamp authority roots to trust besides the public ones.
    """
    path = Path(path)
    report = VerifyReport(bundle=str(path))
    with open_zip(path) as zf:
        members = {info.filename: info for info in check_archive(zf)}
        if MANIFEST_NAME not in members and SUMS_NAME not in members:
            raise UnreadableFileError(
                f"{path.name} is not an evidence bundle (no manifest.json or SHA256SUMS)."
            )
        expected: dict[str, tuple[str | None, int | None]] = {}  # path -> (sha256, bytes)
        sums: dict[str, str] = {}
        if SUMS_NAME in members:
            try:
                sums, problems = parse_sums(read_small(zf, members[SUMS_NAME]))
                report.problems += problems
            except DamagedMember:
                report.changed.append(SUMS_NAME)
        else:
            report.missing.append(SUMS_NAME)
        manifest = None
        manifest_bytes = b""
        if MANIFEST_NAME in members:
            try:
                manifest_bytes = read_small(zf, members[MANIFEST_NAME])
                manifest = _load_manifest(manifest_bytes, report)
            except DamagedMember:
                report.changed.append(MANIFEST_NAME)
        else:
            report.missing.append(MANIFEST_NAME)
        if manifest is not None:
            _read_manifest(manifest, expected, sums, report)
        for name, digest in sums.items():
            expected.setdefault(name, (digest, None))
        steps = Steps(progress)
        names = sorted(expected)
        for index, name in enumerate(names):
            if cancel is not None:
                cancel.check()
            steps(index / max(len(names), 1), f"Checking {name}")
            info = members.get(name)
            if info is None:
                report.missing.append(name)  # made unique (and sorted) below
                continue
            want_hash, want_bytes = expected[name]
            try:
                got_hash, got_bytes = hash_member(zf, info, cancel)
            except DamagedMember:
                report.changed.append(name)
                continue
            report.files_checked += 1
            wrong_size = want_bytes is not None and got_bytes != want_bytes
            if got_hash != want_hash or wrong_size or sums.get(name, got_hash) != got_hash:
                report.changed.append(name)
        known = set(expected) | {SUMS_NAME, MANIFEST_NAME}
        report.extra = sorted(n for n in members if n not in known)
        if manifest is not None and (TOKEN_NAME in members or manifest.get("timestamp")):
            _check_timestamp(zf, members, manifest, manifest_bytes, report, trust_roots)
    for key in ("changed", "missing"):
        setattr(report, key, sorted(set(getattr(report, key))))
    progress(1.0, "Verified")
    return report


def _read_manifest(
    manifest: dict[str, Any],
    expected: dict[str, tuple[str | None, int | None]],
    sums: dict[str, str],
    report: VerifyReport,
) -> None:
    raw_case = manifest.get("case")
    case: dict[str, Any] = raw_case if isinstance(raw_case, dict) else {}
    raw_facts = case.get("facts")
    facts: dict[str, Any] = raw_facts if isinstance(raw_facts, dict) else {}
    report.case_name = str(case.get("name", ""))
    report.order_id = str(facts.get("order_id", ""))
    report.exported_at = str(manifest.get("exported_at", ""))
    for entry in manifest["files"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            report.problems.append("manifest.json lists a file without a path")
            continue
        name = entry["path"]
        digest = entry.get("sha256") if isinstance(entry.get("sha256"), str) else None
        size = entry.get("bytes") if isinstance(entry.get("bytes"), int) else None
        expected[name] = (digest, size)
        if name not in sums:
            report.problems.append(f"{name} is in manifest.json but not in SHA256SUMS")
        elif digest != sums[name]:
            report.problems.append(f"{name} has different hashes in manifest.json and SHA256SUMS")
    if sums and MANIFEST_NAME not in sums:
        report.problems.append("SHA256SUMS does not cover manifest.json")
    for name in sums:
        if name not in (MANIFEST_NAME, TOKEN_NAME) and name not in expected:
            report.problems.append(f"{name} is in SHA256SUMS but not in manifest.json")
    if manifest.get("bundle") == "shareable":
        _read_shareable(manifest, report)
        return
    log = manifest.get("log")
    if not isinstance(log, list):
        report.log_problems.append("manifest.json has no activity log")
        return
    report.log_entries = len(log)
    if not all(isinstance(e, dict) for e in log):
        report.log_problems.append("the activity log has an entry that is not an object")
        return
    report.log_problems += verify_chain(log)
    report.log_problems += cross_check(manifest["files"], log)
    head = log[-1].get("hash") if log and isinstance(log[-1], dict) else None
    if manifest.get("log_head") != head:
        report.log_problems.append("log_head does not match the last log entry")


def _check_timestamp(
    zf: Any,
    members: dict[str, Any],
    manifest: dict[str, Any],
    manifest_bytes: bytes,
    report: VerifyReport,
    trust_roots: list[Any] | None,
) -> None:
    """The RFC 3161 token over manifest.json, checked offline."""
    asked = manifest.get("timestamp")
    if TOKEN_NAME not in members:
        who = asked.get("authority") if isinstance(asked, dict) else None
        report.problems.append(
            f"manifest.json says it was timestamped{f' by {who}' if who else ''},"
            f" but {TOKEN_NAME} is missing"
        )
        return
    try:
        token = read_small(zf, members[TOKEN_NAME])
        report.timestamp = check_token(token, manifest_bytes, trust_roots).line()
    except DamagedMember:
        report.changed.append(TOKEN_NAME)
    except TokenError as exc:
        report.problems.append(f"timestamp: {exc}")


def _read_shareable(manifest: dict[str, Any], report: VerifyReport) -> None:
    """A shareable bundle holds no log and no originals: their length, head and hashes."""
    report.kind = "shareable"
    originals = manifest.get("originals")
    if not isinstance(originals, list) or not all(
        isinstance(o, dict) and isinstance(o.get("sha256"), str) for o in originals
    ):
        report.problems.append("manifest.json does not list the originals' hashes")
    else:
        report.originals_listed = len(originals)
    entries, head = manifest.get("log_entries"), manifest.get("log_head")
    if not isinstance(entries, int) or (entries and not isinstance(head, str)):
        report.log_problems.append("manifest.json gives no activity-log length and head")
    else:
        report.log_entries = entries
