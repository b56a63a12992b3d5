"""Take the guide's pictures (resources/guide/images/*.png) from the app itself.

    Xvfb :57 -screen 0 1280x800x24 &  DISPLAY=:57 python scripts/guide_pictures.py [--language ru]

Opens the sample case in a 1280×800 window, shows each step, grabs the window and saves it
at 640 px wide with a 64-colour palette, so the five pictures stay small (the guide is read on
a laptop, not printed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("facts", "evidence", "claim", "export", "dispute")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "guide" / "images")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--full", type=Path, help="also keep the 1280×800 grabs in this folder")
    args = parser.parse_args(argv)

    import os

    os.environ.setdefault("EVIDENCE_KIT_DATA_DIR", tempfile.mkdtemp(prefix="ek-guide-"))
    from PIL import Image
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from evidence_kit.core.settings import load_settings
    from evidence_kit.gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(load_settings())
    window.resize(1280, 800)
    window.show()
    window.open_sample()
    window.runner.wait_all()
    args.out.mkdir(parents=True, exist_ok=True)
    for step in STEPS:
        window._step(step)
        for _ in range(40):  # two seconds for the previews (a video's first frame) to arrive
            QCoreApplication.processEvents()
            time.sleep(0.05)
        window.runner.wait_all()
        QCoreApplication.processEvents()
        grab = Path(tempfile.mkdtemp()) / f"{step}.png"
        window.grab().save(str(grab))
        if args.full:
            args.full.mkdir(parents=True, exist_ok=True)
            (args.full / f"{step}.png").write_bytes(grab.read_bytes())
        picture = Image.open(grab).convert("RGB")
        height = round(picture.height * args.width / picture.width)
        small = picture.resize((args.width, height), Image.Resampling.LANCZOS)
        small.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(args.out / f"{step}.png", optimize=True)  # fmt: skip
        print(f"{step}: {(args.out / f'{step}.png').stat().st_size // 1024} KB")
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
