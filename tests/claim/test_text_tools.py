"""Transliteration to ASCII and the tone/privacy filter for the shopper's own words."""

from __future__ import annotations

import pytest

from evidence_kit.claim.tone import clean, find_problems
from evidence_kit.claim.transliterate import to_ascii


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


def test_clean_removes_insults_threats_and_personal_details() -> None:
    raw = ("THIS DOES NOT WORK!!! The seller is a SCAMMER. The LED stays off. "
           "Call me on +7 912 345-67-89 or mail me@example.com. I will sue you.")  # fmt: skip
    out = clean(raw)
    assert (
        out.text
        == "This does not work. The LED stays off. Call me on [phone removed] or mail [e-mail removed]."
    )
    assert "The seller is a SCAMMER." in out.removed and "I will sue you." in out.removed
    assert set(find_problems(raw)) == {"insult", "threat", "shouting", "personal details"}


def test_clean_drops_an_address_line_but_keeps_other_lines() -> None:
    out = clean("The mug is cracked. My address: ul. Lenina 5, apt 3.\nThe box was wet.")
    assert out.text == "The mug is cracked. The box was wet."
    assert "Lenina" not in out.text


def test_clean_keeps_codes_sizes_and_ids() -> None:
    text = "Order 8123456789012345, tracking LP00123456789CN, size XXL, USB-C port, 350 ml"
    assert clean(text).text == text
    assert find_problems(text) == []


def test_clean_catches_russian_insults_and_threats_but_not_lookalikes() -> None:
    out = clean(
        "Ручка треснула!!! Продавец мошенник. Подам в суд. Воротник мятый. Судя по фото, цвет другой."
    )
    assert out.text == "Ручка треснула. Воротник мятый. Судя по фото, цвет другой."
    assert out.removed == ["Продавец мошенник.", "Подам в суд."]
