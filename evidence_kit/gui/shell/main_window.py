"""The main window: composes the start page, the case view, menus and the status bar.

Behaviour lives elsewhere: item actions in ItemActions, imports in ImportController, edits in
the CaseController, background work in the TaskRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from evidence_kit.core import paths
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.settings import Settings, save_settings, update_settings
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.error_dialog import open_log_folder
from evidence_kit.gui.base.screen_fit import fit_on_screen
from evidence_kit.gui.base.task_status import TaskStatus
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.shell.case_view import CaseView
from evidence_kit.gui.shell.import_controller import ImportController
from evidence_kit.gui.shell.item_actions import ItemActions
from evidence_kit.gui.shell.new_case_dialog import PLATFORM_NAMES, NewCaseDialog
from evidence_kit.gui.shell.recent_cases import RecentCases, existing, import_folder
from evidence_kit.gui.shell.start_page import StartPage
from evidence_kit.gui.shell.step_rail import step_names
from evidence_kit.gui.shell.thumb_loader import ThumbLoader

IMPORT_FILTER = (
    "Evidence (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.tif *.tiff *.mp4 *.mov *.m4v *.mkv "
    "*.webm *.avi *.pdf);;All files (*)"
)


class MainWindow(QMainWindow):
    """One window, one open case at a time."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = TaskRunner(self)
        self.thumbs = ThumbLoader(self.runner, self)
        self.controller: CaseController | None = None
        self.case_view: CaseView | None = None
        self.importer: ImportController | None = None
        self.items = ItemActions(self)
        self.setWindowTitle(self.tr("Evidence Kit"))
        self.setAcceptDrops(True)

        self.start = StartPage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.setCentralWidget(self.stack)
        self.start.new_requested.connect(self.new_case)
        self.start.open_requested.connect(self.open_case_dialog)
        self.start.sample_requested.connect(self.open_sample)
        self.start.recent_chosen.connect(lambda p: self.open_case(Path(p)))
        self.recent = RecentCases(self.start, self.runner, settings, self)
        self.recent.show()
        theme.notifier().changed.connect(self._on_theme_changed)

        self.saved_label = QLabel(self)
        self.task_status = TaskStatus(self.runner, self)
        self.statusBar().addPermanentWidget(self.task_status)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_actions()
        self.items.attach(None, None)
        self._update_enabled()
        self._restore_geometry()

    # --- actions ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # window-wide shortcut
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.act_new = self._action(self.tr("&New case…"), self.new_case, K.New)
        self.act_open = self._action(self.tr("&Open case…"), self.open_case_dialog, K.Open)
        self.act_sample = self._action(self.tr("Open &sample case"), self.open_sample)
        self.act_import = self._action(self.tr("&Import files…"), self.import_dialog, "Ctrl+I")
        self.act_record = self._action(self.tr("&Record unboxing…"), self.record, "Ctrl+R")
        self.act_save = self._action(self.tr("&Save"), self.save_now, K.Save)
        self.act_export = self._action(self.tr("&Export…"), lambda: self._step("export"), "Ctrl+E")
        self.act_close = self._action(self.tr("&Close case"), self.close_case, K.Close)
        self.act_quit = self._action(self.tr("&Quit"), self.close, K.Quit)
        for a in (self.act_new, self.act_open, self.act_sample, None, self.act_import, self.act_record,
                  self.act_save, self.act_export, None, self.act_close, self.act_quit):  # fmt: skip
            file_menu.addSeparator() if a is None else file_menu.addAction(a)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.act_undo = self._action(self.tr("&Undo"), self.undo, K.Undo)
        self.act_redo = self._action(self.tr("&Redo"), self.redo, "Ctrl+Shift+Z")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_settings = self._action(self.tr("Se&ttings…"), self.open_settings, "Ctrl+,")
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        for a in (self.act_undo, self.act_redo, None, *self.items.menu_actions, None,
                  self.act_settings):  # fmt: skip
            edit_menu.addSeparator() if a is None else edit_menu.addAction(a)

        self._build_view_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.act_guide = self._action(self.tr("&Guide"), self.show_guide, K.HelpContents)
        help_menu.addAction(self.act_guide)
        self.act_log_folder = self._action(
            self.tr("Open &log folder"), lambda: open_log_folder(self)
        )
        help_menu.addAction(self.act_log_folder)
        help_menu.addAction(self._action(self.tr("&About Evidence Kit"), self.about))

    def _build_view_menu(self) -> None:
        """The steps (Ctrl+1…) and the appearance: the system's, light or dark."""
        view = self.menuBar().addMenu(self.tr("&View"))
        self.step_actions: list[QAction] = []
        for n, (key, name) in enumerate(step_names().items(), start=1):
            action = self._action(name, partial(self._step, key), f"Ctrl+{n}")
            view.addAction(action)
            self.step_actions.append(action)
        view.addSeparator()
        looks = view.addMenu(self.tr("&Appearance"))
        group = QActionGroup(self)
        names = {
            "system": self.tr("Like the &system"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        for key in theme.APPEARANCES:
            action = looks.addAction(names[key])
            action.setCheckable(True)
            action.setChecked(self.settings.appearance == key)
            action.triggered.connect(lambda _=False, k=key: self.set_appearance(k))
            group.addAction(action)

    def set_appearance(self, appearance: str) -> None:
        """Follow the system, or stay light or dark (remembered)."""
        update_settings(self.settings, appearance=appearance)
        theme.apply(appearance)

    def _on_theme_changed(self) -> None:
        # colours written into rich text (deadlines, sources, the export table) are redrawn
        if self.case_view is not None:
            self.case_view.show_step(self.case_view.rail.current())
        self.recent.show()

    def _update_enabled(self) -> None:
        has_case = self.controller is not None
        for a in (self.act_import, self.act_record, self.act_save, self.act_export, self.act_close,
                  *self.step_actions):  # fmt: skip
            a.setEnabled(has_case)
        stack = self.controller.undo_stack if self.controller else None
        self.act_undo.setEnabled(bool(stack and stack.canUndo()))
        self.act_redo.setEnabled(bool(stack and stack.canRedo()))
        if stack:
            self.act_undo.setText(self.tr("&Undo {0}").format(stack.undoText()).strip())
            self.act_redo.setText(self.tr("&Redo {0}").format(stack.redoText()).strip())

    # --- opening and creating ----------------------------------------------------------------

    def new_case(self) -> None:
        dialog = NewCaseDialog(self.settings.default_platform, self)
        if not dialog.exec():
            return
        try:
            store = new_case(
                dialog.case_dir, platform=dialog.platform_id, order_id=dialog.order_id.text()
            )
        except EvidenceKitError as exc:
            self.error(self.tr("Could not create the case."), str(exc))
            return
        self.settings.default_platform = dialog.platform_id
        self.show_case(store)
        if self.case_view:
            self.case_view.show_step("facts")

    def open_case_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a case folder"), str(existing(paths.cases_dir()))
        )
        if folder:
            self.open_case(Path(folder))

    def open_case(self, folder: Path) -> bool:
        try:
            store = CaseStore.open(folder)
        except EvidenceKitError as exc:
            self.error(self.tr("This case cannot be opened."), str(exc))
            return False
        self.show_case(store)
        return True

    def open_sample(self) -> None:
        from evidence_kit.media.sample import make_sample_case

        try:
            store = make_sample_case()
        except EvidenceKitError as exc:
            self.error(self.tr("The sample case could not be created."), str(exc))
            return
        self.show_case(store)

    def show_case(self, store: CaseStore) -> None:
        """Swap to the case view for an opened store."""
        self.close_case()
        store.hold(wait=1.0)  # the lock is held while the case is open; else read-only
        self.controller = CaseController(store, self)
        self.controller.error_raised.connect(
            lambda msg: self.error(self.tr("That change was not made."), msg)
        )
        self.controller.save_state_changed.connect(self._on_saved)
        self.controller.undo_stack.indexChanged.connect(self._update_enabled)
        self.controller.undo_stack.canUndoChanged.connect(self._update_enabled)
        self.case_view = CaseView(self.controller, self.runner, self.thumbs, self.settings, self)
        self.importer = ImportController(self.controller, self.runner, self)
        self.case_view.list.files_dropped.connect(self.importer.import_paths)
        self.case_view.list.item_moved.connect(self.items.move_to)
        self.case_view.import_button.clicked.connect(self.import_dialog)
        self.case_view.record_button.clicked.connect(self.record)
        self.case_view.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for a in self.items.context_actions:
            self.case_view.list.addAction(a)
        self.items.attach(self.controller, self.case_view)
        self.stack.addWidget(self.case_view)
        self.stack.setCurrentWidget(self.case_view)
        f = store.case.facts
        platform = PLATFORM_NAMES.get(f.platform, f.platform or "?")
        self.setWindowTitle(self.tr("Evidence Kit — {0} ({1})").format(store.name, platform))
        self.settings.add_recent(store.root)
        save_settings(self.settings)
        self._on_saved(True, "")
        self._update_enabled()
        try:
            store.check_writable()
        except EvidenceKitError as exc:
            self.saved_label.setText(
                self.tr("Read-only: you can look, but changes cannot be saved")
            )
            theme.set_role(self.saved_label, "error")
            self.error(self.tr("This case can be viewed but not changed."), str(exc))

    def close_case(self) -> None:
        if self.case_view is None:
            return
        self.runner.wait_all()
        if self.controller is not None:
            self.controller.store.close()  # let other writers in
        self.stack.removeWidget(self.case_view)
        self.case_view.deleteLater()
        self.case_view = None
        self.controller = None
        self.importer = None
        self.items.attach(None, None)
        self.stack.setCurrentWidget(self.start)
        self.recent.show()
        self.saved_label.clear()  # no case, nothing to be saved
        self.setWindowTitle(self.tr("Evidence Kit"))
        self._update_enabled()

    # --- adding evidence -------------------------------------------------------------------------

    def import_dialog(self) -> None:
        if self.importer is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import evidence"), str(import_folder(self.settings)), IMPORT_FILTER
        )
        if files:
            update_settings(self.settings, import_dir=str(Path(files[0]).parent))
            self.importer.import_paths([Path(f) for f in files])

    def record(self) -> None:
        if self.controller is None:
            return
        from evidence_kit.gui.record.window import RecorderWindow

        window = RecorderWindow(self.controller, self.runner, self, settings=self.settings)
        window.exec()
        if window.wants_import:
            self.import_dialog()

    # --- edit ----------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.controller:
            self.controller.undo()

    def redo(self) -> None:
        if self.controller:
            self.controller.redo()

    def save_now(self) -> None:
        if self.controller and self.controller.save():
            self.statusBar().showMessage(self.tr("Saved."), 2000)

    def _step(self, step: str) -> None:
        if self.case_view:
            self.case_view.show_step(step)

    def _on_saved(self, ok: bool, message: str) -> None:
        if ok:
            self.saved_label.setText(self.tr("All changes saved ✓"))
            theme.set_role(self.saved_label, "ok")
        else:
            self.saved_label.setText(self.tr("NOT saved: {0}").format(message))
            theme.set_role(self.saved_label, "error")

    # --- window ------------------------------------------------------------------------------

    def error(self, headline: str, detail: str) -> None:
        """Tell the user what went wrong and that nothing was lost."""
        QMessageBox.warning(self, self.tr("Evidence Kit"), f"{headline}\n\n{detail}")

    def show_guide(self) -> None:
        from evidence_kit.gui.help.guide import show_guide

        show_guide(self)

    def about(self) -> None:
        from evidence_kit import __version__

        QMessageBox.about(
            self,
            self.tr("About Evidence Kit"),
            self.tr("Evidence Kit {0}\nEverything stays on this computer.").format(__version__),
        )

    def open_settings(self) -> None:
        """Settings; a new language rebuilds the window around the open case."""
        from evidence_kit.gui.shell.language_switch import switch_language
        from evidence_kit.gui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings.language, self)
        if dialog.exec() and dialog.language_choice != self.settings.language:
            switch_language(self, dialog.language_choice)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and self.importer is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        if self.importer is not None:
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                self.importer.import_paths(paths)

    @staticmethod
    def _window_settings() -> QSettings:
        # next to settings.json, so tests (which redirect the config dir) never touch the real one
        return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        qs = self._window_settings()
        geometry = qs.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        fit_on_screen(self)  # a laptop screen, or a size saved on a bigger monitor

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.wait_all()
        self._window_settings().setValue("geometry", self.saveGeometry())
        save_settings(self.settings)
        super().closeEvent(event)
