"""Personal details in the shopper's own words: phone numbers, e-mail and street addresses.

Phone numbers are recognised by Google's libphonenumber (the `phonenumbers` package) for the
regions the case points at, so dates, sizes ("30 20 10 cm") and order numbers are not phones
while "89123456789" is. Every scan here is linear in the length of the text: candidates are
found by patterns that cannot backtrack, and only short windows around them are parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers
from phonenumbers import Leniency

from evidence_kit.claim.findings import Finding, overlaps
from evidence_kit.claim.tone import sentences

# a run of digits and the separators phone numbers are written with (no letters, no newline)
_PHONE_RUN = re.compile(r"[+(]?\d[\d \t\u00a0().\-/]*")
_MIN_DIGITS, _MAX_DIGITS = 7, 15
_WINDOW = 48  # characters given to the parser at a time; a phone number is at most ~25
_CONTEXT = 2  # characters of context, so "LP00123456789CN" is seen as a code, not a phone
_LOCAL_CHARS = re.compile(r"[\w.+\-]")
_DOMAIN = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,24}")
_LOCAL_MAX, _DOMAIN_MAX = 64, 255
# "address: ...", "ул. Ленина 5", "apt 3", "123 Main Street": where an address starts; it runs
# to the end of its line. Plain words ("the wrong address") are not addresses.
_ADDRESS_START = re.compile(
    r"\b(?:my\s+)?(?:address|adress|zip code|postcode|post code)\s*(?:[:#]|is\b)"
    r"|\b(?:мой\s+)?(?:адрес|индекс)\s*[:#\u2014-]"
    r"|\b(?:ул\.|улица|проспект|пр-т|пер\.|переулок)\s*[А-ЯЁA-Z]"
    r"|\b(?:apartment|apt\.?|flat|квартира|кв\.?)\s*(?:no\.?\s*|№\s*)?\d",
    re.I,
)
# house number, one to three capitalised words, a street type: case matters here
_STREET = re.compile(
    r"\b\d{1,5}[a-z]?\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|"
    r"Boulevard|Blvd\.)(?=\W|$)"
)
# "Call me on ...", "Звоните ...": a sentence that only hands out a contact goes as a whole
_CONTACT_CUE = re.compile(
    r"\b(?:call|phone|tel|mobile|whatsapp|telegram|viber|contact|e-?mail|mail|write|text)\b"
    r"|звон|телефон|номер|пишите|почт|ватсап|телеграм",
    re.I,
)
_ADDRESS_SPAN = 160  # an address runs to the end of its line, never further than this

PHONE_WHY = "A phone number does not belong in the claim; the platform already has your contact."
EMAIL_WHY = "An e-mail address does not belong in the claim; the platform already has it."
ADDRESS_WHY = "Your address does not belong in the claim text; the platform already has it."


def _phone_windows(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) windows that may hold a phone number, in order, each <= _WINDOW + context."""
    for run in _PHONE_RUN.finditer(text):
        start, end = run.start(), run.end()
        body = run.group(0).rstrip(" \t\u00a0().-/")
        end = start + len(body)
        if sum(ch.isdigit() for ch in body) < _MIN_DIGITS:
            continue
        step = _WINDOW // 2
        at = start
        while True:
            yield max(at - _CONTEXT, 0), min(at + _WINDOW, end) + _CONTEXT
            if at + _WINDOW >= end:
                break
            at += step


def phones(
    text: str, regions: Iterable[str], field: str, protected: list[tuple[int, int]]
) -> list[Finding]:
    """Phone numbers valid in one of `regions` (or written with a leading '+')."""
    regions = list(dict.fromkeys(regions)) or ["ZZ"]
    out: list[Finding] = []
    for lo, hi in _phone_windows(text):
        window = text[lo:hi]
        # a number valid for one of the regions; with a leading '+', any possible number
        lenient = (Leniency.VALID, Leniency.POSSIBLE) if "+" in window else (Leniency.VALID,)
        for region in regions:
            for leniency in lenient:
                for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=leniency):
                    raw = match.raw_string
                    if leniency == Leniency.POSSIBLE and not raw.startswith("+"):
                        continue  # without '+', only a number valid for the region counts
                    digits = sum(ch.isdigit() for ch in raw)
                    start, end = lo + match.start, lo + match.end
                    if not _MIN_DIGITS <= digits <= _MAX_DIGITS:
                        continue
                    if overlaps(out, start, end) or _inside(protected, start, end):
                        continue
                    out.append(Finding(field, "phone", start, end, raw, "", PHONE_WHY))
    return sorted(out, key=lambda f: f.start)


def emails(text: str, field: str) -> list[Finding]:
    """E-mail addresses: found from each '@' outwards, with bounded lengths (never quadratic)."""
    out: list[Finding] = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and at - start < _LOCAL_MAX and _LOCAL_CHARS.match(text[start - 1]):
            start -= 1
        domain = _DOMAIN.match(text, at + 1, min(at + 1 + _DOMAIN_MAX, len(text)))
        if start < at and domain and not overlaps(out, start, domain.end()):
            local = text[start:at].lstrip(".")
            start = at - len(local)
            out.append(
                Finding(
                    field, "email", start, domain.end(), text[start : domain.end()], "", EMAIL_WHY
                )
            )
        at = text.find("@", at + 1)
    return out


def addresses(text: str, field: str) -> list[Finding]:
    """A street address: from its keyword to the end of the line (at most _ADDRESS_SPAN)."""
    out: list[Finding] = []
    starts = [m.start() for p in (_ADDRESS_START, _STREET) for m in p.finditer(text)]
    for start in sorted(starts):
        line_end = text.find("\n", start)
        end = min(len(text) if line_end == -1 else line_end, start + _ADDRESS_SPAN)
        end = start + len(text[start:end].rstrip())
        if not overlaps(out, start, end):
            out.append(Finding(field, "address", start, end, text[start:end], "", ADDRESS_WHY))
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def protected_spans(text: str, values: Iterable[str]) -> list[tuple[int, int]]:
    """Where the case's own facts (order id, tracking number) occur: never personal details."""
    spans: list[tuple[int, int]] = []
    for value in values:
        value = value.strip()
        if len(value) < 4:
            continue
        at = text.find(value)
        while at != -1:
            spans.append((at, at + len(value)))
            at = text.find(value, at + len(value))
    return spans


def _whole_sentences(text: str, found: list[Finding]) -> list[Finding]:
    """A contact detail in a sentence that is there only to give it: suggest leaving out the
    sentence ("Call me on ." helps no one); elsewhere only the detail itself."""
    if not found:
        return found
    spans = list(sentences(text))
    out: list[Finding] = []
    for f in found:
        start, end = next(((s, e) for s, e in spans if s <= f.start < e), (f.start, f.end))
        sentence = text[start:end]
        whole = f.kind != "address" and end >= f.end and _CONTACT_CUE.search(sentence)
        if whole and not overlaps(out, start, end):
            f = Finding(f.field, f.kind, start, end, sentence, "", f.why)
        out.append(f)
    return out


def scan(
    text: str, field: str, regions: Iterable[str], protected: Iterable[str] = ()
) -> list[Finding]:
    """Every personal detail in `text`, in order of position."""
    keep = protected_spans(text, protected)
    found = emails(text, field)
    found += [f for f in phones(text, regions, field, keep) if not overlaps(found, f.start, f.end)]
    found += [f for f in addresses(text, field) if not overlaps(found, f.start, f.end)]
    return _whole_sentences(text, sorted(found, key=lambda f: f.start))
