"""Help → Guide: from the app's own files in English and Russian, the five steps and what not
to do, local pictures, and every keyboard shortcut the window defines."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QUrl  # noqa: E402
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from evidence_kit.core.settings import Settings  # noqa: E402
from evidence_kit.gui.help.guide import GuideDialog, guide_html  # noqa: E402
from evidence_kit.gui.help.shortcuts import PANEL_KEYS, keys_text  # noqa: E402
from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402
from evidence_kit.media.sample import make_sample_case  # noqa: E402

PICTURES = ("facts", "evidence", "claim", "export", "dispute")


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.show_case(make_sample_case(tmp_path / "sample"))
    for step in ("evidence", "claim", "dispute", "evidence"):  # every page built once
        win._step(step)
        QCoreApplication.processEvents()
    yield win
    win.runner.wait_all()


def _guide(window: MainWindow) -> GuideDialog:
    window.act_guide.trigger()
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog)]
    assert len(found) == 1
    return found[0]


def _owner(shortcut: QShortcut) -> str:
    widget = shortcut.parent()
    while isinstance(widget, QWidget):
        if type(widget).__name__ in PANEL_KEYS:
            return type(widget).__name__
        widget = widget.parentWidget()
    return ""


def test_the_guide_lists_every_shortcut_the_window_defines(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.act_guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    guide = _guide(window)
    qtbot.addWidget(guide)
    text = guide.view.toPlainText()
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(actions) > 20  # menus, the evidence list, the editor's tools
    for action in actions:
        assert keys_text(action.shortcuts()) in text, action.text()
    shortcuts = window.findChildren(QShortcut)
    assert shortcuts  # the video panel's and the editor's keys
    described = {(owner, QKeySequence(key).toString()) for owner, keys in PANEL_KEYS.items() for key, _ in keys}  # fmt: skip
    for shortcut in shortcuts:
        owner = _owner(shortcut)
        assert (owner, shortcut.key().toString()) in described, (owner, shortcut.key().toString())
        assert keys_text([shortcut.key()]) in text


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", ("1. Facts", "5. The dispute after it opens", "Do not confirm receipt",
                "Do not close the dispute early", "Do not deal off the platform")),
        ("ru", ("1. Данные заказа", "5. Спор после открытия", "Не подтверждайте получение",
                "Не закрывайте спор раньше времени", "Не договаривайтесь в обход площадки")),
    ],
)  # fmt: skip
def test_both_languages_with_local_pictures(language: str, says: tuple[str, ...]) -> None:
    page = guide_html(language, [])
    assert "<!--shortcuts-->" not in page and "http" not in page  # nothing from the network
    document = QTextDocument()
    from evidence_kit.core.resources import resource_root

    document.setBaseUrl(QUrl.fromLocalFile(str(resource_root() / "guide") + "/"))
    document.setHtml(page)
    for phrase in says:
        assert phrase in document.toPlainText()
    for name in PICTURES:
        assert f'src="images/{name}.png"' in page
        assert (resource_root() / "guide" / "images" / f"{name}.png").stat().st_size < 100_000


def test_the_guide_opens_in_the_ui_language(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from evidence_kit.core import i18n

    i18n.set_language("ru")
    try:
        guide = _guide(window)
        qtbot.addWidget(guide)
        assert guide.language() == "ru" and "Чего не делать" in guide.view.toPlainText()
    finally:
        i18n.set_language("en")
