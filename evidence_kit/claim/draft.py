"""Turn the case into a polite, factual English claim that cites every exhibit.

`draft_claim` builds the long text (the §3.2 structure), a short variant that fits the
platform's text limit, the deadlines, the checklist and the warnings. The text is the
shopper's edited version when there is one (claim["text"]), else the generated one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from evidence_kit.claim import checklist, deadlines, rules, templates, tone
from evidence_kit.claim.checklist import CheckItem
from evidence_kit.claim.deadlines import Deadline
from evidence_kit.claim.refund import RefundAdvice, advise, format_money
from evidence_kit.claim.transliterate import to_ascii
from evidence_kit.core import case_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import CLAIM_KEYS, Case

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
    subject: str = ""
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

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `claim --json`."""
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
            "checklist": [c.to_dict() for c in self.checklist],
            "warnings": list(self.warnings),
            "exhibits": [
                {"number": e.number, "item_id": e.item_id, "citation": e.citation}
                for e in self.exhibits
            ],
            "refund": self.refund.to_dict() if self.refund else None,
        }


def _clip(text: str, size: int) -> str:
    """Shorten at a word boundary with '...'."""
    if len(text) <= size:
        return text
    cut = text[: max(size - 3, 0)].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "..."


@dataclass
class _Facts:
    """The inputs of the text, cleaned once."""

    platform_name: str
    short_name: str  # "AliExpress", "the card issuer"
    subject_name: str  # "AliExpress order", "Card dispute for order"
    order_id: str
    item: str
    price: float | None
    currency: str
    reason: str
    reason_label: str
    remedy: str
    percent: float | None
    amount: float | None
    received: bool
    diffs: list[templates.Difference]
    notes: str
    contacted: str
    seller_reply: str
    reply_by: str
    buyer: str


def _problem_lines(f: _Facts) -> list[str]:
    lines = [f"2. Problem: {templates.PROBLEM.get(f.reason, 'There is a problem with my order.')}"]
    if f.reason_label:
        lines.append(f"   Dispute reason: {f.reason_label}.")
    lines += [f"   {templates.difference_line(d)}" for d in f.diffs]
    if f.notes:
        lines.append(f"   Details: {f.notes}")
    return lines


def _sections(case: Case, f: _Facts, exhibits: list[templates.Exhibit]) -> list[tuple[str, str]]:
    facts = case.facts
    remedy_short = templates.REMEDY_SHORT.get(f.remedy, "a refund")
    subject = (
        f"Subject: {f.subject_name} {f.order_id or '(order number)'} - "
        f"{templates.REASON_SHORT.get(f.reason, 'problem with my order')} - request for {remedy_short}"
    )
    order = [f"Order {f.order_id}" if f.order_id else "My order"]
    if facts.ordered:
        order.append(f"placed {facts.ordered}")
    if f.item:
        order.append(f'item "{f.item}"')
    if f.price is not None:
        order.append(f"paid {format_money(f.price, f.currency)}")
    if facts.store:
        order.append(f"seller {tone.clean(facts.store).text}")
    line = "1. Order facts: " + ", ".join(order) + "."
    shipping = []
    if facts.tracking:
        shipping.append(f"Tracking {facts.tracking}")
    if facts.delivered and f.reason != "not_received":
        shipping.append(f"delivered {facts.delivered}")
    elif case.claim.get("expected_by"):
        shipping.append(f"expected by {case.claim['expected_by']}")
    if shipping:
        line += "\n   " + "; ".join(shipping) + "."
    if f.contacted:
        reply = f.seller_reply or "no reply so far"
        done = f"3. What I have done: I contacted the seller on {f.contacted} through the platform's messages; {reply.rstrip('.')}."  # fmt: skip
    else:
        done = (
            "3. What I have done: I am opening this dispute to resolve the problem with the seller."
        )
    if exhibits:
        head = "4. Evidence (attached):"
        if rules.upload_limits(facts.platform).max_files == 0 if facts.platform else False:
            head = "4. Evidence (sent in the messages with the seller; available on request):"
        evidence = "\n".join([head] + [f"   {e.citation}" for e in exhibits])
    else:
        evidence = "4. Evidence: the order and tracking details above; more on request."
    request = "5. Request: " + templates.request_sentence(
        f.remedy, f.price, f.currency, f.percent, f.amount, f.item, f.received
    )
    sections = [
        ("subject", subject),
        ("greeting", "Hello,"),
        ("facts", line),
        ("problem", "\n".join(_problem_lines(f))),
        ("done", done),
        ("evidence", evidence),
    ]
    if templates.any_redaction(case):
        sections.append(("privacy", templates.PRIVACY.format(platform=f.short_name)))
    sections += [
        ("request", request),
        ("reply", f"6. Please reply by {f.reply_by}."),
        ("closing", "Thank you for your help." + (f"\n{f.buyer}" if f.buyer else "")),
    ]
    return sections


def _short(case: Case, f: _Facts, exhibits: list[templates.Exhibit], limit: int) -> str:
    """One paragraph that fits `limit`, dropping detail step by step."""
    head = f"{f.subject_name} {f.order_id or '(order number)'}"
    request = templates.request_sentence(
        f.remedy, f.price, f.currency, f.percent, f.amount, f.item, False
    )
    tail = f"Request: {request.split('. Please')[0].rstrip('.')}. Please reply by {f.reply_by}."
    problem = templates.PROBLEM.get(f.reason, "There is a problem with my order.")
    masked = (
        " Personal details masked; original available on request."
        if templates.any_redaction(case)
        else ""
    )

    def build(level: int) -> str:
        item = f' ("{_clip(f.item, 60 if level < 3 else 30)}")' if f.item and level < 5 else ""
        size = 200 if level < 3 else 70
        diffs = " ".join(
            _clip(templates.difference_line(d), size) for d in f.diffs[: (3 if level < 4 else 1)]
        )
        if exhibits and level < 1:
            ev = "Evidence: " + "; ".join(e.short for e in exhibits) + "."
        elif exhibits and level < 2:
            ev = "Evidence: " + "; ".join(e.short.split(" (")[0] for e in exhibits) + "."
        elif exhibits:
            first, last = exhibits[0].number, exhibits[-1].number
            ev = f"Evidence: {first}-{last} attached." if first != last else f"Evidence: {first}."
        else:
            ev = ""
        contact = ""
        if f.contacted and level < 3:
            contact = (
                f"Seller contacted {f.contacted}: {(f.seller_reply or 'no reply').rstrip('.')}."
            )
        extra = masked.strip() if level < 3 else ""
        parts = [f"{head}{item}: {problem}", diffs, ev, contact, extra, tail]
        return " ".join(p for p in parts if p)

    for level in range(6):
        text = build(level)
        if len(text) <= limit:
            return text
    # still too long (a huge difference text): keep the request and reply-by whole
    room = limit - len(tail) - 1
    if room < 20:
        return _clip(tail, limit)
    return _clip(build(5), room) + " " + tail


def _script(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "")


def _facts(case: Case, today: date, warnings: list[str]) -> tuple[_Facts, RefundAdvice | None]:
    claim = case.claim
    facts = case.facts
    platform_id = facts.platform
    reason = claim.get("reason") or ""
    received = claim.get("received") is not False and reason != "not_received"
    remedy = claim.get("remedy") or ""
    if not remedy:
        remedy = "full_refund"
        warnings.append("No remedy chosen: the draft asks for a full refund.")
    entry = rules.reason(platform_id, reason) if platform_id and reason else None
    label = entry["label"] if entry else ""
    advice: RefundAdvice | None = None
    percent: float | None = None
    amount: float | None = None
    if reason:
        advice = advise(
            reason,
            facts.price,
            facts.currency,
            claim.get("still_works"),
            claim.get("refund_percent"),
            claim.get("return_postage"),
        )
    if remedy == "partial_refund" and advice is not None:
        percent = advice.percent
        amount = advice.amount
    elif remedy in ("full_refund", "return_and_refund"):
        amount = facts.price
    notes = tone.clean(str(claim.get("notes") or ""))
    diffs = [
        templates.Difference(d.aspect, tone.clean(d.listing).text, tone.clean(d.received).text)
        for d in templates.differences(claim)
    ]
    for field_name in ("notes", "listing_says", "received_is", "seller_reply"):
        problems = tone.find_problems(str(claim.get(field_name) or ""))
        if problems:
            warnings.append(
                f"Your {field_name.replace('_', ' ')} had {', '.join(problems)}: the draft leaves "
                "that out. Mediators decide on facts; keep it calm."
            )
    own_words = " ".join(
        str(claim.get(k) or "") for k in ("notes", "listing_says", "received_is", "seller_reply")
    )
    if any(ch.isalpha() and not ch.isascii() and "LATIN" not in _script(ch) for ch in own_words):
        warnings.append(
            "Some of your notes are not in English: use 'Translate to English' and check the "
            "result, so the mediator can read them."
        )
    reply_by = deadlines.reply_by(case, today).isoformat()
    return (
        _Facts(
            platform_name=rules.platform_name(platform_id),
            short_name=rules.platform_field(platform_id, "short_name", "the platform"),
            subject_name=rules.platform_field(platform_id, "subject_name", "Order"),
            order_id=facts.order_id,
            item=tone.clean(facts.item).text,
            price=facts.price,
            currency=facts.currency,
            reason=reason,
            reason_label=label,
            remedy=remedy,
            percent=percent,
            amount=amount,
            received=received,
            diffs=diffs,
            notes=notes.text,
            contacted=str(claim.get("contacted_seller") or ""),
            seller_reply=tone.clean(str(claim.get("seller_reply") or "")).text,
            reply_by=reply_by,
            buyer=tone.clean(str(claim.get("buyer_name") or "")).text,
        ),
        advice,
    )


def _sanitized(case: Case, warnings: list[str]) -> Case:
    """A view of the case whose claim choices have the types the drafting expects.

    case.json may have been edited by hand; a bad value is ignored with a warning instead of
    breaking the claim step.
    """
    claim: dict[str, Any] = {}
    for key, value in case.claim.items():
        if key not in CLAIM_KEYS:
            claim[key] = value
            continue
        try:
            claim[key] = case_ops.normalize_claim(key, "" if value is None else value)
        except EvidenceKitError:
            warnings.append(f"The saved value of '{key}' is not valid and was ignored: {value!r}.")
    return Case(facts=case.facts, items=case.items, claim=claim)


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
    f, advice = _facts(case, today, warnings)
    warnings += checklist.mismatch_warnings(case)
    exhibits = templates.exhibits(case)
    sections = _sections(case, f, exhibits)
    generated = "\n\n".join(p for _, p in sections)
    user_text = case.claim.get("text")
    text = user_text if isinstance(user_text, str) and user_text.strip() else generated
    if text is user_text:
        problems = tone.find_problems(text)
        if problems:
            warnings.append(
                f"Your edited text has {', '.join(problems)}: remove it before you send the claim "
                "(never your address or phone; no insults, threats or capitals)."
            )
    short = _short(case, f, exhibits, limit)
    ascii_only = bool(limits and limits.ascii_only)
    if ascii_only:
        text, dropped = to_ascii(text)
        short, dropped_short = to_ascii(short)
        generated = to_ascii(generated)[0]
        sections = [(k, to_ascii(p)[0]) for k, p in sections]
        if len(short) > limit:
            short = _clip(short, limit)
        if dropped or dropped_short:
            chars = "".join(sorted(set(dropped + dropped_short)))
            warnings.append(
                f"{f.platform_name} takes English characters only; these could not be spelled "
                f"in English letters and were left out: {chars}. Use 'Translate to English'."
            )
    base = case.claim.get("text_base")
    if isinstance(user_text, str) and isinstance(base, dict) and base != dict(sections):
        warnings.append(
            "The case changed since you edited the text: press Regenerate to update it "
            "(your own paragraphs are kept)."
        )
    dl = deadlines.compute(case, today)
    items = checklist.build(case, dl, checklist.mismatch_warnings(case), today, root)
    return ClaimDraft(
        text=text,
        short=short,
        limit=limit,
        deadlines=dl,
        checklist=items,
        warnings=warnings,
        subject=sections[0][1],
        generated=generated,
        sections=sections,
        edited=text != generated,
        ascii_only=ascii_only,
        limit_is_default=bool(limits is None or limits.is_default("text_limit")),
        platform=platform_id,
        reason_label=f.reason_label,
        remedy=f.remedy,
        amount=f.amount,
        refund=advice,
        exhibits=exhibits,
        reply_by=f.reply_by,
    )
