"""Guards against a Qt binding that corrupts Python's refcounts (PySide6 6.12.0 on 3.11)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    gc.collect()
    # a broken binding loses exactly one reference per call (and aborts the app later)
    assert sys.getrefcount(None) - before > -100
