"""`export_case`: the one export the CLI and the GUI both run, step by step.

1. plan what gets written (plan.py) and check every original against its hash (integrity.py);
2. run the per-exhibit jobs in a staging folder beside the export folders (jobs.py);
3. the upload pack's README (upload_pack.py), the texts and the PDF (pdf_content.py);
4. seal the bundle: manifest, sums, zip (contents.py);
5. rename the staging folder to a fresh folder named by its time (staging.py): the export
   appears whole or not at all, and no earlier export is ever replaced; the case records it
   as its latest.
A cancel or a failure (disk full, unwritable folder) removes the staging folder, so no
partial output is ever left behind and the case is unchanged; what a killed export left is
removed by the next command (core/leftovers.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.core import activity_log
from evidence_kit.core.case_paths import EXPORTS, resolves_inside
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import Case
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, Steps, no_progress
from evidence_kit.export import staging as S
from evidence_kit.export.contents import BundleContents
from evidence_kit.export.exhibits import Context, UploadFile, write_file
from evidence_kit.export.integrity import check_originals
from evidence_kit.export.jobs import run_jobs
from evidence_kit.export.pdf_content import summary_data
from evidence_kit.export.pdf_summary import build_summary
from evidence_kit.export.plan import ExportPlan, plan_export
from evidence_kit.export.shareable import seal_shareable
from evidence_kit.export.statements import verify_text
from evidence_kit.export.timestamp import Timestamper
from evidence_kit.export.upload_pack import pack_outcome, readme_text


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
    timestamp: str = ""  # "sealed no later than …, by …" when the shopper asked for one
    shareable: Path | None = None  # the bundle to send: masked exhibits only
    folder: Path | None = None  # the export's own folder, named by its time
    latest: str = ""  # how the case records it: relative to the case folder when inside it

    def place(self, folder: Path, case_root: Path) -> None:
        """The export now lives in `folder` (renamed from its staging folder)."""
        self.folder = folder
        self.bundle, self.pdf = folder / self.bundle.name, folder / self.pdf.name
        self.upload_dir = folder / self.upload_dir.name if self.upload_dir else None
        self.shareable = folder / self.shareable.name if self.shareable else None
        inside = resolves_inside(case_root, folder)
        self.latest = folder.relative_to(case_root).as_posix() if inside else str(folder)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder) if self.folder else None,
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
            "timestamp": self.timestamp or None,
            "shareable": str(self.shareable) if self.shareable else None,
        }


def export_case(
    store: CaseStore,
    out_dir: Path | str | None = None,
    platform: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    *,
    upload: bool = True,
    shareable: bool = False,
    record: bool = True,
    today: date | None = None,
    exported_at: str | None = None,
    workers: int = 2,
    timestamp: Timestamper | None = None,
) -> ExportResult:
    """Export the case into a new folder named by its time, inside out_dir (default: the
    case's exports/ folder).

    upload: also make the upload pack. shareable: also make the shareable bundle (masked
    exhibits only, the originals listed by hash). record: append an 'exported' entry to the
    case's activity log and save (the GUI records on its own thread instead). timestamp: the
    authority the shopper chose to timestamp the manifest's hash (sent nothing else).
    """
    cancel = cancel or CancelToken()
    plan = plan_export(store, platform, upload=upload, shareable=shareable)
    # the case's own exports/ must lie inside it; a folder the shopper names is theirs
    parent = Path(out_dir).expanduser().absolute() if out_dir else store.folder(EXPORTS)
    check_originals(store, plan.sealed, Steps(progress).sub(0, 10), cancel)
    draft = _draft(store.case, today)
    stale = stale_warning(draft)
    created = not parent.exists()
    staging = S.Staging(parent)
    try:
        result = _build(
            store, plan, draft, staging.path, Steps(progress, 0.1, 0.99), cancel, exported_at,
            workers, timestamp,
        )  # fmt: skip
        os.replace(staging.path / S.SUMMARY, result.pdf)  # the bundle keeps its own copy
        keep = {result.bundle.name, result.pdf.name}
        keep |= {p.name for p in (result.upload_dir, result.shareable) if p is not None}
        result.place(staging.publish(S.folder_name(datetime.now()), keep), store.root)
    except BaseException:
        staging.discard()
        if created:
            S.remove_empty(parent)
        raise
    if stale:
        result.warnings.insert(0, stale)
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


def record_export(case: Case, result: ExportResult) -> None:
    """Record the export as the case's latest and in the activity log (the caller saves)."""
    case.latest_export = result.latest
    activity_log.append(
        case,
        "exported",
        platform=result.platform,
        folder=result.folder.name if result.folder else "",
        bundle=result.bundle.name,
        bundle_sha256=result.bundle_sha256,
        manifest_sha256=result.manifest_sha256,
        upload_files=len(result.files),
    )


def stale_warning(draft: ClaimDraft) -> str:
    """The warning for a claim whose edited text no longer matches the case, or ''."""
    if not draft.stale:
        return ""
    return "The claim text in this export no longer matches the case: " + " ".join(draft.stale)


def _draft(case: Case, today: date | None) -> ClaimDraft:
    from evidence_kit.claim.draft import draft_claim

    return draft_claim(case, today=today)


def _build(
    store: CaseStore,
    plan: ExportPlan,
    draft: ClaimDraft,
    staging: Path,
    steps: Steps,
    cancel: CancelToken,
    exported_at: str | None,
    workers: int,
    timestamp: Timestamper | None,
) -> ExportResult:
    """Everything the export writes, into the staging folder."""
    case = store.case
    upload_dir, exhibits_dir = S.work_dirs(staging)
    ctx = Context(store, plan, upload_dir, exhibits_dir)
    outputs = run_jobs(ctx, plan.exhibits, Steps(steps, 0, 0.7), cancel, workers)
    files, problems, warnings = pack_outcome(plan, outputs)
    readme = readme_text(
        platform_name=plan.platform_name,
        order_id=case.facts.order_id,
        outputs=outputs,
        warnings=warnings,
        problems=problems,
        claim_text=draft.text,
        claim_short=draft.short or draft.text,
        text_limit=draft.limit or plan.limits.text_limit,
        bundle_name=plan.bundle_name,
    ).encode("utf-8")
    cancel.check()
    contents = BundleContents(cancel, timestamp)
    contents.add_originals(store, plan)
    contents.add_outputs(outputs, upload_dir)
    if plan.upload:
        write_file(upload_dir / "README.txt", readme)
        contents.add_file("upload/README.txt", upload_dir / "README.txt", "readme")
    shared = plan.shareable_name if plan.shareable else ""
    chosen = timestamp.authority.name if timestamp else None
    contents.add_texts(draft, verify_text(plan.bundle_name, outputs, shared, chosen))
    steps(0.72, "Writing the PDF summary")
    pdf_path = staging / S.SUMMARY
    build_summary(summary_data(case, plan, draft, outputs, contents.listed), pdf_path, cancel)
    contents.add_file(S.SUMMARY, pdf_path, "summary")
    stamp = exported_at or activity_log.now_iso()
    zip_path = staging / plan.bundle_name
    manifest_digest = contents.seal(
        case, store.name, plan, stamp, zip_path, Steps(steps, 0.78, 0.9 if shared else 1.0)
    )
    if shared:
        steps(0.9, "Sealing the shareable bundle")
        seal_shareable(
            store, plan, draft, outputs, contents, staging, stamp, Steps(steps, 0.9, 1.0), cancel
        )
    return ExportResult(
        bundle=zip_path,
        pdf=staging / plan.pdf_name,
        upload_dir=upload_dir if plan.upload else None,
        platform=plan.platform,
        exported_at=stamp,
        files=files,
        problems=problems,
        warnings=warnings + [n for o in outputs for n in o.notes],
        bundle_sha256=sha256_file(zip_path, cancel=cancel),
        manifest_sha256=manifest_digest,
        timestamp=contents.stamp.line() if contents.stamp else "",
        shareable=staging / shared if shared else None,
    )
