"""Showing a folder in the file manager, or saying why not and where it is: the log folder
(Help), a recent case (the start page), an export.

On Linux a folder opens through xdg-open, which silently does nothing when no file manager
is registered for folders; that is asked first, so the shopper is told instead of left
waiting. Windows and macOS always have Explorer and Finder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def file_manager_problem() -> str | None:
    """Why a folder cannot be opened here (Linux without a file manager), or None."""
    if not sys.platform.startswith("linux"):
        return None  # Explorer and Finder are always there
    if shutil.which("xdg-open") is None:
        return QCoreApplication.translate(
            "Folders", "This computer has no xdg-open, which opens folders."
        )
    if shutil.which("xdg-mime") is not None:
        try:
            query = subprocess.run(
                ["xdg-mime", "query", "default", "inode/directory"],
                capture_output=True,
                text=True,
                timeout=5,
            )
        except (OSError, subprocess.SubprocessError):
            return None  # cannot tell: let xdg-open try
        if query.returncode == 0 and not query.stdout.strip():
            return QCoreApplication.translate(
                "Folders", "No file manager is registered to open folders."
            )
    return None


def open_folder(parent: QWidget | None, folder: Path, title: str, where: str) -> bool:
    """Open `folder` in the file manager. When that cannot work, one message says why and
    shows the path (`where` introduces it: "The log files are in:"). True when it opened."""
    problem = file_manager_problem()
    if problem is None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    say(
        parent,
        title,
        problem or QCoreApplication.translate("Folders", "No file manager could be started."),
        where,
        folder,
    )
    return False


def say(parent: QWidget | None, title: str, reason: str, where: str, folder: Path) -> None:
    """Why a folder did not open, and where it is, so the shopper can go there by hand."""
    QMessageBox.information(parent, title, f"{reason}\n\n{where}\n{folder}")
