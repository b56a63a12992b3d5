"""Pure edits of the claim text and checklist ticks, for the GUI's undo steps and the CLI.

The shopper may edit the generated text. We keep their text (claim["text"]), the generated
paragraphs it started from (claim["text_base"], section -> paragraph) and the exhibit
numbering it was written in (claim["text_refs"], see stale.py). On "regenerate", a paragraph
still equal to its base is replaced by the new version; the shopper's own or edited
paragraphs are kept where they were (with today's exhibit numbers), or dropped when asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from evidence_kit.claim import stale
from evidence_kit.claim.draft import draft_claim
from evidence_kit.core import activity_log
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import Case, exhibit_numbers

_PARA = re.compile(r"\n\s*\n")
TEXT_MAX = 20_000
#: the claim keys that hold the shopper's edited text and what it was written against
TEXT_KEYS = ("text", "text_base", "text_refs")


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, trimmed, empty ones dropped."""
    return [p.strip() for p in _PARA.split(text.replace("\r\n", "\n")) if p.strip()]


@dataclass
class RegenPlan:
    """What a regenerate would produce."""

    text: str  # the merged text (shopper's paragraphs kept)
    fresh: str  # the newly generated text alone
    user_paragraphs: list[str] = field(
        default_factory=list
    )  # paragraphs the shopper wrote or changed
    kept_sections: list[str] = field(default_factory=list)  # generated sections the shopper edited

    @property
    def needs_confirmation(self) -> bool:
        """True when replacing everything would lose the shopper's words."""
        return bool(self.user_paragraphs)


def _now(case: Case, text: str) -> str:
    """`text` (written in the numbering of claim["text_refs"]) with today's exhibit numbers."""
    return stale.renumber(text, stale.saved_refs(case), exhibit_numbers(case))[0]


def _base(case: Case) -> dict[str, str]:
    """The generated paragraphs the edit started from, in today's exhibit numbers."""
    base = case.claim.get("text_base")
    if not isinstance(base, dict):
        return {}
    return {str(k): _now(case, v) for k, v in base.items() if isinstance(v, str)}


def plan_regenerate(case: Case, today: date | None = None) -> RegenPlan:
    """Merge a fresh draft with the shopper's edits, without changing the case."""
    draft = draft_claim(case, today)
    fresh_sections = draft.sections
    fresh = "\n\n".join(p for _, p in fresh_sections)
    user_text = case.claim.get("text")
    if not isinstance(user_text, str) or not user_text.strip():
        return RegenPlan(text=fresh, fresh=fresh)
    base = _base(case)
    by_text = {paragraph.strip(): key for key, paragraph in base.items()}
    # walk the shopper's text: generated paragraphs anchor what follows them
    anchored: dict[str, list[str]] = {}
    present: set[str] = set()
    anchor = ""
    own: list[str] = []
    for para in paragraphs(_now(case, user_text)):
        key = by_text.get(para)
        if key is not None:
            present.add(key)
            anchor = key
        else:
            anchored.setdefault(anchor, []).append(para)
            own.append(para)
    out: list[str] = list(anchored.get("", []))
    kept_sections: list[str] = []
    for key, para in fresh_sections:
        if key not in base or key in present:
            out.append(para)
        elif base.get(key, "").strip() != para.strip():
            kept_sections.append(key)  # shopper edited or removed this one: theirs wins
        out += anchored.get(key, [])
    for key, extra in anchored.items():  # anchors that no longer exist in the fresh draft
        if key and key not in dict(fresh_sections):
            out += extra
    return RegenPlan("\n\n".join(out), fresh, own, kept_sections)


def set_text(case: Case, text: str, today: date | None = None) -> None:
    """Store the shopper's edited claim text (empty text or the generated one clears it)."""
    if len(text) > TEXT_MAX:
        raise InvalidValueError(
            f"The claim text is too long ({len(text)} characters; max {TEXT_MAX})."
        )
    draft = draft_claim(case, today)
    if not text.strip() or text.strip() == draft.generated.strip():
        clear_text(case)
        return
    # the shopper edited the text as shown, in today's exhibit numbers: keep the base in them too
    base = _base(case) if "text" in case.claim else {}
    case.claim["text_base"] = base or dict(draft.sections)
    case.claim["text"] = text
    stale.remember(case)
    activity_log.append(case, "claim_text_edited", chars=len(text))


def regenerate(case: Case, keep_user: bool = True, today: date | None = None) -> RegenPlan:
    """Rebuild the text from the case. keep_user=False replaces the shopper's paragraphs."""
    plan = plan_regenerate(case, today)
    fresh_sections = dict(draft_claim(case, today).sections)
    if keep_user and plan.user_paragraphs:
        case.claim["text"] = plan.text
        case.claim["text_base"] = fresh_sections
        stale.remember(case)
    else:
        for key in TEXT_KEYS:
            case.claim.pop(key, None)
    activity_log.append(
        case, "claim_regenerated", kept_paragraphs=len(plan.user_paragraphs) if keep_user else 0
    )
    return plan


def clear_text(case: Case) -> None:
    """Drop the shopper's edited text: the claim follows the generated draft again."""
    had = "text" in case.claim
    for key in TEXT_KEYS:
        case.claim.pop(key, None)
    if had:
        activity_log.append(case, "claim_text_cleared")


def set_ticked(case: Case, item_id: str, ticked: bool) -> None:
    """Tick or untick a checklist item the shopper confirms by hand."""
    if not re.fullmatch(r"[a-z_]{1,40}", item_id):
        raise InvalidValueError(f"'{item_id}' is not a checklist item")
    current = [t for t in case.claim.get("ticked") or [] if isinstance(t, str)]
    if ticked and item_id not in current:
        current.append(item_id)
    elif not ticked and item_id in current:
        current.remove(item_id)
    case.claim["ticked"] = sorted(current)
    activity_log.append(case, "checklist_ticked", item=item_id, ticked=ticked)
