"""The single pixel bridge: Pillow images and numpy arrays to QImage/QPixmap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image


def pil_to_qimage(img: Image.Image) -> QImage:
    """Copy a Pillow image into a QImage (RGB888 or RGBA8888)."""
    if img.mode not in ("RGB", "RGBA"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    fmt = QImage.Format.Format_RGBA8888 if img.mode == "RGBA" else QImage.Format.Format_RGB888
    data = img.tobytes()
    channels = 4 if img.mode == "RGBA" else 3
    qimg = QImage(data, img.width, img.height, img.width * channels, fmt)
    return qimg.copy()  # detach from the Python buffer, which is freed after return


def array_to_qimage(arr: np.ndarray) -> QImage:
    """Copy an HxWx3 uint8 RGB numpy array into a QImage."""
    import numpy as np

    arr = np.ascontiguousarray(arr)
    h, w = arr.shape[:2]
    qimg = QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_RGB888)
    return qimg.copy()


def boxed_pixmap(image: QImage, box: QSize) -> QPixmap:
    """The image fitted into a transparent box of one size, centred: list rows with portrait
    and landscape thumbnails then start their text at the same place."""
    out = QPixmap(box)
    out.fill(Qt.GlobalColor.transparent)
    fitted = image.scaled(
        box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    painter = QPainter(out)
    painter.drawImage(
        (box.width() - fitted.width()) // 2, (box.height() - fitted.height()) // 2, fitted
    )
    painter.end()
    return out
