"""A message as a PDF with its exhibits: the chargeback letter for the bank.

Card issuers take PDFs and images, not video, so every exhibit goes in as a still: photos and
frames rendered with their marks and masks, a video as its contact sheet (frames at even
intervals with their times). The exhibits are made by the export's own jobs (export/jobs.py)
in a temporary folder; only the PDF is written to the shopper's path, atomically.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from evidence_kit import __version__
from evidence_kit.claim.dispute.messages import Message
from evidence_kit.core.errors import InvalidValueError, describe_os_error
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.export import pdf_fonts as F
from evidence_kit.export.exhibits import Context
from evidence_kit.export.jobs import run_jobs
from evidence_kit.export.pdf_summary import _canvas_class, _exhibit, _Lost, _styles
from evidence_kit.export.plan import plan_export


def write_letter_pdf(
    store: CaseStore,
    message: Message,
    out: Path,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    workers: int = 2,
) -> list[str]:
    """Write the letter and its exhibits (stills only) to `out` (.pdf); returns the problems
    of exhibits that could not be shown (an undecodable video), which the letter lists as
    missing."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer

    if out.suffix.lower() != ".pdf":
        raise InvalidValueError(f"the letter must be written to a .pdf file, not '{out.name}'")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidValueError(f"the folder {folder} does not exist")
    cancel = cancel or CancelToken()
    plan = plan_export(store, "card", upload=False)  # no upload files; video as stills
    F.register_fonts()
    st, lost = _styles(), _Lost()
    tmp = ""
    with tempfile.TemporaryDirectory(prefix=".letter.", dir=folder) as work:
        exhibits_dir = Path(work)
        ctx = Context(store, plan, exhibits_dir, exhibits_dir)
        outputs = run_jobs(ctx, plan.exhibits, lambda f, m: progress(0.8 * f, m), cancel, workers)
        progress(0.85, "Writing the letter")
        try:
            fd, tmp = tempfile.mkstemp(prefix=".letter.", suffix=".pdf", dir=folder)
            os.close(fd)
            margin = 18 * 2.835
            doc = SimpleDocTemplate(
                tmp, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                bottomMargin=margin + 8, title=message.subject, author="Evidence Kit",
                creator="Evidence Kit", invariant=1,
            )  # fmt: skip
            story: list = [lost.p(message.subject, st["h1"], bold=True), Spacer(1, 6)]
            for paragraph in message.text.split("\n\n"):
                story += [lost.p(paragraph, st["body"]), Spacer(1, 6)]
            pictures = [o.pdf for o in outputs if o.pdf is not None]
            if pictures:
                story += [PageBreak(), lost.p("Exhibits (stills)", st["h1"], bold=True)]
                for ex in pictures:
                    story.append(_exhibit(ex, st, lost, doc.width, doc.height * (0.72 if ex.is_sheet else 0.37)))  # fmt: skip
            footer = f"Evidence Kit {__version__} · {message.title}"
            doc.build(story, canvasmaker=_canvas_class(footer))
            os.replace(tmp, out)
            tmp = ""
        except OSError as exc:
            raise describe_os_error(exc, out) from exc
        finally:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
    progress(1.0, "Letter written")
    return [p for o in outputs for p in o.problems]
