"""The UI language: the app's Qt catalog and Qt's own (standard buttons and dialogs), QLocale
for the numbers, dates and money the window shows, and the Qt-free catalogs set to match.

"system" follows the system's locale: LANG=ru_RU.UTF-8 (or a Russian Windows or macOS) opens
the app in Russian; any other language gets English.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from evidence_kit.claim.refund import format_money, minor_digits
from evidence_kit.core import i18n
from evidence_kit.core.resources import resource_root

logger = logging.getLogger(__name__)

#: the choices Settings offers, each in its own language
CHOICES = ("system", "en", "ru")
LANGUAGES = ("en", "ru")
_installed: list[QTranslator] = []


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means: "en" or "ru"."""
    if choice in LANGUAGES:
        return choice
    system = system or QLocale.system()
    return "ru" if system.language() == QLocale.Language.Russian else "en"


def choice_label(choice: str) -> str:
    """How the settings list names a choice ("System" translated, the languages in their own)."""
    if choice == "ru":
        return "Русский"
    if choice == "en":
        return "English"
    return QCoreApplication.translate("SettingsDialog", "System ({0})").format(
        choice_label(resolve("system"))
    )


def apply(choice: str) -> str:
    """Install the translators and the locale for a choice; returns the language used."""
    app = QCoreApplication.instance()
    lang = resolve(choice)
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    catalogs = [(f"evidence_kit_{lang}", [resource_root() / "i18n"])]
    if lang != "en":
        catalogs.append((f"qtbase_{lang}", _qt_translations()))
    for name, folders in catalogs:
        translator = QTranslator(app)
        if any(translator.load(name, str(folder)) for folder in folders):
            if app is not None:
                app.installTranslator(translator)
            _installed.append(translator)
        else:
            logger.warning("No translation %s in %s", name, ", ".join(map(str, folders)))
    QLocale.setDefault(_locale(lang))
    i18n.set_language(lang)  # messages of the Qt-free layers follow the UI language
    return lang


def _qt_translations() -> list[Path]:
    """Where Qt's own catalogs are: Qt's answer, then PySide6's folders (a frozen build keeps
    them under PySide6/Qt/translations, packaging/freeze_rules.py keeps en and ru)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    found = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [found, package / "Qt" / "translations", package / "translations"]


def _locale(lang: str) -> QLocale:
    if lang == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    system = QLocale.system()  # English dates as the system writes them (en_GB, en_US...)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


# --- showing values in the UI language (the claim keeps ISO dates and a dot decimal) ----------


def show_date(value: str | date | None) -> str:
    """A date as the UI language writes it: 20.11.2026 in Russian, 11/20/2026 in US English.
    Text that is not an ISO date is shown as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        qdate = QDate(value.year, value.month, value.day)
    else:
        qdate = QDate.fromString(value[:10], "yyyy-MM-dd")
        if not qdate.isValid():
            return value
    locale = QLocale()
    if _plain(locale):
        return qdate.toString("yyyy-MM-dd")
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in short:
        short = short.replace("yy", "yyyy")  # 11/20/2026, never a two-digit year
    return locale.toString(qdate, short)


def _plain(locale: QLocale) -> bool:
    """The C locale (no language set: tests, a bare environment): ISO dates, '7.50 USD'."""
    return locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage)


def show_datetime(value: str) -> str:
    """An ISO date and time as '20.11.2026 14:03' (the date in the UI language's way)."""
    day = show_date(value[:10])
    clock = value[11:16] if len(value) >= 16 and value[10] in "T " else ""
    return f"{day} {clock}".strip()


def show_number(value: float, decimals: int = 0) -> str:
    """A number with the UI language's separators: 1 499,90 in Russian, 1,499.90 in English."""
    return QLocale().toString(float(value), "f", decimals)


def show_amount(value: float | None, currency: str) -> str:
    """Money as the UI language writes it: "1 499,90 ₽", "$1,499.90" ('' without an amount)."""
    if value is None:
        return ""
    code = (currency or "").upper()
    if _plain(QLocale()):
        return format_money(value, code)
    symbol = _SYMBOLS.get(code, code)
    return QLocale().toCurrencyString(float(value), symbol, minor_digits(code))


def show_size(n: int | None) -> str:
    """'1,9 МБ' / '1.9 MB', '52 КБ' (decimal units, as upload forms count); '-' for none."""
    if not n:
        return "-"
    if n >= 1_000_000:
        return QCoreApplication.translate("Sizes", "{0} MB").format(show_number(n / 1e6, 1))
    return QCoreApplication.translate("Sizes", "{0} KB").format(max(1, round(n / 1000)))


_SYMBOLS = {"RUB": "₽", "USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥",
            "KZT": "₸", "UAH": "₴", "BYN": "Br", "TRY": "₺", "INR": "₹", "KRW": "₩"}  # fmt: skip
