"""Screenshots of every screen on the sample case, in one language at one size:

    python scripts/screenshots.py --lang ru --size 1280x800 -o /work/shots/ru-1280
    QT_SCALE_FACTOR=1.5 python scripts/screenshots.py --lang ru --size 1920x1080 -o shots/ru-1920

The size is the screen's in pixels; with QT_SCALE_FACTOR the window gets size / factor, as on a
laptop set to 150 %. Run it under Xvfb (`Xvfb :N -screen 0 1920x1080x24`, DISPLAY=:N) or with
QT_QPA_PLATFORM=offscreen. The app's folders point into a temporary folder: the user's settings
and cases are never touched. Each PNG is named by its screen (01-start.png, ...); the list of
screens is SCREENS. The guide's illustrations come from here too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "ru"), default="en")
    parser.add_argument("--size", default="1280x800", help="screen size in pixels, WxH")
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--only", nargs="*", default=[], help="names of the screens to take")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="ek-shots-") as tmp:
        for name in ("CONFIG", "DATA", "CACHE", "CASES", "LOG"):
            os.environ[f"EVIDENCE_KIT_{name}_DIR"] = str(Path(tmp) / name.lower())
        os.environ["EVIDENCE_KIT_CAMERA_SOURCE"] = str(ROOT / "resources/sample/unboxing.mp4")
        saved = Shooter(args.lang, width, height, args.out, Path(tmp)).run(set(args.only))
    for path in saved:
        print(path)
    return 0


class Shooter:
    """Opens the app on the sample case and saves one PNG per screen."""

    def __init__(self, lang: str, width: int, height: int, out: Path, tmp: Path) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        from evidence_kit.gui.base import language, theme

        theme.apply("light")
        language.apply(lang)
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
        self.size = (round(width / scale), round(height / scale))
        self.out, self.tmp = out, tmp
        out.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    # --- helpers ------------------------------------------------------------------------------

    def settle(self, window: object | None = None) -> None:
        """Let queued work (thumbnails, previews, layouts) finish and paint."""
        from PySide6.QtCore import QEventLoop, QTimer

        runner = getattr(window, "runner", None)
        for _ in range(4):  # work done on the GUI thread may start more work
            if runner is not None:
                runner.wait_all()
                runner.preview_pool.waitForDone(10000)  # pictures and video frames
            loop = QEventLoop()
            QTimer.singleShot(300, loop.quit)
            loop.exec()

    def save(self, name: str, widget: object) -> None:
        from PySide6.QtWidgets import QWidget

        assert isinstance(widget, QWidget)
        self.settle(self.window)
        path = self.out / f"{len(self.saved) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)

    def dialog(self, name: str, make: Callable[[], object]) -> None:
        """Show a dialog without its event loop, take it, close it."""
        from PySide6.QtWidgets import QWidget

        dialog = make()
        assert isinstance(dialog, QWidget)
        dialog.show()
        self.save(name, dialog)
        dialog.close()
        dialog.deleteLater()

    # --- the screens --------------------------------------------------------------------------

    def run(self, only: set[str]) -> list[Path]:
        from evidence_kit.core.settings import Settings
        from evidence_kit.gui.shell.main_window import MainWindow

        self.window = MainWindow(Settings())
        self.window.resize(*self.size)
        self.window.show()
        for name, take in SCREENS:
            if not only or name in only:
                take(self)
        self.window.close_case()
        self.window.close()
        return self.saved

    def start(self) -> None:
        self.save("start", self.window)

    def new_case(self) -> None:
        from evidence_kit.gui.shell.new_case_dialog import NewCaseDialog

        def make() -> NewCaseDialog:
            dialog = NewCaseDialog("aliexpress", self.window)
            dialog.order_id.setText("8123 4567 8901")
            return dialog

        self.dialog("new-case", make)

    def open_sample(self) -> None:
        from evidence_kit.core import event_ops
        from evidence_kit.media.sample import make_sample_case

        store = make_sample_case(self.tmp / "sample")
        event = event_ops.make_event(store.case, "dispute_opened")
        event_ops.add_event(store.case, event)
        store.save()
        store.close()
        self.window.open_case(store.root)

    def step(self, step: str, item_kind: str = "") -> None:
        view, controller = self.window.case_view, self.window.controller
        assert view is not None and controller is not None
        view.show_step(step)
        if item_kind:
            item = next(i for i in controller.case.items if i.kind == item_kind)
            controller.select(item.id)

    def facts(self) -> None:
        self.open_sample()
        self.step("facts")
        self.save("facts", self.window)

    def evidence(self) -> None:
        self.step("evidence", "photo")
        self.save("evidence-editor", self.window)

    def video(self) -> None:
        self.step("evidence", "video")
        self.save("video-panel", self.window)

    def claim(self) -> None:
        self.step("claim")
        self.save("claim", self.window)

    def export(self) -> None:
        self.step("export")
        self.save("export", self.window)

    def dispute(self) -> None:
        self.step("dispute")
        self.save("dispute", self.window)

    def menus(self) -> None:
        from PySide6.QtWidgets import QMenu

        self.step("evidence", "photo")
        for n, menu in enumerate(self.window.menuBar().actions()):
            popup = menu.menu()
            if not isinstance(popup, QMenu):
                continue
            popup.popup(self.window.mapToGlobal(self.window.rect().topLeft()))
            self.save(f"menu-{n + 1}", popup)
            popup.close()

    def recorder(self) -> None:
        from evidence_kit.gui.record.window import RecorderWindow

        controller = self.window.controller
        assert controller is not None
        self.dialog("recorder", lambda: RecorderWindow(
            controller, self.window.runner, self.window, settings=self.window.settings))  # fmt: skip

    def settings(self) -> None:
        from evidence_kit.gui.shell.settings_dialog import SettingsDialog

        self.dialog("settings", lambda: SettingsDialog("system", self.window))

    def event_dialog(self) -> None:
        from evidence_kit.gui.dispute.event_dialog import EventDialog

        assert self.window.controller is not None
        case = self.window.controller.case
        self.dialog("event", lambda: EventDialog(case, kind="seller_replied", parent=self.window))

    def suggest(self) -> None:
        from evidence_kit.gui.annotate.suggest_dialog import SuggestDialog
        from evidence_kit.media.image.suggest import Suggestion

        found = [
            Suggestion("face", [10, 10, 80, 80], "a face", score=0.93),
            Suggestion("text_line", [10, 120, 300, 30], "a line of text", score=0.8),
            Suggestion("qr", [200, 10, 90, 90], "a QR code", decoded="https://example.com"),
            Suggestion("barcode", [10, 200, 250, 60], "the tracking number", keep=True),
        ]
        self.dialog("suggest", lambda: SuggestDialog(found, self.window))

    def translation(self) -> None:
        from evidence_kit.claim.translate import Translation
        from evidence_kit.gui.claim.translate_panel import TranslationReview

        results = {"notes": Translation("Кружка пришла с трещиной, коробка была целой.",
                                        "The mug arrived cracked; the box was intact.", "google")}  # fmt: skip
        self.dialog("translation", lambda: TranslationReview(results, self.window))

    def error(self) -> None:
        from evidence_kit.gui.base.error_dialog import ErrorDialog

        def make() -> ErrorDialog:
            dialog = ErrorDialog(self.window)
            dialog.add("Evidence Kit ran into a bug.", "This is a sample error.", "Traceback…")
            return dialog

        self.dialog("error", make)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from evidence_kit import __version__

        def make() -> QMessageBox:
            box = QMessageBox(self.window)
            box.setWindowTitle(self.window.tr("About Evidence Kit"))
            box.setText(self.window.tr("Evidence Kit {0}\nEverything stays on this computer.").format(__version__))  # fmt: skip
            box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)  # fmt: skip
            return box

        self.dialog("about", make)


SCREENS: list[tuple[str, Callable[[Shooter], None]]] = [
    ("start", Shooter.start),
    ("new-case", Shooter.new_case),
    ("facts", Shooter.facts),
    ("evidence", Shooter.evidence),
    ("video", Shooter.video),
    ("claim", Shooter.claim),
    ("export", Shooter.export),
    ("dispute", Shooter.dispute),
    ("menus", Shooter.menus),
    ("recorder", Shooter.recorder),
    ("settings", Shooter.settings),
    ("event", Shooter.event_dialog),
    ("suggest", Shooter.suggest),
    ("translation", Shooter.translation),
    ("error", Shooter.error),
    ("about", Shooter.about),
]


if __name__ == "__main__":
    sys.exit(main())
