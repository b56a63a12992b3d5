"""Keep the shopper's own words polite and private before they go into the claim.

Mediators decide on evidence; insults, threats and capitals only hurt (AliExpress warns
that "inappropriate language" can block an account). Phone numbers, e-mail and street
addresses never belong in the claim text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

INSULTS = (
    "scam", "scammer", "scammers", "scamming", "fraudster", "fraudsters", "thief", "thieves",
    "liar", "liars", "lying", "idiot", "idiots", "stupid", "moron", "morons", "crook", "crooks",
    "cheat", "cheater", "cheaters", "cheating", "shit", "crap", "damn", "fuck", "fucking",
    "bastard", "bastards", "disgusting", "pathetic", "useless seller", "clown", "clowns",
    "garbage", "rubbish", "trash", "junk", "shame on you",
)  # fmt: skip
THREATS = (
    "sue", "suing", "lawsuit", "lawyer", "lawyers", "attorney", "police", "court",
    "bad review", "negative review", "negative feedback", "1 star", "one star",
    "report you", "you will regret", "or else", "destroy", "expose you",
)  # fmt: skip
# Russian forms (the shoppers of the reference guides often write Russian); whole words only,
# since short roots hide inside harmless words (vorotnik = collar, sudya = judging by).
INSULT_RU = r"мошенни\w*|жулик\w*|обманщик\w*|ворюг\w*|вор|воры|урод\w*|идиот\w*|дурак\w*|тупой|тупая|тупые|козел|козёл"
THREAT_RU = (
    r"в суд|засуж\w*|полици\w*|прокуратур\w*|юрист\w*|адвокат\w*|плохой отзыв|негативный отзыв"
)
_INSULT_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in INSULTS) + "|" + INSULT_RU + r")\b", re.I
)
_THREAT_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in THREATS) + "|" + THREAT_RU + r")\b", re.I
)
_SHOUT_RE = re.compile(r"\b[A-Z][A-Z']{2,}\b")
_PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?"
    r"|\+\d{8,15}"
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ADDRESS_RE = re.compile(
    r"\b(address|adress|phone|tel|mobile|my street|zip code|postcode|apartment|apt\.?)\b\s*[:#]",
    re.I,
)
# Words in capitals that are not shouting: units, standards, codes.
ALLOWED_CAPS = {
    "USB", "HDMI", "LED", "LCD", "OLED", "AWB", "USD", "EUR", "GBP", "SIM", "RAM", "WIFI",
    "XXL", "XXXL", "XXS", "DHL", "UPS", "EMS", "TNT", "GPS", "SSD", "HDD", "CPU", "GPU", "AAA",
    "MAH", "USPS", "RUB", "CNY", "PHP", "SGD", "MYR", "AUD", "CAD", "JPY", "INR", "NFC", "DVD",
    "PDF", "OK",
}  # fmt: skip
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Cleaned:
    """Text made fit for the claim, and what had to change."""

    text: str
    removed: list[str] = field(default_factory=list)  # whole sentences left out
    notes: list[str] = field(default_factory=list)  # softer fixes (capitals, !!!)


def find_problems(text: str) -> list[str]:
    """Why `text` would hurt a claim: insults, threats, shouting, personal details."""
    found = []
    if _INSULT_RE.search(text):
        found.append("insult")
    if _THREAT_RE.search(text):
        found.append("threat")
    if any(w not in ALLOWED_CAPS for w in _SHOUT_RE.findall(text)) or "!!" in text:
        found.append("shouting")
    if _PHONE_RE.search(text) or _EMAIL_RE.search(text) or _ADDRESS_RE.search(text):
        found.append("personal details")
    return found


def _calm_caps(match: re.Match[str]) -> str:
    word = match.group(0)
    return word if word in ALLOWED_CAPS else word.lower()


def clean(text: str) -> Cleaned:
    """Drop sentences with insults, threats or personal details; calm capitals and '!!!'."""
    out = Cleaned(text="")
    kept: list[str] = []
    lines = []
    for line in text.strip().splitlines():
        # an address runs past full stops ("ul. Lenina 5"): drop the line from its sentence on
        marker = _ADDRESS_RE.search(line)
        if marker:
            start = max(line.rfind(". ", 0, marker.start()) + 1, 0)
            out.removed.append(line[start:].strip())
            line = line[:start]
        lines.append(line)
    for sentence in _SENTENCE_RE.split(" ".join(lines).strip()):
        if not sentence.strip():
            continue
        if _INSULT_RE.search(sentence) or _THREAT_RE.search(sentence):
            out.removed.append(sentence)
            continue
        calm = _SHOUT_RE.sub(_calm_caps, sentence)
        if calm != sentence and calm[:1].islower() and sentence[:1].isupper():
            calm = calm[0].upper() + calm[1:]
        calm = re.sub(r"[!?]{2,}", lambda m: m.group(0)[0], calm).replace("!", ".")
        calm = _EMAIL_RE.sub("[e-mail removed]", calm)
        calm = _PHONE_RE.sub("[phone removed]", calm)
        if calm != sentence:
            out.notes.append(sentence)
        kept.append(calm)
    out.text = " ".join(kept).strip()
    return out
