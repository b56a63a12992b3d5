"""`evidence-kit --version` time (goal < 0.3 s) and time until the main window shows (goal < 2 s).

python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHOW_SCRIPT = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from evidence_kit.core.settings import load_settings
from evidence_kit.gui.shell.main_window import MainWindow
w = MainWindow(load_settings())
w.show()
QTimer.singleShot(0, lambda: (print(f"SHOWN {time.perf_counter() - t0:.3f}"), app.quit()))
app.exec()
"""


def main() -> None:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    )
    env["EVIDENCE_KIT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="ek-bench-cfg-")
    versions = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "evidence_kit", "--version"],
            check=True,
            env=env,
            capture_output=True,
        )
        versions.append(time.perf_counter() - start)
    bare = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    shown, wall = [], []
    for _ in range(5):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", SHOW_SCRIPT], env=env, capture_output=True, text=True, check=True
        )
        wall.append(time.perf_counter() - start)
        shown.append(float(out.stdout.split("SHOWN")[1]))
    print(f"--version: median {statistics.median(versions) * 1000:.0f} ms "
          f"(bare python: {statistics.median(bare) * 1000:.0f} ms; goal < 300 ms)")  # fmt: skip
    print(f"main window shown: median {statistics.median(wall):.2f} s from process start "
          f"({statistics.median(shown):.2f} s after imports began; goal < 2 s)")  # fmt: skip


if __name__ == "__main__":
    main()
