"""The guided claim flow: arrived? reason, what differs, remedy (with the refund helper),
contact with the seller, and the shopper's notes. Every change is one undoable case edit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim import rules
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.claim.explain_words import REASON_SHORT, REMEDY
from evidence_kit.claim.refund import partial_amount
from evidence_kit.claim.translate import DEFAULT_BACKEND, backends
from evidence_kit.core import case_values, i18n
from evidence_kit.core.model import Case
from evidence_kit.gui.base import language, theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import SetValues
from evidence_kit.gui.base.date_field import DateField
from evidence_kit.gui.base.sources import explain_links, source_link

ASPECTS = ("", "size", "colour", "material", "function", "quantity", "weight", "other")
REMEDY_LABELS = {
    "full_refund": "Full refund",
    "partial_refund": "Partial refund (keep the item)",
    "return_and_refund": "Return and refund",
    "replacement": "Replacement",
}


def _glossed(words: dict[str, str], key: str, label: str) -> str:
    """The platform's own wording of a reason or remedy (the form is chosen by it), led by
    its meaning in the shopper's language when that is not English: "Товар повреждён — Item
    damaged"."""
    if i18n.language() == "en" or key not in words:
        return label
    gloss = i18n.translated(words[key])
    return f"{gloss[:1].upper()}{gloss[1:]} — {label}"


def _narrow(combo: QComboBox) -> None:
    """A long platform label must not widen the column past the window: it elides instead."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)


class ClaimFlow(QWidget):
    """Steps 1-5 of the guided flow. `translate_requested` asks the page to translate notes."""

    translate_requested = Signal(str)  # backend id

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        # 1. arrived?
        box = QGroupBox(self.tr("1. Did the parcel arrive?"), self)
        row = QHBoxLayout(box)
        self.arrived_yes = QRadioButton(self.tr("Yes"), box)
        self.arrived_no = QRadioButton(self.tr("No"), box)
        self.arrived = QButtonGroup(self)
        for button in (self.arrived_yes, self.arrived_no):
            self.arrived.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.arrived.buttonClicked.connect(self._on_arrived)
        layout.addWidget(box)

        # 2. reason
        box = QGroupBox(self.tr("2. The reason, from the platform's list"), self)
        form = QVBoxLayout(box)
        self.reason = QComboBox(box)
        self.reason.setObjectName("reason")
        _narrow(self.reason)
        self.reason.currentIndexChanged.connect(self._on_reason)
        self.reason_source = QLabel(box)
        theme.set_role(self.reason_source, "hint")
        self.reason_source.setTextFormat(Qt.TextFormat.RichText)
        explain_links(self.reason_source)
        form.addWidget(self.reason)
        form.addWidget(self.reason_source)
        layout.addWidget(box)

        # 3. what differs
        self.diff_box = QGroupBox(self.tr("3. What differs, in measurable terms"), self)
        form3 = QFormLayout(self.diff_box)
        self.aspect = QComboBox(self.diff_box)
        for key in ASPECTS:
            self.aspect.addItem(key.capitalize() if key else self.tr("(choose)"), key)
        self.aspect.currentIndexChanged.connect(
            lambda _: self._set("aspect", self.aspect.currentData(), self.tr("Set difference"))
        )
        self.listing = QLineEdit(self.diff_box)
        self.listing.setPlaceholderText(self.tr("e.g. 42 cm, red, genuine leather"))
        self.listing.editingFinished.connect(
            lambda: self._set_text(
                "listing_says", self.listing.text(), self.tr("Edit 'listing says'")
            )
        )
        self.received = QLineEdit(self.diff_box)
        self.received.setPlaceholderText(self.tr("e.g. 38 cm, dark blue, plastic"))
        self.received.editingFinished.connect(
            lambda: self._set_text("received_is", self.received.text(), self.tr("Edit 'received'"))
        )
        form3.addRow(self.tr("Aspect"), self.aspect)
        form3.addRow(self.tr("Listing says"), self.listing)
        form3.addRow(self.tr("Received"), self.received)
        hint = QLabel(self.tr("Several differences: separate them with ';' in both fields."), self)
        hint.setWordWrap(True)
        theme.set_role(hint, "hint")
        form3.addRow(hint)
        layout.addWidget(self.diff_box)

        # 4. remedy and refund helper
        box = QGroupBox(self.tr("4. What you ask for"), self)
        form4 = QFormLayout(box)
        self.remedy = QComboBox(box)
        self.remedy.setObjectName("remedy")
        _narrow(self.remedy)
        self.remedy.currentIndexChanged.connect(self._on_remedy)
        form4.addRow(self.tr("Remedy"), self.remedy)
        self.works = QCheckBox(self.tr("The item still works / is usable"), box)
        self.works.toggled.connect(
            lambda on: self._set("still_works", "yes" if on else "no", self.tr("Set 'still works'"))
        )
        form4.addRow(self.works)
        self.percent = QDoubleSpinBox(box)
        self.percent.setRange(1, 99)  # 100% is a full refund, not a partial one
        self.percent.setSuffix(" %")
        self.percent.setDecimals(0)
        self.percent.editingFinished.connect(
            lambda: self._set("refund_percent", self.percent.value(), self.tr("Set refund percent"))
        )
        self.amount = QLabel(box)
        prow = QHBoxLayout()
        prow.addWidget(self.percent)
        prow.addWidget(self.amount, 1)
        form4.addRow(self.tr("Partial refund"), prow)
        self.postage = QLineEdit(box)
        self.postage.setPlaceholderText(self.tr("what sending it back would cost you"))
        self.postage.editingFinished.connect(
            lambda: self._set("return_postage", self.postage.text(), self.tr("Set return postage"))
        )
        form4.addRow(self.tr("Return postage"), self.postage)
        self.advice = QLabel(box)
        self.advice.setObjectName("refundAdvice")
        self.advice.setWordWrap(True)
        self.use_suggested = QPushButton(box)
        self.use_suggested.clicked.connect(self._use_suggested)
        form4.addRow(self.advice)
        form4.addRow(self.use_suggested)
        layout.addWidget(box)

        # 5. contact with the seller
        box = QGroupBox(self.tr("5. Contact with the seller so far"), self)
        form5 = QFormLayout(box)
        self.contacted = QCheckBox(self.tr("I contacted the seller on"), box)
        self.contacted.toggled.connect(self._on_contacted)
        self.contact_date = DateField(box)
        self.contact_date.changed.connect(self._on_contact_date)
        # the date on a row of its own and its words wrapping: the form column stays narrow
        self.contact_date.readable.setWordWrap(True)
        form5.addRow(self.contacted)
        form5.addRow(self.contact_date)
        self.reply = QLineEdit(box)
        self.reply.setPlaceholderText(
            self.tr("e.g. no reply / offered 2 USD / asked for more photos")
        )
        self.reply.editingFinished.connect(
            lambda: self._set_text(
                "seller_reply", self.reply.text(), self.tr("Edit seller's reply")
            )
        )
        form5.addRow(self.tr("Seller's reply"), self.reply)
        layout.addWidget(box)

        # notes in any language
        box = QGroupBox(self.tr("Your notes (any language)"), self)
        notes_layout = QVBoxLayout(box)
        self.notes = QPlainTextEdit(box)
        self.notes.setPlaceholderText(self.tr("Anything else the mediator should know."))
        self.notes.setFixedHeight(70)
        self._notes_timer = QTimer(self, singleShot=True, interval=700)
        self._notes_timer.timeout.connect(
            lambda: self._set_text(
                "notes", self.notes.toPlainText(), self.tr("Edit notes"), "claim:notes"
            )
        )
        self.notes.textChanged.connect(lambda: None if self._loading else self._notes_timer.start())
        notes_layout.addWidget(self.notes)
        trow = QHBoxLayout()
        self.translate_button = QPushButton(self.tr("Translate to English..."), box)
        self.translate_button.setToolTip(
            self.tr(
                "Sends your notes to the chosen service. Nothing else in the app uses the internet."
            )
        )
        self.backend = QComboBox(box)
        for key, label in backends().items():
            self.backend.addItem(label, key)
        self.backend.setCurrentIndex(max(self.backend.findData(DEFAULT_BACKEND), 0))
        self.translate_button.clicked.connect(
            lambda: self.translate_requested.emit(self.backend.currentData())
        )
        trow.addWidget(self.translate_button)
        trow.addWidget(self.backend)
        trow.addStretch(1)
        notes_layout.addLayout(trow)
        self.buyer = QLineEdit(box)
        self.buyer.setPlaceholderText(self.tr("Your name or buyer ID (signature; optional)"))
        self.buyer.editingFinished.connect(
            lambda: self._set_text("buyer_name", self.buyer.text(), self.tr("Edit name"))
        )
        notes_layout.addWidget(self.buyer)
        layout.addWidget(box)
        layout.addStretch(1)

    # --- edits -------------------------------------------------------------------------------

    def _set(self, key: str, value: Any, label: str) -> None:
        self._set_many({key: value}, label)

    def _set_text(self, key: str, value: str, label: str, merge_key: str = "") -> None:
        if str(self.controller.case.claim.get(key) or "") != value.strip():
            self._set_many({key: value}, label, merge_key)

    def _set_many(self, values: dict[str, Any], label: str, merge_key: str = "") -> None:
        if self._loading:
            return
        current = self.controller.case.claim
        changed = {
            k: v for k, v in values.items() if case_values.normalize_claim(k, v) != current.get(k)
        }
        if changed:
            self.controller.push(SetValues(changed, label, merge_key))

    def flush(self) -> None:
        """Save a pending notes edit now (before translating or leaving the page)."""
        if self._notes_timer.isActive():
            self._notes_timer.stop()
            self._set_text("notes", self.notes.toPlainText(), self.tr("Edit notes"), "claim:notes")

    def _on_arrived(self) -> None:
        claim = self.controller.case.claim
        if self.arrived_no.isChecked():
            self._set_many(
                {"received": "no", "reason": "not_received"}, self.tr("Parcel did not arrive")
            )
        else:
            reason = "" if claim.get("reason") == "not_received" else claim.get("reason", "")
            self._set_many({"received": "yes", "reason": reason}, self.tr("Parcel arrived"))

    def _on_reason(self) -> None:
        self._set("reason", self.reason.currentData() or "", self.tr("Set reason"))

    def _on_remedy(self) -> None:
        self._set("remedy", self.remedy.currentData() or "", self.tr("Set remedy"))

    def _on_contacted(self, on: bool) -> None:
        value = (self.contact_date.iso() or date.today().isoformat()) if on else ""
        self._set("contacted_seller", value, self.tr("Set contact date"))

    def _on_contact_date(self, iso: str) -> None:
        self._set("contacted_seller", iso, self.tr("Set contact date"))

    def _use_suggested(self) -> None:
        value = self.use_suggested.property("percent")
        if value:
            self._set_many(
                {"remedy": "partial_refund", "refund_percent": value},
                self.tr("Use suggested refund"),
            )

    # --- view --------------------------------------------------------------------------------

    def show_case(self, case: Case, draft: ClaimDraft) -> None:
        """Fill the form from the case without making edits."""
        self._loading = True
        try:
            self._fill(case, draft)
        finally:
            self._loading = False

    def _fill(self, case: Case, draft: ClaimDraft) -> None:
        claim, platform_id = case.claim, case.facts.platform
        received = claim.get("received")
        self.arrived.setExclusive(False)
        self.arrived_yes.setChecked(received is True)
        self.arrived_no.setChecked(received is False)
        self.arrived.setExclusive(True)

        reason_id = claim.get("reason") or ""
        self.reason.clear()
        self.reason.addItem(self.tr("(choose the reason)"), "")
        if platform_id:
            for entry in rules.reasons(
                platform_id, received if isinstance(received, bool) else None
            ):
                self.reason.addItem(
                    _glossed(REASON_SHORT, entry["id"], entry["label"]), entry["id"]
                )
        else:
            for rid in case_values.REASONS:
                self.reason.addItem(rid.replace("_", " "), rid)
        self.reason.setCurrentIndex(max(self.reason.findData(reason_id), 0))
        chosen = rules.reason(platform_id, reason_id) if platform_id and reason_id else None
        self.reason_source.setText(
            self.tr("The platform's wording for this reason · {0}").format(
                source_link((chosen.get("source"), chosen.get("confidence")))
            )
            if chosen
            else ""
        )
        self.diff_box.setEnabled(reason_id not in ("not_received",))

        aspect = str(claim.get("aspect") or "")
        if self.aspect.findData(aspect) < 0:
            self.aspect.addItem(aspect, aspect)
        self.aspect.setCurrentIndex(self.aspect.findData(aspect))
        self._put(self.listing, claim.get("listing_says"))
        self._put(self.received, claim.get("received_is"))

        offered = rules.remedies(platform_id) if platform_id else {}
        self.remedy.clear()
        self.remedy.addItem(self.tr("(choose the remedy)"), "")
        for rid in case_values.REMEDIES:
            if offered and rid not in offered:
                continue
            label = offered[rid]["label"] if rid in offered else REMEDY_LABELS[rid]
            self.remedy.addItem(_glossed(REMEDY, rid, label), rid)
        self.remedy.setCurrentIndex(max(self.remedy.findData(claim.get("remedy") or ""), 0))
        self.works.setChecked(claim.get("still_works") is True)
        self._fill_refund(case, draft)

        contacted = str(claim.get("contacted_seller") or "")
        self.contacted.setChecked(bool(contacted))
        self.contact_date.set_iso(contacted)
        self._put(self.reply, claim.get("seller_reply"))
        if not self.notes.hasFocus() and self.notes.toPlainText() != str(claim.get("notes") or ""):
            self.notes.setPlainText(str(claim.get("notes") or ""))
        self._put(self.buyer, claim.get("buyer_name"))

    def _fill_refund(self, case: Case, draft: ClaimDraft) -> None:
        claim, facts = case.claim, case.facts
        partial = claim.get("remedy") == "partial_refund"
        advice = draft.refund
        percent = claim.get("refund_percent") or (advice.suggested if advice else 30.0)
        self.percent.setValue(float(percent))
        self.percent.setEnabled(partial)
        amount = partial_amount(facts.price, float(percent), facts.currency)
        self.amount.setText(
            f"= {language.show_amount(amount, facts.currency)}" if amount is not None else ""
        )
        postage = claim.get("return_postage")
        self._put(self.postage, "" if postage is None else f"{postage:g}")
        if advice is None:
            self.advice.setText(self.tr("Choose the reason to see a suggested refund."))
            self.use_suggested.hide()
            return
        # the range, the ask with a reserve, and keep-or-return with the shopper's postage
        self.advice.setText(advice.summary(facts.price))
        warn = advice.recommend == "keep_partial" and claim.get("remedy") == "return_and_refund"
        theme.set_role(self.advice, "warn" if warn else "")
        self.use_suggested.setProperty("percent", advice.ask)
        self.use_suggested.setText(self.tr("Ask for {0:g}% (partial refund)").format(advice.ask))
        self.use_suggested.setVisible(advice.low < 100)

    @staticmethod
    def _put(edit: QLineEdit, value: Any) -> None:
        text = "" if value is None else str(value)
        if not edit.hasFocus() and edit.text() != text:
            edit.setText(text)
            edit.setCursorPosition(0)
