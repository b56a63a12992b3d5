"""The claim and every message draft explained in the shopper's language, for every platform
and reason: the same facts as the English, no untranslated sentence, the shopper's own words
as they wrote them, and the English claim untouched by the language shown."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evidence_kit.claim import rules
from evidence_kit.claim.dispute import messages
from evidence_kit.claim.draft import draft_claim
from evidence_kit.claim.explain import explain_claim
from evidence_kit.claim.explain_messages import explain_message
from evidence_kit.core import event_ops, i18n
from tests.factories.claim import item, make_case

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "8123", "item": "Кожаная сумка", "price": 1499.9, "currency": "RUB",
         "ordered": "2026-11-01", "delivered": "2026-11-20", "tracking": "LP00123456789CN",
         "store": "Best Bags Store"}  # fmt: skip
SHOWS = "трещина на крышке видна при повороте"
PLATFORMS = ("aliexpress", "ebay", "amazon", "paypal", "temu", "shopee", "lazada", "card")
CASES = [(p, r["id"]) for p in PLATFORMS for r in rules.reasons(p)]
# words the Russian text may keep in Latin letters: names, codes, the platforms' own terms
_KEPT = re.compile(
    r"«[^»]*»|\[[^\]]*\]|\b(?:E\d+|A-to-z|AliExpress|eBay|Amazon|PayPal|Temu|Shopee|Lazada|Mall|"
    r"Visa|Mastercard|Money Back Guarantee|Your Orders|claim|LP\w+|Best Bags Store|Anna|MB|PDF|"
    r"case item CASE E1 shows=\.\.\.|return_attempted|return_tracking|expected_by|weight|"
    r"aspect|jpeg|png|gif|jpg|pdf|mp4|heif|webp|bmp|tiff|\w+ card|the card issuer|"
    r"[A-Z][\w.-]*)\b"
)


def _items():  # type: ignore[no-untyped-def]
    video = item("vid001", "video", "Unboxing video", duration_s=45.0, fmt="mp4")
    video.shows = "распаковка одним дублем, с запечатанной посылки"
    frame = item("frm002", "frame", "Frame 00:01:12", pts_s=72.4, parent="vid001", fmt="png")
    frame.shows = SHOWS
    label = item("lab004", "photo", "Shipping label", fmt="jpeg", redact=True)
    label.shows = "наклейка с трек-номером"
    return [video, frame, label]


def _case(platform: str, reason: str):  # type: ignore[no-untyped-def]
    received = reason != "not_received"
    claim = {"received": received, "reason": reason, "remedy": "full_refund",
             "contacted_seller": "2026-11-21", "seller_reply": "продавец молчит",
             "notes": "Сумка пахнет химией", "buyer_name": "Анна"}  # fmt: skip
    if reason in ("not_as_described", "wrong_size", "wrong_item", "missing_parts", "counterfeit"):
        claim |= {"aspect": "size", "listing_says": "32 см", "received_is": "25 см"}
    if not received:
        claim["expected_by"] = "2026-11-15"
    return make_case(platform, FACTS, claim, _items() if received else [])


def _untranslated(text: str) -> list[str]:
    """Lines with three or more English words in a row outside quotes and names."""
    out = []
    for line in text.splitlines():
        bare = _KEPT.sub(" ", line)
        if re.search(r"[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}", bare):
            out.append(line)
    return out


@pytest.mark.parametrize(("platform", "reason"), CASES)
def test_claim_explained_in_russian(platform: str, reason: str) -> None:
    case = _case(platform, reason)
    english = draft_claim(case, TODAY)
    explained = explain_claim(case, "ru", TODAY)
    text = explained.text()
    assert explained.language == "ru" and "претензи" in text.lower()
    assert not _untranslated(text), _untranslated(text)
    # the same facts: the order, the amount in Russian, the dates, the deadlines
    assert "8123" in text and "1\xa0499,90\xa0₽" in text
    assert "21.11.2026" in text and "2026-11-21" not in text
    for d in english.deadlines:
        day, month, year = d.date[8:], d.date[5:7], d.date[:4]
        assert f"{day}.{month}.{year}" in text, d.name
    # every exhibit the claim cites, with the shopper's "what it shows" as they wrote it
    for e in english.exhibits:
        assert e.number in text
    if english.exhibits:
        assert f"«{SHOWS}»" in text and "кадр на 00:01:12 (из E1)" in text
        assert "«Сумка пахнет химией»" in text
    # the claim stays English, whatever language the explanation was in
    with i18n.using("ru"):
        again = draft_claim(case, TODAY)
    assert again.text == english.text and again.short == english.short
    assert again.text.isascii() or platform not in ("aliexpress",)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_claim_explained_in_english(platform: str) -> None:
    text = explain_claim(_case(platform, "damaged"), "en", TODAY).text()
    assert "Your claim explained" in text and "Before you submit" in text
    assert "Deadlines" in text and "1499.90 RUB" in text and "2026-11-21" in text


def _dispute(platform: str, reason: str):  # type: ignore[no-untyped-def]
    case = _case(platform, reason)
    for kind, day, kw in (
        ("dispute_opened", "2026-11-22", {}),
        ("seller_replied", "2026-11-23", {"reply": "offer", "amount": 300.0}),
    ):
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=TODAY, **kw))
    return case


MESSAGE_CASES = [
    (p, r, k)
    for p in PLATFORMS
    for r in ("damaged", "not_received")
    for k in messages.available(_dispute(p, r), TODAY)
]


@pytest.mark.parametrize(("platform", "reason", "kind"), MESSAGE_CASES)
def test_every_message_draft_explained(platform: str, reason: str, kind: str) -> None:
    case = _dispute(platform, reason)
    english = messages.build_message(case, kind, TODAY)
    explained = explain_message(case, kind, "ru", TODAY)
    text = explained.text()
    assert not _untranslated(text), _untranslated(text)
    with i18n.using("ru"):
        assert explained.title == i18n.translated(english.title) != english.title
    assert "8123" in text and "1\xa0499,90\xa0₽" in text
    for number in english.exhibits:
        assert number in text
    if kind == "counter_offer":
        assert "300,00\xa0₽" in text
    # the English draft is the same with the window in Russian
    with i18n.using("ru"):
        assert messages.build_message(case, kind, TODAY).text == english.text


def test_all_kinds_are_covered() -> None:
    assert {k for _, _, k in MESSAGE_CASES} == set(messages.KINDS) - {"appeal", "extend_protection"}
    waiting = _case("aliexpress", "not_received")  # before the dispute opens
    text = explain_message(waiting, "extend_protection", "ru", TODAY).text()
    assert "продлить время защиты покупателя" in text and not _untranslated(text)
    case = _dispute("aliexpress", "damaged")
    event_ops.add_event(case, event_ops.make_event(case, "closed_lost", "2026-11-25", today=TODAY, note="нет видео"))  # fmt: skip
    text = explain_message(case, "appeal", "ru", TODAY).text()
    assert "25.11.2026" in text and "«нет видео»" in text and not _untranslated(text)


def test_why_a_draft_is_not_there_in_the_shopper_language() -> None:
    case = _case("ebay", "damaged")  # no dispute yet
    assert "not open" in messages.why_not(case, "escalate")  # the command line's English
    with i18n.using("ru"):
        assert messages.why_not(case, "escalate") == "спор не открыт (отметьте dispute_opened) или уже закрыт"  # fmt: skip
        assert messages.why_not(case, "extend_protection").startswith("extend_protection — для посылки")  # fmt: skip
