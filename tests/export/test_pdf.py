"""summary.pdf: structure, Unicode text, CJK marker, page numbers, qpdf and pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from evidence_kit.export import pdf_fonts
from evidence_kit.export.pdf_summary import PdfExhibit, SummaryData, build_summary
from evidence_kit.export.run import export_case

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def _data(**changes) -> SummaryData:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (400, 300), "#336699").save(buf, "JPEG")
    data = SummaryData(
        title="Evidence summary",
        subtitle="AliExpress order 42",
        facts=[("Item", "Кружка – Κούπα – café crème"), ("Order ID", "42")],
        deadlines=[{"name": "Open dispute", "date": "2026-12-05", "days_left": 9, "status": "ok"}],
        claim_text="The mug arrived broken.\nSecond line.",
        exhibits=[
            PdfExhibit("E1", "Crack", ["Photo: crack.jpg"], "ab" * 32, buf.getvalue(), (400, 300))
        ],
        log=[{"seq": 1, "at": "2026-11-20T10:00:00Z", "action": "case_created", "details": {}}],
        hashes=[("originals/crack.jpg", 1234, "ab" * 32)],
        footer="Evidence Kit test",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_poppler
def test_unicode_prints_and_pages_are_numbered(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    build_summary(_data(), out)
    text = _text(out)
    assert "Кружка – Κούπα – café crème" in text
    assert "page 1 of" in text
    assert "ab" * 32 in text.replace(" ", "").replace("\n", "")  # the full hash in the appendix
    assert "E1 · Crack" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts and " yes yes " in fonts  # embedded and subset


@needs_poppler
def test_cjk_without_a_font_shows_a_visible_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        pdf_fonts, "covered", lambda name: set() if name == pdf_fonts.CJK else _real(name)
    )
    out = tmp_path / "s.pdf"
    lost = build_summary(_data(claim_text="Seller said 你好 twice"), out)
    text = _text(out)
    assert lost
    assert "Seller said □□ twice" in text
    assert "no font on this computer" in text


_real = pdf_fonts.covered


def test_markup_routes_cjk_to_a_cjk_font_when_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        pdf_fonts,
        "covered",
        lambda name: {ord("你"), ord("好")} if name == pdf_fonts.CJK else _real(name),
    )
    body, lost = pdf_fonts.markup("a 你好 <b>")
    assert not lost
    assert f'<font name="{pdf_fonts.CJK}">你好</font>' in body
    assert "&lt;b&gt;" in body  # user text is escaped, never parsed as markup


def test_qpdf_check_on_a_real_export(tmp_path: Path) -> None:
    from tests.factories.export import make_case

    if not shutil.which("qpdf"):
        pytest.skip("qpdf missing")
    store = make_case(tmp_path)
    result = export_case(store, tmp_path / "out")
    check = subprocess.run(["qpdf", "--check", str(result.pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    if shutil.which("pdftotext"):
        text = _text(result.pdf)
        for ex in ("E1 · Unboxing video", "E3 · Shipping label (masked)", "Timeline", "Appendix"):
            assert ex in text
        assert "Contact sheet" in text
        assert "Ceramic mug – Кружка" in text


def _pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext marks page ends with a form feed)."""
    return _text(pdf).split("\f")[:-1]


@needs_poppler
def test_no_nearly_blank_page_after_a_cover_that_runs_over(tmp_path: Path) -> None:
    """Issue 18: page 2 held only the end of the cover, the 'Exhibits' heading was left at
    the bottom of page 1. Now a heading moves with what follows it, and the exhibits follow
    a cover that runs a few lines onto page 2."""
    import re

    exhibits = [PdfExhibit(f"E{n}", f"Crack {n}", ["Photo"], "ab" * 32) for n in range(1, 4)]
    entry = re.compile(r"E(\d) +Crack \d")  # the cover's index; a section heads 'E1 · Crack 1'
    for lines in range(20, 120, 2):
        out = tmp_path / f"s{lines}.pdf"
        claim = "\n".join(f"Paragraph {n} of a long claim." for n in range(lines))
        build_summary(_data(claim_text=claim, exhibits=exhibits), out)
        pages = _pages(out)
        if any(entry.search(page) for page in pages[1:]):
            break  # the cover's index reaches page 2
    else:
        pytest.fail("no claim length made the cover run onto page 2")
    first_entry = next(i for i, page in enumerate(pages) if "E1  Crack 1" in page or entry.search(page))  # fmt: skip
    heading = next(i for i, page in enumerate(pages) if re.search(r"^ *Exhibits *$", page, re.M))
    assert heading == first_entry, "the 'Exhibits' heading is stranded away from its list"
    assert "E1 · Crack 1" in pages[1], "page 2 holds only the end of the cover"


@needs_poppler
def test_the_pdf_speaks_words_a_mediator_reads(tmp_path: Path) -> None:
    from tests.factories.export import make_case

    store = make_case(tmp_path)
    result = export_case(store, tmp_path / "out")
    text = " ".join(_text(result.pdf).split())
    for code in ("=None", "keys=[", "pts_s", "parent=", "item_added", "sha256="):
        assert code not in text, code
    # by exhibit number and title, never the file's name (it can name the shopper)
    assert "Imported: E1 “Unboxing video”, a video," in text and "unboxing.mp4" not in text
    assert "1 arrow added to E2 “Crack, close up”" in text
    assert "Claim choices set:" in text and "the reason" in text
    # the cover: the platform's own words for the reason and the remedy, statuses in words
    assert "Reason Item damaged" in text and "Remedy Refund only (full refund)" in text
    assert "Reason damaged" not in text and "full_refund" not in text and " ok " not in text
    # SHA256SUMS cannot cover itself, and the PDF no longer says it does
    assert "covered by SHA256SUMS" not in text
    assert "SHA256SUMS lists every other file in the bundle" in text
