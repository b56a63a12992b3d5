"""Which language the shopper's free text is in, and which countries the case points at.

The claim goes out in English. Free text in another language is translated (opt-in), never
spelled out in Latin letters: "Tovar ne rabotaet" helps no mediator. The countries decide
how phone numbers are read and which delivery guarantee AliExpress gives (60 days, 90 for
Russia, 120 for Brazil).
"""

from __future__ import annotations

import locale
import os
import re
from functools import lru_cache

from evidence_kit.claim.transliterate import is_ukrainian
from evidence_kit.core.i18n import N_

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
#: marked for the catalog, translated where shown (i18n.translated)
LANGUAGE_NAMES = {"ru": N_("Russian"), "uk": N_("Ukrainian"), "other": N_("a language other than English")}  # fmt: skip
_MIN_SHARE = 0.2  # a Russian word in an English sentence is a name, not Russian text

CURRENCY_REGION = {
    "RUB": "RU", "UAH": "UA", "BYN": "BY", "KZT": "KZ", "USD": "US", "GBP": "GB", "CAD": "CA",
    "AUD": "AU", "NZD": "NZ", "PHP": "PH", "SGD": "SG", "MYR": "MY", "THB": "TH", "VND": "VN",
    "IDR": "ID", "INR": "IN", "JPY": "JP", "CNY": "CN", "KRW": "KR", "PLN": "PL", "BRL": "BR",
    "TRY": "TR", "ILS": "IL", "CHF": "CH", "CZK": "CZ", "SEK": "SE", "NOK": "NO", "DKK": "DK",
    "HUF": "HU", "RON": "RO", "MXN": "MX", "AMD": "AM", "GEL": "GE", "AZN": "AZ", "UZS": "UZ",
    "MDL": "MD", "KGS": "KG",
}  # fmt: skip
# the help pages the rules come from are for these countries
PLATFORM_REGIONS = {"shopee": ("PH", "SG", "MY"), "lazada": ("PH", "SG", "MY")}


@lru_cache(maxsize=32)
def language_of(text: str) -> str:
    """'en' for English (or no letters), 'ru', 'uk', or 'other'."""
    letters = len(text) - len(_LETTER.sub("", text))
    if not letters:
        return "en"
    cyrillic = len(text) - len(_CYRILLIC.sub("", text))
    latin = len(text) - len(_LATIN.sub("", text))
    if cyrillic >= _MIN_SHARE * letters:
        return "uk" if is_ukrainian(text) else "ru"
    if letters - latin - cyrillic >= _MIN_SHARE * letters:
        return "other"
    return "en"


def locale_region() -> str:
    """The country of the user's locale (ru_RU.UTF-8 -> RU), or ''."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            break
    else:
        value = locale.getlocale()[0] or ""
    match = re.match(r"[a-z]{2,3}[_-]([A-Z]{2})", value)
    return match.group(1) if match else ""


def case_regions(
    country: str, currency: str, platform: str, texts: list[str], with_locale: bool = True
) -> list[str]:
    """Countries to read phone numbers for, most likely first."""
    out = [country.upper()] if country else []
    if currency.upper() in CURRENCY_REGION:
        out.append(CURRENCY_REGION[currency.upper()])
    if with_locale and locale_region():
        out.append(locale_region())
    out += PLATFORM_REGIONS.get(platform, ())
    languages = {language_of(t) for t in texts if t}
    if "ru" in languages:
        out.append("RU")  # Kazakhstan shares +7 and its numbering plan
    if "uk" in languages:
        out.append("UA")
    return list(dict.fromkeys(r for r in out if r))


def home_region(country: str, currency: str) -> str:
    """Where the parcel goes, as far as the case says: the country, else the currency's."""
    return country.upper() or CURRENCY_REGION.get(currency.upper(), "")
