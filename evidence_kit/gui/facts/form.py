"""Step 1: the order facts. Each field saves itself as one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from evidence_kit.core import case_values
from evidence_kit.core.model import PLATFORMS
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import SetValues
from evidence_kit.gui.base.date_field import DateField
from evidence_kit.gui.shell.new_case_dialog import PLATFORM_NAMES


class FactsForm(QWidget):
    """Platform, order id, item, price and currency, store, tracking, dates."""

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self.platform = QComboBox(self)
        for pid in PLATFORMS:
            self.platform.addItem(PLATFORM_NAMES[pid], pid)
        self.order_id = QLineEdit(self)
        self.item = QLineEdit(self)
        self.item.setPlaceholderText(self.tr("what you ordered, as on the listing"))
        self.price = QLineEdit(self)
        self.price.setPlaceholderText("12.50")
        self.currency = QLineEdit(self)
        self.currency.setPlaceholderText("USD")
        self.currency.setMaxLength(3)
        self.currency.setFixedWidth(70)
        self.store_name = QLineEdit(self)
        self.tracking = QLineEdit(self)
        self.ordered = DateField(self)
        self.delivered = DateField(self)
        self.ordered.setObjectName("ordered")
        self.delivered.setObjectName("delivered")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        theme.set_role(self.message, "bad")

        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.currency)
        form = QFormLayout(self)
        heading = QLabel(self.tr("Order facts"), self)
        theme.set_role(heading, "heading")
        form.addRow(heading)
        #: each fact's name on the form, which also names its undo step ("Change Item")
        self.names = {
            "platform": self.tr("Platform"), "order_id": self.tr("Order number"),
            "item": self.tr("Item"), "price": self.tr("Price paid"),
            "currency": self.tr("Currency"), "store": self.tr("Store / seller"),
            "tracking": self.tr("Tracking number"), "ordered": self.tr("Ordered on"),
            "delivered": self.tr("Delivered on"),
        }  # fmt: skip
        names = self.names
        form.addRow(names["platform"], self.platform)
        form.addRow(names["order_id"], self.order_id)
        form.addRow(names["item"], self.item)
        form.addRow(names["price"], price_row)
        form.addRow(names["store"], self.store_name)
        form.addRow(names["tracking"], self.tracking)
        form.addRow(names["ordered"], self.ordered)
        form.addRow(names["delivered"], self.delivered)
        form.addRow(self.message)

        self.platform.currentIndexChanged.connect(
            lambda: self._set("platform", self.platform.currentData())
        )
        for key, line in (
            ("order_id", self.order_id),
            ("item", self.item),
            ("price", self.price),
            ("currency", self.currency),
            ("store", self.store_name),
            ("tracking", self.tracking),
        ):
            line.editingFinished.connect(lambda k=key, w=line: self._set(k, w.text()))
        self.ordered.changed.connect(lambda iso: self._set("ordered", iso))
        self.delivered.changed.connect(lambda iso: self._set("delivered", iso))
        controller.case_changed.connect(self.load)
        self.load()

    def _set(self, key: str, value: object) -> None:
        if self._loading:
            return
        current = getattr(self.controller.case.facts, key)
        try:
            new = case_values.normalize_fact(key, value)
        except Exception as exc:  # a named InvalidValueError: say it next to the form
            self.message.setText(str(exc))
            return
        self.message.setText("")
        if new == current:
            return
        self.controller.push(SetValues({key: value}, self.tr("Change {0}").format(self.names[key])))

    def load(self) -> None:
        """Show the case's facts (after open, undo or redo)."""
        f = self.controller.case.facts
        self._loading = True
        try:
            if f.platform in PLATFORMS:
                self.platform.setCurrentIndex(PLATFORMS.index(f.platform))
            self.order_id.setText(f.order_id)
            self.item.setText(f.item)
            self.price.setText("" if f.price is None else f"{f.price:.2f}")
            self.currency.setText(f.currency)
            self.store_name.setText(f.store)
            self.tracking.setText(f.tracking)
            self.ordered.set_iso(f.ordered)
            self.delivered.set_iso(f.delivered)
        finally:
            self._loading = False
