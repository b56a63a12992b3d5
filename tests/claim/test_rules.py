"""The platform rules data file: complete, sourced, and matching the reference values."""

from __future__ import annotations

import pytest

from evidence_kit.claim import rules
from evidence_kit.core.case_values import REASONS, REMEDIES
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import PLATFORMS

CONFIDENCES = {"H", "M", "L", "default"}


def _sourced_values(doc: dict) -> list[tuple[str, dict]]:
    out = []
    for pid, p in doc["platforms"].items():
        out += [(f"{pid}.limits.{k}", v) for k, v in p["limits"].items()]
        out += [(f"{pid}.reasons.{r['id']}", r) for r in p["reasons"]]
        out += [(f"{pid}.remedies.{k}", v) for k, v in p["remedies"].items()]
        out += [(f"{pid}.deadlines.{d['id']}", d) for d in p["deadlines"]]
        out += [
            (f"{pid}.deadlines.{d['id']}.fallback", d["fallback"])
            for d in p["deadlines"]
            if "fallback" in d
        ]
    return out


def test_every_platform_of_the_model_is_in_the_file() -> None:
    assert set(rules.platform_ids()) == set(PLATFORMS)


def test_every_value_has_a_known_source_and_confidence() -> None:
    doc = rules.load_rules()
    values = _sourced_values(doc)
    assert len(values) > 150
    for path, entry in values:
        assert entry["confidence"] in CONFIDENCES, path
        if entry["source"] is None:
            assert entry["confidence"] == "default", path
        else:
            assert entry["source"] in doc["sources"], path
            assert entry["confidence"] != "default", path


@pytest.mark.parametrize("platform", PLATFORMS)
def test_each_platform_maps_every_shared_reason(platform: str) -> None:
    ids = [r["id"] for r in rules.reasons(platform)]
    assert sorted(ids) == sorted(REASONS)
    assert [r["id"] for r in rules.reasons(platform, received=False)] == ["not_received"]
    assert "not_received" not in [r["id"] for r in rules.reasons(platform, received=True)]
    assert set(rules.remedies(platform)) <= set(REMEDIES)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_upload_limits_shape(platform: str) -> None:
    lim = rules.upload_limits(platform)
    assert isinstance(lim.image_max_bytes, int) and lim.image_max_bytes > 0
    assert isinstance(lim.video_max_bytes, int) and isinstance(lim.video_max_seconds, int)
    assert all(f == f.lower() and "." not in f for f in lim.image_formats + lim.video_formats)
    assert (lim.video_max_bytes == 0) == (not lim.video_formats)
    assert set(lim.sources) >= {"image_max_bytes", "video_max_bytes", "video_max_seconds", "image_formats",
                                "video_formats", "max_files", "text_limit", "ascii_only"}  # fmt: skip
    for entry in lim.sources.values():
        assert entry["confidence"] in CONFIDENCES and entry["source"]


def test_reference_values() -> None:
    """Spot checks against shared/reference/platform-rules.md section 7."""
    ali = rules.upload_limits("aliexpress")
    assert ali.image_max_bytes == 2_000_000 and ali.ascii_only
    assert set(ali.image_formats) == {"jpeg", "png", "bmp", "gif"}
    assert ali.sources["image_max_bytes"]["source"] == "A5"
    assert ali.is_default("video_max_bytes") and ali.is_default("text_limit")
    assert not ali.is_default("ascii_only")
    shopee = rules.upload_limits("shopee")
    assert (shopee.image_max_bytes, shopee.video_max_bytes, shopee.video_max_seconds) == (
        10_000_000,
        30_000_000,
        60,
    )
    assert shopee.sources["video_max_seconds"] == {"source": "S1", "confidence": "H"}
    paypal = rules.upload_limits("paypal")
    assert paypal.image_max_bytes == 10_000_000 and paypal.video_formats == ()
    assert paypal.total_max_bytes == 50_000_000 and "pdf" in paypal.document_formats
    card = rules.upload_limits("card")
    assert card.video_formats == () and card.total_max_bytes == 5_000_000
    assert rules.upload_limits("amazon").max_files == 0
    days = {
        p: {d["id"]: d["days"] for d in rules.deadline_rules(p) if d["when"] != "earliest"}
        for p in PLATFORMS
    }
    assert days["aliexpress"] == {"open_dispute": 15, "seller_response": 5, "platform_steps_in": 7,
                                  "return_ship": 10}  # fmt: skip
    assert days["ebay"]["open_dispute"] == 30 and days["ebay"]["seller_response"] == 3
    assert days["amazon"]["open_dispute"] == 90
    assert days["paypal"] == {"open_dispute": 180, "escalate": 20, "return_ship": 10}
    assert days["temu"] == {"open_dispute": 90, "return_ship": 14}
    assert days["card"]["open_dispute"] == 120
    assert rules.reason("ebay", "wrong_size")["code"] == "WRONG_SIZE"


def test_unknown_platform_is_a_named_error() -> None:
    with pytest.raises(InvalidValueError, match="unknown platform"):
        rules.upload_limits("wish")


def test_load_rules_returns_a_copy() -> None:
    doc = rules.load_rules()
    doc["platforms"]["ebay"]["limits"]["image_max_bytes"]["value"] = 1
    assert rules.upload_limits("ebay").image_max_bytes == 5_000_000


def test_inferred_and_merchant_side_values_are_not_high_confidence() -> None:
    """Build 7: a mapping we inferred, or a limit from a merchant-side tool, is not 'H'."""
    inferred = {(p, r["id"]): r for p in PLATFORMS for r in rules.reasons(p) if r.get("inferred")}
    assert ("amazon", "wrong_size") in inferred and ("card", "counterfeit") in inferred
    assert ("temu", "defective") in inferred and ("ebay", "empty_parcel") in inferred
    assert all(r["confidence"] in ("M", "L") for r in inferred.values())
    assert rules.upload_limits("amazon").sources["max_files"]["confidence"] == "L"
    card = rules.upload_limits("card").sources
    assert {card[k]["confidence"] for k in ("image_max_bytes", "max_files", "total_max_bytes")} == {"L"}  # fmt: skip


def test_remedies_are_buyer_choices_not_seller_offers() -> None:
    assert "replacement" not in rules.remedies("paypal")
    assert "partial_refund" not in rules.remedies("shopee")
    assert "replacement" in rules.remedies("ebay")


def test_earliest_filing_rules_name_their_sources() -> None:
    doc = rules.load_rules()
    early = [(p, d) for p in PLATFORMS for d in rules.deadline_rules(p) if d["when"] == "earliest"]
    assert {p for p, _ in early} == {"aliexpress", "amazon", "card"}
    for _, d in early:
        assert d["source"] in doc["sources"] and d["confidence"] in ("H", "M")
    fallback = next(d for d in rules.deadline_rules("aliexpress") if d["id"] == "open_dispute")
    assert fallback["fallback"]["by_region"] == {"RU": 105, "BR": 135}
