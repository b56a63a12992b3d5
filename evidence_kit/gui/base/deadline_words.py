"""Deadlines in the shopper's words: which date to enter before a deadline has one, and day
counts with the plural their language needs. Shared by the step rail and the claim step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from evidence_kit.gui.base.plural import english_plural


def needs_words(anchor: str) -> str:
    """The date (or fact) to enter, in words, for a deadlines.Headline's `needs`."""
    words = {
        "platform": QCoreApplication.translate("Deadlines", "the platform and the delivery date"),
        "delivered": QCoreApplication.translate("Deadlines", "the delivery date"),
        "ordered": QCoreApplication.translate("Deadlines", "the order date"),
        "expected": QCoreApplication.translate("Deadlines", "the latest expected delivery date"),
    }
    return words.get(anchor, anchor)


class Deadlines(QObject):
    """The translation context of the day counts: lupdate extracts a plural only from a tr()
    inside a class (a QCoreApplication.translate() with a count is not seen as one)."""

    def days(self, count: int) -> str:
        return english_plural(self.tr("%n day(s)", "", count), count)


def days_words(n: int) -> str:
    """'1 day', '5 days' (of a count that may be negative: its size)."""
    return Deadlines().days(abs(n))
