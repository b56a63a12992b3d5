"""Starts the desktop app. The only place that wires the core to the GUI."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Entry point of `evidence-kit`: a command, or the desktop app when there is none."""
    from evidence_kit.cli import main as cli_main

    return cli_main(argv, open_gui=lambda case_dir: run_app(case_dir))


def run_app(case_dir: Path | str | None = None, argv: list[str] | None = None) -> int:
    """Create the QApplication and the main window; open a case if given."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from evidence_kit.core.resources import resource_path
    from evidence_kit.core.settings import load_settings
    from evidence_kit.gui.shell.main_window import MainWindow

    QCoreApplication.setOrganizationName("evidence-kit")
    QCoreApplication.setApplicationName("Evidence Kit")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource_path("icons/evidence-kit.svg"))))
    # Qt destroys clipboard data from a C++ exit handler after Python has gone; a copied
    # annotation (Python-made QMimeData) would crash the exit, so let it go on quit
    app.aboutToQuit.connect(lambda: QApplication.clipboard().clear())
    window = MainWindow(load_settings())
    if case_dir is not None:
        window.open_case(Path(case_dir))
    window.show()
    if os.environ.get("EVIDENCE_KIT_QUIT_AFTER_SHOW"):
        # startup smoke test: prove the window appears, then leave
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(os.environ["EVIDENCE_KIT_QUIT_AFTER_SHOW"]), window.close)
    return int(app.exec())
