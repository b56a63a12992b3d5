"""Review of everything the shopper typed that goes into the claim: findings and the words used.

Free-text fields get the tone and the privacy checks; names and titles only the privacy one
(a listing title in capitals is not shouting). The case's own facts (order id, tracking
number, dates) are never taken for personal details. Accepted findings are applied; pending
ones leave the words as typed and are reported, so nothing disappears unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evidence_kit.claim import findings as F
from evidence_kit.claim import privacy, tone
from evidence_kit.claim.findings import Finding
from evidence_kit.claim.language import case_regions
from evidence_kit.claim.transliterate import ascii_text
from evidence_kit.core.model import Case

FREE_TEXT = ("notes", "listing_says", "received_is", "seller_reply")
FIELD_LABEL = {
    "notes": "notes",
    "listing_says": "'listing says' text",
    "received_is": "'received' text",
    "seller_reply": "'seller's reply' text",
    "text": "edited claim text",
    "item": "item name",
    "store": "seller name",
    "buyer_name": "name",
}


@dataclass
class Review:
    """The words to use per field, and every finding with the shopper's decision."""

    texts: dict[str, str] = field(default_factory=dict)
    found: list[Finding] = field(default_factory=list)
    chosen: dict[str, str] = field(default_factory=dict)

    def text(self, name: str) -> str:
        return self.texts.get(name, "")

    @property
    def pending(self) -> list[Finding]:
        return [f for f in self.found if f.id not in self.chosen]

    def to_list(self) -> list[dict[str, Any]]:
        return [f.to_dict(self.chosen.get(f.id, "")) for f in self.found]


def field_label(name: str) -> str:
    """How a field is named to the shopper ("items.ab12.title" -> "title of an exhibit")."""
    if name.startswith("items."):
        return f"exhibit {name.split('.')[-1]}"
    return FIELD_LABEL.get(name, name.replace("_", " "))


def _protected(case: Case) -> tuple[list[str], list[str]]:
    """(values never taken for personal details, words whose case is kept)."""
    f = case.facts
    values = [f.order_id, f.tracking, f.ordered, f.delivered]
    values += [str(case.claim.get(k) or "") for k in ("return_tracking", "expected_by")]
    words = f"{f.item} {f.store}".split()
    return [v for v in values if v], words


def review_case(case: Case, edited_text: str = "") -> Review:
    """Scan the shopper's words in `case` (and their edited claim text, if any)."""
    claim, facts = case.claim, case.facts
    fields: dict[str, tuple[str, bool]] = {  # name -> (text, check the tone too)
        name: (str(claim.get(name) or ""), True) for name in FREE_TEXT
    }
    fields["item"] = (facts.item, False)
    fields["store"] = (facts.store, False)
    fields["buyer_name"] = (str(claim.get("buyer_name") or ""), False)
    for it in case.items:
        fields[f"items.{it.id}.title"] = (it.title, False)
        fields[f"items.{it.id}.note"] = (it.note, True)
        fields[f"items.{it.id}.shows"] = (it.shows, True)
    if edited_text:
        fields["text"] = (edited_text, True)
    values, words = _protected(case)
    regions = case_regions(
        str(claim.get("country") or ""),
        facts.currency,
        facts.platform,
        [text for text, _ in fields.values()],
    )
    chosen = F.decisions(claim)
    review = Review(chosen=chosen)
    seen: dict[tuple[str, str], str] = {}  # (kind, words) -> decision made in another field
    raised: list[tuple[str, str]] = []  # (kind, words) already listed for another field
    for name, (text, check_tone) in fields.items():
        if not text.strip():
            review.texts[name] = text
            continue
        # privacy first: a sentence's tone is judged on it after the accepted removals
        found = privacy.scan(text, name, regions, values)
        _inherit(found, chosen, seen)
        text = F.apply(text, found, chosen)
        if check_tone:
            calmer = tone.scan(text, name, words)
            _inherit(calmer, chosen, seen)
            text = F.apply(text, calmer, chosen)
            found += calmer
        # the edited text repeats the notes: the same words are listed (and decided) once
        review.found += [f for f in found if name != "text" or _match(_key(f), raised) is None]
        raised += [_key(f) for f in found]
        review.texts[name] = text
    return review


def _inherit(
    found: list[Finding], chosen: dict[str, str], seen: dict[tuple[str, str], str]
) -> None:
    """The same words found in two fields (notes, then the edited text) are decided once."""
    for f in found:
        if f.id in chosen:
            seen.setdefault(_key(f), chosen[f.id])
        elif (same := _match(_key(f), list(seen))) is not None:
            chosen[f.id] = seen[same]


def _match(key: tuple[str, str], keys: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The listed finding these words repeat: the same kind, one's words inside the other's
    (the edited text has "Details: TOVAR NE TOT!!!" where the notes had "ТОВАР НЕ ТОТ!!!")."""
    kind, words = key
    return next((k for k in keys if k[0] == kind and (words in k[1] or k[1] in words)), None)


def _key(f: Finding) -> tuple[str, str]:
    """The same words whether spelled in Cyrillic (the notes) or in ASCII (the text as sent)."""
    return f.kind, ascii_text(f.found).lower()


def pending_warning(review: Review) -> str:
    """One line about the suggestions still to decide, or ''."""
    pending = review.pending
    if not pending:
        return ""
    kinds = sorted({F.KIND_LABEL[f.kind] for f in pending})
    fields = sorted({field_label(f.field) for f in pending})
    n = len(pending)
    return (
        f"{n} wording suggestion{'s' if n != 1 else ''} to review ({', '.join(kinds)}) in your "
        f"{', '.join(fields)}: accept or keep each one. Until then the claim uses your words as "
        "typed."
    )


def set_decision(case: Case, finding_ids: list[str], decision: str, known: list[str]) -> None:
    """Record 'accept' or 'keep' for findings; unknown ids are a named error."""
    from evidence_kit.core import activity_log
    from evidence_kit.core.errors import InvalidValueError

    if decision not in F.DECISIONS:
        raise InvalidValueError(f"a decision is accept or keep, not '{decision}'")
    bad = [i for i in finding_ids if i not in known]
    if bad:
        raise InvalidValueError(
            f"'{bad[0]}' is not a wording suggestion of this claim; known: {', '.join(known) or 'none'}"
        )
    saved = F.decisions(case.claim)
    saved.update(dict.fromkeys(finding_ids, decision))
    case.claim["wording"] = saved
    activity_log.append(case, "wording_decided", decision=decision, findings=sorted(finding_ids))
