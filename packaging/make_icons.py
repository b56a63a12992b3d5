"""Make the Windows .ico and the macOS .icns from the app's SVG icon.

Each size is rendered from the SVG by Qt's SVG renderer (so small sizes are drawn, not
shrunk), then Pillow writes the icon files. Usage: `python packaging/make_icons.py OUT_DIR`.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "evidence-kit.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn on a transparent square of `size` pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts, pixmaps)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def make_icons(out_dir: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write evidence-kit.ico, evidence-kit.icns and a 256-pixel PNG into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in sorted({*ICO_SIZES, *ICNS_SIZES})}
    ico, icns, png = (out_dir / f"evidence-kit.{ext}" for ext in ("ico", "icns", "png"))
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(
        icns, append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    images[256].save(png)
    return {"ico": ico, "icns": icns, "png": png}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/make_icons.py OUT_DIR")
    for kind, path in make_icons(Path(sys.argv[1])).items():
        sys.stdout.write(f"{kind}: {path}\n")
