"""Issue 11 in the GUI: wording suggestions decided in the claim step, a stale edited text
marked (banner, highlight, rail, export), "what it shows" edited from the evidence list."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.claim.draft import draft_claim
from evidence_kit.claim.edits import set_text
from evidence_kit.core import case_ops
from evidence_kit.core.settings import Settings
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files
from tests.factories.media import make_photo

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QInputDialog, QMessageBox  # noqa: E402

from evidence_kit.gui.base.case_controller import CaseController  # noqa: E402
from evidence_kit.gui.base.commands import MoveItem  # noqa: E402
from evidence_kit.gui.base.tasks import TaskRunner  # noqa: E402
from evidence_kit.gui.claim.page import ClaimPage  # noqa: E402
from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402
from evidence_kit.gui.shell.step_rail import deadline_text, step_status  # noqa: E402


def _store(tmp_path: Path, notes: str = "") -> CaseStore:
    store = new_case(tmp_path / "case", platform="shopee", order_id="555", item="Desk lamp",
                     price="40", currency="USD", ordered="2026-11-01", delivered="2026-11-20")  # fmt: skip
    add_files(store, [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(3)])
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged",
                                     "remedy": "full_refund", "notes": notes})  # fmt: skip
    store.save()
    return store


@pytest.fixture
def page(qtbot, tmp_path, request):
    controller = CaseController(_store(tmp_path, getattr(request, "param", "")))
    runner = TaskRunner()
    widget = ClaimPage(controller, runner)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh()
    yield widget
    runner.wait_all()


@pytest.mark.parametrize("page", ["The shade cracked. Call me on +44 7911 123456."], indirect=True)
def test_wording_suggestion_is_accepted_in_one_undo_step(page) -> None:
    panel = page.text.wording
    assert panel.isVisible() and panel.list.count() == 1
    assert "+44 7911 123456" in page.text.editor.toPlainText()  # nothing removed unseen
    panel.accept_button.click()
    page.refresh()
    assert "7911" not in page.text.editor.toPlainText() and not panel.isVisible()
    page.controller.undo_stack.undo()
    page.refresh()
    assert "+44 7911 123456" in page.text.editor.toPlainText() and panel.isVisible()
    panel.keep_button.click()
    page.refresh()
    assert "+44 7911 123456" in page.text.editor.toPlainText() and not panel.isVisible()


def test_stale_text_is_marked_in_the_step_and_the_rail(page) -> None:
    case = page.controller.case
    assert page.text.subject.text().startswith("Shopee order 555")
    text = page.text.editor.toPlainText() + "\n\nThe crack shows in E2."
    page.controller.push(page.text_edit_command(text)) if hasattr(
        page, "text_edit_command"
    ) else None
    page.text.editor.setPlainText(text)
    page.text.flush()
    assert case.claim["text"].endswith("E2.")
    moved = case.items[1].id
    assert page.controller.push(MoveItem(moved, 0))
    page.refresh()
    assert "The crack shows in E1." in page.text.editor.toPlainText()
    assert page.text.stale.isVisible() and "evidence paragraph" in page.text.stale.text()
    assert page.text.editor.extraSelections()  # the stale paragraph is highlighted
    assert step_status(case)["claim"] == "attention"


def test_export_asks_before_writing_a_stale_claim(qtbot, tmp_path, monkeypatch) -> None:
    store = _store(tmp_path)
    case = store.case
    set_text(case, draft_claim(case).text + "\n\nSee E2.")
    case_ops.move_item(case, case.items[1].id, 0)
    store.save()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show_case(store)
    asked: list[str] = []

    def no(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    page = window.case_view.export
    page.start_export()
    assert asked and "no longer matches the case" in asked[0]
    assert page.task is None  # nothing was started, nothing written
    window.runner.wait_all()


def test_what_it_shows_from_the_evidence_list(qtbot, tmp_path, monkeypatch) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show_case(_store(tmp_path))
    window.case_view.list.setCurrentRow(0)
    shows = "the crack, 6 cm, seen right after opening"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (shows, True))
    window.items.edit_shows()
    item = window.controller.case.items[0]
    assert (
        item.shows == shows and CaseStore.open(window.controller.root).case.items[0].shows == shows
    )
    assert shows in window.case_view.list.item(0).text()
    window.undo()
    assert window.controller.case.items[0].shows == ""
    window.runner.wait_all()


def test_an_estimated_deadline_is_never_closed_on_the_rail(tmp_path) -> None:
    store = new_case(tmp_path / "c", platform="card", order_id="1", ordered="2026-01-10")
    text = deadline_text(store.case)
    assert "closed" not in text and "about" in text and "Enter" in text
