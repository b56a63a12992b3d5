"""Generate the bundled sample case in resources/sample/.

A ~10 s unboxing-like clip (a parcel is opened and a cracked mug taken out), two photos
with camera EXIF (the shipping label, the crack) and a listing screenshot. Run it again
to regenerate; the outputs are deterministic apart from encoder noise.

    python scripts/make_sample_case.py
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "sample"
W, H, FPS, SECONDS = 640, 360, 25, 10
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size)


def draw_mug(d: ImageDraw.ImageDraw, cx: int, cy: int, crack: bool) -> None:
    d.rounded_rectangle([cx - 45, cy - 55, cx + 45, cy + 55], 10, fill="#f4f4f0", outline="#777")
    d.arc([cx + 30, cy - 30, cx + 75, cy + 25], -90, 90, fill="#777", width=8)
    d.rectangle([cx - 45, cy - 20, cx + 45, cy - 8], fill="#1e88e5")
    if crack:
        pts = [
            (cx - 10, cy - 55),
            (cx - 2, cy - 30),
            (cx - 14, cy - 5),
            (cx + 4, cy + 20),
            (cx - 6, cy + 45),
        ]
        d.line(pts, fill="#222", width=3)


def frame_at(t: float) -> Image.Image:
    img = Image.new("RGB", (W, H), "#b9a48a")  # table
    d = ImageDraw.Draw(img)
    for x in range(0, W, 40):  # wood grain gives the encoder some texture
        d.line([(x, 0), (x + 25, H)], fill="#ae9a80", width=2)
    bx0, by0, bx1, by1 = 200, 150, 440, 300
    open_f = min(max((t - 2.0) / 2.5, 0.0), 1.0)  # flaps open between 2 s and 4.5 s
    lift = min(max((t - 5.5) / 2.0, 0.0), 1.0)  # mug comes out between 5.5 s and 7.5 s
    d.rectangle([bx0, by0, bx1, by1], fill="#c8965a", outline="#8a6236", width=3)
    if open_f < 0.05:
        d.rectangle([bx0 + 60, by0 + 40, bx1 - 60, by0 + 90], fill="white", outline="#555")
        d.text((bx0 + 70, by0 + 48), "TO: J. D*** / SHIP 8123", fill="black", font=font(12))
        d.rectangle([bx0, by0 + 10, bx1, by0 + 22], fill="#d8c07a")  # tape
    flap = int(60 * open_f)
    d.polygon(
        [(bx0, by0), (bx1, by0), (bx1 - 20, by0 - flap), (bx0 + 20, by0 - flap)],
        fill="#b7854c",
        outline="#8a6236",
    )
    if open_f > 0.3:
        d.rectangle([bx0 + 10, by0 + 5, bx1 - 10, by0 + 30], fill="#3b2a1a")
    if lift > 0:
        cy = int(by0 + 20 - lift * 150 + 60 * (1 - lift))
        draw_mug(d, 320 + int(lift * 150), max(cy, 90), crack=t > 7.0)
    sway = int(6 * math.sin(t * 2.1))  # a hand-held camera never stands still
    img = img.transform(
        img.size, Image.Transform.AFFINE, (1, 0, sway, 0, 1, 0), fillcolor="#b9a48a"
    )
    d = ImageDraw.Draw(img)
    d.text((10, H - 24), f"{t:05.2f} s", fill="white", font=font(14))
    return img


def make_video(path: Path) -> None:
    with av.open(str(path), "w", options={"movflags": "+faststart"}) as out:
        out.metadata["creation_time"] = "2026-11-20T14:03:27.000000Z"
        vs = out.add_stream(
            "libx264", rate=FPS, options={"crf": "30", "preset": "medium", "g": "50"}
        )
        vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
        a_s = out.add_stream("aac", rate=22050, layout="mono")
        a_s.bit_rate = 32000
        for n in range(FPS * SECONDS):
            vf = av.VideoFrame.from_image(frame_at(n / FPS))
            vf.pts = n
            vf.time_base = Fraction(1, FPS)
            for pkt in vs.encode(vf):
                out.mux(pkt)
        for pkt in vs.encode():
            out.mux(pkt)
        rng = np.random.default_rng(7)
        samples, block = 22050 * SECONDS, 1024
        for start in range(0, samples, block):
            t = np.arange(start, min(start + block, samples)) / 22050
            rustle = rng.normal(0, 0.05, t.size) * (np.abs(np.sin(t * 1.3)) > 0.6)
            wave = (rustle + 0.02 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
            af = av.AudioFrame.from_ndarray(wave.reshape(1, -1), format="fltp", layout="mono")
            af.sample_rate, af.pts = 22050, start
            for pkt in a_s.encode(af):
                out.mux(pkt)
        for pkt in a_s.encode():
            out.mux(pkt)


def camera_exif(when: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SampleCam"
    exif[0x0110] = "Phone X"
    exif[0x0132] = when
    exif.get_ifd(0x8769)[0x9003] = when
    return exif


def make_label(path: Path) -> None:
    img = Image.new("RGB", (1200, 900), "#c8965a")
    d = ImageDraw.Draw(img)
    d.rectangle([250, 180, 950, 720], fill="white", outline="#333", width=4)
    d.text((290, 210), "SHIP TO:", fill="black", font=font(34))
    d.text((290, 260), "Jane Doe", fill="black", font=font(40))
    d.text((290, 315), "12 Example Street, Apt 4", fill="black", font=font(34))
    d.text((290, 360), "Springfield 12345", fill="black", font=font(34))
    d.text((290, 405), "Tel +1 555 0100 123", fill="black", font=font(34))
    for i in range(60):  # a barcode-like strip carrying the tracking number
        x = 300 + i * 10
        d.rectangle([x, 480, x + (3 if i % 3 else 6), 600], fill="black")
    d.text((300, 615), "LP00123456789CN", fill="black", font=font(34))
    img.save(path, quality=80, exif=camera_exif("2026:11:20 14:01:02"))


def make_crack(path: Path) -> None:
    img = Image.new("RGB", (1200, 900), "#d9d4cc")
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([420, 220, 780, 720], 30, fill="#f4f4f0", outline="#888", width=4)
    d.arc([700, 330, 900, 560], -90, 90, fill="#888", width=30)
    d.rectangle([420, 380, 780, 430], fill="#1e88e5")
    d.line([(560, 220), (590, 330), (545, 430), (610, 560), (575, 700)], fill="#222", width=7)
    img.save(path, quality=82, exif=camera_exif("2026:11:20 14:06:40"))


def make_listing(path: Path) -> None:
    img = Image.new("RGB", (900, 600), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 900, 60], fill="#e62e04")
    d.text((20, 15), "Shop listing", fill="white", font=font(28))
    d.rounded_rectangle([60, 110, 400, 520], 20, fill="#f4f4f0", outline="#888", width=3)
    d.rectangle([60, 250, 400, 290], fill="#1e88e5")
    d.text((450, 120), "Ceramic mug, 350 ml", fill="black", font=font(30))
    d.text((450, 170), "Blue stripe, gift box", fill="#333", font=font(24))
    d.text((450, 220), "Condition: new", fill="#333", font=font(24))
    d.text((450, 280), "US $12.50", fill="#e62e04", font=font(34))
    img.save(path, optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_video(OUT / "unboxing.mp4")
    make_label(OUT / "shipping-label.jpg")
    make_crack(OUT / "crack-close-up.jpg")
    make_listing(OUT / "listing-screenshot.png")
    spec = {
        "name": "Sample case - cracked mug",
        "facts": {
            "platform": "aliexpress",
            "order_id": "8123456789012345",
            "item": "Ceramic mug, 350 ml, blue stripe",
            "price": 12.5,
            "currency": "USD",
            "store": "Example Homeware Store",
            "tracking": "LP00123456789CN",
            "ordered": "2026-11-02",
            "delivered": "2026-11-20",
        },
        "claim": {
            "received": True,
            "reason": "damaged",
            "remedy": "partial_refund",
            "refund_percent": 60,
            "listing_says": "new ceramic mug, intact",
            "received_is": "mug with a 6 cm crack through the body",
            "contacted_seller": "2026-11-21",
        },
        "files": [
            {"file": "unboxing.mp4", "title": "Unboxing video"},
            {"file": "crack-close-up.jpg", "title": "Crack, close up",
             "annotations": [{"type": "arrow", "points": [[330, 150], [545, 420]], "color": "#e53935", "width": 8},
                             {"type": "marker", "at": [610, 560], "number": 1}]},
            {"file": "shipping-label.jpg", "title": "Shipping label (masked)",
             "annotations": [{"type": "redact", "rect": [280, 250, 640, 200], "style": "solid"}]},
            {"file": "listing-screenshot.png", "title": "Listing as advertised"},
        ],
    }  # fmt: skip
    (OUT / "sample.json").write_text(json.dumps(spec, indent=2), encoding="utf-8")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"sample case written to {OUT} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
