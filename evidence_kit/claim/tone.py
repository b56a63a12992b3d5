"""Tone of the shopper's own words: insults, threats and shouting, flagged with a suggestion.

Mediators decide on evidence; insults, threats and capitals only hurt (AliExpress warns that
"inappropriate language" can block an account). But facts must survive: "a police report",
"measured lying flat", "JBL", "ASUS ROG" are not insults, threats or shouting, and nothing
here is ever removed without the shopper accepting the suggestion (see findings.py).
Every pattern is bounded, so the scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from evidence_kit.claim.findings import Finding, lower_same_length, trigger, word_starts

# a sentence: up to a run of . ! ? followed by a space or the end, or a line break ("0.45 kg"
# and "v1.2" stay inside their sentence); the two branches never match the same character
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?![\s]|$))+[.!?]*")

_THREAT = re.compile(
    r"\b(?:i|we)(?:'ll|\s+will|\s+shall|\s+am\s+going\s+to|'m\s+going\s+to|\s+are\s+going\s+to)\b"
    r"[^.!?\n]{0,60}?\b(?:sue|court|police(?!\s+report)|lawyer|attorney|legal\s+action|report\s+you|"
    r"bad\s+review|negative\s+(?:review|feedback)|1[- ]star|one[- ]star|expose|destroy)"
    r"|\b(?:you\s+will\s+regret|or\s+else|see\s+you\s+in\s+court|sue\s+you|report\s+you|"
    r"take\s+you\s+to\s+court|legal\s+action\s+against\s+you)\b"
    r"|\b(?:подам|обращусь|пойду|напишу|пожалуюсь|буду\s+жаловаться)\b[^.!?\n]{0,60}?"
    r"(?:суд|полици|прокуратур|юрист|адвокат|роспотребнадзор)"
    r"|\bзасуж\w*|\bоставлю\b[^.!?\n]{0,30}?отзыв",
    re.I,
)
# words about a person: the sentence is better left out
_PERSON_INSULT = re.compile(
    r"\b(?:scam|scams|scammers?|scamming|fraud|frauds|fraudsters?|thief|thieves|liars?|idiots?|"
    r"stupid|morons?|crooks?|cheats?|cheaters?|cheating|bastards?|clowns?|disgusting|pathetic|"
    r"shame\s+on\s+you|useless\s+seller)\b"
    r"|\b(?:seller|you|they|he|she|store|shop)(?:'re|\s+is|\s+are)\s+lying\b"
    r"|\b(?:мошенни\w*|жулик\w*|обманщик\w*|ворюг\w*|вор|воры|урод\w*|идиот\w*|дурак\w*|тупой|"
    r"тупая|тупые|козел|козёл|лжец\w*|врёт|врет|врут|лжёт|лжет)\b",
    re.I,
)
# words about the item: a calmer word says the same
_RUDE = r"(?:junk|garbage|trash|rubbish|crap)"
_RUDE_IS = re.compile(
    rf"\b(is|are|was|were|it's|that's)\s+(?:a\s+)?(?:total\s+|complete\s+|utter\s+)?"
    rf"(?:piece\s+of\s+)?{_RUDE}\b",
    re.I,
)
_RUDE_THIS = re.compile(rf"\b(this|the|that)\s+{_RUDE}\b", re.I)
_RUDE_NOUN = re.compile(rf"\b(?:a\s+)?(?:piece\s+of\s+)?{_RUDE}\b", re.I)
_RUDE_RU = re.compile(r"\b(?:хлам|барахло|мусор|дерьмо|фигня|хрень)\b", re.I)
_SWEAR = re.compile(r"\s?\b(?:shit|damn|fucking|fuck|bloody)\b", re.I)
_REPEATED_MARKS = re.compile(r"[!?]{2,}")
# a cheap first look: a sentence with none of these (nor a rude word) needs no rewrite
_TWO_CAPS = re.compile(r"[A-ZА-ЯЁ]{2}|[!?]{2}")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# capitals that are not shouting: units, standards, codes, common product acronyms
_CAPS_WORDS = (
    "USB HDMI LED LCD OLED AMOLED QLED AWB USD EUR GBP SIM RAM ROM WIFI XXL XXXL XXS XL XS "
    "DHL UPS EMS TNT GPS SSD HDD CPU GPU AAA MAH USPS RUB CNY PHP SGD MYR AUD CAD JPY INR VND "
    "NFC DVD PDF OK RGB TWS ANC ENC LTE HD FHD UHD HDR PC TV EU UK US USA ID CM MM KG ML AC DC "
    "ABS PVC SD TF BT NVME DDR SKU IMEI PIN ATM VAT FAQ QR ASAP ORD LP CN SG RB UAH KZT BYN "
    "РФ СНГ СДЭК ГОСТ"
)
ALLOWED_CAPS = frozenset(_CAPS_WORDS.split())
_MIN_SHOUTED_WORDS, _MIN_SHOUTED_LETTERS, _SHOUT_SHARE = 3, 10, 0.7
# first looks: a sentence with none of these words cannot match the patterns above
_THREAT_WORDS = trigger(
    "sue suing court police lawyer attorney legal report review feedback star expose destroy "
    "regret else подам обращусь пойду напишу пожалуюсь жаловаться засуж оставлю"
)
_INSULT_WORDS = trigger(
    "scam fraud thie liar idiot stupid moron crook cheat bastard clown disgust pathetic shame "
    "useless lying мошенни жулик обманщик ворюг вор урод идиот дурак туп козел козёл лжец "
    "врёт врет врут лжёт лжет"
)
_RUDE_WORDS = trigger(
    "junk garbage trash rubbish crap shit damn fuck bloody хлам барахло мусор дерьмо фигня хрень"
)

THREAT_WHY = "A threat makes mediators less willing to help; the facts are enough."
INSULT_WHY = "Insults hurt the claim; mediators decide on facts and evidence."
RUDE_WHY = "A calmer word says the same and reads better to a mediator."
SHOUT_WHY = "Capitals and '!!!' read as shouting; normal case reads better."


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, without the spaces around it."""
    for match in _SENTENCE.finditer(text):
        chunk = match.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            yield match.start() + lead, match.start() + lead + len(body)


def _shouted(sentence: str, protected: dict[str, str]) -> bool:
    words = [w for w in _WORD.findall(sentence) if w.upper() not in ALLOWED_CAPS]
    words = [w for w in words if not protected.get(w.lower(), "").isupper()]
    upper = [w for w in words if len(w) >= 2 and w.isupper()]
    cased = sum(len(w) for w in words if any(c.isalpha() for c in w))
    letters = sum(len(w) for w in upper)
    return (
        len(upper) >= _MIN_SHOUTED_WORDS
        and letters >= _MIN_SHOUTED_LETTERS
        and letters >= _SHOUT_SHARE * cased
    )


def _calm_case(sentence: str, protected: dict[str, str]) -> str:
    """Sentence case, keeping acronyms and units; words of the item's own name are spelled as
    the name spells them (JBL stays JBL, FAN becomes fan)."""

    def word(match: re.Match[str]) -> str:
        w = match.group(0)
        if not w.isupper() or w.upper() in ALLOWED_CAPS:
            return w
        return protected.get(w.lower(), "I" if w == "I" else w.lower())

    out = _WORD.sub(word, sentence)
    out = re.sub(r"\bi\b", "I", out) if out.isascii() else out
    first = next((i for i, ch in enumerate(out) if ch.isalpha()), None)
    if first is not None:
        out = out[:first] + out[first].upper() + out[first + 1 :]
    return out


def _rewrite(sentence: str, protected: dict[str, str]) -> tuple[str, str]:
    """(calmer sentence, kind) for rude words, '!!!' and shouting; kind '' if none applies."""
    shouting = _shouted(sentence, protected)
    out = _calm_case(sentence, protected) if shouting else sentence
    calm = out
    if _RUDE_WORDS.search(sentence.lower()):
        out = _RUDE_IS.sub(lambda m: f"{m.group(1)} of poor quality", out)
        out = _RUDE_THIS.sub(lambda m: f"{m.group(1)} item", out)
        out = _RUDE_NOUN.sub("a poor-quality item", out)
        out = _RUDE_RU.sub("товар", _SWEAR.sub("", out))
    if out != calm:  # "Damn, it broke." -> "It broke."
        out = re.sub(r"^[\s,;:]+", "", out)
        out = out[:1].upper() + out[1:] if calm[:1].isupper() else out
    rude = out != calm
    if shouting or _REPEATED_MARKS.search(out):
        out = _REPEATED_MARKS.sub(lambda m: "?" if "?" in m.group(0) else ".", out)
        if shouting and out.endswith("!"):
            out = out[:-1] + "."
    if out == sentence:
        return sentence, ""
    return out.strip(), "insult" if rude else "shouting"


class _Hits:
    """Where a first-look pattern hits, asked sentence by sentence in order: one scan of the
    whole text instead of one search per sentence."""

    def __init__(self, starts: list[int] | None) -> None:  # None: every sentence
        self.starts = starts
        self.at = 0

    def within(self, start: int, end: int) -> bool:
        if self.starts is None:
            return True
        while self.at < len(self.starts) and self.starts[self.at] < start:
            self.at += 1
        return self.at < len(self.starts) and self.starts[self.at] < end


def _first_looks(text: str) -> tuple[_Hits, _Hits, _Hits]:
    low = lower_same_length(text)
    if low is None:  # a rare letter changes length when lower-cased: look at every sentence
        return _Hits(None), _Hits(None), _Hits(None)
    caps = [m.start() for m in _TWO_CAPS.finditer(text)]
    rude = word_starts(_RUDE_WORDS, text, low)
    return (
        _Hits(word_starts(_THREAT_WORDS, text, low)),
        _Hits(word_starts(_INSULT_WORDS, text, low)),
        _Hits(sorted(caps + rude)),
    )


def scan(text: str, field: str, protected_words: Iterable[str] = ()) -> list[Finding]:
    """Insults, threats and shouting in `text`, one finding per sentence at most.

    `protected_words` (the item's and the seller's names) keep the case those names give them.
    """
    protected = {m.group(0).lower(): m.group(0) for w in protected_words for m in _WORD.finditer(w)}
    threats, insults, maybe = _first_looks(text)
    out: list[Finding] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if threats.within(start, end) and _THREAT.search(sentence):
            out.append(Finding(field, "threat", start, end, sentence, "", THREAT_WHY))
        elif insults.within(start, end) and _PERSON_INSULT.search(sentence):
            out.append(Finding(field, "insult", start, end, sentence, "", INSULT_WHY))
        elif maybe.within(start, end):
            calm, kind = _rewrite(sentence, protected)
            if kind:
                why = RUDE_WHY if kind == "insult" else SHOUT_WHY
                out.append(Finding(field, kind, start, end, sentence, calm, why))
    return out
