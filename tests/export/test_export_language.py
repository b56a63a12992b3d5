"""With the window in Russian, what the platform and the mediator read stays English (claim.txt,
the PDF summary, the message drafts), while the README for the shopper is in Russian."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from evidence_kit.core import case_ops, i18n
from evidence_kit.core.store import new_case
from evidence_kit.export.run import export_case
from evidence_kit.media.importer import add_files

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_russian_window_exports_english_for_the_mediator(tmp_path: Path) -> None:
    photo = tmp_path / "crack.jpg"
    Image.new("RGB", (320, 240), (200, 120, 90)).save(photo)
    store = new_case(tmp_path / "Case", platform="aliexpress", order_id="8123",
                     item="Ceramic mug", price="12.50", currency="USD",
                     ordered="2026-11-01", delivered="2026-11-20")  # fmt: skip
    add_files(store, [photo])
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged",
                                     "remedy": "partial_refund", "contacted_seller": "2026-11-21"})  # fmt: skip
    store.save()
    i18n.set_language("ru")  # as the window does when the shopper picks Русский
    try:
        result = export_case(store, tmp_path / "out", today=date(2026, 11, 26))
    finally:
        i18n.set_language("en")
    readme = (result.upload_dir / "README.txt").read_text("utf-8")
    assert "Файлы, которые нужно приложить" in readme
    with zipfile.ZipFile(result.bundle) as z:
        claim = z.read("claim.txt").decode("utf-8")
    assert (
        claim.isascii() and "partial refund of" in claim and "4.38 USD (35% of 12.50 USD)" in claim
    )
    pdf = subprocess.run(["pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "8123" in pdf and not _CYRILLIC.search(pdf), _CYRILLIC.findall(pdf)[:20]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_dispute_timeline_page_stays_english_in_a_russian_window(tmp_path: Path) -> None:
    """The PDF's "Dispute timeline" page prints the next action and the open deadlines, which
    the window shows in Russian: the mediator's copy is drafted in English."""
    from evidence_kit.core import event_ops

    photo = tmp_path / "crack.jpg"
    Image.new("RGB", (320, 240), (200, 120, 90)).save(photo)
    store = new_case(tmp_path / "Case", platform="aliexpress", order_id="8123",
                     item="Ceramic mug", price="12.50", currency="USD",
                     ordered="2026-11-01", delivered="2026-11-20")  # fmt: skip
    add_files(store, [photo])
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged", "remedy": "full_refund"})  # fmt: skip
    for kind, day, details in (("dispute_opened", "2026-11-22", {}),
                               ("seller_replied", "2026-11-23", {"reply": "offer", "amount": 2.0}),
                               ("return_agreed", "2026-11-24", {"address_in_form": False})):  # fmt: skip
        event_ops.add_event(store.case, event_ops.make_event(store.case, kind, day, today=date(2026, 11, 24), **details))  # fmt: skip
    store.save()
    i18n.set_language("ru")
    try:
        result = export_case(store, tmp_path / "out", today=date(2026, 11, 26))
    finally:
        i18n.set_language("en")
    pdf = subprocess.run(["pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    flat = " ".join(pdf.split())
    assert "Dispute timeline" in flat and "Next action" in flat
    assert "Ask the seller to put the return address into the dispute form" in flat
    assert "Ship the return and enter its tracking number (10 days)" in flat  # a deadline's name
    assert not _CYRILLIC.search(pdf), _CYRILLIC.findall(pdf)[:20]
