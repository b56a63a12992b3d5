""" "Show in Russian" beside the English claim and beside each message draft: a read-only view
in Russian from the same case, switchable to English, the English text left as it was."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from evidence_kit.core import case_ops, event_ops
from evidence_kit.core.store import CaseStore, new_case

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QRadioButton  # noqa: E402

from evidence_kit.gui.base.case_controller import CaseController  # noqa: E402
from evidence_kit.gui.claim.text import ClaimTextPanel  # noqa: E402
from evidence_kit.gui.dispute.drafts import DraftsPanel  # noqa: E402
from evidence_kit.gui.help.explain_view import ExplainDialog  # noqa: E402

DAY = date.today() - timedelta(days=3)


def _store(tmp_path: Path) -> CaseStore:
    store = new_case(
        tmp_path / "case", platform="aliexpress", order_id="8123", item="Кожаная сумка",
        price="1499.90", currency="RUB", ordered=(DAY - timedelta(days=20)).isoformat(),
        delivered=(DAY - timedelta(days=2)).isoformat(),
    )  # fmt: skip
    case_ops.set_values(store.case, {"reason": "damaged", "remedy": "full_refund",
                                     "notes": "Крышка треснула"})  # fmt: skip
    store.save()
    return store


def _dialog() -> ExplainDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExplainDialog) and w.isVisible()]  # fmt: skip
    assert len(found) == 1
    return found[0]


def test_claim_shown_in_russian_and_english(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    controller = CaseController(_store(tmp_path))
    panel = ClaimTextPanel(controller)
    qtbot.addWidget(panel)
    from evidence_kit.claim.draft import draft_claim

    panel.show_draft(draft_claim(controller.case, root=controller.root))
    english = panel.editor.toPlainText()
    panel.explain_button.click()
    dialog = _dialog()
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()  # Qt gives no-break spaces as plain ones
    assert "Ваша претензия по-русски" in text and "1 499,90 ₽" in text
    assert "«Крышка треснула»" in text and "Не подтверждайте получение" in text
    english_button = next(b for b in dialog.findChildren(QRadioButton) if b.property("language") == "en")  # fmt: skip
    english_button.setChecked(True)
    assert "Your claim explained" in dialog.view.toPlainText()
    assert dialog.view.isReadOnly() and panel.editor.toPlainText() == english
    assert english.isascii()  # the claim stays English
    dialog.close()


def test_each_draft_shown_in_russian(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    case = store.case
    event_ops.add_event(case, event_ops.make_event(case, "dispute_opened", DAY.isoformat()))
    event_ops.add_event(case, event_ops.make_event(case, "seller_replied", DAY.isoformat(), reply="offer", amount=300.0))  # fmt: skip
    store.save()
    panel = DraftsPanel(CaseController(CaseStore.open(store.root)))
    qtbot.addWidget(panel)
    panel.choose("counter_offer")
    panel.show_case()
    assert panel.explain_button.isEnabled()
    panel.explain_button.click()
    dialog = _dialog()
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()  # Qt gives no-break spaces as plain ones
    assert dialog.windowTitle() and "Ответ на предложение" in text and "300,00 ₽" in text
    assert "Продавцу, в сообщениях спора." in text
    dialog.close()
