"""Annotated renders vs ffmpeg and plain Pillow, plus the editor's 50 MP preview load.

    python benchmarks/bench_render.py [--mp 12] [--big-mp 50] [--repeat 3]

Input (generated): a camera-like JPEG of --mp megapixels carrying 10 annotations (two
secure-pixelate and one solid redaction, arrows, text, markers, a highlighter stroke).
Timed in the same run:
- ours: `render_item` (decode, EXIF orientation, redactions, annotations) + `save_clean` PNG;
- ffmpeg: `ffmpeg -i photo.jpg out.png` (decode + PNG encode, no drawing at all);
- Pillow: open + save PNG (the floor for any Pillow-based flattener).
Then the editor's preview path for a --big-mp JPEG: `load_base(max_side=2048)` vs
`ffmpeg -i big.jpg -vf scale=2048:-1 preview.png`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_jpeg(path: Path, megapixels: float, seed: int = 0) -> None:
    import numpy as np
    from PIL import Image

    w = int((megapixels * 1e6 * 4 / 3) ** 0.5)
    h = int(w * 3 / 4)
    rng = np.random.default_rng(seed)
    low = Image.fromarray(rng.integers(40, 220, (60, 80, 3), dtype=np.uint8))
    img = low.resize((w, h), Image.Resampling.BICUBIC)
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    exif[0x0112] = 6  # stored sideways, as phones do
    img.save(path, "JPEG", quality=90, exif=exif)


def annotations(w: int, h: int) -> list[dict]:
    return [
        {"type": "redact", "rect": [w * 0.1, h * 0.1, w * 0.3, h * 0.1], "style": "pixelate"},
        {"type": "redact", "rect": [w * 0.5, h * 0.6, w * 0.3, h * 0.2], "style": "pixelate"},
        {"type": "redact", "rect": [w * 0.1, h * 0.7, w * 0.2, h * 0.1], "style": "solid"},
        {"type": "arrow", "points": [[w * 0.2, h * 0.3], [w * 0.5, h * 0.5]], "width": w / 200},
        {"type": "arrow", "points": [[w * 0.8, h * 0.2], [w * 0.6, h * 0.4]], "width": w / 200},
        {"type": "rect", "rect": [w * 0.4, h * 0.4, w * 0.2, h * 0.2], "width": w / 300},
        {"type": "ellipse", "rect": [w * 0.6, h * 0.1, w * 0.2, h * 0.2], "width": w / 300},
        {"type": "text", "at": [w * 0.05, h * 0.45], "text": "crack, 6 cm", "size": h / 20},
        {"type": "marker", "at": [w * 0.7, h * 0.8], "number": 1, "size": h / 30},
        {"type": "pen", "points": [[w * 0.1, h * 0.9], [w * 0.3, h * 0.85], [w * 0.5, h * 0.9]],
         "width": h / 40, "highlight": True},
    ]  # fmt: skip


def timed(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mp", type=float, default=12)
    parser.add_argument("--big-mp", type=float, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ffmpeg = shutil.which("ffmpeg")
    from PIL import Image

    from evidence_kit.core.store import new_case
    from evidence_kit.media.image.render import load_base, render_item, save_clean, upright_size
    from evidence_kit.media.importer import add_files

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        photo = tmpdir / "photo.jpg"
        make_jpeg(photo, args.mp)
        store = new_case(tmpdir / "case", platform="ebay", order_id="1")
        item = add_files(store, [photo]).items[0]
        w, h = upright_size(store, item)
        item.annotations = annotations(w, h)
        out = tmpdir / "ours.png"
        ours = timed(lambda: save_clean(render_item(store, item), out), args.repeat)
        pillow = timed(lambda: Image.open(photo).save(tmpdir / "pillow.png"), args.repeat)
        print(f"{args.mp:g} MP JPEG -> annotated PNG ({w}x{h}, 10 marks incl. 2 pixelate)")
        print(f"  ours (render_item + save_clean) : {ours:7.3f} s")
        print(
            f"  Pillow open + save PNG          : {pillow:7.3f} s   ratio ours/Pillow {ours / pillow:5.2f}"
        )
        if ffmpeg:
            cmd = [ffmpeg, "-v", "error", "-y", "-i", str(photo), str(tmpdir / "ff.png")]
            ref = timed(lambda: subprocess.run(cmd, check=True), args.repeat)
            print(
                f"  ffmpeg -i photo.jpg out.png     : {ref:7.3f} s   ratio ours/ffmpeg {ours / ref:5.2f}"
            )
        preview = timed(lambda: render_item(store, item, max_side=2048), args.repeat)
        print(f"  preview render (max_side 2048)  : {preview:7.3f} s")

        big = tmpdir / "big.jpg"
        make_jpeg(big, args.big_mp, seed=1)
        big_case = new_case(tmpdir / "big_case", platform="ebay", order_id="2")
        big_item = add_files(big_case, [big]).items[0]
        load = timed(lambda: load_base(big_case, big_item, 2048), args.repeat)
        print(f"{args.big_mp:g} MP JPEG -> editor preview (2048 px)")
        print(f"  ours (load_base, draft decode)  : {load:7.3f} s")
        if ffmpeg:
            cmd = [
                ffmpeg,
                "-v",
                "error",
                "-y",
                "-i",
                str(big),
                "-vf",
                "scale=2048:-1",
                str(tmpdir / "p.png"),
            ]
            ref = timed(lambda: subprocess.run(cmd, check=True), args.repeat)
            print(
                f"  ffmpeg scale=2048 to PNG        : {ref:7.3f} s   ratio ours/ffmpeg {load / ref:5.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
