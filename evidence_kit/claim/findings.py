"""Proposed changes to the shopper's own words: a phone number, an insult, a shouted sentence.

Nothing is changed on its own. Each finding is a suggestion (like a mask suggestion on a
photo): the shopper accepts it, and only then the claim uses the suggested wording, or keeps
their words, and the finding stops being raised. Decisions live in claim["wording"] as
{finding id: "accept" | "keep"}; the id depends on the field, the kind and the words found,
so it survives edits elsewhere in the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

ACCEPT, KEEP = "accept", "keep"
DECISIONS = (ACCEPT, KEEP)
#: what the shopper sees for each kind
KIND_LABEL = {
    "phone": "phone number",
    "email": "e-mail address",
    "address": "street address",
    "insult": "insult",
    "threat": "threat",
    "shouting": "shouting",
}
PRIVATE_KINDS = ("phone", "email", "address")


@dataclass(frozen=True)
class Finding:
    """One proposed change to a span of one field's text."""

    field: str  # "notes", "listing_says", "text", "item", "items.<id>.title" ...
    kind: str  # phone | email | address | insult | threat | shouting
    start: int
    end: int
    found: str  # the words as typed
    suggestion: str  # what would replace them ("" removes them)
    why: str  # one line for the shopper

    @property
    def id(self) -> str:
        key = f"{self.field}\x1f{self.kind}\x1f{self.found}".encode()
        return hashlib.sha1(key, usedforsecurity=False).hexdigest()[:10]

    def to_dict(self, decision: str = "") -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "kind": self.kind,
            "label": KIND_LABEL.get(self.kind, self.kind),
            "found": self.found,
            "suggestion": self.suggestion,
            "why": self.why,
            "decision": decision or "pending",
        }


def decisions(claim: dict[str, Any]) -> dict[str, str]:
    """The shopper's saved decisions; anything malformed in a hand-edited file is ignored."""
    raw = claim.get("wording")
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if v in DECISIONS}


def apply(text: str, findings: list[Finding], chosen: dict[str, str]) -> str:
    """`text` with the accepted findings applied (overlapping ones: the first one wins)."""
    accepted = sorted(
        (f for f in findings if chosen.get(f.id) == ACCEPT), key=lambda f: (f.start, -f.end)
    )
    out: list[str] = []
    at = 0
    for f in accepted:
        if f.start < at:
            continue
        out.append(text[at : f.start])
        out.append(f.suggestion)
        at = f.end
    out.append(text[at:])
    return _tidy("".join(out)) if accepted else text


def _tidy(text: str) -> str:
    """Spaces left behind by a removed sentence or number: one space, none before a stop."""
    lines = []
    for line in text.split("\n"):
        words = " ".join(line.split())
        for stop in (" .", " ,", " ;", " :"):
            words = words.replace(stop, stop[1])
        lines.append(words)
    return "\n".join(lines).strip()


def overlaps(findings: list[Finding], start: int, end: int) -> bool:
    """True when a finding already covers part of [start, end)."""
    return any(f.start < end and start < f.end for f in findings)


def trigger(words: str) -> re.Pattern[str]:
    """A fast first-look pattern: lower-case alternatives with no flags and no anchors, which
    Python's regex engine scans far faster than a case-insensitive pattern with \\b."""
    return re.compile("|".join(sorted(words.split(), key=len, reverse=True)))


def word_starts(pattern: re.Pattern[str], text: str, low: str) -> list[int]:
    """Where `pattern` (a `trigger`) matches at the start of a word of `text`; `low` is
    text.lower() of the same length."""
    return [
        m.start()
        for m in pattern.finditer(low)
        if m.start() == 0 or not text[m.start() - 1].isalnum()
    ]


def lower_same_length(text: str) -> str | None:
    """text.lower(), or None when lower-casing changes the length (a few rare letters do)."""
    low = text.lower()
    return low if len(low) == len(text) else None
