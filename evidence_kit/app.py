"""Starts the desktop app: checks for a display, sets up the error net (a rotating log file
and a crash log in the user log folder, sys.excepthook and the threads' hook showing the one
error dialog), then opens the main window. The only place that wires the core to the GUI.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

from evidence_kit.core import paths
from evidence_kit.core.errors import NoDisplayError

logger = logging.getLogger(__name__)

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
#: the open crash log: faulthandler writes into it from a signal handler, so it stays open
_crash_log: IO[str] | None = None
_log_handler: logging.Handler | None = None  # the one setup_logging installed


def main(argv: list[str] | None = None) -> int:
    """Entry point of `evidence-kit`: a command, or the desktop app when there is none."""
    from evidence_kit.cli import main as cli_main

    return cli_main(argv, open_gui=run_app)


# --- no display is bad input ----------------------------------------------------------------


def display_problem(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> str:
    """Why a window cannot open here ("" when it can). Without this, Qt aborts the process
    (SIGABRT) with a hint about reinstalling its plugins, which is not the problem."""
    env = os.environ if env is None else env
    if env.get("QT_QPA_PLATFORM") or platform in ("win32", "darwin"):
        return ""  # a platform chosen on purpose (offscreen, vnc...), or a desktop OS
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return (
            "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not "
            "set); start it from a desktop session, or use the commands (evidence-kit --help)"
        )
    if not wayland and _x_server_answers(display) is False:
        return (
            f"the display {display} does not answer (is the X server running, and may this "
            "user use it?); start it from a desktop session, or use the commands "
            "(evidence-kit --help)"
        )
    return ""


def _x_server_answers(display: str) -> bool | None:
    """Connect to the X server the way Qt's xcb plugin will; None when libxcb is missing."""
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)  # never NULL: an error object
    try:
        return bool(xcb.xcb_connection_has_error(connection) == 0)
    finally:
        xcb.xcb_disconnect(connection)


# --- the error net ---------------------------------------------------------------------------


def setup_logging() -> Path | None:
    """Log INFO and up to a rotating file in the user log folder, and turn faulthandler on
    into the crash log there. Returns the log file, or None when the folder cannot be
    written (then the log goes to stderr: the app still starts)."""
    global _crash_log, _log_handler
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if _log_handler is not None:
        root.removeHandler(_log_handler)
        _log_handler.close()
    try:
        paths.log_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            paths.log_file(), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        crash_log = open(paths.crash_file(), "a", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        handler, crash_log = logging.StreamHandler(sys.stderr), None
        problem = f"{exc.strerror or exc}: {exc.filename or paths.log_dir()}"
    else:
        problem = ""
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    _log_handler = handler
    if _crash_log is not None and _crash_log is not crash_log:
        _crash_log.close()
    _crash_log = crash_log
    faulthandler.enable(file=crash_log or sys.stderr, all_threads=True)
    if problem:
        logger.warning("No log file (%s); logging to the terminal instead", problem)
        return None
    from evidence_kit import __version__

    logger.info("Evidence Kit %s starting (Python %s)", __version__, sys.version.split()[0])
    return paths.log_file()


def install_error_hooks(
    show: Callable[[type[BaseException], BaseException, TracebackType | None, str], object],
) -> None:
    """Every uncaught exception is logged with its traceback and shown in the error dialog.

    `show(exc_type, exc, tb, context)` must be safe to call from any thread (the app passes
    a signal that queues it onto the GUI thread)."""

    def on_exception(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logger.error("Uncaught exception", exc_info=(exc_type, exc, tb))
        show(exc_type, exc, tb, "")

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread else "?"
        logger.error(
            "Uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        show(args.exc_type, args.exc_value, args.exc_traceback, "")

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


# --- the window ------------------------------------------------------------------------------


def run_app(case_dir: Path | str | Callable[[], Path] | None = None) -> int:
    """Open the desktop app, optionally on a case. `case_dir` may be a function that makes
    the case (the demo's copy): it is called only once the window can open."""
    problem = display_problem()
    if problem:
        raise NoDisplayError(problem)
    setup_logging()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from evidence_kit import APP_ID
    from evidence_kit.core.resources import resource_path
    from evidence_kit.core.settings import load_settings
    from evidence_kit.gui.base import language, theme
    from evidence_kit.gui.base.error_dialog import ThreadErrorRelay
    from evidence_kit.gui.shell.main_window import MainWindow

    QCoreApplication.setOrganizationName("evidence-kit")
    QCoreApplication.setApplicationName("Evidence Kit")
    # names the installed desktop entry (Linux): the dock shows its name and icon, not a
    # generic one, and Wayland gets the app id
    QGuiApplication.setDesktopFileName(APP_ID)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    relay = ThreadErrorRelay(app)
    install_error_hooks(relay.raised.emit)
    app.setWindowIcon(QIcon(str(resource_path("icons/evidence-kit.svg"))))
    # Qt destroys clipboard data from a C++ exit handler after Python has gone; a copied
    # annotation (Python-made QMimeData) would crash the exit, so let it go on quit
    app.aboutToQuit.connect(lambda: QApplication.clipboard().clear())
    settings = load_settings()
    theme.apply(settings.appearance)  # the system's light or dark, or the shopper's choice
    language.apply(settings.language)  # the system's language, or the one chosen in Settings
    window = MainWindow(settings)
    if callable(case_dir):
        case_dir = case_dir()
    if case_dir is not None:
        window.open_case(Path(case_dir))
    window.show()
    if os.environ.get("EVIDENCE_KIT_QUIT_AFTER_SHOW"):
        # startup smoke test: prove the window appears, then leave
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(os.environ["EVIDENCE_KIT_QUIT_AFTER_SHOW"]), window.close)
    return int(app.exec())
