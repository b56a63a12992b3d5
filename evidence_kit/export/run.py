"""`export_case`: the one export the CLI and the GUI both run.

Checks every original against its recorded hash, makes the upload pack, the PDF and the
sealed bundle in a staging folder inside the output folder, then moves them into place.
A cancel or a failure (disk full, unwritable folder) removes the staging folder, so no
partial output is ever left behind and the case is unchanged.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from evidence_kit import __version__
from evidence_kit.core import activity_log
from evidence_kit.core.errors import (
    EvidenceKitError,
    ExportError,
    IntegrityError,
    InvalidValueError,
    describe_os_error,
)
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import PLATFORMS, Case, Item, exhibit_numbers
from evidence_kit.core.tasks import CancelToken, ProgressFn, Steps, no_progress
from evidence_kit.export import manifest as M
from evidence_kit.export.bundle import BundleEntry, write_bundle
from evidence_kit.export.exhibits import (
    Context,
    Exhibit,
    ExhibitOutput,
    UploadFile,
    clip_job,
    document_job,
    image_job,
    merge,
    sheet_job,
    takes_video,
)
from evidence_kit.export.naming import exhibit_stem, media_type, original_names, slug
from evidence_kit.export.pdf_summary import SummaryData, build_summary
from evidence_kit.export.upload_pack import pack_warnings, readme_text


@dataclass
class ExportResult:
    """Where the export went and what the shopper should know about it."""

    bundle: Path
    pdf: Path
    upload_dir: Path | None
    platform: str
    exported_at: str
    files: list[UploadFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # exhibits left out of the upload pack
    warnings: list[str] = field(default_factory=list)
    bundle_sha256: str = ""
    manifest_sha256: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "bundle": str(self.bundle),
            "pdf": str(self.pdf),
            "upload_dir": str(self.upload_dir) if self.upload_dir else None,
            "platform": self.platform,
            "exported_at": self.exported_at,
            "files": [f.to_dict() for f in self.files],
            "problems": list(self.problems),
            "warnings": list(self.warnings),
            "bundle_sha256": self.bundle_sha256,
            "manifest_sha256": self.manifest_sha256,
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


def plan_exhibits(case: Case) -> list[Exhibit]:
    """Included items in exhibit order, with their numbers and file stems."""
    numbers = exhibit_numbers(case)
    out = []
    for it in case.items:
        if it.include:
            parent = case.find(it.parent) if it.parent else None
            number = numbers[it.id]
            out.append(
                Exhibit(number, it, exhibit_stem(number, it), parent, numbers.get(it.parent or ""))
            )
    return out


def items_to_seal(case: Case, exhibits: list[Exhibit]) -> list[Item]:
    """Included items plus the items they were taken from (a frame's video), in case order."""
    wanted = {ex.item.id for ex in exhibits}
    for ex in exhibits:
        parent = ex.parent
        while parent is not None and parent.id not in wanted:
            wanted.add(parent.id)
            parent = case.find(parent.parent) if parent.parent else None
    return [it for it in case.items if it.id in wanted]


def check_originals(
    store: Any, items: list[Item], progress: ProgressFn, cancel: CancelToken
) -> None:
    """Refuse (IntegrityError naming the file) if any file is missing or changed."""
    numbers = exhibit_numbers(store.case)
    total = sum(it.bytes for it in items) or 1
    done = 0
    for it in items:
        cancel.check()
        label = f"{it.file} ({numbers.get(it.id, it.title or it.id)})"
        path = store.path_of(it)
        if not path.is_file():
            raise IntegrityError(f"{label} is missing from the case folder; export refused.")
        digest = sha256_file(path, _offset(progress, done, it.bytes, total), cancel)
        if digest != it.sha256:
            raise IntegrityError(
                f"{label} has changed since it was imported (SHA-256 mismatch); export refused."
            )
        done += it.bytes


def _offset(progress: ProgressFn, done: int, size: int, total: int) -> ProgressFn:
    def report(fraction: float, message: str) -> None:
        progress((done + fraction * size) / total, message)

    return report


def _draft(case: Case, today: date | None) -> Any:
    from evidence_kit.claim.draft import draft_claim

    return draft_claim(case, today=today)


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return dict(obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return dict(vars(obj))


def _run_jobs(
    ctx: Context, exhibits: list[Exhibit], progress: ProgressFn, cancel: CancelToken, workers: int
) -> list[ExhibitOutput]:
    """Run the exhibit jobs on a small pool; the video's upload clip starts first."""
    if not exhibits:
        return []

    def jobs_for(ex: Exhibit) -> list[tuple[int, Any]]:
        """(priority, job): the upload clip first, since it is the longest job of all."""
        if ex.item.kind in ("video", "clip"):
            return [(0, clip_job), (1, sheet_job)] if takes_video(ctx) else [(1, sheet_job)]
        if ex.item.kind == "document" and (
            ex.item.file.lower().endswith(".pdf") or ex.item.meta.get("format") == "pdf"
        ):
            return [(2, document_job)]
        return [(2, image_job)]

    tasks = sorted(
        (
            (priority, index, job)
            for index, ex in enumerate(exhibits)
            for priority, job in jobs_for(ex)
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
        out: ExhibitOutput = job(ctx, exhibits[index], task_progress(slot), inner)
        return out

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


def _verify_text(bundle_name: str) -> str:
    return f"""How to verify this evidence bundle
==================================

{bundle_name} was sealed by Evidence Kit {__version__}. manifest.json lists every file
with its size, role and SHA-256 hash; SHA256SUMS lists the same hashes in the format the
standard tools read, and also covers manifest.json itself.

1. Unzip the bundle into an empty folder and open a terminal there.
2. Check every file with a standard tool (every line must end in OK):
     Linux:    sha256sum -c SHA256SUMS
     macOS:    shasum -a 256 -c SHA256SUMS
     Windows:  certutil -hashfile originals\\<file> SHA256
               (compare the output with that file's line in SHA256SUMS)
3. Or let Evidence Kit check the zip as it is (nothing is extracted):
     evidence-kit verify {bundle_name}
   It also re-checks the activity log: each entry in manifest.json "log" holds the hash
   of the entry before it, so an entry that was changed, removed or reordered is reported.

What this proves: no file in the bundle has changed since it was sealed, and the files in
originals/ are byte for byte the files imported into the case (their hashes were recorded
at import and checked again before sealing).
What it does not prove: who made the bundle or when. There is no signature or trusted
timestamp; the activity log times come from the shopper's computer clock.

Roles: originals/ untouched imports; exhibits/ annotated or masked renders and contact
sheets; upload/ exactly the files prepared for the dispute form; claim.txt the claim text;
summary.pdf the human summary.
"""


def _facts_rows(case: Case, platform_name: str) -> list[tuple[str, str]]:
    f = case.facts
    price = f"{f.price:.2f} {f.currency}".strip() if f.price is not None else ""
    claim = case.claim
    rows = [
        ("Platform", platform_name),
        ("Order ID", f.order_id),
        ("Item", f.item),
        ("Price", price),
        ("Store", f.store),
        ("Tracking", f.tracking),
        ("Ordered", f.ordered),
        ("Delivered", f.delivered),
        ("Reason", str(claim.get("reason") or "").replace("_", " ")),
        ("Remedy", str(claim.get("remedy") or "").replace("_", " ")),
    ]
    if claim.get("buyer_name"):
        rows.append(("Buyer", str(claim["buyer_name"])))
    return rows


def export_case(
    store: Any,
    out_dir: Path | str | None = None,
    platform: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    *,
    upload: bool = True,
    record: bool = True,
    today: date | None = None,
    exported_at: str | None = None,
    workers: int = 2,
) -> ExportResult:
    """Export the case to out_dir (default: the case's exports/ folder).

    upload: also make the upload pack. record: append an 'exported' entry to the case's
    activity log and save (the GUI records on its own thread instead).
    """
    from evidence_kit.claim.rules import platform_name as _platform_name
    from evidence_kit.claim.rules import upload_limits

    cancel = cancel or CancelToken()
    case = store.case
    platform = (platform or case.facts.platform or "").strip().lower()
    if platform not in PLATFORMS:
        raise InvalidValueError(
            f"Choose the platform to export for: one of {', '.join(PLATFORMS)}."
        )
    limits = upload_limits(platform)
    pname = _platform_name(platform)
    out_dir = Path(out_dir).expanduser().absolute() if out_dir else store.exports_dir
    steps = Steps(progress)
    exhibits = plan_exhibits(case)
    sealed = items_to_seal(case, exhibits)
    check_originals(store, sealed, steps.sub(0, 10), cancel)
    draft = _draft(case, today)
    created = not out_dir.exists()
    staging = _make_staging(out_dir)
    try:
        result = _build(
            store, staging, out_dir, platform, pname, limits, exhibits, sealed, draft,
            Steps(progress, 0.1, 0.99), cancel, upload, exported_at, workers,
        )  # fmt: skip
        _commit(staging, result, upload)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            _remove_empty(out_dir)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    if record:
        try:
            record_export(store.case, result)
            store.save()
        except EvidenceKitError as exc:
            store.case.log.pop()
            result.warnings.append(
                f"The export is complete, but the case could not record it: {exc}"
            )
    progress(1.0, "Export finished")
    return result


def preview_upload(
    store: Any,
    platform: str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[list[UploadFile], list[str]]:
    """Make the upload pack in a temporary folder and report each file's size and any
    exhibit that cannot fit; nothing is kept. The GUI's preview runs this."""
    from evidence_kit.claim.rules import platform_name as _platform_name
    from evidence_kit.claim.rules import upload_limits

    cancel = cancel or CancelToken()
    limits = upload_limits(platform)
    with tempfile.TemporaryDirectory(prefix="evidence-kit-preview-") as tmp:
        upload_dir, exhibits_dir = Path(tmp) / "upload", Path(tmp) / "exhibits"
        upload_dir.mkdir()
        exhibits_dir.mkdir()
        ctx = Context(
            store, limits, _platform_name(platform), upload_dir, exhibits_dir, limits.max_files != 0
        )
        outputs = _run_jobs(ctx, plan_exhibits(store.case), progress, cancel, 2)
    files = [o.upload for o in outputs if o.upload is not None]
    problems = [p for o in outputs for p in o.problems]
    return files, problems + pack_warnings(files, limits, ctx.platform_name)


def record_export(case: Case, result: ExportResult) -> None:
    """Append the 'exported' entry to the activity log (the caller saves)."""
    activity_log.append(
        case,
        "exported",
        platform=result.platform,
        bundle=result.bundle.name,
        bundle_sha256=result.bundle_sha256,
        manifest_sha256=result.manifest_sha256,
        upload_files=len(result.files),
    )


def _remove_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()  # only if empty: never touch what someone else put there


def _make_staging(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".evidence-kit-export-", dir=out_dir))
    except OSError as exc:
        err = describe_os_error(exc, out_dir)
        if type(err).__name__ == "DiskFullError":
            raise err from exc
        raise ExportError(
            f"The export folder {out_dir} cannot be written ({exc.strerror or exc}); choose another folder."
        ) from exc


def _build(
    store: Any,
    staging: Path,
    out_dir: Path,
    platform: str,
    pname: str,
    limits: Any,
    exhibits: list[Exhibit],
    sealed: list[Item],
    draft: Any,
    steps: Steps,
    cancel: CancelToken,
    upload: bool,
    exported_at: str | None,
    workers: int,
) -> ExportResult:
    case = store.case
    base = slug(store.name) or slug(case.facts.order_id) or "case"
    bundle_name = f"{base}-evidence.zip"
    upload_dir = staging / "upload"
    exhibits_dir = staging / "exhibits"
    try:
        upload_dir.mkdir()
        exhibits_dir.mkdir()
    except OSError as exc:
        raise describe_os_error(exc, staging) from exc
    ctx = Context(store, limits, pname, upload_dir, exhibits_dir, upload and limits.max_files != 0)
    outputs = _run_jobs(ctx, exhibits, Steps(steps, 0, 0.7), cancel, workers)
    files = [o.upload for o in outputs if o.upload is not None]
    problems = [p for o in outputs for p in o.problems]
    warnings = pack_warnings(files, limits, pname) if upload else []
    claim_text = str(getattr(draft, "text", "") or "")
    claim_short = str(getattr(draft, "short", "") or claim_text)
    readme = readme_text(
        platform_name=pname,
        order_id=case.facts.order_id,
        outputs=outputs,
        warnings=warnings,
        problems=problems,
        claim_text=claim_text,
        claim_short=claim_short,
        text_limit=getattr(draft, "limit", None) or limits.text_limit,
        bundle_name=bundle_name,
    ).encode("utf-8")
    cancel.check()
    # --- what the bundle holds --------------------------------------------------------
    entries: list[BundleEntry] = []
    listed: list[M.FileEntry] = []
    numbers = exhibit_numbers(case)
    originals = original_names(sealed)
    for it in sealed:
        arc = originals[it.id]
        entries.append(BundleEntry(arc, store.path_of(it), it.sha256))
        listed.append(
            M.FileEntry(
                arc, it.bytes, it.sha256, "original", media_type(arc), it.id, numbers.get(it.id),
                it.kind, it.parent, it.captured_at, it.pts_s, it.end_s,
            )
        )  # fmt: skip

    def add_generated(arc: str, path: Path, role: str, ex: Exhibit | None, note: str = "") -> None:
        digest = sha256_file(path, cancel=cancel)
        size = path.stat().st_size
        entries.append(BundleEntry(arc, path, digest))
        it = ex.item if ex else None
        listed.append(
            M.FileEntry(
                arc, size, digest, role, media_type(arc), it.id if it else None,
                ex.number if ex else None, it.kind if it else None, it.parent if it else None,
                None, it.pts_s if it else None, it.end_s if it else None, note,
            )
        )  # fmt: skip

    for o in outputs:
        for arc, path, role in o.bundle_files:
            add_generated(arc, path, role, o.exhibit)
        if o.upload is not None:
            add_generated(
                f"upload/{o.upload.name}",
                upload_dir / o.upload.name,
                "upload",
                o.exhibit,
                o.upload.note,
            )
    if upload:
        _write(upload_dir / "README.txt", readme)
        add_generated("upload/README.txt", upload_dir / "README.txt", "readme", None)
    claim_bytes = (
        claim_text.strip() + "\n\n--- Short version ---\n\n" + claim_short.strip() + "\n"
    ).encode("utf-8")
    verify_bytes = _verify_text(bundle_name).encode("utf-8")
    for arc, data, role in (
        ("claim.txt", claim_bytes, "claim"),
        ("VERIFY.txt", verify_bytes, "readme"),
    ):
        digest = M.sha256_hex(data)
        entries.append(BundleEntry(arc, data, digest))
        listed.append(M.FileEntry(arc, len(data), digest, role, media_type(arc)))
    # --- the PDF (it cannot list its own hash, nor the manifest's) ---------------------
    steps(0.72, "Writing the PDF summary")
    pdf_path = staging / "summary.pdf"
    summary = SummaryData(
        title="Evidence summary",
        subtitle=f"{pname} order {case.facts.order_id or '-'} · {case.facts.item}".rstrip(" ·"),
        facts=_facts_rows(case, pname),
        deadlines=[_as_dict(d) for d in (getattr(draft, "deadlines", None) or [])],
        claim_text=claim_text,
        exhibits=[o.pdf for o in outputs if o.pdf is not None],
        log=[asdict(e) for e in case.log],
        hashes=[(f.path, f.bytes, f.sha256) for f in sorted(listed, key=lambda f: f.path)],
        footer=f"Evidence Kit {__version__} · {pname} order {case.facts.order_id or '-'}",
        notes=_cover_notes(case, len(listed)),
        verify_steps=[
            "1. Unzip the bundle; run  sha256sum -c SHA256SUMS  (macOS: shasum -a 256 -c SHA256SUMS).",
            f"2. Or run  evidence-kit verify {bundle_name}  to re-check every hash and the activity log.",
            "3. summary.pdf, manifest.json and SHA256SUMS are covered by SHA256SUMS.",
        ],
    )
    build_summary(summary, pdf_path, cancel)
    pdf_digest = sha256_file(pdf_path, cancel=cancel)
    entries.append(BundleEntry("summary.pdf", pdf_path, pdf_digest))
    listed.append(
        M.FileEntry(
            "summary.pdf", pdf_path.stat().st_size, pdf_digest, "summary", "application/pdf"
        )
    )
    # --- manifest, sums, zip ------------------------------------------------------------
    stamp = exported_at or activity_log.now_iso()
    exhibit_index = [
        {
            "exhibit": ex.number,
            "item_id": ex.item.id,
            "kind": ex.item.kind,
            "title": ex.item.title,
            "files": sorted(f.path for f in listed if f.item_id == ex.item.id),
        }
        for ex in exhibits
    ]
    doc = M.build_manifest(case, store.name, platform, listed, exhibit_index, stamp)
    manifest_bytes = M.canonical_json(doc)
    manifest_digest = M.sha256_hex(manifest_bytes)
    entries.append(BundleEntry(M.MANIFEST_NAME, manifest_bytes, manifest_digest))
    sums = {e.arcname: e.sha256 for e in entries}
    sums_bytes = M.sums_text(sums)
    entries.append(BundleEntry(M.SUMS_NAME, sums_bytes, M.sha256_hex(sums_bytes)))
    zip_path = staging / bundle_name
    write_bundle(entries, zip_path, Steps(steps, 0.78, 1.0), cancel)
    return ExportResult(
        bundle=out_dir / bundle_name,
        pdf=out_dir / f"{base}-summary.pdf",
        upload_dir=(out_dir / "upload") if upload else None,
        platform=platform,
        exported_at=stamp,
        files=files,
        problems=problems,
        warnings=warnings + [n for o in outputs for n in o.notes],
        bundle_sha256=sha256_file(zip_path, cancel=cancel),
        manifest_sha256=manifest_digest,
    )


def _cover_notes(case: Case, count: int) -> list[str]:
    head = case.log[-1].hash if case.log else "(empty)"
    return [
        f"Integrity: the bundle holds {count + 3} files, each listed with its SHA-256 hash in the"
        f" appendix, manifest.json and SHA256SUMS. Activity log: {len(case.log)} entries, chain head"
        f" {head[:16]}…",
    ]


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise describe_os_error(exc, path) from exc


def _commit(staging: Path, result: ExportResult, upload: bool) -> None:
    """Move the staged outputs over any previous export, all or nothing."""
    moves = [(staging / result.bundle.name, result.bundle), (staging / "summary.pdf", result.pdf)]
    if upload and result.upload_dir is not None:
        moves.append((staging / "upload", result.upload_dir))
    done: list[tuple[Path, Path, Path | None]] = []
    try:
        for src, dst in moves:
            backup = None
            if dst.exists() or dst.is_symlink():
                backup = staging / f"previous-{dst.name}"
                os.replace(dst, backup)
            done.append((src, dst, backup))
            if src.name == "summary.pdf":
                shutil.copyfile(src, dst)  # the bundle keeps its own copy
            else:
                os.replace(src, dst)
    except OSError as exc:
        for _src, dst, backup in reversed(done):
            if dst.is_dir() and not dst.is_symlink():
                shutil.rmtree(dst, ignore_errors=True)
            else:
                dst.unlink(missing_ok=True)
            if backup is not None:
                os.replace(backup, dst)
        raise describe_os_error(exc, result.bundle.parent) from exc
