"""Schema migrations of case.json: each turns one version's document into the next.

The store applies them on open and keeps the old file as case.json.bak.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from evidence_kit.core import case_checks


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """v1 kept price as one string ("12.50 USD") and had no bin."""
    facts = doc.get("facts", {})
    if not isinstance(facts, dict):
        raise case_checks.fail("facts", "must be an object")
    facts = dict(facts)
    price = facts.get("price")
    if isinstance(price, str):
        parts = price.replace(",", ".").split()
        try:
            facts["price"] = float(parts[0]) if parts else None
        except ValueError:
            facts["price"] = None
        if len(parts) > 1 and not facts.get("currency"):
            facts["currency"] = parts[1].upper()
    doc = dict(doc, facts=facts, schema_version=2)
    doc.setdefault("bin", [])
    return doc


def _migrate_2_to_3(doc: dict[str, Any]) -> dict[str, Any]:
    """v3 keeps the log in activity-log.jsonl; the document read here is the same."""
    return dict(doc, schema_version=3)


def _migrate_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """v4 adds the dispute's events (an older app would drop them on save, so it must refuse
    a v4 case)."""
    return dict(doc, schema_version=4, events=doc.get("events") or [])


#: schema_version -> function turning that version's document into the next one
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}
