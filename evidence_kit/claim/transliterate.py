"""ASCII text for forms that accept English characters only (Кожаная -> Kozhanaya).

Cyrillic and Greek follow BGN/PCGN-style tables; Latin accents are stripped; typographic
punctuation becomes its plain form. What cannot be spelled in ASCII is dropped and reported.
Ukrainian names follow Ukraine's national standard (Cabinet of Ministers resolution 55 of
2010, the passport spelling): Григорій -> Hryhorii, Юлія -> Yuliia, Згурський -> Zghurskyi.
This is for names and titles; free text in another language is translated, not spelled out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "џ": "dz", "ђ": "dj",
}  # fmt: skip
# KMU 2010: the first table is for the start of a word, the second for anywhere else
_UKRAINIAN = {
    "г": "h", "ґ": "g", "е": "e", "и": "y", "і": "i", "х": "kh", "щ": "shch", "ь": "", "'": "",
    "\u2019": "", "\u02bc": "",
}  # fmt: skip
_UKRAINIAN_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKRAINIAN_INSIDE = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_UKRAINIAN_SIGNS = re.compile(r"[а-я]['\u2019\u02bc][а-я]|ськ", re.I)
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}  # fmt: skip
_LATIN = {
    "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ħ": "h",
}  # fmt: skip
_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"',
    "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u00d7": "x", "\u00b0": " deg", "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY",
    "\u20bd": "RUB", "\u20b4": "UAH", "\u20b9": "INR", "\u00b5": "u", "\u2022": "-",
    "\u00b7": "-", "\u2116": "No.", "\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4",
    "\u2032": "'", "\u2033": '"', "\u00ad": "", "\u200b": "", "\ufeff": "",
}  # fmt: skip


def _letter(ch: str) -> str | None:
    low = ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    for key in (low, base):
        for table in (_CYRILLIC, _GREEK, _LATIN):
            if key in table:
                return table[key]
    return None


def is_ukrainian(text: str) -> bool:
    """True when `text` looks Ukrainian: і ї є ґ, an apostrophe inside a word (Мар'яна) or the
    surname ending -ськ- (Russian writes -ск-)."""
    return any(ch in UKRAINIAN_LETTERS for ch in text) or bool(_UKRAINIAN_SIGNS.search(text))


def _ukrainian_name(text: str) -> str:
    """Cyrillic spelled by the Ukrainian national standard; other characters left as they are."""
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1].lower() if i else ""
        start = not prev.isalpha() and prev not in ("'", "\u2019", "\u02bc")
        if low == "г" and prev == "з":
            mapped = "gh"  # зг -> zgh, so it is not read as zh
        elif low in _UKRAINIAN_START:
            mapped = (_UKRAINIAN_START if start else _UKRAINIAN_INSIDE)[low]
        elif low in _UKRAINIAN:
            mapped = _UKRAINIAN[low]
        elif low in _CYRILLIC:
            mapped = _CYRILLIC[low]
        else:
            out.append(ch)
            continue
        out.append(_case_like(text, i, mapped) if ch.isupper() else mapped)
    return "".join(out)


def name_to_ascii(name: str, ukrainian: bool = False) -> str:
    """A person's name in ASCII: Ukrainian names by the national standard, others as to_ascii."""
    if ukrainian or is_ukrainian(name):
        name = _ukrainian_name(unicodedata.normalize("NFC", name))
    return to_ascii(name)[0]


def _case_like(text: str, i: int, mapped: str) -> str:
    """ "ЖУК" -> "ZHUK" but "Жук" -> "Zhuk": an upper-case letter follows its neighbours' case."""
    if not mapped:
        return mapped
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    shout = (nxt.isupper() and nxt.isalpha()) or (
        not nxt.isalpha() and prev.isupper() and prev.isalpha()
    )
    return mapped.upper() if shout else mapped.capitalize()


@lru_cache(maxsize=4096)
def _spell(ch: str) -> str | None:
    """One non-ASCII character in ASCII, lower-case for letters; None if it has no spelling."""
    if ch in _PUNCT:
        return _PUNCT[ch]
    mapped = _letter(ch)
    if mapped is not None:
        return mapped
    stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if stripped and stripped.isascii():
        return stripped
    if unicodedata.category(ch).startswith("Z"):
        return " "
    return None


def to_ascii(text: str) -> tuple[str, list[str]]:
    """Spell `text` in ASCII. Returns (text, characters that had to be dropped)."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text, []
    dropped: list[str] = []

    def one(match: re.Match[str]) -> str:
        ch = match.group(0)
        mapped = _spell(ch)
        if mapped is None:
            dropped.append(ch)
            return ""
        if ch.isupper():
            return _case_like(text, match.start(), mapped)
        return mapped

    # ASCII stretches are copied as they are; only the other characters cost a call
    return _NON_ASCII.sub(one, text), dropped


def ascii_text(text: str) -> str:
    """`to_ascii` without the report."""
    return to_ascii(text)[0]
