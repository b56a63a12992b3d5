"""Defect 6: values that cannot be true are refused with a hint; typed prices are understood."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit.core import case_ops, case_values
from evidence_kit.core.errors import CaseCorruptError, InvalidValueError
from evidence_kit.core.model import Case, Facts
from evidence_kit.core.store import CaseStore, new_case


def _case() -> Case:
    return Case(facts=Facts(platform="ebay", ordered="2026-11-02", price=10.0, currency="USD"))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"delivered": "2099-01-01"}, "in the future: for a date still to come, set expected_by"),
        ({"delivered": "2026-10-30"}, "before the order date (2026-11-02)"),
        ({"contacted_seller": "2026-10-01"}, "contacted_seller (2026-10-01) is before the order"),
        ({"contacted_seller": "2099-01-01"}, "in the future"),
        ({"expected_by": "2026-10-01"}, "before the order"),
        ({"ordered": "2099-01-01"}, "in the future"),
        ({"price": "0"}, "more than 0"),
        ({"price": "-5"}, "more than 0"),
        ({"currency": "ABC"}, "ISO 4217"),
        ({"currency": "RUR"}, "ISO 4217"),  # withdrawn in 1998
        ({"refund_percent": "100"}, "is a full refund, not a partial one: set remedy=full_refund"),
        ({"refund_percent": "0.001"}, "from 1 to 99"),
        ({"refund_percent": "0"}, "from 1 to 99"),
        ({"price": "nan"}, "must be a number"),
        ({"price": "inf"}, "must be a number"),
        ({"price": "1e400"}, "must be a number"),
    ],
)
def test_implausible_values_are_refused(values: dict, message: str) -> None:
    case = _case()
    before = case.to_dict()
    with pytest.raises(InvalidValueError) as err:
        case_ops.set_values(case, values)
    assert message in str(err.value)
    assert "between 0 and 100" not in str(err.value)
    assert case.to_dict() == before  # nothing changed


@pytest.mark.parametrize(
    ("typed", "price"),
    [("1 499,90", 1499.9), ("1,499.90", 1499.9), ("1.499,90", 1499.9), ("1\u00a0499,90", 1499.9),
     ("12,5", 12.5), ("1,499", 1499.0), ("19.99", 19.99), ("1 500", 1500.0)],
)  # fmt: skip
def test_prices_are_read_as_people_type_them(typed: str, price: float) -> None:
    assert case_values.normalize_fact("price", typed) == price


def test_plausible_dates_and_a_late_order_date_fix_are_checked_both_ways() -> None:
    case = _case()
    case_ops.set_values(case, {"delivered": "2026-11-20", "contacted_seller": "2026-11-21"})
    with pytest.raises(InvalidValueError, match="ordered .2026-11-25. is after delivered"):
        case_ops.set_values(case, {"ordered": "2026-11-25"})
    case_ops.set_values(case, {"refund_percent": "35,5", "currency": "jpy"})
    assert case.claim["refund_percent"] == 35.5 and case.facts.currency == "JPY"


def test_new_case_refuses_a_delivery_before_the_order(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="before the order"):
        new_case(tmp_path / "c", platform="ebay", order_id="1", ordered="2026-11-10",
                 delivered="2026-11-01")  # fmt: skip
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity"])
def test_a_hand_edited_nan_price_is_reported_not_printed(tmp_path: Path, bad: str) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1", price="10", currency="USD")
    path = store.root / "case.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["facts"]["price"] = float(bad.replace("Infinity", "inf"))
    text = json.dumps(doc)  # Python writes NaN / Infinity as bare tokens
    assert bad in text
    path.write_text(text, "utf-8")
    with pytest.raises(CaseCorruptError, match=r"facts\.price") as err:
        CaseStore.open(store.root)
    assert getattr(err.value, "field", "") == "facts.price"
    out = subprocess.run([sys.executable, "-m", "evidence_kit", "claim", str(store.root)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 2 and "facts.price" in out.stderr
    assert out.stderr.count("\n") == 1 and "nan" not in out.stdout.lower()
    assert (
        json.loads(path.read_text("utf-8"))["facts"]["price"] == doc["facts"]["price"]
        or bad == "NaN"
    )
