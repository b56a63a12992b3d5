"""What the Export page shows: one row per exhibit, saying what the upload pack will hold.

The rows come from the export's own plan (plan.py, which follows the claim's attachment rule
in claim/attachments.py), so the preview never promises what the export will not write:
a video the form does not take is shown as its contact sheet, exhibits past the form's file
count as available on request. Sizes are known only once the files are made, by a check
(`check_upload`, the export's own jobs in a temporary folder) or by the export itself; each
measured exhibit is remembered by a key of everything its file depends on, so the sizes stay
until that exhibit or the platform changes.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.export import staging as S
from evidence_kit.export.exhibits import Context, UploadFile
from evidence_kit.export.jobs import run_jobs
from evidence_kit.export.plan import Exhibit, ExportPlan, plan_export
from evidence_kit.export.upload_pack import pack_outcome

# what the form gets for an exhibit
PLANNED = "planned"  # a file will be made; its size is known once it is made
FITS = "fits"  # made, within the limit
OVER = "over"  # made, over the limit
LEFT_OUT = "left_out"  # the export could not make it fit (or read it): see the notes
ON_REQUEST = "on_request"  # the form has no room for it: available on request
NOT_TAKEN = "not_taken"  # the form takes no file of this kind (a PDF): available on request
NO_FILES = "no_files"  # the form takes no attachments at all
NO_PACK = "no_pack"  # the shopper turned the upload pack off


@dataclass(frozen=True)
class Outcome:
    """What making one exhibit's upload file gave: the file, or why there is none."""

    file: UploadFile | None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreviewRow:
    """One exhibit and what the dispute form gets for it."""

    number: str
    title: str
    state: str
    name: str = ""  # the upload file's name; '' when the form gets none
    sheet: bool = False  # a contact sheet stands in for the video
    bytes: int | None = None  # the real size, once made
    limit: int | None = None
    note: str = ""  # the export's own words about this file (what a clip holds, a problem)
    key: str = ""


@dataclass
class UploadCheck:
    """A size check: each measured exhibit's outcome by key, and the pack's notes."""

    outcomes: dict[str, Outcome] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def exhibit_key(plan: ExportPlan, ex: Exhibit) -> str:
    """Everything the exhibit's upload file depends on: the platform, its name, the item."""
    body = json.dumps(
        [plan.platform, plan.upload_name(ex), ex.item.to_dict()], sort_keys=True, default=str
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def preview_rows(
    plan: ExportPlan, measured: Mapping[str, Outcome] | None = None
) -> list[PreviewRow]:
    """One row per exhibit, in exhibit order; sizes where `measured` has the exhibit's key."""
    measured = measured or {}
    rows = []
    for ex in plan.exhibits:
        title = ex.item.title or ex.item.original_name or ex.item.id
        base = PreviewRow(ex.number, title, PLANNED)
        if not plan.upload:
            rows.append(_with(base, state=NO_PACK))
        elif not plan.uploads_allowed:
            rows.append(_with(base, state=NO_FILES))
        elif not plan.uploads(ex):
            rows.append(_with(base, state=ON_REQUEST if plan.takes_kind(ex) else NOT_TAKEN))
        else:
            key = exhibit_key(plan, ex)
            planned = _with(
                base,
                name=plan.upload_name(ex),
                sheet=ex.item.is_video and not plan.takes_video,
                limit=plan.upload_limit(ex),
                key=key,
            )
            rows.append(_measured(planned, measured.get(key)))
    return rows


def _with(row: PreviewRow, **changes: object) -> PreviewRow:
    return replace(row, **changes)  # type: ignore[arg-type]


def _measured(row: PreviewRow, outcome: Outcome | None) -> PreviewRow:
    if outcome is None:
        return row
    problems = " ".join(outcome.problems)
    f = outcome.file
    if f is None:
        return _with(row, state=LEFT_OUT, note=problems)
    state = FITS if f.fits else OVER
    note = " ".join(n for n in (f.note, problems) if n)
    return _with(row, state=state, name=f.name, bytes=f.bytes, limit=f.limit, note=note)


def outcomes(plan: ExportPlan, files: list[UploadFile], problems: list[str]) -> dict[str, Outcome]:
    """Each uploaded exhibit's outcome by key, from the files an export or a check made and
    its problems (each problem starts with the exhibit's number)."""
    made = {f.exhibit: f for f in files}
    out = {}
    for ex in plan.exhibits:
        if plan.uploads(ex):
            mine = tuple(p for p in problems if p.startswith((f"{ex.number} ", f"{ex.number}:")))
            out[exhibit_key(plan, ex)] = Outcome(made.get(ex.number), mine)
    return out


def check_upload(
    store: CaseStore,
    platform: str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> UploadCheck:
    """Make the upload files with the export's own jobs in a temporary folder, measure
    them, keep nothing. Only the jobs that make upload files run."""
    cancel = cancel or CancelToken()
    plan = replace(plan_export(store, platform), uploads_only=True)
    with tempfile.TemporaryDirectory(prefix="evidence-kit-preview-") as tmp:
        upload_dir, exhibits_dir = S.work_dirs(Path(tmp))
        ctx = Context(store, plan, upload_dir, exhibits_dir)
        made = run_jobs(ctx, plan.exhibits, progress, cancel, 2)
    files, problems, warnings = pack_outcome(plan, made)
    notes = problems + warnings + [n for o in made for n in o.notes]
    return UploadCheck(outcomes(plan, files, problems), notes)
