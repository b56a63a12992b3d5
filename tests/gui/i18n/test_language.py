"""The UI language: the system locale (LANG=ru_RU.UTF-8 opens the app in Russian), the
choice in Settings that rebuilds the window around the open case, and values shown in the
UI language while the claim keeps ISO dates and a dot decimal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit.core.settings import Settings, load_settings
from evidence_kit.core.store import new_case
from tests.factories.media import make_photo

pytest.importorskip("pytestqt")

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from evidence_kit.gui.base import language  # noqa: E402
from evidence_kit.gui.shell import language_switch  # noqa: E402
from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402
from evidence_kit.gui.shell.settings_dialog import SettingsDialog  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
NBSP = "\u00a0"

START = """
import sys
from PySide6.QtWidgets import QApplication
from evidence_kit.core.settings import load_settings
from evidence_kit.gui.base import language
from evidence_kit.gui.shell.main_window import MainWindow
app = QApplication(sys.argv[:1])
print(language.apply(load_settings().language))  # what app.run_app does
window = MainWindow(load_settings())
print(window.menuBar().actions()[0].text())
print(window.start.new_button.title.text())
"""


def start_with(env_lang: str, tmp_path: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=env_lang, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["EVIDENCE_KIT_CONFIG_DIR"] = str(tmp_path / "config")
    out = subprocess.run([sys.executable, "-c", START], env=env, capture_output=True,
                         text=True, timeout=120, check=True, cwd=ROOT)  # fmt: skip
    return out.stdout.splitlines()


def test_russian_locale_starts_in_russian(tmp_path: Path) -> None:
    assert start_with("ru_RU.UTF-8", tmp_path) == ["ru", "&Файл", "Новое дело…"]


def test_other_locales_start_in_english(tmp_path: Path) -> None:
    assert start_with("de_DE.UTF-8", tmp_path) == ["en", "&File", "New case…"]


def test_resolve_follows_the_system() -> None:
    assert language.resolve("system", QLocale("ru_RU")) == "ru"
    assert language.resolve("system", QLocale("uk_UA")) == "en"
    assert language.resolve("ru", QLocale("en_US")) == "ru"


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    language.apply("en")
    yield
    language.apply("en")


def test_settings_switch_keeps_the_open_case(qtbot, english, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(str(a)))
    store = new_case(tmp_path / "Заказ", platform="aliexpress", order_id="8123")
    store.close()
    photo = make_photo(tmp_path / "crack.jpg")
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_case(tmp_path / "Заказ")
    assert window.controller is not None and window.importer is not None
    window.importer.import_paths([photo])
    qtbot.waitUntil(
        lambda: not window.importer.busy and bool(window.controller.case.items), timeout=30000
    )
    item_id = window.controller.case.items[0].id
    window.controller.select(item_id)
    window.case_view.show_step("claim")

    monkeypatch.setattr(SettingsDialog, "exec", lambda self: (self.language.setCurrentIndex(self.language.findData("ru")), 1)[1])  # fmt: skip
    window.open_settings()
    new = language_switch._windows[-1]
    qtbot.addWidget(new)
    assert new is not window and new.isVisible() and not window.isVisible()
    assert new.menuBar().actions()[0].text() == "&Файл"
    assert new.controller is not None and new.case_view is not None
    assert new.controller.store.root == (tmp_path / "Заказ").resolve()
    assert new.controller.selected_id == item_id
    assert new.case_view.rail.steps.currentRow() == 2  # still on Claim
    assert load_settings().language == "ru"  # remembered
    assert not new.controller.store.read_only  # the new window holds the case

    language_switch.switch_language(new, "en")
    back = language_switch._windows[-1]
    qtbot.addWidget(back)
    assert back.menuBar().actions()[0].text() == "&File"
    assert back.controller is not None and back.controller.case.items[0].id == item_id
    back.runner.wait_all()


def test_values_follow_the_ui_language(english) -> None:
    assert language.show_amount(1499.9, "USD") == "$1,499.90"
    assert language.show_date("2026-11-20") == "11/20/2026"
    language.apply("ru")
    try:
        assert language.show_amount(1499.9, "RUB").replace(NBSP, " ") == "1 499,90 ₽"
        assert language.show_date("2026-11-20") == "20.11.2026"
        assert language.show_number(0.5, 1) == "0,5"
        assert language.show_date("soon") == "soon"
        assert language.show_datetime("2026-11-20T14:03:27") == "20.11.2026 14:03"
        assert language.show_size(1_900_000) == "1,9 МБ"
        assert language.show_amount(1500, "JPY").replace(NBSP, " ") == "1 500 ¥"  # no decimals
    finally:
        language.apply("en")
