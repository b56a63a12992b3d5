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
