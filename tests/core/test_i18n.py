"""The shopper's language for the Qt-free layers: codes, the per-block override, and dates,
numbers and money as each language writes them."""

from __future__ import annotations

import threading
from datetime import date

from evidence_kit.core import i18n


def test_language_codes() -> None:
    assert i18n.normalize("ru_RU.UTF-8") == "ru"
    assert i18n.normalize("ru-RU") == "ru"
    assert i18n.normalize("de_DE") == "en"  # no catalog: English
    assert i18n.normalize("") == "en"


def test_set_language_holds_for_the_process_and_using_for_a_block() -> None:
    try:
        assert i18n.set_language("ru_RU") == "ru"
        assert i18n.language() == "ru"
        with i18n.using("en"):
            assert i18n.language() == "en"
            seen: list[str] = []
            worker = threading.Thread(target=lambda: seen.append(i18n.language()))
            worker.start()
            worker.join()
            assert seen == ["ru"]  # a block's override stays on its own thread
        assert i18n.language() == "ru"
    finally:
        i18n.set_language("en")


def test_dates_numbers_and_money() -> None:
    with i18n.using("ru"):
        assert i18n.format_date("2026-11-20") == "20.11.2026"
        assert i18n.format_date(date(2026, 1, 2)) == "02.01.2026"
        assert i18n.format_date("not a date") == "not a date"
        assert i18n.format_amount(1499.9, "RUB") == "1\xa0499,90\xa0₽"
        assert i18n.format_number(1499.9, 1) == "1\xa0499,9"
    with i18n.using("en"):
        assert i18n.format_date("2026-11-20") == "2026-11-20"
        assert i18n.format_number(1499.9, 1) == "1,499.9"
