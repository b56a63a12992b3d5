"""Pure edits of the message drafts, for the GUI's undo steps (claim["messages"]: kind ->
the shopper's text). An edit equal to the generated text, or empty, clears it."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.dispute.messages import KINDS, build_message
from evidence_kit.core import activity_log
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import Case

TEXT_MAX = 20_000


def set_text(case: Case, kind: str, text: str, today: date | None = None) -> None:
    """Keep the shopper's own version of one message."""
    if kind not in KINDS:
        raise InvalidValueError(f"unknown message kind '{kind}'")
    if len(text) > TEXT_MAX:
        raise InvalidValueError(
            f"The message is too long ({len(text)} characters; max {TEXT_MAX})."
        )
    generated = build_message(case, kind, today).generated
    saved = dict(case.claim.get("messages") or {})
    if not text.strip() or text.strip() == generated.strip():
        if kind not in saved:
            return
        saved.pop(kind)
    else:
        saved[kind] = text
    if saved:
        case.claim["messages"] = saved
    else:
        case.claim.pop("messages", None)
    activity_log.append(case, "message_edited", kind=kind, chars=len(text))


def regenerate(case: Case, kind: str) -> None:
    """Drop the shopper's version: the draft follows the case again."""
    saved = dict(case.claim.get("messages") or {})
    if saved.pop(kind, None) is None:
        return
    if saved:
        case.claim["messages"] = saved
    else:
        case.claim.pop("messages", None)
    activity_log.append(case, "message_regenerated", kind=kind)
