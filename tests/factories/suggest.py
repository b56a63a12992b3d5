"""Pictures for the redaction suggester: faces (drawn, and a real photo), QR and EAN-13 codes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

_L = [
    "0001101",
    "0011001",
    "0010011",
    "0111101",
    "0100011",
    "0110001",
    "0101111",
    "0111011",
    "0110111",
    "0001011",
]
_PARITY = [
    "LLLLLL",
    "LLGLGG",
    "LLGGLG",
    "LLGGGL",
    "LGLLGG",
    "LGGLLG",
    "LGGGLL",
    "LGLGLG",
    "LGLGGL",
    "LGGLGL",
]


def _r(d: int) -> str:
    return "".join("1" if c == "0" else "0" for c in _L[d])


def ean13(digits12: str) -> str:
    """The 13 digits with their check digit."""
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits12))
    return digits12 + str((10 - total % 10) % 10)


def ean13_image(code: str, module: int = 4, height: int = 160) -> np.ndarray:
    """Grey image of an EAN-13 barcode (with its quiet zone)."""
    first, left, right = int(code[0]), code[1:7], code[7:]
    bits = "101"
    for d, parity in zip(left, _PARITY[first], strict=True):
        bits += _L[int(d)] if parity == "L" else _r(int(d))[::-1]
    bits += "01010" + "".join(_r(int(d)) for d in right) + "101"
    row = np.array([0 if b == "1" else 255 for b in bits], np.uint8).repeat(module)
    quiet = 12 * module
    img = np.full((height + 2 * quiet, len(row) + 2 * quiet), 255, np.uint8)
    img[quiet : quiet + height, quiet : quiet + len(row)] = row
    return img


def qr_image(text: str, scale: int = 8) -> np.ndarray:
    """Grey image of a QR code holding text."""
    qr = cv2.QRCodeEncoder.create().encode(text)
    qr = cv2.resize(qr, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
    return cv2.copyMakeBorder(qr, 32, 32, 32, 32, cv2.BORDER_CONSTANT, value=255)


def face_image(size: int = 300) -> np.ndarray:
    """A drawn face that OpenCV's frontal Haar cascade recognises."""
    img = np.full((size, size), 200, np.uint8)
    c = size // 2
    k = size / 300
    cv2.ellipse(img, (c, c), (int(70 * k), int(95 * k)), 0, 0, 360, 170, -1)
    for x in (c - int(30 * k), c + int(30 * k)):
        cv2.ellipse(img, (x, int(125 * k)), (int(14 * k), int(7 * k)), 0, 0, 360, 40, -1)
        cv2.line(
            img,
            (x - int(18 * k), int(105 * k)),
            (x + int(18 * k), int(105 * k)),
            60,
            max(1, int(5 * k)),
        )
    cv2.line(img, (c, int(130 * k)), (c - int(5 * k), int(170 * k)), 140, max(1, int(4 * k)))
    cv2.ellipse(img, (c, int(195 * k)), (int(25 * k), int(8 * k)), 0, 0, 360, 80, -1)
    return cv2.GaussianBlur(img, (7, 7), 0)


def paste(canvas: np.ndarray, part: np.ndarray, x: int, y: int) -> tuple[int, int, int, int]:
    """Paste a grey part into an RGB canvas; returns its rect [x, y, w, h]."""
    h, w = part.shape[:2]
    canvas[y : y + h, x : x + w] = part[..., None] if part.ndim == 2 else part
    return x, y, w, h


# Debian's python-matplotlib-data (packaging/debian-packages.txt) ships this public-domain
# photo of Grace Hopper; no face is drawn well enough to stand in for a real one
REAL_FACE = Path("/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg")


def real_face(width: int) -> np.ndarray:
    """A real person's face (RGB), scaled to `width` pixels wide; her face fills the middle."""
    assert REAL_FACE.is_file(), f"install the Debian package python-matplotlib-data ({REAL_FACE})"
    bgr = cv2.imread(str(REAL_FACE))
    h = round(bgr.shape[0] * width / bgr.shape[1])
    return cv2.cvtColor(
        cv2.resize(bgr, (width, h), interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2RGB
    )
