"""Partial-refund helper: ranges from common practice, amounts, and whether a return pays."""

from __future__ import annotations

from evidence_kit.claim.refund import advise, format_money, partial_amount, suggest_range


def test_ranges() -> None:
    assert suggest_range("damaged", still_works=True) == (30.0, 40.0)
    assert suggest_range("damaged", still_works=False) == (50.0, 95.0)
    assert suggest_range("defective", still_works=None) == (50.0, 95.0)
    assert suggest_range("not_received", still_works=None) == (100.0, 100.0)
    assert suggest_range("empty_parcel", still_works=True) == (100.0, 100.0)


def test_amounts_round_half_up_to_the_cent() -> None:
    assert partial_amount(12.5, 60) == 7.5
    assert partial_amount(0.25, 50) == 0.13
    assert partial_amount(19.99, 33) == 6.6
    assert partial_amount(None, 50) is None
    assert format_money(7.5, "USD") == "7.50 USD"


def test_keep_with_partial_refund_when_postage_eats_the_refund() -> None:
    # 20.00 item, 35% partial = 7.00; return postage 14.00 -> a return brings 6.00
    advice = advise("damaged", 20.0, "USD", still_works=True, percent=35, return_postage=14.0)
    assert advice.amount == 7.0 and advice.return_net == 6.0
    assert advice.recommend == "keep_partial"
    assert "Keep it" in advice.explanation


def test_return_pays_when_postage_is_cheap() -> None:
    advice = advise("defective", 80.0, "EUR", still_works=False, percent=None, return_postage=5.0)
    assert advice.percent == 72.5  # middle of 50-95
    assert advice.amount == 58.0 and advice.return_net == 75.0
    assert advice.recommend == "return"


def test_nothing_arrived_means_full_refund() -> None:
    advice = advise("not_received", 15.0, "GBP")
    assert advice.recommend == "full_refund" and advice.amount == 15.0 and advice.percent == 100.0


def test_unknown_postage_or_price_gives_no_recommendation() -> None:
    assert advise("damaged", 10.0, "USD", True).recommend == ""
    assert advise("damaged", None, "USD", True, return_postage=3.0).amount is None


def test_advice_flags_a_percentage_outside_the_usual_range() -> None:
    high = advise("damaged", 12.5, "USD", still_works=True, percent=60)
    assert "60% is above the usual 30-40%" in high.explanation
    low = advise("defective", 12.5, "USD", still_works=False, percent=20, return_postage=1.0)
    assert "20% is below the usual 50-95%" in low.explanation
    assert "is above" not in advise("damaged", 12.5, "USD", True, percent=35).explanation
