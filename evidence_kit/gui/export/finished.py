"""After an export: the finished files, ready to drag straight into the dispute form's upload
box in a browser (a drag with file URLs, as from a file manager), and buttons that open the
PDF, the upload folder and the bundle's folder, or say why they cannot and where the files are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileInfo, QMimeData, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDrag, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileIconProvider,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.gui.base import folders, language

if TYPE_CHECKING:
    from evidence_kit.export.run import ExportResult

PATH_ROLE = Qt.ItemDataRole.UserRole


class FileDragList(QListWidget):
    """Finished files in a row; dragging one (or several) hands the browser file URLs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)  # one row, scrolled sideways: the page keeps its height
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setIconSize(QSize(48, 48))
        self.setGridSize(QSize(200, 84))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self._icons = QFileIconProvider()
        bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(self.gridSize().height() + bar + 2 * self.frameWidth() + 2)

    def show_files(self, paths: list[Path]) -> None:
        self.clear()
        for path in paths:
            size = path.stat().st_size if path.is_file() else 0
            row = QListWidgetItem(self._icon(path), path.name)
            row.setToolTip(f"{path}\n{language.show_size(size)}")
            row.setData(PATH_ROLE, str(path))
            self.addItem(row)

    def _icon(self, path: Path) -> QIcon:
        """A small picture of a photo (a scaled decode, fast even for a big JPEG), else the
        file type's icon."""
        if path.suffix.lower() in (".jpg", ".jpeg", ".png"):
            reader = QImageReader(str(path))
            size = reader.size()
            if size.isValid() and not size.isEmpty():
                reader.setScaledSize(
                    size.scaled(self.iconSize(), Qt.AspectRatioMode.KeepAspectRatio)
                )
                image = reader.read()
                if not image.isNull():
                    return QIcon(QPixmap.fromImage(image))
        return self._icons.icon(QFileInfo(str(path)))

    def paths(self, rows: list[QListWidgetItem] | None = None) -> list[Path]:
        rows = rows if rows is not None else [self.item(i) for i in range(self.count())]
        return [Path(row.data(PATH_ROLE)) for row in rows]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 (Qt name)
        """File URLs (and the paths as text), what a browser's upload box takes."""
        data = QMimeData()
        paths = self.paths(list(items))
        data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        data.setText("\n".join(str(p) for p in paths))
        return data

    def startDrag(self, actions: Qt.DropAction) -> None:  # noqa: N802 (Qt name)
        # a copy, never a move: the export keeps its files, and the list keeps its rows
        rows = self.selectedItems()
        if not rows:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData(rows))
        drag.setPixmap(rows[0].icon().pixmap(self.iconSize()))
        drag.exec(Qt.DropAction.CopyAction)


class FinishedBox(QGroupBox):
    """The last export's files and the ways to open them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ready to upload"))
        self.pdf: Path | None = None
        self.upload_dir: Path | None = None
        self.bundle: Path | None = None
        hint = QLabel(
            self.tr(
                "Drag a file into the upload box of the dispute form in your browser, or open:"
            ),
            self,
        )
        hint.setWordWrap(True)
        self.files = FileDragList(self)
        self.files.setAccessibleName(self.tr("Finished files"))
        self.files.itemActivated.connect(lambda row: self._open_file(Path(row.data(PATH_ROLE))))
        self.open_pdf = QPushButton(self.tr("Open PDF"), self)
        self.open_pdf.clicked.connect(lambda: self.pdf and self._open_file(self.pdf))
        self.open_upload = QPushButton(self.tr("Open upload folder"), self)
        self.open_upload.clicked.connect(
            lambda: self.upload_dir and self._open_folder(self.upload_dir)
        )
        self.show_bundle = QPushButton(self.tr("Show the bundle"), self)
        self.show_bundle.setToolTip(
            self.tr(
                "The sealed evidence bundle: keep it private, send it only if the case is escalated"
            )
        )
        self.show_bundle.clicked.connect(
            lambda: self.bundle and self._open_folder(self.bundle.parent)
        )
        buttons = QHBoxLayout()
        for button in (self.open_pdf, self.open_upload, self.show_bundle):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_export(self, result: ExportResult) -> None:
        """Show one export's result (export_case's ExportResult)."""
        uploads = [result.upload_dir / f.name for f in result.files] if result.upload_dir else []
        self._show(result.folder or result.bundle.parent, result.pdf, result.bundle, uploads)
        self.upload_dir = result.upload_dir

    def show_folder(self, folder: Path) -> bool:
        """Show an earlier export from its folder (the case's latest); False when the
        folder holds no export."""
        pdfs, bundles = sorted(folder.glob("*-summary.pdf")), sorted(folder.glob("*-evidence.zip"))
        if not pdfs or not bundles:
            return False
        upload = folder / "upload"
        uploads = sorted(
            p for p in (upload.iterdir() if upload.is_dir() else []) if p.name != "README.txt"
        )
        self._show(folder, pdfs[0], bundles[0], uploads)
        self.upload_dir = upload if upload.is_dir() else None
        return True

    def _show(self, folder: Path, pdf: Path, bundle: Path, uploads: list[Path]) -> None:
        # each export has a folder of its own, named by its time; this is the latest
        self.setTitle(self.tr("Latest export: {0}").format(folder.name))
        self.setToolTip(str(folder))
        self.pdf, self.bundle = pdf, bundle
        self.files.show_files([*uploads, pdf])
        self.open_upload.setEnabled(bool(uploads))
        self.setVisible(True)

    def _open_file(self, path: Path) -> bool:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        QMessageBox.information(
            self,
            self.tr("Open"),
            self.tr("No program to open {0} was found on this computer.\n\nThe file is at:\n{1}")
            .format(path.name, path),
        )  # fmt: skip
        return False

    def _open_folder(self, folder: Path) -> bool:
        return folders.open_folder(
            self, folder, self.tr("Open folder"), self.tr("The exported files are in:")
        )
