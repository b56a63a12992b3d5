"""The shareable bundle: what the shopper may send a mediator or a bank.

It holds the masked exhibits only (renders, contact sheets, clean copies of unedited
pictures and PDFs, videos' masked copies), the upload pack, the claim and its own
summary.pdf, and lists the originals by exhibit and SHA-256 instead of holding them. Its
manifest says `"bundle": "shareable"`, and carries the activity log's length and head but not
the log, whose entries name files and titles (verify knows both kinds).
"""

from __future__ import annotations

from pathlib import Path

from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export import staging as S
from evidence_kit.export.contents import BundleContents
from evidence_kit.export.exhibits import ExhibitOutput
from evidence_kit.export.pdf_content import summary_data
from evidence_kit.export.pdf_summary import build_summary
from evidence_kit.export.plan import ExportPlan
from evidence_kit.export.statements import shareable_verify_text


def seal_shareable(
    store: CaseStore,
    plan: ExportPlan,
    draft: ClaimDraft,
    outputs: list[ExhibitOutput],
    full: BundleContents,
    staging: Path,
    exported_at: str,
    progress: ProgressFn,
    cancel: CancelToken,
) -> Path:
    """Write the shareable zip into the staging folder; `full` is the shopper's bundle's
    contents (its originals are listed, not copied)."""
    upload_dir = staging / S.UPLOAD
    share = BundleContents(cancel)
    share.add_outputs(outputs, upload_dir, shareable=True)
    if plan.upload and (upload_dir / "README.txt").exists():
        share.add_file("upload/README.txt", upload_dir / "README.txt", "readme")
    withheld = full.withheld()
    text = shareable_verify_text(plan.shareable_name, plan.bundle_name, outputs, len(withheld))
    share.add_texts(draft, text)
    pdf = staging / f"shareable-{S.SUMMARY}"
    rows = [
        (f"original of {w.get('exhibit') or w.get('item_id')} ({w.get('kind')}), not in this"
         " bundle", int(str(w["bytes"])), str(w["sha256"]))
        for w in withheld
    ]  # fmt: skip
    data = summary_data(store.case, plan, draft, outputs, share.listed, rows)
    build_summary(data, pdf, cancel)
    share.add_file(S.SUMMARY, pdf, "summary")
    zip_path = staging / plan.shareable_name
    share.seal(store.case, store.name, plan, exported_at, zip_path, progress, withheld)
    return zip_path
