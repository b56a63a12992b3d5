"""The Qt catalogs: current with the sources, every message translated with its place holders,
contexts that are the classes Qt looks them up by, and Russian's three plural forms."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication  # noqa: E402

from evidence_kit.core import i18n  # noqa: E402
from evidence_kit.gui.base import language  # noqa: E402

RU_TS = ROOT / "resources" / "i18n" / "evidence_kit_ru.ts"
PLACE_HOLDERS = re.compile(r"\{[0-9]+(?::[^}]*)?\}|%n|%[0-9]")
HTML_TAG = re.compile(r"</?[a-z]+>")
ACCEL = re.compile(r"&(?=[^\s&])")


def messages(ts: Path = RU_TS) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


def test_catalogs_match_the_sources() -> None:
    """A GUI string added, changed or removed without `python scripts/update_translations.py`
    leaves the committed .ts/.qm stale: the check regenerates them and compares."""
    assert update_translations.update_qt(check=True) == []


def test_every_russian_message_is_translated() -> None:
    unfinished = []
    for context, m in messages():
        t = m.find("translation")
        assert t is not None
        forms = (
            [f.text or "" for f in t.iter("numerusform")] if m.get("numerus") else [t.text or ""]
        )
        if t.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            unfinished.append(f"{context}: {m.findtext('source')}")
        if m.get("numerus"):
            assert len(forms) == 3, f"{context}: {m.findtext('source')} needs 3 Russian forms"
    assert unfinished == [], f"{len(unfinished)} unfinished: {unfinished[:20]}"
    assert len(messages()) > 400


def test_translations_keep_place_holders_markup_and_accelerators() -> None:
    for context, m in messages():
        source = m.findtext("source") or ""
        t = m.find("translation")
        assert t is not None
        for text in [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]:
            where = f"{context}: {source!r} -> {text!r}"
            assert sorted(PLACE_HOLDERS.findall(text)) == sorted(PLACE_HOLDERS.findall(source)), (
                where
            )
            assert sorted(HTML_TAG.findall(text)) == sorted(HTML_TAG.findall(source)), where
            assert len(ACCEL.findall(text)) == len(ACCEL.findall(source)), where  # Alt+letter
            assert text.startswith(" ") == source.startswith(" "), where  # joined fragments


def test_contexts_are_the_classes_that_translate() -> None:
    """self.tr() looks a string up under its class's name: a string extracted under another
    name (a `tr = self.tr` alias, `parent.tr` in a function) is never found at run time."""
    known = set()
    for path in (ROOT / "evidence_kit" / "gui").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        known |= set(re.findall(r"^class (\w+)", code, re.M))  # self.tr
        known |= set(re.findall(r"translate\(\s*\"(\w+)\"", code))  # translate("Context", ...)
        # lupdate drops a plural given to translate() (or makes it a plain message): self.tr
        assert not re.search(r"translate\(\s*\"\w+\",\s*\"[^\"]*%n", code), path
    contexts = {context for context, _m in messages()}
    assert contexts <= known, contexts - known


@pytest.fixture
def russian(qapp):  # type: ignore[no-untyped-def]
    yield language.apply("ru")
    language.apply("en")


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, "", n)


def test_russian_plurals_have_three_forms(russian) -> None:
    files = {n: tr("ImportController", "Import %n file(s)", n) for n in (1, 2, 5, 11, 21, 22)}
    assert files == {
        1: "Добавить 1 файл",
        2: "Добавить 2 файла",
        5: "Добавить 5 файлов",
        11: "Добавить 11 файлов",
        21: "Добавить 21 файл",
        22: "Добавить 22 файла",
    }
    assert tr("NextActionCard", "%n day(s) left", 3) == "осталось 3 дня"
    assert i18n.language() == "ru"  # the Qt-free layers' messages follow the UI language


def test_english_plurals_come_from_their_own_catalog(qapp) -> None:
    assert language.apply("en") == "en"
    assert tr("ImportController", "Import %n file(s)", 1) == "Import 1 file"
    assert tr("ImportController", "Import %n file(s)", 5) == "Import 5 files"
    assert tr("MainWindow", "&File") == "&File"


def test_qt_own_dialogs_are_russian(russian) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    assert tr("MainWindow", "&File") == "&Файл"


def test_evidence_rows_read_in_russian(russian, tmp_path: Path) -> None:
    # the row's words once hid behind a _tr(text) wrapper lupdate could not see: English rows
    from dataclasses import replace

    from evidence_kit.gui.shell.evidence_list import describe
    from tests.gui.shell.test_window_flow import photo_case

    item = photo_case(tmp_path, 1).case.items[0]
    first, second = describe(replace(item, annotations=[{}, {}], include=False), "E1")
    assert "что видно: пока не указано" in first
    assert second.startswith("фото · ") and "2 пометки" in second
    assert second.endswith("не отправляется")


def test_claim_limits_and_deadline_words_read_in_russian(russian) -> None:
    # the claim step's right column was built from English f-strings lupdate never saw
    from evidence_kit.claim.deadlines import Deadline
    from evidence_kit.gui.claim.status import _left, limits_html

    limits = limits_html("aliexpress")
    assert "Фото: до " in limits and "Поле для текста:" in limits and "Photos" not in limits
    deadline = Deadline("x", "x", "2026-12-20", 5, "default", "default", "open", "", "")
    assert _left(deadline) == "осталось: 5 дней"


def test_reasons_and_remedies_say_their_meaning_beside_the_platform_wording(
    russian, qtbot, tmp_path: Path
) -> None:
    # the combos showed only the platform's English form labels ("Item damaged") in Russian
    from evidence_kit.claim.draft import draft_claim
    from evidence_kit.core.store import new_case
    from evidence_kit.gui.base.case_controller import CaseController
    from evidence_kit.gui.claim.flow import ClaimFlow

    store = new_case(tmp_path / "case", platform="aliexpress", order_id="81")
    flow = ClaimFlow(CaseController(store))
    qtbot.addWidget(flow)
    flow.show_case(store.case, draft_claim(store.case))
    reasons = [flow.reason.itemText(i) for i in range(flow.reason.count())]
    assert "Товар пришёл повреждённым — Item damaged" in reasons
    remedies = [flow.remedy.itemText(i) for i in range(flow.remedy.count())]
    assert any(r.startswith("Частичный возврат средств — ") for r in remedies), remedies


def test_no_translate_wrapper_hides_literals_from_lupdate() -> None:
    # `def _tr(text): return translate("X", text)` made lupdate miss every string passed to it:
    # the source links, folder messages and shortcut names stayed English in a Russian window
    wrapper = re.compile(r"def _t\w*\(text[^)]*\)[^:]*:\s*return QCoreApplication\.translate")
    for path in (ROOT / "evidence_kit").rglob("*.py"):
        assert not wrapper.search(path.read_text(encoding="utf-8")), path


def test_source_links_read_in_russian(russian) -> None:
    from evidence_kit.gui.base.sources import source_link, source_text

    assert ">источник</a>" in source_link(("A3", "M"))
    assert source_link(("A3", "default")).endswith("не точно: сверьте со страницей заказа</span>")
    assert "средняя достоверность" in source_text("A3", "M")
