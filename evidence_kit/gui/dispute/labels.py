"""The words the dispute step shows for event kinds, replies and message kinds (translatable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("DisputeLabels", text)


def event_kinds() -> dict[str, str]:
    """Event kind -> its label, in the order a dispute goes."""
    return {
        "dispute_opened": _t("Dispute opened"),
        "seller_replied": _t("Seller replied"),
        "buyer_countered": _t("I countered"),
        "escalated": _t("Escalated to the platform"),
        "return_agreed": _t("Return agreed"),
        "return_shipped": _t("Return shipped"),
        "seller_received": _t("Seller received the return"),
        "refund_received": _t("Refund received"),
        "closed_won": _t("Closed: won"),
        "closed_lost": _t("Closed: lost"),
        "appealed": _t("Appealed"),
    }


def replies() -> dict[str, str]:
    """The seller's reply kinds."""
    return {
        "offer": _t("an offer"),
        "refusal": _t("refused: 'it is as described'"),
        "more_evidence": _t("asked for more evidence"),
        "close_first": _t("asked to close first, pay later"),
        "none": _t("no reply"),
    }


def message_kinds() -> dict[str, str]:
    """Message kind -> its title."""
    return {
        "counter_offer": _t("Reply to the offer"),
        "pushback_as_described": _t("Answer 'it is as described'"),
        "pushback_more_evidence": _t("Answer 'send more video'"),
        "pushback_close_first": _t("Refuse 'close it first, I'll pay later'"),
        "off_platform": _t("Refuse payment outside the platform"),
        "escalate": _t("Escalate to the mediator"),
        "extend_protection": _t("Ask to extend Buyer Protection"),
        "still_not_received": _t("Parcel still not here"),
        "carrier": _t("Letter to the carrier"),
        "chargeback": _t("Letter to the bank (chargeback)"),
        "appeal": _t("Appeal the decision"),
    }
