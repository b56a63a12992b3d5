"""Barcodes, QR, DataMatrix and the other codes on a label: read with zxing-cpp, then judged.

zxing-cpp reads every common symbology, turned or mirrored, in any text encoding (OpenCV's own
QR decoder raised on a Cyrillic address). OpenCV's QR and barcode *finders* run too, so a code
too blurred to read is still proposed for masking. What a code holds decides the proposal: the
tracking number or the order number alone stays readable, since platforms want it; anything
else, above all a name, postcode or phone number, is proposed for masking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NAMES = {
    "qr": "QR code",
    "datamatrix": "DataMatrix code",
    "pdf417": "PDF417 code",
    "aztec": "Aztec code",
    "maxicode": "MaxiCode",
    "barcode": "Barcode",
}
_KIND_BY_FORMAT = (
    (("QRCode", "MicroQRCode", "RMQRCode"), "qr"),
    (("DataMatrix",), "datamatrix"),
    (("PDF417", "MicroPDF417", "CompactPDF417"), "pdf417"),
    (("Aztec", "AztecCode", "AztecRune"), "aztec"),
    (("MaxiCode",), "maxicode"),
)
_POSTCODE = re.compile(
    r"(?<![\w-])(\d{5,6}|\d{2}-\d{3}|\d{3} \d{2}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
    r"|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?![\w-])"
)
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][a-zß-öø-ÿа-яёіїєґ'’-]+"
_NAME_LIKE = re.compile(rf"{_CAPITALISED}[ ,]+{_CAPITALISED}")


@dataclass(eq=False)  # compared by identity: its corners are an array
class Code:
    """One code: its kind (qr, datamatrix, …, barcode), symbology, corners and contents."""

    kind: str
    format: str  # as zxing-cpp names it, e.g. "Code 128"; "" when only found, not read
    quad: np.ndarray  # (4, 2) corners in image pixels
    text: str  # "" when the code could not be read

    def rect(self) -> tuple[float, float, float, float]:
        x0, y0 = self.quad.min(axis=0)
        x1, y1 = self.quad.max(axis=0)
        return float(x0), float(y0), float(x1 - x0), float(y1 - y0)


def kind_of(format_name: str) -> str:
    """Our kind for a zxing-cpp BarcodeFormat name."""
    for names, kind in _KIND_BY_FORMAT:
        if format_name in names:
            return kind
    return "barcode"


def read_codes(gray: np.ndarray) -> list[Code]:
    """Every code zxing-cpp reads in a grey image, then those OpenCV only finds."""
    import zxingcpp

    codes = []
    for found in zxingcpp.read_barcodes(gray):
        p = found.position
        quad = np.array(
            [[pt.x, pt.y] for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)],
            float,
        )
        kind = kind_of(found.format.name)
        if kind == "barcode":
            quad = across_bars(gray, quad)
        codes.append(Code(kind, str(found.format), quad, found.text))
    for kind, quad in _unread_codes(gray):
        box = Code(kind, "", quad, "").rect()
        if all(overlap(box, c.rect()) < 0.3 and overlap(c.rect(), box) < 0.3 for c in codes):
            codes.append(Code(kind, "", quad, ""))
    return codes


def _unread_codes(gray: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """Where OpenCV sees a QR code or a barcode, read or not."""
    import cv2

    out: list[tuple[str, np.ndarray]] = []
    try:
        ok, points = cv2.QRCodeDetector().detectMulti(gray)
        if ok and points is not None:
            out += [("qr", np.asarray(p, float).reshape(4, 2)) for p in points]
        ok, corners = cv2.barcode.BarcodeDetector().detect(gray)
        if ok and corners is not None:
            out += [("barcode", np.asarray(c, float).reshape(4, 2)) for c in corners]
    except cv2.error:
        pass  # a finder that fails on odd input is no reason to lose the other findings
    return out


def across_bars(gray: np.ndarray, quad: np.ndarray, step: float = 2.0) -> np.ndarray:
    """A linear code's full extent: zxing-cpp reports only the scan line it read along.

    On a tilted label that line crosses the bars at a slant, so first the code's own direction
    is found (the one along which the picture stays the same a few pixels either side), then we
    walk across the bars, outwards, while each step still looks like the bars (correlation).
    """
    scan = (quad[1] + quad[2]) / 2 - (quad[0] + quad[3]) / 2
    scan_len = float(np.linalg.norm(scan))
    if scan_len < 8:
        return quad
    centre = quad.mean(axis=0)
    tilt = max(np.radians(np.arange(-20.0, 20.5, 0.5)),
               key=lambda a: _likeness(gray, centre, _turn(scan / scan_len, a), 0.4 * scan_len, 6))  # fmt: skip
    u = _turn(scan / scan_len, tilt)
    n = np.array([-u[1], u[0]])
    half = scan_len * abs(np.cos(tilt)) / 2
    reach = []
    for sign in (-1.0, 1.0):
        t = 0.0
        while t < 2 * half:  # no barcode is taller than it is long
            base = _likeness(gray, centre, u, half, 0.0, sign * (t + step))
            if _likeness(gray, centre + sign * t * n, u, half, step, sign) < 0.6 or base < 0.3:
                break
            t += step
        reach.append(t)
    a, b = centre - half * u, centre + half * u
    return np.array([a - reach[0] * n, b - reach[0] * n, b + reach[1] * n, a + reach[1] * n])


def _turn(v: np.ndarray, angle: float) -> np.ndarray:
    c, s = np.cos(angle), np.sin(angle)
    return np.array([c * v[0] - s * v[1], s * v[0] + c * v[1]])


def _likeness(
    gray: np.ndarray, centre: np.ndarray, u: np.ndarray, half: float, d: float, sign: float = 0.0
) -> float:
    """Correlation of the picture along u through `centre` with the same line shifted across.

    sign = 0: the lines at -d and +d; otherwise the line at centre and the one at sign * d.
    """
    import cv2

    n = np.array([-u[1], u[0]])
    along = centre + np.outer(np.linspace(-half, half, 200), u)

    def profile(t: float) -> np.ndarray:
        pts = (along + t * n).astype(np.float32)
        row = cv2.remap(gray, pts[:, 0][None], pts[:, 1][None], cv2.INTER_LINEAR)[0]
        row = row.astype(np.float64).ravel()
        return row - row.mean()

    a, b = (profile(-d), profile(d)) if sign == 0 else (profile(0.0), profile(sign * d))
    denom = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / denom if denom else 0.0


def norm(text: str) -> str:
    """Letters and digits only, upper case: how two renderings of one number compare."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def judge(
    code: Code, tracking: str = "", order_id: str = "", names: tuple[str, ...] = ()
) -> tuple[bool, str]:
    """(keep, reason) for a code: keep it readable, or propose it for masking and say why."""
    name = NAMES.get(code.kind, "Code")
    label = f"{name} ({code.format})" if code.format and code.kind == "barcode" else name
    if not code.text:
        return False, f"{name} that cannot be read here: it may hold an address."
    shown = code.text if len(code.text) <= 80 else code.text[:79] + "…"
    whole = norm(code.text)
    if tracking and whole == norm(tracking):
        return True, f"{label} holds only the tracking number: keep it readable for the platform."
    if order_id and whole == norm(order_id):
        return True, f"{label} holds only the order number: keep it readable for the platform."
    private = personal_data(code.text, (tracking, order_id), names)
    if private:
        return False, f"{label} holds {', '.join(private)}: “{shown}”"
    return False, f"{label} holds “{shown}”: mask it unless the platform needs it."


def personal_data(text: str, known: tuple[str, ...] = (), names: tuple[str, ...] = ()) -> list[str]:
    """What kinds of personal data a code's text seems to hold (a name, a postcode, …)."""
    rest = text
    for number in known:  # the tracking and order numbers are not personal data
        if number:
            rest = rest.replace(number, " ")
    low = rest.casefold()
    found = []
    if any(n and n.casefold() in low for n in names) or _NAME_LIKE.search(rest):
        found.append("a name")
    if _EMAIL.search(rest):
        found.append("an email address")
        rest = _EMAIL.sub(" ", rest)
    if _PHONE.search(rest):
        found.append("a phone number")
        rest = _PHONE.sub(" ", rest)
    if _POSTCODE.search(rest.upper()):
        found.append("a postcode")
    return found


def overlap(a: Sequence[float], b: Sequence[float]) -> float:
    """Share of a's area covered by b."""
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    area = a[2] * a[3]
    return ix * iy / area if area > 0 else 0.0
