"""The Export page's table of what the dispute form gets: one row per exhibit, drawn from the
export's own preview rows (export/preview.py), in the shopper's words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from evidence_kit.claim.rules import UploadLimits
from evidence_kit.export import preview as P
from evidence_kit.gui.base import language, theme
from evidence_kit.gui.base.plural import english_plural

#: a row's state -> the theme colour of its size and status (read on light and dark)
STATE_COLOURS = {P.FITS: "ok", P.OVER: "bad", P.LEFT_OUT: "bad"}

EXHIBIT, FILE, SIZE, LIMIT, STATUS = range(5)


class PackTable(QTableWidget):
    """Exhibit, the file the form gets, its size (once made), the limit, and what happens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.rows: list[P.PreviewRow] = []
        self.setHorizontalHeaderLabels(
            [self.tr("Exhibit"), self.tr("File for the form"), self.tr("Size"),
             self.tr("Limit"), self.tr("What happens")]
        )  # fmt: skip
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        for column in (EXHIBIT, FILE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE, LIMIT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_rows(self, rows: list[P.PreviewRow], platform: str, limits: UploadLimits) -> None:
        """Fill the table; `platform` is the platform's name, for the status words."""
        self.rows = rows
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [
                f"{row.number}  {row.title}",
                row.name or "—",
                language.show_size(row.bytes),
                language.show_size(row.limit) if row.name else "—",
                self.status_text(row, platform, limits),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(row.note or text)
                colour = STATE_COLOURS.get(row.state)
                if colour is not None and c in (SIZE, STATUS):
                    cell.setForeground(QBrush(theme.color(colour)))
                if c == SIZE:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, cell)
        self.resizeRowsToContents()

    def status_text(self, row: P.PreviewRow, platform: str, limits: UploadLimits) -> str:
        """What happens to this exhibit, in words."""
        if row.state in (P.PLANNED, P.FITS):
            if row.sheet:
                text = self.tr("attached as a contact sheet of stills ({0} takes no video)")
            elif row.name.endswith(".mp4") and limits.video_max_seconds:
                n = limits.video_max_seconds
                text = english_plural(
                    self.tr("attached: the first %n second(s) if it is longer", "", n), n
                )
            else:
                text = self.tr("attached")
            text = text.format(platform)
            return text if row.state == P.PLANNED else self.tr("{0}; fits").format(text)
        if row.state == P.OVER:
            return self.tr("over the limit")
        if row.state == P.LEFT_OUT:
            return self.tr(
                "not attached: it cannot be made to fit, see the notes (it is in the bundle)"
            )
        if row.state == P.ON_REQUEST:
            n = limits.max_files or 0
            text = self.tr(
                "not attached: {0} takes at most %n file(s); available on request", "", n
            )
            return english_plural(text, n).format(platform)
        if row.state == P.NOT_TAKEN:
            return self.tr("not attached: {0} takes no PDF files; available on request").format(platform)  # fmt: skip
        if row.state == P.NO_FILES:
            return self.tr("not attached: {0}'s form takes no files; paste the claim text").format(platform)  # fmt: skip
        return self.tr("no upload pack (it is in the bundle)")
