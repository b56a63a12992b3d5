"""What summary.pdf says, gathered from the case, the claim draft and the bundle's file list.

The PDF is sealed inside the bundle, so it cannot list its own hash nor the manifest's; its
hash appendix lists every other file.
"""

from __future__ import annotations

from typing import Any

from evidence_kit import __version__
from evidence_kit.claim import rules
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.claim.refund import format_money, partial_amount
from evidence_kit.claim.templates import REASON_SHORT, REMEDY_SHORT
from evidence_kit.core import activity_log
from evidence_kit.core.model import Case
from evidence_kit.export.exhibits import ExhibitOutput
from evidence_kit.export.manifest import FileEntry
from evidence_kit.export.pdf_log import log_rows
from evidence_kit.export.pdf_summary import SummaryData
from evidence_kit.export.pdf_timeline import timeline_page
from evidence_kit.export.plan import ExportPlan
from evidence_kit.export.removed import printable_entry


def summary_data(
    case: Case,
    plan: ExportPlan,
    draft: ClaimDraft,
    outputs: list[ExhibitOutput],
    listed: list[FileEntry],
    withheld: list[tuple[str, int, str]] | None = None,
) -> SummaryData:
    """The PDF's content; `listed` is every file of the bundle made so far, `withheld` the
    originals a shareable bundle lists by hash (label, bytes, sha256)."""
    pname, order_id = plan.platform_name, case.facts.order_id or "-"
    return SummaryData(
        title="Evidence summary",
        subtitle=f"{pname} order {order_id} · {case.facts.item}".rstrip(" ·"),
        facts=facts_rows(case, pname),
        deadlines=[d.to_dict() for d in draft.deadlines],
        claim_text=draft.text,
        exhibits=[o.pdf for o in outputs if o.pdf is not None],
        log=log_rows(
            case,
            pdf_log([printable_entry(e) for e in activity_log.entry_dicts(case.log)]),
            {ex.item.id: ex.number for ex in plan.exhibits},
            _name,
        ),
        hashes=[(f.path, f.bytes, f.sha256) for f in sorted(listed, key=lambda f: f.path)]
        + list(withheld or []),
        footer=f"Evidence Kit {__version__} · {pname} order {order_id}",
        notes=_cover_notes(case, len(listed)),
        dispute=timeline_page(case),
        verify_steps=[
            "1. Unzip the bundle; run  sha256sum -c SHA256SUMS  (macOS: shasum -a 256 -c SHA256SUMS).",
            f"2. Or run  evidence-kit verify {plan.bundle_name}  to re-check every hash and the activity log.",
            "3. SHA256SUMS lists every other file in the bundle, summary.pdf and manifest.json"
            " included (a file cannot hold its own hash). manifest.json also holds the activity"
            " log, each entry with the hash of the one before it.",
        ],
    )


#: the PDF's timeline shows the first and the last entries of a long log: a mediator reads
#: the start and the recent history; the full log stays in manifest.json
PDF_LOG_HEAD, PDF_LOG_TAIL = 50, 250


def pdf_log(log: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The log rows for the PDF, with one {"left_out": n, "total": t} row for the middle."""
    if len(log) <= PDF_LOG_HEAD + PDF_LOG_TAIL:
        return log
    gap = {"left_out": len(log) - PDF_LOG_HEAD - PDF_LOG_TAIL, "total": len(log)}
    return log[:PDF_LOG_HEAD] + [gap] + log[-PDF_LOG_TAIL:]


def facts_rows(case: Case, platform_name: str) -> list[tuple[str, str]]:
    """The cover's order facts and claim choices, as (label, value) rows."""
    f = case.facts
    price = format_money(f.price, f.currency)  # the currency's own decimals: 1500 JPY
    claim = case.claim
    rows = [
        ("Platform", platform_name),
        ("Order ID", f.order_id),
        ("Item", f.item),
        ("Price", price),
        ("Store", f.store),
        ("Tracking", f.tracking),
        ("Ordered", f.ordered),
        ("Delivered", f.delivered),
        ("Reason", reason_words(case.facts.platform, str(claim.get("reason") or ""))),
        ("Remedy", remedy_words(case)),
    ]
    if claim.get("buyer_name"):
        rows.append(("Buyer", str(claim["buyer_name"])))
    return rows


def _name(platform_id: str) -> str:
    return rules.platform_name(platform_id) if platform_id in rules.platform_ids() else platform_id


def reason_words(platform_id: str, reason_id: str) -> str:
    """The reason as the platform's form words it ("Item damaged"), else in plain words."""
    if not reason_id:
        return ""
    entry = rules.reason(platform_id, reason_id) if platform_id in rules.platform_ids() else None
    if entry and entry.get("label"):
        return str(entry["label"])
    text = REASON_SHORT.get(reason_id, reason_id.replace("_", " "))
    return text[:1].upper() + text[1:]


def remedy_words(case: Case) -> str:
    """The remedy as the platform words it, with the amount of a partial refund."""
    remedy = str(case.claim.get("remedy") or "")
    if not remedy:
        return ""
    platform_id = case.facts.platform
    offered = rules.remedies(platform_id) if platform_id in rules.platform_ids() else {}
    text = str(offered.get(remedy, {}).get("label") or REMEDY_SHORT.get(remedy, remedy.replace("_", " ")))  # fmt: skip
    text = text[:1].upper() + text[1:]
    percent = case.claim.get("refund_percent")
    if remedy == "partial_refund" and isinstance(percent, (int, float)):
        f = case.facts
        amount = format_money(partial_amount(f.price, float(percent), f.currency), f.currency)
        text += f": {float(percent):g}% of the price" + (f", {amount}" if amount else "")
    return text


def _cover_notes(case: Case, count: int) -> list[str]:
    head = case.log[-1].hash if case.log else "(empty)"
    return [
        f"Integrity: the bundle holds {count + 3} files, each listed with its SHA-256 hash in the"
        f" appendix, manifest.json and SHA256SUMS. Activity log: {len(case.log)} entries, chain head"
        f" {head[:16]}…",
    ]
