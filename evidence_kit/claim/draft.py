"""Turn the case into a polite, factual English claim that cites every exhibit.

`draft_claim` builds the long text (the §3.2 structure, or a letter to the bank for a card
chargeback), a short variant fitted to the platform's text limit, the subject line, the
deadlines and earliest filing days, the checklist, the refund advice, the platform's notes,
the wording suggestions and the warnings. The text is the shopper's edited version when
there is one (claim["text"]), else the generated one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from evidence_kit.claim import (
    card_letter,
    checklist,
    deadlines,
    mismatch,
    rules,
    sections,
    stale,
    templates,
    wording,
)
from evidence_kit.claim import short as shortfit
from evidence_kit.claim.attachments import attachments
from evidence_kit.claim.checklist import CheckItem
from evidence_kit.claim.deadlines import Deadline
from evidence_kit.claim.inputs import ClaimInputs, gather
from evidence_kit.claim.language import LANGUAGE_NAMES, language_of
from evidence_kit.claim.refund import RefundAdvice
from evidence_kit.claim.transliterate import to_ascii
from evidence_kit.core import case_values
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import CLAIM_KEYS, Case, Facts, exhibit_numbers

DEFAULT_SHORT_LIMIT = 500  # "about 500 characters for small text boxes" (§3.2)


@dataclass
class ClaimDraft:
    """Everything the claim step shows and exports."""

    text: str  # what to send: the shopper's edited text, or the generated one
    short: str  # fits `limit`
    limit: int
    deadlines: list[Deadline]
    checklist: list[CheckItem]
    warnings: list[str]
    subject: str = ""  # for the form's subject field; never part of `text`
    generated: str = ""  # the generated long text, before the shopper's edits
    sections: list[tuple[str, str]] = field(default_factory=list)  # (key, paragraph)
    edited: bool = False
    ascii_only: bool = False
    limit_is_default: bool = True
    platform: str = ""
    reason_label: str = ""
    remedy: str = ""
    amount: float | None = None
    refund: RefundAdvice | None = None
    exhibits: list[templates.Exhibit] = field(default_factory=list)
    reply_by: str = ""
    earliest: list[Deadline] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the platform's own warnings
    suggestions: list[dict[str, Any]] = field(default_factory=list)  # wording findings
    price: float | None = None
    stale: list[str] = field(default_factory=list)  # where the edited text no longer matches
    stale_paragraphs: list[str] = field(default_factory=list)  # those paragraphs of `text`
    inputs: ClaimInputs | None = None  # what the text is made of (the shopper's explanation)

    @property
    def pending_suggestions(self) -> list[dict[str, Any]]:
        return [s for s in self.suggestions if s["decision"] == "pending"]

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `claim --json`."""
        refund = None
        if self.refund:
            refund = self.refund.to_dict() | {"summary": self.refund.summary(self.price)}
        return {
            "platform": self.platform,
            "subject": self.subject,
            "text": self.text,
            "short": self.short,
            "limit": self.limit,
            "limit_is_default": self.limit_is_default,
            "ascii_only": self.ascii_only,
            "edited": self.edited,
            "reason": self.reason_label,
            "remedy": self.remedy,
            "amount": self.amount,
            "reply_by": self.reply_by,
            "deadlines": [d.to_dict() for d in self.deadlines],
            "earliest_filing": [d.to_dict() for d in self.earliest],
            "checklist": [c.to_dict() for c in self.checklist],
            "notes": list(self.notes),
            "suggestions": list(self.suggestions),
            "warnings": list(self.warnings),
            "stale": list(self.stale),
            "exhibits": [
                {"number": e.number, "item_id": e.item_id, "citation": e.citation}
                for e in self.exhibits
            ],
            "refund": refund,
        }


def _sanitized(case: Case, warnings: list[str]) -> Case:
    """A view of the case whose facts and choices have the types and ranges drafting expects.

    case.json may have been edited by hand; a bad value is ignored with a warning instead of
    breaking the claim step.
    """
    claim: dict[str, Any] = {}
    for key, value in case.claim.items():
        if key not in CLAIM_KEYS:
            claim[key] = value
            continue
        try:
            claim[key] = case_values.normalize_claim(key, "" if value is None else value)
        except EvidenceKitError:
            warnings.append(f"The saved value of '{key}' is not valid and was ignored: {value!r}.")
    facts = case.facts
    for key in ("price", "currency"):
        try:
            case_values.normalize_fact(key, getattr(facts, key))
        except EvidenceKitError:
            warnings.append(f"The saved {key} is not valid and was ignored: {getattr(facts, key)!r}.")  # fmt: skip
            facts = Facts(**{**vars(facts), key: None if key == "price" else ""})
    return Case(facts=facts, items=case.items, claim=claim, events=case.events)


def _own_paragraphs(case: Case, text: str) -> str:
    """The shopper's own paragraphs of an edited text (those not generated)."""
    base = case.claim.get("text_base")
    generated = {p.strip() for p in base.values() if isinstance(p, str)} if isinstance(base, dict) else set()  # fmt: skip
    return "\n\n".join(p for p in text.split("\n\n") if p.strip() and p.strip() not in generated)


def _language_warnings(
    case: Case, review: wording.Review, user_text: str, warnings: list[str]
) -> dict[str, str]:
    texts = {name: review.text(name) for name in wording.FREE_TEXT}
    if user_text:
        texts["text"] = _own_paragraphs(case, user_text)
    found = {name: language_of(text) for name, text in texts.items() if text.strip()}
    foreign = {name: lang for name, lang in found.items() if lang != "en"}
    if foreign:
        names = ", ".join(wording.field_label(n) for n in foreign)
        language = LANGUAGE_NAMES[next(iter(foreign.values()))]
        warnings.append(
            f"Your {names} {'is' if len(foreign) == 1 and 'notes' not in foreign else 'are'} in {language}: use 'Translate "
            "to English' and check the result, or write in English, so the mediator can read it."
        )
    return found


def _spell(text: str, dropped: set[str]) -> str:
    out, lost = to_ascii(text)
    dropped.update(lost)
    return out


def draft_claim(case: Case, today: date | None = None, root: Path | None = None) -> ClaimDraft:
    """Draft the claim. `root` (the case folder) lets the checklist judge photo sharpness."""
    today = today or date.today()
    platform_id = case.facts.platform
    warnings: list[str] = []
    case = _sanitized(case, warnings)
    if not platform_id:
        warnings.append("Choose the platform: its rules decide the reasons, limits and deadlines.")
    limits = rules.upload_limits(platform_id) if platform_id else None
    limit = (limits.text_limit if limits else None) or DEFAULT_SHORT_LIMIT
    ascii_only = bool(limits and limits.ascii_only)
    raw_text = case.claim.get("text")
    user_text = raw_text if isinstance(raw_text, str) and raw_text.strip() else ""
    if user_text:  # exhibit numbers follow the items they meant
        user_text = stale.renumber(user_text, stale.saved_refs(case), exhibit_numbers(case))[0]

    review = wording.review_case(case, user_text)
    i: ClaimInputs = gather(case, today, review, warnings, ascii_only)
    forms = {a.item_id: a.form for a in attachments(case)}
    exhibits = templates.exhibits(case, review.texts, forms)
    letter = card_letter if i.is_card else sections
    paragraphs = letter.build(case, i, exhibits)
    subject = letter.subject(i)
    text = review.text("text") if user_text else ""
    dropped: set[str] = set()
    if ascii_only:
        paragraphs = [(k, _spell(p, dropped)) for k, p in paragraphs]
        subject = to_ascii(subject)[0]
        text = _spell(text, dropped) if text else ""
    generated = "\n\n".join(p for _, p in paragraphs)
    text = text or generated
    short = shortfit.fit(i, exhibits, limit, templates.any_redaction(case))
    if dropped:
        warnings.append(
            f"{i.platform_name} takes English characters only; these could not be spelled in "
            f"English letters and were left out: {''.join(sorted(dropped))}. Use 'Translate to "
            "English'."
        )
    outdated = stale.Staleness(text)
    if user_text:
        titles = {e.number: e.short.split(" ", 1)[1] for e in exhibits}  # "photo (Box corner)"
        # compared as stored: the base and the text were saved as shown (spelled in ASCII)
        outdated = stale.check(case, str(raw_text), paragraphs, titles, today)
        warnings += outdated.messages
    stale_paragraphs = list(outdated.paragraphs)
    languages = _language_warnings(case, review, user_text, warnings)
    pending = wording.pending_warning(review)
    if pending:
        warnings.append(pending)
    dl = deadlines.compute(case, today)
    early = deadlines.earliest(case, today)
    mismatches = mismatch.warnings(case, early)
    warnings += mismatches
    items = checklist.build(case, dl, early, mismatches, today, root, pending, languages)
    if outdated:
        items.insert(0, CheckItem("claim_current", "The claim text matches the case.", "missing",
                                  " ".join(outdated.messages)))  # fmt: skip
    return ClaimDraft(
        text=text,
        short=short,
        limit=limit,
        deadlines=dl,
        checklist=items,
        warnings=warnings,
        subject=subject,
        generated=generated,
        sections=paragraphs,
        edited=text != generated,
        ascii_only=ascii_only,
        limit_is_default=bool(limits is None or limits.is_default("text_limit")),
        platform=platform_id,
        reason_label=i.reason_label,
        remedy=i.remedy,
        amount=i.amount,
        refund=i.refund,
        exhibits=exhibits,
        reply_by=i.reply_by,
        earliest=early,
        notes=rules.notes(platform_id) if platform_id else [],
        suggestions=review.to_list(),
        price=i.price,
        stale=list(outdated.messages),
        stale_paragraphs=stale_paragraphs,
        inputs=i,
    )
