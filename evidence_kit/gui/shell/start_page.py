"""First screen: New case, Open case, Open sample case, and the recent cases (one click opens
one; each shows its deadline and when it was last opened; right-click to remove it from the
list or show its folder)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.model import Case
from evidence_kit.core.resources import resource_path
from evidence_kit.gui.base import icons, theme

PATH_ROLE = Qt.ItemDataRole.UserRole


class ActionCard(QPushButton):
    """A big start-page button: an icon, a bold line and a quieter line under it."""

    def __init__(self, icon: QIcon, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setToolTip(hint)
        self.setMinimumHeight(68)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        theme.set_role(self, "bigButton")
        picture = QLabel(self)
        picture.setPixmap(icon.pixmap(QSize(28, 28)))
        self.title = QLabel(title, self)
        theme.set_role(self.title, "cardTitle")
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        theme.set_role(self.hint, "hint")
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.hint)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.setSpacing(14)
        row.addWidget(picture)
        row.addLayout(words, 1)
        for label in (picture, self.title, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        layout = self.layout()
        own = layout.sizeHint() if layout is not None else QSize()
        return own.expandedTo(QSize(260, 68))


class RecentRow(QWidget):
    """One recent case: its name, its deadline (coloured) and where and when it was opened."""

    def __init__(self, path: Path, opened: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        picture = QLabel(self)
        picture.setPixmap(icons.icon("folder").pixmap(QSize(22, 22)))
        self.name = QLabel(path.name, self)
        theme.set_role(self.name, "cardTitle")
        self.deadline = QLabel(self.tr("Reading the case…"), self)
        self.deadline.setObjectName("recentDeadline")
        theme.set_role(self.deadline, "hint")
        when = opened_words(opened)
        self.where = QLabel(
            self.tr("{0} · opened {1}").format(path.parent, when) if when else str(path.parent),
            self,
        )
        theme.set_role(self.where, "hint")
        for label in (self.name, self.deadline, self.where):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        words = QVBoxLayout()
        words.setSpacing(1)
        words.addWidget(self.name)
        words.addWidget(self.deadline)
        words.addWidget(self.where)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)

    def show_case(self, case: Case | None, problem: str = "") -> None:
        """The case's most urgent deadline, or why it cannot be read."""
        if case is None:
            self.deadline.setText(self.tr("Cannot be opened: {0}").format(problem))
            theme.set_role(self.deadline, "bad")
            return
        from evidence_kit.gui.shell.step_rail import deadline_text

        text = " ".join(deadline_text(case).split())
        self.deadline.setText(text)
        self.deadline.setToolTip(text)
        theme.set_role(self.deadline, "warn" if text.startswith("⚠") else "hint")


def opened_words(stamp: str) -> str:
    """'today', 'yesterday' or the local date of an ISO time ('' when unknown)."""
    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return ""
    days = (datetime.now().date() - when.date()).days
    if days == 0:
        return QCoreApplication.translate("StartPage", "today")
    if days == 1:
        return QCoreApplication.translate("StartPage", "yesterday")
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return QLocale().toString(moment.date(), QLocale.FormatType.ShortFormat)


class StartPage(QWidget):
    """Emits what the user wants; the main window acts on it."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_chosen = Signal(str)
    recent_removed = Signal(str)
    show_folder_requested = Signal(str)
    #: a row wants its case read (path); the window reads it off the GUI thread
    summary_wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel(self)
        logo.setPixmap(QIcon(str(resource_path("icons/evidence-kit.svg"))).pixmap(QSize(56, 56)))
        title = QLabel(self.tr("Evidence Kit"), self)
        theme.set_role(title, "title")
        subtitle = QLabel(
            self.tr(
                "Your order came broken, wrong, incomplete or never came? Collect the proof, "
                "mark it up, and send a clear claim before the deadline."
            ),
            self,
        )
        subtitle.setWordWrap(True)
        theme.set_role(subtitle, "subtitle")
        self.new_button = ActionCard(
            icons.icon("folder-plus"),
            self.tr("New case…"),
            self.tr("Start a dispute for one order"),
        )
        self.open_button = ActionCard(
            icons.icon("folder-open"), self.tr("Open case…"), self.tr("Continue a case folder")
        )
        self.sample_button = ActionCard(
            icons.icon("package-open"),
            self.tr("Open sample case"),
            self.tr("Try the app on a cracked-mug example"),
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.new_button.setToolTip(icons.tip(self.tr("Start a dispute for one order"), "Ctrl+N"))
        self.open_button.setToolTip(icons.tip(self.tr("Continue a case folder"), "Ctrl+O"))

        self.recent = QListWidget(self)
        self.recent.setObjectName("recentCases")
        self.recent.setAccessibleName(self.tr("Recent cases"))
        self.recent.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent.customContextMenuRequested.connect(self._menu)
        self.recent.itemClicked.connect(self._chosen)
        self.recent.itemActivated.connect(self._chosen)  # Enter on the keyboard
        self._just_chosen = ""
        recent_label = QLabel(self.tr("Recent cases"), self)
        theme.set_role(recent_label, "heading")
        self.recent_empty = QLabel(
            self.tr("No recent cases yet. The cases you open appear here."), self
        )
        self.recent_empty.setWordWrap(True)
        theme.set_role(self.recent_empty, "hint")

        head = QHBoxLayout()
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        head.addSpacing(8)
        head.addLayout(heading, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(10)
        for b in (self.new_button, self.open_button, self.sample_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        recent_box = QVBoxLayout()
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent, 1)
        recent_box.addWidget(self.recent_empty)
        recent_box.addStretch(0)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(buttons, 2)
        sep = QFrame(self)
        sep.setFrameShape(QFrame.Shape.VLine)
        sep.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(sep)
        row.addLayout(recent_box, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addLayout(head)
        outer.addSpacing(24)
        outer.addLayout(row, 1)

    def set_recent(self, paths: list[str], opened: dict[str, str] | None = None) -> None:
        """Show the recent cases that still exist on disk; their deadlines follow as each
        case is read (`summary_wanted`, answered by `show_summary`)."""
        opened = opened or {}
        self.recent.clear()
        for p in paths:
            path = Path(p)
            if not (path / "case.json").exists():
                continue
            item = QListWidgetItem()
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(self.tr("{0}\nClick to open it; right-click for more.").format(path))
            row = RecentRow(path, opened.get(str(path), ""), self.recent)
            item.setSizeHint(row.sizeHint())
            self.recent.addItem(item)
            self.recent.setItemWidget(item, row)
            self.summary_wanted.emit(str(path))
        empty = self.recent.count() == 0
        self.recent.setVisible(not empty)
        self.recent_empty.setVisible(empty)

    def show_summary(self, path: str, case: Case | None, problem: str = "") -> None:
        """A recent case has been read: show its deadline (or why it cannot be opened)."""
        row = self.row_for(path)
        if row is not None:
            row.show_case(case, problem)

    def row_for(self, path: str) -> RecentRow | None:
        for n in range(self.recent.count()):
            item = self.recent.item(n)
            if item.data(PATH_ROLE) == path:
                widget = self.recent.itemWidget(item)
                return widget if isinstance(widget, RecentRow) else None
        return None

    def _chosen(self, item: QListWidgetItem) -> None:
        path = str(item.data(PATH_ROLE))
        # a click may also activate the item (a single-click style): open it once
        if path == self._just_chosen:
            return
        self._just_chosen = path
        QTimer.singleShot(0, lambda: setattr(self, "_just_chosen", ""))
        self.recent_chosen.emit(path)

    def _menu(self, at: QPoint) -> None:
        item = self.recent.itemAt(at)
        if item is None:
            return
        path = str(item.data(PATH_ROLE))
        menu = QMenu(self)
        menu.addAction(
            icons.icon("folder-open"), self.tr("Open"), lambda: self.recent_chosen.emit(path)
        )
        menu.addAction(
            icons.icon("folder"),
            self.tr("Show folder"),
            lambda: self.show_folder_requested.emit(path),
        )
        menu.addSeparator()
        menu.addAction(
            icons.icon("x"), self.tr("Remove from list"), lambda: self.recent_removed.emit(path)
        )
        menu.popup(self.recent.viewport().mapToGlobal(at))
        self._last_menu = menu  # tests reach the actions through it
