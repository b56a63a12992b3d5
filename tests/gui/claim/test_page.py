"""The claim step with pytest-qt: guided flow edits, text edits and regenerate, checklist
ticks, the refund helper, and translation with fake backends (never the network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.claim import translate
from evidence_kit.core.store import CaseStore, new_case

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QMessageBox  # noqa: E402

from evidence_kit.gui.base.case_controller import CaseController  # noqa: E402
from evidence_kit.gui.base.commands import SetValues  # noqa: E402
from evidence_kit.gui.base.tasks import TaskRunner  # noqa: E402
from evidence_kit.gui.claim.page import ClaimPage  # noqa: E402
from evidence_kit.gui.claim.translate_panel import TranslationReview  # noqa: E402


def _store(tmp_path: Path) -> CaseStore:
    store = new_case(
        tmp_path / "case", platform="ebay", order_id="555", item="Desk lamp", price="40",
        currency="USD", ordered="2026-11-01", delivered="2026-11-20",
    )  # fmt: skip
    from evidence_kit.core import case_ops

    case_ops.set_values(
        store.case,
        {
            "received": "yes",
            "reason": "damaged",
            "remedy": "full_refund",
            "listing_says": "new, intact",
            "received_is": "shade cracked",
        },  # fmt: skip
    )
    store.save()
    return store


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    controller = CaseController(_store(tmp_path))
    runner = TaskRunner()
    widget = ClaimPage(controller, runner)
    widget.messages = messages
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.refresh()
    yield widget
    runner.wait_all()


def test_page_shows_draft_deadlines_checklist_and_limits(page) -> None:
    text = page.text.editor.toPlainText()
    assert page.draft.subject.startswith("eBay order 555 - item arrived damaged")
    assert text.startswith("Hello,") and "Subject" not in text
    assert "a full refund of 40.00 USD" in text
    deadlines = page.status.deadlines.text()
    assert deadlines.count("<br>") >= 1  # open + seller response
    first = page.draft.deadlines[0]
    assert f"<b>{first.date}</b>" in deadlines
    # the source is a link whose tooltip names it in words, never a code like "[E4, M]"
    assert "[E4" not in deadlines and "source:E4:M" in deadlines
    from evidence_kit.gui.base.sources import source_text

    assert source_text("E4", "M") == (
        "Source: parceldetect.com how-to-file-ebay-claim-buyer; "
        "chinaparcels.com/online-marketplaces/ebay — medium confidence"
    )
    assert "(if opened today)" in deadlines
    ids = [
        page.status.checklist.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(page.status.checklist.count())
    ]
    assert {"no_confirm", "video_sealed", "within_limits"} <= set(ids)
    limits = page.status.limits.text()
    assert "5 MB" in limits and "check your order page" in limits  # the file count is a default
    assert "/500 characters" in page.text.short_label.text()


def test_reason_change_is_one_undoable_edit(page, qtbot) -> None:
    controller = page.controller
    combo = page.flow.reason
    combo.setCurrentIndex(combo.findData("wrong_size"))
    assert controller.case.claim["reason"] == "wrong_size"
    qtbot.waitUntil(lambda: '"Wrong size"' in page.text.editor.toPlainText())
    controller.undo_stack.undo()
    assert controller.case.claim["reason"] == "damaged"
    assert CaseStore.open(controller.root).case.claim["reason"] == "damaged"  # autosaved


def test_not_arrived_switches_the_reason(page, qtbot) -> None:
    page.flow.arrived_no.click()
    claim = page.controller.case.claim
    assert claim["received"] is False and claim["reason"] == "not_received"

    def reasons() -> list[str]:
        return [page.flow.reason.itemData(i) for i in range(page.flow.reason.count())]

    qtbot.waitUntil(lambda: reasons() == ["", "not_received"])
    assert not page.flow.diff_box.isEnabled()


def test_refund_helper_button_sets_partial_refund(page) -> None:
    page.flow.works.setChecked(True)
    assert page.controller.case.claim["still_works"] is True
    page.refresh()
    # the ask sits above the middle of the usual 30-40% (with a reserve to bargain)
    assert page.flow.use_suggested.text().startswith("Ask for 40%")
    advice = page.flow.advice.text()
    assert "usually 30-40% of the price (12.00 USD - 16.00 USD)" in advice
    assert "to leave room to bargain, and settle for no less than 35%" in advice
    page.flow.use_suggested.click()
    claim = page.controller.case.claim
    assert claim["remedy"] == "partial_refund" and claim["refund_percent"] == 40.0
    page.refresh()
    assert "a partial refund of 16.00 USD (40% of 40.00 USD)" in page.text.editor.toPlainText()


def test_edit_text_then_regenerate_keeps_my_paragraph(page, monkeypatch) -> None:
    editor = page.text.editor
    mine = "The lamp was a gift for my mother."
    editor.setPlainText(editor.toPlainText() + "\n\n" + mine)
    page.text.flush()
    assert page.controller.case.claim["text"].endswith(mine)
    page.controller.push(SetValues({"price": "50"}, "price"))
    asked: list[int] = []
    monkeypatch.setattr(page.text, "ask_keep", lambda count: asked.append(count) or True)
    page.text.regenerate()
    page.refresh()
    assert asked == [1]
    text = editor.toPlainText()
    assert mine in text and "a full refund of 50.00 USD" in text
    # replacing everything drops it; cancelling changes nothing
    monkeypatch.setattr(page.text, "ask_keep", lambda count: None)
    page.text.regenerate()
    assert mine in page.controller.case.claim["text"]
    monkeypatch.setattr(page.text, "ask_keep", lambda count: False)
    page.text.regenerate()
    page.refresh()
    assert mine not in editor.toPlainText() and "text" not in page.controller.case.claim


def test_ticking_a_checklist_item(page) -> None:
    lst = page.status.checklist
    row = next(
        lst.item(i)
        for i in range(lst.count())
        if lst.item(i).data(Qt.ItemDataRole.UserRole) == "no_confirm"
    )
    row.setCheckState(Qt.CheckState.Checked)
    assert "no_confirm" in page.controller.case.claim["ticked"]


class _Fake:
    def __init__(self, source: str, target: str) -> None:
        pass

    def translate(self, text: str) -> str:
        return {"Абажур треснул.": "The shade is cracked."}.get(text, text)


class _Offline:
    def __init__(self, source: str, target: str) -> None:
        pass

    def translate(self, text: str) -> str:
        raise ConnectionError("no route to host")


@pytest.fixture
def fake_backends():
    saved = dict(translate._BACKENDS)
    translate.register_backend("fake", "Fake", _Fake)
    translate.register_backend("offline", "Offline", _Offline)
    yield
    translate._BACKENDS.clear()
    translate._BACKENDS.update(saved)


def test_translate_notes_after_review(page, qtbot, monkeypatch, fake_backends) -> None:
    page.controller.push(SetValues({"notes": "Абажур треснул."}, "notes"))
    page.refresh()
    reviewed: list[dict] = []

    def accept(dialog: TranslationReview) -> int:
        reviewed.append(dialog.values())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TranslationReview, "exec", accept)
    page.translate_notes("fake")
    qtbot.waitUntil(lambda: bool(reviewed))
    qtbot.waitUntil(lambda: page.controller.case.claim["notes"] == "The shade is cracked.")
    assert reviewed[0]["notes"] == "The shade is cracked."


def test_translate_rejected_keeps_original(page, qtbot, monkeypatch, fake_backends) -> None:
    page.controller.push(SetValues({"notes": "Абажур треснул."}, "notes"))
    shown: list[int] = []
    monkeypatch.setattr(
        TranslationReview, "exec", lambda d: shown.append(1) or QDialog.DialogCode.Rejected
    )
    page.translate_notes("fake")
    qtbot.waitUntil(lambda: bool(shown))
    assert page.controller.case.claim["notes"] == "Абажур треснул."


def test_translate_offline_says_so_and_keeps_original(page, qtbot, fake_backends) -> None:
    page.controller.push(SetValues({"notes": "Абажур треснул."}, "notes"))
    page.translate_notes("offline")
    qtbot.waitUntil(lambda: bool(page.messages))
    assert "needs an internet connection" in page.messages[0]
    assert page.controller.case.claim["notes"] == "Абажур треснул."


def test_page_with_an_almost_empty_case(qtbot, tmp_path) -> None:
    store = CaseStore.create(tmp_path / "empty")
    controller = CaseController(store)
    widget = ClaimPage(controller, TaskRunner())
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.flow.reason.count() == 10  # "(choose)" + the nine shared reasons
    assert "Choose the platform" in widget.status.warnings.text()
    assert "Add the platform" in widget.status.deadlines.text()
    assert widget.text.editor.toPlainText().startswith("Hello,")
