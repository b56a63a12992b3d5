"""summary.pdf (ReportLab): cover, one section per exhibit, contact sheets, timeline, hashes.

A pure function of `SummaryData`: with ReportLab's invariant mode the same data gives the
same bytes, which keeps the bundle deterministic. Every string goes through
`pdf_fonts.markup`, so any script prints or shows a visible marker.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import ExportError, describe_os_error
from evidence_kit.core.tasks import CancelToken
from evidence_kit.export import pdf_fonts as F
from evidence_kit.export.pdf_timeline import TimelinePage, timeline_story


@dataclass
class PdfExhibit:
    """One exhibit as the PDF shows it."""

    number: str
    title: str
    lines: list[str]  # caption lines: kind, file, time, note...
    sha256: str
    image: bytes | None = None  # JPEG bytes, already downscaled
    image_size: tuple[int, int] | None = None
    is_sheet: bool = False


@dataclass
class SummaryData:
    """Everything the PDF prints, already worked out by the exporter."""

    title: str
    subtitle: str
    facts: list[tuple[str, str]]
    deadlines: list[dict[str, Any]]
    claim_text: str
    exhibits: list[PdfExhibit]
    log: list[dict[str, Any]]  # seq, at, text: each entry in words (pdf_log.py); or a gap
    hashes: list[tuple[str, int, str]]  # (path in bundle, bytes, sha256)
    footer: str
    notes: list[str] = field(default_factory=list)
    verify_steps: list[str] = field(default_factory=list)
    dispute: TimelinePage | None = None  # the events after the dispute opened (pdf_timeline.py)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=F.SANS, fontSize=9.5, leading=13)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "mono": ParagraphStyle("mono", parent=base, fontName=F.MONO, fontSize=6.8, leading=9),
        "title": ParagraphStyle("title", parent=base, fontName=F.BOLD, fontSize=20, leading=25),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=11, leading=15, textColor=colors.HexColor("#455a64")
        ),
        # a heading never ends a page: it moves on with what follows it
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=F.BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=6,
            spaceAfter=6,
            keepWithNext=1,
        ),  # fmt: skip
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=F.BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8.5, leading=11.5, textColor=colors.HexColor("#37474f")
        ),
    }


class _Lost:
    """Remembers whether any character had to be replaced by the marker."""

    def __init__(self) -> None:
        self.any = False

    def p(self, text: str, style: Any, bold: bool = False) -> Any:
        from reportlab.platypus import Paragraph

        body, lost = F.markup(text, F.BOLD if bold else F.SANS)
        self.any |= lost
        return Paragraph(body, style)


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cfd8dc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")))
    table.setStyle(TableStyle(style))
    return table


_STATUS_COLOURS = {"ok": "#2e7d32", "soon": "#ef6c00", "closed": "#c62828", "passed": "#c62828"}


def _cover(data: SummaryData, st: dict[str, Any], lost: _Lost, width: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    story: list[Any] = [
        lost.p(data.title, st["title"], bold=True),
        lost.p(data.subtitle, st["subtitle"]),
        Spacer(1, 8),
    ]
    rows = []
    for i in range(0, len(data.facts), 2):  # two facts per row keeps the cover to one page
        row = []
        for key, value in data.facts[i : i + 2]:
            row += [lost.p(key, st["cell"], bold=True), lost.p(value or "-", st["cell"])]
        rows.append(row + [""] * (4 - len(row)))
    label = 22 * 2.835
    story += [
        _table(rows, [label, width / 2 - label, label, width / 2 - label], header=False),
        Spacer(1, 8),
    ]
    if data.deadlines:
        story.append(lost.p("Deadlines", st["h2"], bold=True))
        rows = [
            [lost.p(h, st["cell"], bold=True) for h in ("Deadline", "Date", "Days left", "Status")]
        ]
        for d in data.deadlines:
            status = str(d.get("status") or "")
            colour = _STATUS_COLOURS.get(status.lower(), "#37474f")
            days = d.get("days_left")
            rows.append(
                [
                    lost.p(str(d.get("name") or ""), st["cell"]),
                    lost.p(str(d.get("date") or "check your order page"), st["cell"]),
                    lost.p(_days(days, status), st["cell"]),
                    lost.p(STATUS_WORDS.get(status, status), _coloured(st["cell"], colour)),
                ]
            )
        story += [
            _table(rows, [width * 0.42, width * 0.24, width * 0.12, width * 0.22]),
            Spacer(1, 8),
        ]
    story.append(lost.p("Claim", st["h2"], bold=True))
    story.append(lost.p(data.claim_text or "(no claim text yet)", st["body"]))
    story.append(Spacer(1, 8))
    if data.exhibits:  # the index stays in one piece, with its heading
        index = [lost.p("Exhibits", st["h2"], bold=True)]
        index += [lost.p(f"{ex.number}  {ex.title}", st["cell"]) for ex in data.exhibits]
        story.append(KeepTogether(index))
    for note in data.notes:
        story += [Spacer(1, 4), lost.p(note, st["small"])]
    return story


#: the deadline statuses (claim/deadlines.py) in words
STATUS_WORDS = {
    "ok": "open",
    "soon": "closing soon",
    "closed": "closed",
    "unknown": "estimate: enter the date it counts from",
    "wait": "not yet open",
}


def _days(days: Any, status: str) -> str:
    if days is None:
        return ""
    if status == "closed" and int(days) < 0:
        return f"closed {-int(days)} days ago"
    return str(days)


def _coloured(style: Any, colour: str) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-{colour}", parent=style, textColor=colors.HexColor(colour))


def _exhibit(ex: PdfExhibit, st: dict[str, Any], lost: _Lost, width: float, max_h: float) -> Any:
    from reportlab.platypus import Image, KeepTogether, Spacer

    parts: list[Any] = [lost.p(f"{ex.number} · {ex.title}", st["h2"], bold=True)]
    if ex.image and ex.image_size:
        w, h = ex.image_size
        scale = min(width / w, max_h / h)
        parts.append(Image(io.BytesIO(ex.image), width=w * scale, height=h * scale, hAlign="LEFT"))
        parts.append(Spacer(1, 3))
    for line in ex.lines:
        parts.append(lost.p(line, st["caption"]))
    parts.append(lost.p(f"SHA-256 {ex.sha256[:16]}… (full hash in the appendix)", st["caption"]))
    parts.append(Spacer(1, 10))
    return KeepTogether(parts)


LOG_TEXT_MAX = 400  # a hand-edited entry can hold anything: a sentence stays within a page


def _short(value: Any, limit: int) -> str:
    """A log cell cut to fit its column (a hand-edited entry can hold anything)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _build_story(
    data: SummaryData, st: dict[str, Any], lost: _Lost, width: float, height: float
) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer

    def section() -> Any:
        # A section starts on a new page only when less than a third of this one is left: a
        # cover that runs a few lines onto page 2 is followed there, never by a blank page.
        return CondPageBreak(height / 3)

    story = _cover(data, st, lost, width)
    if data.exhibits:
        story += [section(), lost.p("Exhibits", st["h1"], bold=True)]
        for ex in data.exhibits:
            story.append(_exhibit(ex, st, lost, width, height * (0.72 if ex.is_sheet else 0.37)))
    if data.dispute is not None:
        story += timeline_story(data.dispute, st, lost, _table, width)
    story += [section(), lost.p("Timeline (activity log)", st["h1"], bold=True)]
    story.append(
        lost.p(
            "Every change to the evidence was logged; each entry holds the hash of the one before,"
            " so a changed, removed or reordered entry breaks the chain (checked by verify).",
            st["small"],
        )
    )
    story.append(Spacer(1, 4))
    rows = [[lost.p(h, st["cell"], bold=True) for h in ("#", "Time (UTC)", "What happened")]]
    gap_rows: list[int] = []
    for entry in data.log:
        if "left_out" in entry:  # a long log: the PDF shows its start and its end
            note = (
                f"… {entry['left_out']:,} entries are left out here. The full log of"
                f" {entry['total']:,} entries is in manifest.json, and verify checks every one."
            )
            gap_rows.append(len(rows))
            rows.append([lost.p("…", st["cell"]), lost.p(note, st["small"]), ""])
            continue
        rows.append(
            [
                lost.p(_short(entry.get("seq", ""), 12), st["cell"]),
                lost.p(_short(entry.get("at", ""), 40).replace("T", " ").rstrip("Z"), st["cell"]),
                lost.p(_short(entry.get("text", ""), LOG_TEXT_MAX), st["cell"]),
            ]
        )
    table = _table(rows, [width * 0.05, width * 0.22, width * 0.73])
    table.setStyle([("SPAN", (1, r), (2, r)) for r in gap_rows])
    story.append(table)
    story += [section(), lost.p("Appendix: file hashes (SHA-256)", st["h1"], bold=True)]
    rows = [[lost.p(h, st["cell"], bold=True) for h in ("File in the bundle", "Bytes", "SHA-256")]]
    for path, size, digest in data.hashes:
        rows.append(
            [
                lost.p(path, st["small"]),
                lost.p(f"{size:,}", st["small"]),
                Paragraph(digest, st["mono"]),
            ]
        )
    story.append(_table(rows, [width * 0.33, width * 0.1, width * 0.57]))
    if data.verify_steps:
        story += [Spacer(1, 10), lost.p("How to verify", st["h2"], bold=True)]
        for step in data.verify_steps:
            story.append(lost.p(step, st["body"]))
    return story


def _canvas_class(footer: str) -> type:
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    text, _ = F.plain(footer)

    class NumberedCanvas(canvas.Canvas):
        """Draws 'page N of M' once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", F.SANS)  # no stray non-embedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(F.SANS, 7.5)
                self.setFillColor(colors.HexColor("#607d8b"))
                w, _ = self._pagesize
                self.drawString(51, 28, text)
                self.drawRightString(w - 51, 28, f"page {self._pageNumber} of {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def build_summary(data: SummaryData, out: Path, cancel: CancelToken | None = None) -> bool:
    """Write the PDF; returns True when some character had to be shown as a marker."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    F.register_fonts()
    texts = [data.title, data.subtitle, data.claim_text, *(v for _, v in data.facts)]
    texts += [f"{ex.title} {' '.join(ex.lines)}" for ex in data.exhibits]
    texts += [str(e.get("text", "")) for e in data.log if "left_out" not in e]
    if any(F.unprintable(t) for t in texts):
        data.notes.append(
            f"{F.MISSING} marks characters that no font on this computer can print;"
            " claim.txt and manifest.json in the bundle hold the exact text."
        )
    st = _styles()
    lost = _Lost()
    margin = 18 * 2.835

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (ReportLab API)
            if cancel is not None:
                cancel.check()

    doc = Doc(
        str(out),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 8,
        title=data.title,
        author="Evidence Kit",
        creator="Evidence Kit",
        invariant=1,
    )
    story = _build_story(data, st, lost, doc.width, doc.height)
    from reportlab.platypus.doctemplate import LayoutError

    try:
        doc.build(story, canvasmaker=_canvas_class(data.footer))
    except OSError as exc:
        raise describe_os_error(exc, out) from exc
    except LayoutError as exc:
        raise ExportError(
            "The PDF summary cannot be laid out: a text in the case is too long for a page"
            f" ({str(exc)[:80]}…). Shorten it and export again."
        ) from exc
    return lost.any
