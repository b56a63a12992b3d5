"""The claim explained in the shopper's language: what the English claim says, and the
deadlines, the checklist and the platform's notes around it (`claim CASE --explain ru|en`).

It is built from the same structure as the claim (draft.py: the facts, the differences, the
exhibits with their "what it shows" lines, the amount, the deadlines), paragraph by
paragraph, with catalog messages only: the claim itself stays English, and the shopper's own
free text is quoted as they wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from evidence_kit.claim import explain_words as words
from evidence_kit.claim.deadlines import Deadline, days_text
from evidence_kit.claim.draft import ClaimDraft, draft_claim
from evidence_kit.claim.inputs import ClaimInputs
from evidence_kit.claim.refund import partial_amount
from evidence_kit.claim.templates import any_redaction
from evidence_kit.core import i18n
from evidence_kit.core.i18n import _, format_date, translated
from evidence_kit.core.model import Case

_MARK = {"ok": "[x]", "todo": "[ ]", "warn": "[!]", "missing": "[-]"}


@dataclass
class Explanation:
    """A read-only text for the shopper: a title, a note on what it is, and sections."""

    language: str
    title: str
    intro: list[str]
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, lines)

    def text(self) -> str:
        """As the command line prints it."""
        out = [self.title, "=" * len(self.title), *self.intro]
        for heading, lines in self.sections:
            out += ["", f"--- {heading} ---", *lines]
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "title": self.title,
            "intro": list(self.intro),
            "sections": [{"heading": h, "lines": list(lines)} for h, lines in self.sections],
        }


def explain_claim(
    case: Case, language: str, today: date | None = None, root: Path | None = None
) -> Explanation:
    """The claim of `case`, explained in `language` ('ru' or 'en')."""
    with i18n.using(language) as lang:
        draft = draft_claim(case, today, root)
        i = draft.inputs
        assert i is not None  # draft_claim always says what the text is made of
        if lang == "en":
            title = _("Your claim explained")
            intro = [_("What the claim says, the deadlines and the checklist, in plain words.")]
        else:
            title = _("Your claim, explained in your language")
            intro = [_("The claim is sent in English: platforms and mediators read English. "
                       "Here is what it says, from the same facts, so that you know exactly "
                       "what you send. Your own words are quoted as you wrote them.")]  # fmt: skip
        if draft.edited:
            intro.append(_("You edited the English text: this explanation follows the facts "
                           "of the case, not your own changes to the text."))  # fmt: skip
        out = Explanation(lang, title, intro)
        out.sections = [
            *claim_sections(case, draft, i),
            *deadline_sections(draft),
            *advice_sections(draft),
        ]
        return out


def claim_sections(case: Case, draft: ClaimDraft, i: ClaimInputs) -> list[tuple[str, list[str]]]:
    """The paragraphs of the claim, in the claim's order."""
    reason = translated(words.REASON_SHORT.get(i.reason, "")) or _("a problem with the order")
    remedy = translated(words.REMEDY.get(i.remedy, "")) or _("a refund")
    subject = _("Order {order}: {reason}; request: {remedy}.").format(
        order=i.order_id or "?", reason=reason, remedy=remedy
    )
    sections = [
        (_("Subject"), [subject]),
        (_("1. Order facts"), words.order_lines(i)),
        (_("2. Problem"), words.problem_lines(i)),
        (_("3. What you have done"), done_lines(i)),
        (_("4. Evidence"), words.evidence_lines(case, draft.exhibits)),
    ]
    if any_redaction(case):
        privacy = _("The claim says that personal details on the label are masked, and that the "
                    "original recording is kept and can be given to {platform} on request.")  # fmt: skip
        sections.append((_("Privacy"), [privacy.format(platform=i.short_name)]))
    sections.append((_("5. Request"), [words.request_line(i)]))
    sections.append((_("6. Reply by"), [_("The seller is asked to reply by {date}.").format(date=format_date(i.reply_by))]))  # fmt: skip
    if i.buyer:
        sections.append((_("Signed"), [i.buyer]))
    return sections


def done_lines(i: ClaimInputs) -> list[str]:
    """What the shopper has done so far."""
    lines = []
    if i.contacted:
        lines.append(_("You contacted the seller on {date}.").format(date=format_date(i.contacted)))  # fmt: skip
        reply = i.seller_reply.strip()
        if not reply or words.templates.NO_REPLY.match(reply):
            lines.append(_("There has been no reply so far."))
        else:
            lines.append(_("The seller's reply (your words): {reply}").format(reply=words.quoted(reply)))  # fmt: skip
    if i.dispute_opened and not i.is_card:
        lines.append(_("You opened the dispute on {date}.").format(date=format_date(i.dispute_opened)))  # fmt: skip
    if not lines:
        if i.is_card:
            return [_("The letter says you could not resolve it with the merchant.")]
        return [_("The claim says you open the dispute to resolve the problem with the seller.")]
    return lines


def deadline_line(d: Deadline) -> str:
    """'20.11.2026: Last day to open the dispute (5 days left) [A6, M]'."""
    name, day = translated(d.name), format_date(d.date) or "?"
    if d.kind == "earliest":
        state = {
            "wait": _("in {days}").format(days=days_text(d.days_left)),
            "ok": _("reached"),
            "unknown": _("enter the date to know it"),
        }.get(d.status, "")
        head = _("From {date}: {name} ({state})").format(date=day, name=name, state=state)
    elif d.status == "closed":
        head = _("{date}: {name} (passed {days} ago)").format(date=day, name=name, days=days_text(-d.days_left))  # fmt: skip
    elif d.status == "unknown":
        head = _("About {date}: {name} (an estimate)").format(date=day, name=name)
    else:
        head = _("{date}: {name} ({days} left)").format(date=day, name=name, days=days_text(d.days_left))  # fmt: skip
    source = _("source {source}, confidence {confidence}") if d.source != "default" else _("no source: check your order page")  # fmt: skip
    return f"{head} [{source.format(source=d.source, confidence=d.confidence)}]"


def rule_note(d: Deadline) -> str:
    """The rule's own note, without what deadlines.py adds to it in English (the date to
    enter and "not certain", which the explanation says in its own words)."""
    return d.note.split(" Enter ", 1)[0].split(" Not certain:", 1)[0].strip()


def deadline_sections(draft: ClaimDraft) -> list[tuple[str, list[str]]]:
    """The deadlines and the earliest filing days, each with its source."""
    lines = []
    for d in [*draft.earliest, *draft.deadlines]:
        lines.append(deadline_line(d))
        note = translated(rule_note(d))
        if note:
            lines.append(f"    {note}")
        if d.confidence == "L":
            lines.append("    " + _("Not certain: check your order page."))
        if d.needs and d.status == "unknown":
            lines.append("    " + _("Enter {needs} to know the real date.").format(needs=translated(d.needs)))  # fmt: skip
    return [(_("Deadlines"), lines)] if lines else []


def advice_sections(draft: ClaimDraft) -> list[tuple[str, list[str]]]:
    """The partial-refund advice, the checklist and the platform's own notes."""
    out = []
    r, currency = draft.refund, draft.refund.currency if draft.refund else ""
    if r is not None and r.low < 100:
        ask = partial_amount(draft.price, r.ask, currency)
        line = _("A partial refund for this is usually {low}-{high}% of the price. Ask for "
                 "{ask}%, to leave room to bargain, and settle for no less than {least}%.")  # fmt: skip
        text = line.format(low=f"{r.low:g}", high=f"{r.high:g}", ask=f"{r.ask:g}", least=f"{r.suggested:g}")  # fmt: skip
        if ask is not None:
            text += " " + _("{percent}% is {amount}.").format(percent=f"{r.ask:g}", amount=words.money(ask, currency))  # fmt: skip
        out.append((_("Refund"), [text]))
    checks = [f"{_MARK.get(c.status, '[ ]')} {c.item}" + (f" - {c.detail}" if c.detail else "") for c in draft.checklist]  # fmt: skip
    out.append((_("Before you submit"), checks))
    if draft.notes:
        out.append((_("Good to know"), [f"* {translated(n)}" for n in draft.notes]))
    return out
