"""The shopper's edited claim text against the case as it is now.

Exhibit references in the edited text follow the items, not the numbers: when the text is
stored, claim["text_refs"] records which item each number meant ({"E1": "vid001", ...}); when
the exhibits are reordered later, "E1" in the text is rewritten to the item's new number. A
reference to an item that is no longer an exhibit, an exhibit added after the edit and not
cited, and a generated paragraph that no longer matches the case ("arrived damaged" after
"did not arrive") are reported as stale, so the rail, the claim step and the export can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from evidence_kit.core.model import Case, exhibit_numbers

_REF = re.compile(r"\bE(\d{1,3})\b")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
REMOVED = "(an exhibit since removed)"
SECTION_NAMES = {"facts": "order facts", "problem": "problem", "done": "what you have done",
                 "evidence": "evidence", "privacy": "privacy note", "request": "request",
                 "reply": "reply-by date", "transaction": "transaction", "return": "return",
                 "closing": "signature", "greeting": "greeting", "intro": "opening line"}  # fmt: skip


def refs_now(case: Case) -> dict[str, str]:
    """Exhibit number -> item id, as the exhibits are numbered now."""
    return {number: item_id for item_id, number in exhibit_numbers(case).items()}


def saved_refs(case: Case) -> dict[str, str]:
    """The numbering the edited text was written in (the current one when none was saved)."""
    raw = case.claim.get("text_refs")
    if isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values()):
        return {str(k): v for k, v in raw.items()}
    return refs_now(case)


def renumber(text: str, then: dict[str, str], now_ids: dict[str, str]) -> tuple[str, list[str]]:
    """`text` written with the numbering `then` (number -> id), renumbered to `now_ids`
    (id -> number). Returns the text and the numbers that point at no exhibit any more."""
    lost: list[str] = []

    def one(match: re.Match[str]) -> str:
        number = match.group(0)
        item_id = then.get(number)
        if item_id is None:
            return number  # not an exhibit number we gave: leave it
        if item_id in now_ids:
            return now_ids[item_id]
        lost.append(number)
        return REMOVED

    return _REF.sub(one, text), lost


@dataclass
class Staleness:
    """What in the edited text no longer matches the case."""

    text: str  # the edited text with its exhibit numbers as they are now
    messages: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # paragraphs of `text` that are stale

    def __bool__(self) -> bool:
        return bool(self.messages)


def check(
    case: Case, user_text: str, fresh: list[tuple[str, str]], titles: dict[str, str], today: date
) -> Staleness:
    """Renumber the edited text and find what is stale in it. `fresh` is the newly generated
    text (section, paragraph); `titles` names each exhibit number for the messages."""
    then = saved_refs(case)
    now_ids = exhibit_numbers(case)
    text, lost = renumber(user_text, then, now_ids)
    out = Staleness(text)
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    for number in dict.fromkeys(lost):
        out.messages.append(f"Your text cites {number}, which is no longer an exhibit.")
        out.paragraphs += [p for p in paras if REMOVED in p and p not in out.paragraphs]
    cited = set(_REF.findall(text))
    for item_id, number in now_ids.items():
        if item_id not in then.values() and number[1:] not in cited:
            title = titles.get(number, "")
            named = f" ({title})" if title else ""
            out.messages.append(f"{number}{named} was added after you edited the text and is not cited.")  # fmt: skip
    base = case.claim.get("text_base")
    if isinstance(base, dict):
        fresh_by_key = dict(fresh)
        for key, old in base.items():
            if not isinstance(old, str) or key not in fresh_by_key:
                continue
            old_now, _ = renumber(old.strip(), then, now_ids)
            if old_now not in paras or old_now == fresh_by_key[key].strip():
                continue  # the shopper rewrote it, or it still holds
            if key == "reply" and not _past(old_now, today):
                continue  # a reply-by date still ahead is not wrong
            out.messages.append(
                f"The {SECTION_NAMES.get(key, key)} paragraph no longer matches the case."
            )
            out.paragraphs.append(old_now)
    if out.messages:
        out.messages.append("Press Regenerate to bring the text up to date (your own paragraphs are kept).")  # fmt: skip
    return out


def _past(paragraph: str, today: date) -> bool:
    return any(date.fromisoformat(d) < today for d in _DATE.findall(paragraph) if _valid(d))


def _valid(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def remember(case: Case, claim: dict[str, Any] | None = None) -> None:
    """Record the numbering the text is being written in (with the text, in one edit)."""
    (claim if claim is not None else case.claim)["text_refs"] = refs_now(case)
