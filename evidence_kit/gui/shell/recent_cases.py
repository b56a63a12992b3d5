"""The start page's recent cases: each is read off the GUI thread for its deadline; removing
one from the list or showing its folder. Also where the file dialogs start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QWidget

from evidence_kit.core.settings import Settings, save_settings
from evidence_kit.gui.base import folders
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.shell.start_page import StartPage


class RecentCases(QObject):
    """Fills the start page's recent list from the settings and acts on its rows."""

    def __init__(
        self, page: StartPage, runner: TaskRunner, settings: Settings, window: QWidget
    ) -> None:
        super().__init__(window)
        self.page, self.runner, self.settings, self.window = page, runner, settings, window
        page.summary_wanted.connect(self._read)
        page.recent_removed.connect(self.remove)
        page.show_folder_requested.connect(self.show_folder)

    def show(self) -> None:
        """List the recent cases again (after a case closes, or a theme change)."""
        self.page.set_recent(self.settings.recent_cases, self.settings.recent_opened)

    def _read(self, path: str) -> None:
        from evidence_kit.core.store import CaseStore

        self.runner.start(
            self.tr("Reading a recent case"),
            lambda progress, cancel: CaseStore.open(Path(path)).case,
            on_done=lambda case: self.page.show_summary(path, case),
            on_error=lambda exc: self.page.show_summary(path, None, str(exc)),
            quiet=True,
        )

    def remove(self, path: str) -> None:
        """Take a case off the list; its folder is left as it is."""
        self.settings.remove_recent(path)
        save_settings(self.settings)
        self.show()

    def show_folder(self, path: str) -> None:
        folders.open_folder(
            self.window, Path(path), self.tr("Case folder"), self.tr("The case is in:")
        )


def existing(folder: Path) -> Path:
    """`folder`, or the nearest folder above it that exists (a dialog given a missing
    folder would start in the folder the app was launched from)."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return candidate
    return Path.home()


def import_folder(settings: Settings) -> Path:
    """Where the Import dialog starts: the last import's folder, else Pictures, else Videos."""
    if settings.import_dir and Path(settings.import_dir).is_dir():
        return Path(settings.import_dir)
    for where in (
        QStandardPaths.StandardLocation.PicturesLocation,
        QStandardPaths.StandardLocation.MoviesLocation,
    ):
        location = QStandardPaths.writableLocation(where)
        if location and Path(location).is_dir():
            return Path(location)
    return Path.home()
