"""Messages of the Qt-free layers in the shopper's language, from gettext catalogs.

The catalogs live in resources/i18n/locale/<lang>/LC_MESSAGES/evidence_kit.{po,mo}; Babel
extracts them from the `_()`, `ngettext()`, `N_()` calls and the rules' JSON files, and
compiles them (scripts/update_translations.py). A message's id is its English text, so the
English and the Russian come from one place: the source says the English, the catalog pairs
it with the Russian, and a test fails when the two drift apart.

One language holds for the process (the CLI's English, or the window's language), set with
`set_language`. `using(lang)` overrides it for a block on this thread only: the claim and
the messages to the seller are drafted `using("en")` whatever the window shows, and the
shopper's explanation of them `using("ru")`, from the same code.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import lru_cache

DOMAIN = "evidence_kit"
LANGUAGES = ("en", "ru")
#: the language names as the language itself writes them (a language menu shows these)
NATIVE_NAMES = {"en": "English", "ru": "Русский"}

_default = "en"
_override: ContextVar[str | None] = ContextVar("evidence_kit_language", default=None)


def normalize(language: str) -> str:
    """'ru_RU.UTF-8', 'ru-RU', 'RU' -> 'ru'; a language without a catalog -> 'en'."""
    code = re.split(r"[_.@-]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if code in LANGUAGES else "en"


def set_language(language: str) -> str:
    """Make `language` the process's language; returns the one in force ('en' when there
    is no catalog for it)."""
    global _default
    _default = normalize(language)
    return _default


def language() -> str:
    """The language messages are given in now."""
    return _override.get() or _default


@contextmanager
def using(language_code: str) -> Iterator[str]:
    """Give messages in `language_code` inside the block (this thread and its context only)."""
    token = _override.set(normalize(language_code))
    try:
        yield normalize(language_code)
    finally:
        _override.reset(token)


@lru_cache(maxsize=len(LANGUAGES))
def _catalog(language_code: str) -> gettext.NullTranslations:
    if language_code == "en":
        return gettext.NullTranslations()  # the ids are the English
    from evidence_kit.core.resources import resource_root

    localedir = resource_root() / "i18n" / "locale"
    return gettext.translation(DOMAIN, localedir, [language_code], fallback=True)


def reload_catalogs() -> None:
    """Read the catalogs again (after scripts/update_translations.py compiled them)."""
    _catalog.cache_clear()


def _(message: str) -> str:
    """A literal message in the current language."""
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for `n` (Russian has three: 1 файл, 2 файла, 5 файлов)."""
    return _catalog(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A literal message whose English is ambiguous, told apart by `context`."""
    return _catalog(language()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, do not translate"
    """Mark a literal for the catalog where it is defined (a table of constants); it is
    translated where it is shown, with `translated()`."""
    return message


def translated(message: str) -> str:
    """A message marked with `N_()` or taken from the rules' JSON files, in the current
    language ('' stays '')."""
    return _catalog(language()).gettext(message) if message else message


# --- dates and numbers as the language writes them --------------------------------------------


def format_date(value: str | date | None) -> str:
    """A date for the shopper to read: ISO 8601 in English (unambiguous in every English-
    speaking country), 20.11.2026 in Russian. Text that is not a date is returned as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
        rest = value[10:]
    else:
        day, rest = value, ""
    if language() == "ru":
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}{rest}"
    return day.isoformat() + rest


def format_number(value: float, digits: int = 0) -> str:
    """1 499,9 in Russian, 1,499.9 in English (Babel's CLDR data)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return str(format_decimal(value, format=pattern, locale=language()))


def format_amount(value: float, currency: str) -> str:
    """An amount (already rounded to the currency's unit) as Russian writes money: '1 499,90 ₽',
    '7,50 $', '1 500 ¥' (CLDR via Babel, with no-break spaces so a label never wraps inside
    it). English keeps the claim's own '1499.90 RUB' (claim.refund.format_money)."""
    from babel.numbers import format_currency, format_decimal

    if not currency:
        return str(format_decimal(value, format="#,##0.00", locale=language()))
    return str(format_currency(value, currency.upper(), locale=language()))
