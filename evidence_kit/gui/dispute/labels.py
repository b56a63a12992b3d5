"""The words the dispute step shows for event kinds, replies and message kinds (translatable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def event_kinds() -> dict[str, str]:
    """Event kind -> its label, in the order a dispute goes."""
    return {
        "dispute_opened": QCoreApplication.translate("DisputeLabels", "Dispute opened"),
        "seller_replied": QCoreApplication.translate("DisputeLabels", "Seller replied"),
        "buyer_countered": QCoreApplication.translate("DisputeLabels", "I countered"),
        "escalated": QCoreApplication.translate("DisputeLabels", "Escalated to the platform"),
        "return_agreed": QCoreApplication.translate("DisputeLabels", "Return agreed"),
        "return_shipped": QCoreApplication.translate("DisputeLabels", "Return shipped"),
        "seller_received": QCoreApplication.translate(
            "DisputeLabels", "Seller received the return"
        ),
        "refund_received": QCoreApplication.translate("DisputeLabels", "Refund received"),
        "closed_won": QCoreApplication.translate("DisputeLabels", "Closed: won"),
        "closed_lost": QCoreApplication.translate("DisputeLabels", "Closed: lost"),
        "appealed": QCoreApplication.translate("DisputeLabels", "Appealed"),
    }


def replies() -> dict[str, str]:
    """The seller's reply kinds."""
    return {
        "offer": QCoreApplication.translate("DisputeLabels", "an offer"),
        "refusal": QCoreApplication.translate("DisputeLabels", "refused: 'it is as described'"),
        "more_evidence": QCoreApplication.translate("DisputeLabels", "asked for more evidence"),
        "close_first": QCoreApplication.translate(
            "DisputeLabels", "asked to close first, pay later"
        ),
        "none": QCoreApplication.translate("DisputeLabels", "no reply"),
    }


def message_kinds() -> dict[str, str]:
    """Message kind -> its title."""
    return {
        "counter_offer": QCoreApplication.translate("DisputeLabels", "Reply to the offer"),
        "pushback_as_described": QCoreApplication.translate(
            "DisputeLabels", "Answer 'it is as described'"
        ),
        "pushback_more_evidence": QCoreApplication.translate(
            "DisputeLabels", "Answer 'send more video'"
        ),
        "pushback_close_first": QCoreApplication.translate(
            "DisputeLabels", "Refuse 'close it first, I'll pay later'"
        ),
        "off_platform": QCoreApplication.translate(
            "DisputeLabels", "Refuse payment outside the platform"
        ),
        "escalate": QCoreApplication.translate("DisputeLabels", "Escalate to the mediator"),
        "extend_protection": QCoreApplication.translate(
            "DisputeLabels", "Ask to extend Buyer Protection"
        ),
        "still_not_received": QCoreApplication.translate("DisputeLabels", "Parcel still not here"),
        "carrier": QCoreApplication.translate("DisputeLabels", "Letter to the carrier"),
        "chargeback": QCoreApplication.translate(
            "DisputeLabels", "Letter to the bank (chargeback)"
        ),
        "appeal": QCoreApplication.translate("DisputeLabels", "Appeal the decision"),
    }
