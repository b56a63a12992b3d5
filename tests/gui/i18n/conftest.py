"""These tests switch the UI language: each one leaves the locale and the Qt-free layers'
language as it found them, so the tests after them read dates as they would alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from evidence_kit.core import i18n


@pytest.fixture(autouse=True)
def _locale_restored() -> Iterator[None]:
    locale, lang = QLocale(), i18n.language()
    yield
    QLocale.setDefault(locale)
    i18n.set_language(lang)
