"""Personal details in the shopper's own words: phone numbers, e-mail and street addresses.

Phone numbers are recognised by Google's libphonenumber (the `phonenumbers` package) for the
regions the case points at, so dates, sizes ("30 20 10 cm") and order numbers are not phones
while "89123456789" is. Every scan here is linear in the length of the text: candidates are
found by patterns that cannot backtrack, and only short windows around them are parsed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata

from evidence_kit.claim.findings import Finding, lower_same_length, trigger, word_starts
from evidence_kit.claim.tone import sentences

# a run of digits and the separators phone numbers are written with (no letters, no newline)
_PHONE_RUN = re.compile(r"[+(]?\d[\d \t\u00a0().\-/]*")
_SEPARATORS = " \t\u00a0().-/"
_GROUP = re.compile(r"[+(]?\d[\d().\-/]*")  # one space-separated group of a run
_MIN_DIGITS, _MAX_DIGITS, _MAX_GROUPS = 7, 15, 6
# dates and times are never phone numbers: 2026-11-22, 24.11.2026, 24/11/26, "... 12:30"
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_WINDOW = 32  # characters of one candidate; "+7 (912) 345-67-89" has 18
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
_ADDRESS_SPAN = 160
# a first look for the patterns above; the street pattern's number comes up to 60 characters
# before its street word
_ADDRESS_WORDS = trigger(
    "address adress zip postcode post адрес индекс ул улица проспект пр-т пер переулок apartment "
    "apt flat квартира кв street st. road rd. avenue ave. lane drive boulevard blvd."
)
_LOOK_BACK = 64  # an address runs to the end of its line, never further than this

PHONE_WHY = "A phone number does not belong in the claim; the platform already has your contact."
EMAIL_WHY = "An e-mail address does not belong in the claim; the platform already has it."
ADDRESS_WHY = "Your address does not belong in the claim text; the platform already has it."


@lru_cache(maxsize=64)
def _digit_counts(region: str) -> frozenset[int]:
    """How many digits a number of `region` can be written with (national, with the trunk
    prefix, or with the country code but no '+'): a cheap test before the real parser."""
    meta = PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return frozenset()
    nsn = set(meta.general_desc.possible_length or ()) if meta.general_desc else set()
    extra = {0, len(meta.national_prefix or ""), len(str(meta.country_code))}
    return frozenset(n + e for n in nsn for e in extra)


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))


def _candidates(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each stretch that may be one phone number, in order. A long run of
    numbers ("8123 4567 8901 2345", a list of sizes) is tried a few groups at a time."""
    for run in _PHONE_RUN.finditer(text):
        body = run.group(0).rstrip(_SEPARATORS)
        start, end = run.start(), run.start() + len(body)
        count = _digits(body)
        if count < _MIN_DIGITS:
            continue
        if count <= _MAX_DIGITS and len(body) <= _WINDOW:
            yield start, end
            continue
        groups = [
            (start + m.start(), start + m.end(), _digits(m.group(0))) for m in _GROUP.finditer(body)
        ]
        for i, (first, _, _) in enumerate(groups):
            total = 0
            for _, last, digits in groups[i : i + _MAX_GROUPS]:
                total += digits
                if total > _MAX_DIGITS or last - first > _WINDOW:
                    break
                if total >= _MIN_DIGITS:
                    yield first, last


def _is_phone(candidate: str, region: str | None) -> bool:
    """One parse: valid for `region`, or (written with '+', region None) a possible number."""
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return False
    if region is None:
        return phonenumbers.is_valid_number(number) or phonenumbers.is_possible_number(number)
    return phonenumbers.is_valid_number_for_region(number, region)


def phones(
    text: str, regions: Iterable[str], field: str, protected: list[tuple[int, int]]
) -> list[Finding]:
    """Phone numbers valid in one of `regions`, or written with a leading '+'."""
    regions = list(dict.fromkeys(regions))
    out: list[Finding] = []
    for start, end in _candidates(text):
        if (start and text[start - 1].isalnum()) or text[end : end + 1].isalnum():
            continue  # part of a code: "LP00123456789CN", "1Z999AA10123456784"
        if out and start < out[-1].end or _inside(protected, start, end):
            continue
        candidate = text[start:end]
        if _DATE.search(candidate) or text[end : end + 1] == ":":
            continue
        if candidate.startswith("+"):
            found = _is_phone(candidate, None)
        else:
            count = _digits(candidate)
            found = any(_is_phone(candidate, r) for r in regions if count in _digit_counts(r))
        if found:
            out.append(Finding(field, "phone", start, end, candidate, "", PHONE_WHY))
    return out


def emails(text: str, field: str) -> list[Finding]:
    """E-mail addresses: found from each '@' outwards, with bounded lengths (never quadratic)."""
    out: list[Finding] = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and at - start < _LOCAL_MAX and _LOCAL_CHARS.match(text[start - 1]):
            start -= 1
        domain = _DOMAIN.match(text, at + 1, min(at + 1 + _DOMAIN_MAX, len(text)))
        if start < at and domain and (not out or out[-1].end <= start):
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
    low = lower_same_length(text)
    if low is None:
        starts = [m.start() for p in (_ADDRESS_START, _STREET) for m in p.finditer(text)]
    else:  # the full patterns run only around the words they need
        starts = []
        for hit in word_starts(_ADDRESS_WORDS, text, low):
            lo = max(hit - _LOOK_BACK, 0)
            starts += [
                m.start()
                for p in (_ADDRESS_START, _STREET)
                for m in p.finditer(text, lo, hit + _LOOK_BACK)
            ]
        starts = sorted(set(starts))
    for start in starts:
        line_end = text.find("\n", start)
        end = min(len(text) if line_end == -1 else line_end, start + _ADDRESS_SPAN)
        end = start + len(text[start:end].rstrip())
        if not out or out[-1].end <= start:
            out.append(Finding(field, "address", start, end, text[start:end], "", ADDRESS_WHY))
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the sorted, non-nested `spans`."""
    at = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(at - 2, 0) : at])


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
    return sorted(spans)


def _whole_sentences(text: str, found: list[Finding]) -> list[Finding]:
    """A contact detail in a sentence that is there only to give it: suggest leaving out the
    sentence ("Call me on ." helps no one); elsewhere only the detail itself."""
    if not found:
        return found
    out: list[Finding] = []
    spans = sentences(text)
    start, end = -1, -1
    for f in found:  # both in order of position: one pass over the sentences
        while end <= f.start:
            start, end = next(spans, (len(text), len(text) + 1))
        sentence = text[start:end] if start <= f.start else ""
        rest = sentence[: f.start - start] + sentence[f.end - start :]
        # only a sentence with nothing else in it: no other number, nothing long
        whole = (f.kind != "address" and end >= f.end and len(rest) <= 60
                 and not any(ch.isdigit() for ch in rest) and _CONTACT_CUE.search(rest))  # fmt: skip
        if whole and (not out or out[-1].end <= start):
            f = Finding(f.field, f.kind, start, end, sentence, "", f.why)
        elif out and out[-1].end > f.start:
            continue  # inside the sentence proposed just before
        out.append(f)
    return out


def _first_wins(*kinds: list[Finding]) -> list[Finding]:
    """Merge findings in order of position; where two overlap, the earlier list wins."""
    ranked = sorted(
        ((f.start, rank, f) for rank, found in enumerate(kinds) for f in found),
        key=lambda t: (t[0], t[1]),
    )
    out: list[Finding] = []
    for _, _, f in ranked:
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out


def scan(
    text: str, field: str, regions: Iterable[str], protected: Iterable[str] = ()
) -> list[Finding]:
    """Every personal detail in `text`, in order of position."""
    keep = protected_spans(text, protected)
    found = _first_wins(
        emails(text, field), phones(text, regions, field, keep), addresses(text, field)
    )
    return _whole_sentences(text, found)
