"""dispute_rules.json: every timer and refund time names its source and confidence, a value
without a source is marked as a default, and every rule it borrows exists."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from evidence_kit.claim import rules as platform_rules
from evidence_kit.claim.dispute import rules as R
from evidence_kit.core.events import KINDS


def _doc() -> dict:
    return json.loads(resources.files("evidence_kit.claim").joinpath("dispute_rules.json").read_text("utf-8"))  # fmt: skip


@pytest.mark.parametrize("platform", platform_rules.platform_ids())
def test_timers_are_sourced(platform: str) -> None:
    known = set(_doc()["sources"]) | set(platform_rules.load_rules()["sources"])
    for t in R.timers(platform):
        assert t.kind in ("last", "wait", "earliest") and t.who in ("buyer", "seller", "platform")
        assert (
            t.source == "default"
            and t.confidence == "default"
            or (t.source in known and t.confidence in ("H", "M", "L"))
        ), t
        assert R.source_title(t.source) or t.source == "default"
        for pattern in t.starts + t.stops:
            assert pattern.split(":")[0] in KINDS, pattern
        assert t.days > 0 or t.days_from == "refund_arrival"


def test_borrowed_values_come_from_platform_rules() -> None:
    ali = {t.id: t for t in R.timers("aliexpress")}
    assert (ali["seller_response"].days, ali["seller_response"].source) == (5, "A9")
    assert (ali["return_ship"].days, ali["return_ship"].source) == (10, "A9")
    paypal = {t.id: t for t in R.timers("paypal")}
    assert (paypal["escalate"].days, paypal["escalate"].confidence) == (20, "H")
    ebay = {t.id: t for t in R.timers("ebay")}
    assert ebay["ask_ebay"].business_days and ebay["appeal"].days == 30
    amazon = {t.id: t for t in R.timers("amazon")}
    assert (amazon["appeal"].days, amazon["appeal"].source) == (30, "Z3")
    shopee = {t.id: t for t in R.timers("shopee")}
    assert shopee["offer_reply"].days == 1


def test_refund_times_by_payment_method() -> None:
    seen = {m: R.refund_time("ebay", m) for m in R.PAYMENT_METHODS}
    assert [(t.min_days, t.max_days) for t in seen.values()] == [(3, 15), (7, 10), (10, 14), (1, 1)]
    assert all(t.confidence == "default" for t in seen.values())  # the seed's figures, unsourced
    ali = R.refund_time("aliexpress", "card")
    assert (ali.source, ali.business_days) == ("A6", True)  # 3-15 working days
    assert R.refund_time("ebay", "cheque").method == "card"
