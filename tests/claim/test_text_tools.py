"""Transliteration to ASCII (and names by their own standard), language detection."""

from __future__ import annotations

import pytest

from evidence_kit.claim.language import case_regions, language_of
from evidence_kit.claim.transliterate import is_ukrainian, name_to_ascii, to_ascii


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Кожаная", "Kozhanaya"),
        ("Щука и ёж", "Shchuka i yozh"),
        ("ЖУК", "ZHUK"),
        ("Їжак", "Yizhak"),
        ("Müller Straße, café", "Muller Strasse, cafe"),
        ("Łódź", "Lodz"),
        ("Θεσσαλονίκη", "Thessaloniki"),
        ("“Quote” – 5 €…", '"Quote" - 5 EUR...'),
    ],
)
def test_to_ascii(text: str, want: str) -> None:
    out, dropped = to_ascii(text)
    assert out == want and out.isascii() and not dropped


def test_to_ascii_reports_what_it_cannot_spell() -> None:
    out, dropped = to_ascii("mug 杯子 ok")
    assert out == "mug  ok" and dropped == ["杯", "子"]


@pytest.mark.parametrize(
    ("name", "want"),
    [
        # examples of Ukraine's national standard (KMU resolution 55, 2010)
        ("Григорій", "Hryhorii"),
        ("Юлія", "Yuliia"),
        ("Мар'яна", "Mariana"),
        ("Згурський", "Zghurskyi"),
        ("Олена Ковальчук", "Olena Kovalchuk"),
        ("Ярослав Їжаков", "Yaroslav Yizhakov"),
        # Russian names keep the Russian table
        ("Сергей Иванов", "Sergey Ivanov"),
        ("Анна", "Anna"),
    ],
)
def test_names_follow_their_own_standard(name: str, want: str) -> None:
    assert name_to_ascii(name) == want


def test_ukrainian_is_recognised_by_its_letters_and_signs() -> None:
    assert is_ukrainian("Юлія") and is_ukrainian("Мар'яна") and is_ukrainian("Згурський")
    assert not is_ukrainian("Сергей") and not is_ukrainian("John")
    assert name_to_ascii("Олег", ukrainian=True) == "Oleh"


def test_language_of_free_text() -> None:
    assert language_of("The handle is cracked.") == "en"
    assert language_of("Ручка треснула, коробка мокрая.") == "ru"
    assert language_of("Ручка тріснула, коробка мокра.") == "uk"
    assert language_of("The Кожаная bag is torn at the strap and the zip does not close.") == "en"
    assert language_of("把手坏了") == "other"
    assert language_of("") == "en"


def test_regions_for_phone_numbers() -> None:
    regions = case_regions("", "RUB", "shopee", ["hello"], with_locale=False)
    assert regions[:2] == ["RU", "PH"]
    assert "UA" in case_regions("", "USD", "ebay", ["Тріснула"], with_locale=False)
