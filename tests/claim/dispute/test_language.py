"""The Dispute step's next action and deadlines follow the UI language (issue 17): with the
window in Russian an AliExpress case with a few events reads in Russian, with no run of English
words left (platform names and tracking numbers aside), and in English it reads as before."""

from __future__ import annotations

import re
from datetime import date

from evidence_kit.claim.dispute import messages, next_action, timeline
from evidence_kit.core import event_ops, i18n
from evidence_kit.core.model import Case
from tests.claim.dispute.test_journey import CLAIM, FACTS
from tests.factories.claim import make_case, unboxing_items

#: two Latin words in a row: English left in a Russian text
_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'-]+(?:[ ,;:()]+[A-Za-z][A-Za-z'-]+)+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
STEPS = [
    ("dispute_opened", "2026-11-12", {}),
    ("seller_replied", "2026-11-13", {"reply": "offer", "amount": 2.0}),
    ("return_agreed", "2026-11-20", {"address_in_form": False}),
    ("return_shipped", "2026-11-23", {"tracking": "RR987654321CN"}),
    ("seller_received", "2026-11-30", {}),
]


def _texts(case: Case, today: date) -> list[str]:
    act = next_action.compute(case, today)
    out = [act.text, act.why]
    for d in timeline.compute(case, today):
        out += [d.name, d.basis, d.miss]
    return [t for t in out if t]


def _journey(language: str) -> list[list[str]]:
    """The card's texts before the dispute opens and after each step, in `language`."""
    case = make_case("aliexpress", FACTS, CLAIM, unboxing_items())
    with i18n.using(language):
        seen = [_texts(case, date(2026, 11, 11))]
        for kind, day, details in STEPS:
            today = date.fromisoformat(day)
            event_ops.add_event(case, event_ops.make_event(case, kind, day, today=today, **details))
            seen.append(_texts(case, today))
    return seen


def test_the_card_and_the_deadlines_read_in_russian() -> None:
    steps = _journey("ru")
    for texts in steps:
        for text in texts:
            assert _CYRILLIC.search(text), text
            assert not _ENGLISH_RUN.search(text), text
    flat = "\n".join(t for texts in steps for t in texts)
    assert "15 дней после доставки (10.11.2026)" in flat  # the window to open, counted again
    assert "Срок ответа продавца" in flat and "5 дней после открытия спора (12.11.2026)" in flat
    assert "Не соглашайтесь на 2,00\xa0$: предложите" in flat  # money as Russian writes it
    assert "Отправить возврат и указать его трек-номер (10 дней)" in flat
    assert "Деньги должны прийти (банковская карта, 3–15 дней, если вы платили картой)" in flat
    assert "15 рабочих дней после получения возврата продавцом (30.11.2026)" in flat
    assert "поддержку AliExpress" in flat  # the late-refund advice, its {platform} filled


def test_english_is_as_before() -> None:
    steps = _journey("en")
    flat = "\n".join(t for texts in steps for t in texts)
    assert not _CYRILLIC.search(flat)
    assert steps[0][0] == (
        "Open the dispute on AliExpress, paste the claim and attach the evidence; then record "
        "'dispute opened' here."
    )
    assert "5 days after the dispute was opened (2026-11-12)" in flat
    assert "Decline the offer of 2.00 USD and counter with 8.00 USD (draft: Reply" in flat
    assert "Refund should arrive (bank card, 3-15 days, if you paid by card)" in flat
    assert "15 business days after the seller received the return (2026-11-30)" in flat
    assert "An address sent only in chat is not one AliExpress can check." in flat


def test_the_cli_and_the_drafts_stay_english_in_a_russian_process() -> None:
    """The message drafts are built `using("en")`, whatever the window's language."""
    case = make_case("aliexpress", FACTS, CLAIM, unboxing_items())
    event_ops.add_event(case, event_ops.make_event(case, "dispute_opened", "2026-11-12", today=date(2026, 11, 12)))  # fmt: skip
    i18n.set_language("ru")
    try:
        for kind in messages.available(case, date(2026, 11, 13)):
            m = messages.build_message(case, kind, date(2026, 11, 13))
            assert not _CYRILLIC.search(m.text.replace(CLAIM["buyer_name"], "")), kind
    finally:
        i18n.set_language("en")
