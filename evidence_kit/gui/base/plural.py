"""Plurals in the window: strings say "%n day(s)" for Qt Linguist, whose catalogs give each
language its forms; without a catalog (English) the "(s)" is resolved here."""

from __future__ import annotations


def english_plural(text: str, n: int) -> str:
    """`tr("%n day(s)", "", n)` as English shows it when no catalog replaced it."""
    return text.replace("(s)", "" if abs(n) == 1 else "s")
