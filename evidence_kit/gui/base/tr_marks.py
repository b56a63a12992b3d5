"""Marks a string for Qt Linguist without translating it yet (a label kept in a table, an undo
step's name): lupdate finds QT_TRANSLATE_NOOP by name, and the code translates the value later
with the same context. PySide6's own returns `object` to the type checker; this one says str."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """`text`, unchanged: lupdate extracts it into `context`."""
    return text
