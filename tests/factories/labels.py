"""Photos of shipping labels with known lines, for measuring the mask suggester.

A label is laid out flat (recipient name, street, city and postcode, phone; sender, weight,
order number; a Code 128 barcode of the tracking number with its digits printed under it; on
some labels a QR or DataMatrix code holding the recipient), in Latin or Cyrillic script. It is
then photographed: placed on cardboard, turned, tilted in perspective or blurred, lit unevenly,
noised and JPEG-compressed. Every line keeps the photo pixels of its own glyphs, so a test can
ask how much of "Jane Doe" a set of masks hides.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

import cv2
import numpy as np
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from evidence_kit.core.resources import resource_path

DISTORTIONS = ("plain", "rotated", "blurred", "perspective")
SCRIPTS = ("latin", "cyrillic")
PRIVATE = ("name", "address", "phone")

_LATIN = [
    # name, street, city line, country, phone
    ("Jane Doe", "12 Example Street, Apt 4", "Springfield 12345", "United States",
     "Tel +1 555 0100 123"),
    ("John Smith", "221B Baker Street", "London NW1 6XE", "United Kingdom",
     "+44 20 7946 0958"),
    ("María García López", "Calle Mayor 15, 3º B", "28013 Madrid", "Spain",
     "Phone: +34 612 345 678"),
    ("Pierre Dubois", "45 Rue de la Paix", "75002 Paris", "France", "Tél. +33 6 12 34 56 78"),
    ("Anna Kowalska", "ul. Długa 7/12", "00-950 Warszawa", "Poland", "+48 601 234 567"),
    ("Sophie Müller", "Hauptstraße 28", "10115 Berlin", "Germany", "Tel. 0151 2345 6789"),
]  # fmt: skip
_CYRILLIC = [
    ("Иванова Мария Петровна", "ул. Ленина, д. 15, кв. 42", "г. Москва, 129110", "Россия",
     "Тел.: +7 916 123-45-67"),
    ("Смирнов Алексей", "пр-т Мира, д. 101, кв. 7", "Санкт-Петербург 191186", "Россия",
     "+7 (921) 555-01-23"),
    ("Кузнецова Ольга Игоревна", "ул. Садовая, 3-18", "г. Казань, 420111", "Россия",
     "тел. 8 903 765 43 21"),
    ("Попов Дмитрий Сергеевич", "Невский пр., д. 28, кв. 5", "Новосибирск, 630099",
     "Российская Федерация", "+7 383 212-85-06"),
    ("Шевченко Тарас", "вул. Хрещатик, 22, кв. 9", "м. Київ, 01001", "Україна",
     "+380 44 123 45 67"),
]  # fmt: skip
_HEADINGS = {"latin": ("SHIP TO:", "FROM:"), "cyrillic": ("Кому:", "От кого:")}
_SENDERS = [
    ("Shenzhen Example Trading Co., Ltd", "Warehouse 3, Longhua District"),
    ("Yiwu Good Goods Store", "Building B, Futian Market"),
]
_EXTRAS = {
    "latin": ["Weight: 0.42 kg", "Order 8123456789012", "Pieces 1/1", "Postage paid"],
    "cyrillic": ["Вес: 0,42 кг", "Заказ 8123456789012", "Мест 1/1", "Оплачено"],
}


@dataclass
class LabelLine:
    """One printed line: its text, what it is, and the photo pixels of its glyphs."""

    text: str
    role: str  # name | address | phone | tracking | other
    ink: np.ndarray  # (N, 2) integer x, y of the glyph pixels in the photo

    @property
    def private(self) -> bool:
        return self.role in PRIVATE


@dataclass
class LabelCode:
    """A barcode or 2D code on the label and where it landed in the photo."""

    format: str  # Code128 | QRCode | DataMatrix
    text: str
    quad: np.ndarray  # (4, 2) photo corners


@dataclass
class LabelPhoto:
    """A generated photo and everything known about it."""

    image: Image.Image
    distortion: str
    script: str
    tracking: str
    lines: list[LabelLine] = field(default_factory=list)
    codes: list[LabelCode] = field(default_factory=list)

    def line(self, text: str) -> LabelLine:
        return next(ln for ln in self.lines if ln.text == text)

    def private_lines(self) -> list[LabelLine]:
        return [ln for ln in self.lines if ln.private]


def coverage(line: LabelLine, rects: list[list[float]]) -> float:
    """Share of the line's glyph pixels that lie under at least one of the rects."""
    if not len(line.ink):
        return 1.0
    xs, ys = line.ink[:, 0] + 0.5, line.ink[:, 1] + 0.5
    hidden = np.zeros(len(line.ink), bool)
    for x, y, w, h in rects:
        hidden |= (xs >= x) & (xs <= x + w) & (ys >= y) & (ys <= y + h)
    return float(hidden.mean())


def _fonts() -> dict[str, str]:
    return {
        "regular": str(resource_path("fonts/DejaVuSans.ttf")),
        "bold": str(resource_path("fonts/DejaVuSans-Bold.ttf")),
        "mono": str(resource_path("fonts/DejaVuSansMono.ttf")),
    }


def _code_image(fmt: str, text: str, scale: int) -> np.ndarray:
    barcode = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, fmt))
    return np.array(zxingcpp.write_barcode_to_image(barcode, scale=scale))


class _Flat:
    """The label as printed: white paper, text and codes, with a mask per line."""

    def __init__(self, w: int, h: int) -> None:
        self.paper = Image.new("L", (w, h), 255)
        self.draw = ImageDraw.Draw(self.paper)
        # each line's glyphs: (left, top, mask of its box), in label pixels
        self.lines: list[tuple[str, str, tuple[int, int, np.ndarray]]] = []
        self.codes: list[tuple[str, str, np.ndarray]] = []

    def text(self, x: int, y: int, text: str, role: str, font: ImageFont.FreeTypeFont) -> int:
        self.draw.text((x, y), text, font=font, fill=0)
        x0, y0, x1, y1 = (int(v) for v in font.getbbox(text))
        glyphs = Image.new("L", (x1 - x0 + 2, y1 - y0 + 2), 0)
        ImageDraw.Draw(glyphs).text((1 - x0, 1 - y0), text, font=font, fill=255)
        self.lines.append((text, role, (x + x0 - 1, y + y0 - 1, np.asarray(glyphs))))
        return y + y1

    def code(self, x: int, y: int, fmt: str, text: str, scale: int, height: int = 0) -> int:
        img = _code_image(fmt, text, scale)
        if height:  # linear codes: stretch the bars to a printed height
            img = cv2.resize(img, (img.shape[1], height), interpolation=cv2.INTER_NEAREST)
        h, w = img.shape
        self.paper.paste(Image.fromarray(img), (x, y))
        quad = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], float)
        self.codes.append((fmt, text, quad))
        return y + h


def _layout(rng: random.Random, script: str) -> tuple[_Flat, str]:
    """A 4×6-inch label, about 250 dpi, filled with one recipient's details."""
    fonts = _fonts()
    pool = _LATIN if script == "latin" else _CYRILLIC
    name, street, city, country, phone = rng.choice(pool)
    tracking = f"{rng.choice(['LP', 'RU', 'UA', 'YT'])}{rng.randrange(10**10, 10**11)}CN"
    w, h = 1000, 1500
    flat = _Flat(w, h)
    flat.draw.rectangle([4, 4, w - 5, h - 5], outline=0, width=6)
    ship_to, sender_head = _HEADINGS[script]
    body = rng.randint(34, 44)
    x = rng.randint(40, 70)
    y = rng.randint(40, 70)
    small = ImageFont.truetype(fonts["regular"], rng.randint(26, 32))
    sender = rng.choice(_SENDERS)
    y = flat.text(x, y, sender_head, "other", small) + 8
    for part in sender:
        y = flat.text(x, y, part, "other", small) + 6
    y += rng.randint(20, 50)
    flat.draw.line([0, y, w, y], fill=0, width=4)
    y += rng.randint(20, 40)
    heading = ImageFont.truetype(fonts["bold"], rng.randint(30, 38))
    y = flat.text(x, y, ship_to, "other", heading) + rng.randint(10, 30)
    # the name is often printed larger than the address, with its own gap below it
    name_font = ImageFont.truetype(fonts["bold"], rng.randint(body + 4, body + 22))
    y = flat.text(x + rng.randint(0, 30), y, name, "name", name_font) + rng.randint(12, 40)
    face = fonts["bold"] if rng.random() < 0.5 else fonts["regular"]
    addr_font = ImageFont.truetype(face, body)
    for text in (street, city, country):
        y = flat.text(x, y, text, "address", addr_font) + rng.randint(8, 16)
    y = flat.text(x, y + rng.randint(0, 20), phone, "phone", addr_font) + rng.randint(30, 60)
    flat.draw.line([0, y, w, y], fill=0, width=4)
    y += 30
    bar_top = y
    y = flat.code(x + 20, y, "Code128", tracking, scale=3, height=rng.randint(150, 190))
    digits = ImageFont.truetype(fonts["mono"], rng.randint(34, 42))
    y = flat.text(x + 60, y + 6, tracking, "tracking", digits) + 30
    extras = ImageFont.truetype(fonts["regular"], rng.randint(26, 32))
    if rng.random() < 0.6:  # a 2D code holding the recipient, beside the extra lines
        fmt = rng.choice(["QRCode", "DataMatrix"])
        code_text = f"{name}; {street}; {city}; {phone}"
        img = _code_image(fmt, code_text, scale=5 if fmt == "QRCode" else 6)
        cx = w - img.shape[1] - 40
        flat.code(cx, max(y, bar_top + 240), fmt, code_text, scale=5 if fmt == "QRCode" else 6)
    for text in rng.sample(_EXTRAS[script], 3):
        y = flat.text(x, y, text, "other", extras) + 12
    return flat, tracking


def _background(rng: random.Random, size: tuple[int, int]) -> np.ndarray:
    """Brown corrugated cardboard with fibres and a soft gradient."""
    w, h = size
    nrng = np.random.default_rng(rng.randrange(2**32))
    red = rng.uniform(150, 205)
    base = np.array([red, red * rng.uniform(0.72, 0.8), red * rng.uniform(0.45, 0.58)], np.float32)
    small = nrng.standard_normal((h // 16 + 1, w // 16 + 1), dtype=np.float32) * 10
    grain = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    grain += cv2.GaussianBlur(nrng.standard_normal((h, w), dtype=np.float32) * 12, (0, 0), 1.2)
    return grain[..., None] + base


def _homography(rng: random.Random, flat: tuple[int, int], size: tuple[int, int], kind: str):
    fw, fh = flat
    w, h = size
    scale = rng.uniform(0.45, 0.85) * h / fh
    angle = rng.uniform(8, 15) * rng.choice([-1, 1]) if kind == "rotated" else rng.uniform(-2, 2)
    src = np.array([[0, 0], [fw, 0], [fw, fh], [0, fh]], np.float32)
    c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
    centred = (src - [fw / 2, fh / 2]) * scale
    dst = centred @ np.array([[c, s], [-s, c]], np.float32)
    dst += [w / 2 + rng.uniform(-0.12, 0.12) * w, h / 2 + rng.uniform(-0.03, 0.03) * h]
    if kind == "perspective":  # the phone held at an angle: one side nearer than the other
        jitter = 0.12 * scale * max(fw, fh)
        dst += np.array([[rng.uniform(-1, 1) for _ in range(2)] for _ in range(4)]) * jitter
        near = rng.choice([0, 1, 2, 3])  # pull one edge in, as a tilt does
        edge = [(0, 1), (1, 2), (2, 3), (3, 0)][near]
        mid = dst.mean(axis=0)
        for i in edge:
            dst[i] = mid + (dst[i] - mid) * 0.78
    return cv2.getPerspectiveTransform(src, dst.astype(np.float32))


def label_photo(
    seed: int,
    distortion: str = "plain",
    script: str = "latin",
    size: tuple[int, int] = (1600, 1200),
) -> LabelPhoto:
    """One photo of a generated label; the same arguments always give the same photo."""
    if distortion not in DISTORTIONS or script not in SCRIPTS:
        raise ValueError(f"unknown distortion or script: {distortion}, {script}")
    rng = random.Random(f"{seed}-{distortion}-{script}-{size}")
    flat, tracking = _layout(rng, script)
    # thermal printers print grey, not black
    ink = rng.uniform(0, 70)
    paper = (np.asarray(flat.paper) / 255.0 * (255 - ink) + ink).astype(np.uint8)
    m = _homography(rng, paper.shape[::-1], size, distortion)
    w, h = size
    photo = _background(rng, size)
    warped = cv2.warpPerspective(paper, m, size, flags=cv2.INTER_AREA).astype(np.float32)
    cover = cv2.warpPerspective(np.full(paper.shape, 255, np.uint8), m, size)[..., None]
    cover = cover.astype(np.float32) / 255
    paper_rgb = warped[..., None] * np.array([0.97, 0.97, 0.95], np.float32)
    photo += (paper_rgb - photo) * cover
    # light from one side, and a camera's noise
    a = np.radians(rng.uniform(0, 360))
    strength = rng.uniform(0.12, 0.28)
    xs = np.cos(a) * np.arange(w, dtype=np.float32) / w
    ys = np.sin(a) * np.arange(h, dtype=np.float32)[:, None] / h
    ramp = (xs + ys) * strength
    photo *= (1.0 - ramp + float(ramp.mean()))[..., None]
    sigma = rng.uniform(1.6, 3.0) * w / 1600 if distortion == "blurred" else 0.5 * w / 1600
    photo = cv2.GaussianBlur(photo, (0, 0), sigma)
    nrng = np.random.default_rng(rng.randrange(2**32))
    photo += nrng.standard_normal(photo.shape, dtype=np.float32) * rng.uniform(2.0, 5.0)
    img = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rng.randint(70, 92))
    out = LabelPhoto(Image.open(buf).convert("RGB"), distortion, script, tracking)
    for text, role, glyphs in flat.lines:
        out.lines.append(LabelLine(text, role, _warp_glyphs(glyphs, m, size)))
    for fmt, text, quad in flat.codes:
        pts = cv2.perspectiveTransform(quad[None].astype(np.float32), m)[0]
        out.codes.append(LabelCode(fmt, text, pts))
    return out


def _warp_glyphs(glyphs: tuple[int, int, np.ndarray], m: np.ndarray, size: tuple[int, int]):
    """Photo pixels (x, y) of one line's glyphs: its small mask warped into its own window."""
    left, top, mask = glyphs
    h, w = mask.shape
    box = np.array([[[left, top], [left + w, top], [left + w, top + h], [left, top + h]]], float)
    corners = cv2.perspectiveTransform(box, m)[0]
    x0, y0 = (max(0, int(np.floor(v)) - 1) for v in corners.min(axis=0))
    x1, y1 = (min(s, int(np.ceil(v)) + 1) for v, s in zip(corners.max(axis=0), size, strict=True))
    if x1 <= x0 or y1 <= y0:
        return np.zeros((0, 2), int)
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], float)
    place = np.array([[1, 0, left], [0, 1, top], [0, 0, 1]], float)
    window = cv2.warpPerspective(
        mask, shift @ m @ place, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR
    )
    ys, xs = np.nonzero(window > 127)
    return np.stack([xs + x0, ys + y0], axis=1)


def label_set(seeds: int = 2) -> list[LabelPhoto]:
    """The fixed measuring set: every distortion in both scripts, `seeds` labels each."""
    return [
        label_photo(seed, distortion, script)
        for distortion in DISTORTIONS
        for script in SCRIPTS
        for seed in range(seeds)
    ]
