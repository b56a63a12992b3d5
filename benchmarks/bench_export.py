"""Export of a realistic case vs the Pillow + ffmpeg baseline, peak memory, cancel latency.

    python benchmarks/bench_export.py [--photos 20] [--frames 10] [--seconds 60] [--platform aliexpress]

The case: N photos of 12 MP (JPEG, camera-like noise, a few annotated and masked), M PNG
frames of the video, and one 1080p H.264/AAC video of S seconds that is over the platform's
video size limit, so it must be re-encoded. The baseline, timed in the same run, is what
any exporter has to do at least: Pillow decodes and re-encodes every image once, and one
`ffmpeg` re-encode of the video to the same size limit (same x264 preset and bitrate as
ours). Our export also hashes everything twice, renders annotations, makes contact sheets,
the PDF and the sealed zip. Peak memory is the export process's max RSS.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_photo(path: Path, seed: int) -> None:
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    low = Image.fromarray(rng.integers(40, 220, (30, 40, 3), dtype=np.uint8)).resize(
        (4000, 3000), Image.Resampling.BICUBIC
    )
    arr = np.asarray(low, dtype=np.int16)
    arr += rng.normal(0, 5, arr.shape[:2] + (1,)).astype(
        np.int16
    )  # luminance noise, like a phone sensor
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    exif.get_ifd(0x8825)[1] = "N"
    exif.get_ifd(0x8825)[2] = (52.0, 31.0, 12.0)
    img.save(path, "JPEG", quality=92, exif=exif)


def make_video(path: Path, seconds: int) -> None:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size=1920x1080:rate=30:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}",
         "-vf", "noise=alls=6:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "10M",
         "-maxrate", "10M", "-bufsize", "20M", "-c:a", "aac", "-b:a", "128k",
         "-metadata", "location=+52.5200+013.4050/", "-metadata", "creation_time=2026-11-20T14:03:27Z",
         str(path)],
        check=True,
    )  # fmt: skip


def build_case(work: Path, photos: int, frames: int, seconds: int, platform: str) -> Path:
    from evidence_kit.core import activity_log, case_ops
    from evidence_kit.core.hashing import sha256_file
    from evidence_kit.core.model import Item
    from evidence_kit.core.store import new_case
    from evidence_kit.media.importer import add_files

    src = work / "src"
    src.mkdir()
    video = src / "unboxing.mp4"
    make_video(video, seconds)
    files = [video]
    for n in range(photos):
        files.append(src / f"photo{n:02d}.jpg")
        make_photo(files[-1], n)
    store = new_case(
        work / "Bench case", platform=platform, order_id="8123456789012345", item="Mug"
    )
    report = add_files(store, files)
    assert not report.skipped, report.skipped
    vid = report.items[0]
    for n, it in enumerate(report.items[1:]):
        if n % 4 == 0:
            case_ops.add_annotation(
                store.case,
                it.id,
                {
                    "type": "arrow",
                    "points": [[300, 300], [2000, 1500]],
                    "color": "#e53935",
                    "width": 12,
                },
            )
        if n % 5 == 0:
            case_ops.add_annotation(
                store.case, it.id, {"type": "redact", "rect": [100, 100, 900, 400]}
            )
    folder = store.extracted("frames")
    new_items = []
    for k in range(frames):
        at = (k + 0.5) * seconds / frames
        out = folder / f"frame_{k:02d}.png"
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-ss",
                f"{at:.3f}",
                "-i",
                str(video),
                "-frames:v",
                "1",
                str(out),
            ],
            check=True,
        )
        new_items.append(Item(
            id=case_ops.new_item_id(store.case), kind="frame", file=str(out.relative_to(store.root)),
            sha256=sha256_file(out), bytes=out.stat().st_size, imported_at=activity_log.now_iso(),
            source="extracted", parent=vid.id, pts_s=at, title=f"Frame {k}", meta={"format": "png"},
        ))  # fmt: skip
    case_ops.add_items(store.case, new_items)
    case_ops.set_values(
        store.case, {"received": "yes", "reason": "damaged", "remedy": "full_refund"}
    )
    store.save()
    return store.root


def baseline(case_dir: Path, limit_bytes: int, limit_s: int) -> tuple[float, float, float]:
    """(images s, ffmpeg s, total s): decode + re-encode every image, one ffmpeg re-encode."""
    from PIL import Image

    from evidence_kit.core.store import CaseStore

    store = CaseStore.open(case_dir)
    start = time.perf_counter()
    for it in store.case.items:
        if it.kind in ("photo", "frame"):
            with Image.open(store.path_of(it)) as img:
                buf = io.BytesIO()
                img.convert("RGB").save(buf, "JPEG", quality=85)
    images = time.perf_counter() - start
    video = next(it for it in store.case.items if it.kind == "video")
    seconds = min(float(video.meta["duration_s"]), limit_s)
    video_bps = int(limit_bytes * 8 * 0.94 / seconds) - 96_000  # the same budget cut_clip uses
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-i", str(store.path_of(video)), "-t", str(seconds),
             "-map_metadata", "-1", "-c:v", "libx264", "-preset", "veryfast", "-b:v", str(video_bps),
             "-maxrate", str(int(video_bps * 1.3)), "-bufsize", str(video_bps * 2),
             "-c:a", "aac", "-b:a", "96k", str(Path(tmp) / "clip.mp4")],
            check=True,
        )  # fmt: skip
        ffmpeg = time.perf_counter() - t0
    return images, ffmpeg, images + ffmpeg


def child_export(case_dir: Path, out: Path, platform: str) -> None:
    """Runs in a child process so its peak RSS is the export's alone."""
    from evidence_kit.core.store import CaseStore
    from evidence_kit.export.run import export_case

    store = CaseStore.open(case_dir)
    start = time.perf_counter()
    result = export_case(store, out, platform, record=False)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb, "files": [f.to_dict() for f in result.files],
                      "problems": result.problems, "bundle_mb": result.bundle.stat().st_size / 1e6}))  # fmt: skip


def cancel_latency(
    case_dir: Path, out: Path, platform: str, delays: list[float]
) -> list[tuple[float, float, bool]]:
    """(cancel after s, seconds until the export stopped, output folder empty?)."""
    from evidence_kit.core.errors import CancelledError
    from evidence_kit.core.store import CaseStore
    from evidence_kit.core.tasks import CancelToken
    from evidence_kit.export.run import export_case

    rows = []
    for delay in delays:
        store = CaseStore.open(case_dir)
        token = CancelToken()
        stopped: list[float] = []

        def work(
            token: CancelToken = token, store: CaseStore = store, stopped: list[float] = stopped
        ) -> None:
            with contextlib.suppress(CancelledError):
                export_case(store, out, platform, cancel=token, record=False)
            stopped.append(time.perf_counter())

        thread = threading.Thread(target=work)
        thread.start()
        time.sleep(delay)
        asked = time.perf_counter()
        token.cancel()
        thread.join()
        empty = not out.exists() or not any(out.iterdir())
        rows.append((delay, stopped[0] - asked, empty))
        shutil.rmtree(out, ignore_errors=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--frames", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--platform", default="aliexpress")
    parser.add_argument("--work", type=Path, help="keep the generated case here")
    parser.add_argument(
        "--cancel-only", action="store_true", help="reuse --work's case; measure cancel"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_export(Path(args.child[0]), Path(args.child[1]), args.child[2])
        return 0
    from evidence_kit.claim.rules import upload_limits

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.cancel_only:
        case_dir = work / "Bench case"
        rows = cancel_latency(
            case_dir, work / "cancelled", args.platform, [2, 10, 20, 35, 50, 65, 80]
        )
        for delay, latency, empty in rows:
            print(
                f"cancel after {delay:4.1f} s: stopped in {latency:.3f} s, output left: {'none' if empty else 'YES'}"
            )
        return 0
    try:
        t0 = time.perf_counter()
        case_dir = work / "Bench case"
        if not case_dir.exists():  # --work keeps a built case for the next run
            case_dir = build_case(work, args.photos, args.frames, args.seconds, args.platform)
        print(f"input built in {time.perf_counter() - t0:.1f} s: {args.photos} photos 12 MP, {args.frames} frames, "
              f"{args.seconds} s 1080p video ({(case_dir / 'originals').stat().st_size and sum(p.stat().st_size for p in (case_dir / 'originals').iterdir()) / 1e6:.0f} MB originals)")  # fmt: skip
        limits = upload_limits(args.platform)
        runs = []
        for n in range(2):
            base = baseline(
                case_dir, limits.video_max_bytes or 50_000_000, limits.video_max_seconds or 60
            )
            out = work / f"out{n}"
            child = subprocess.run([sys.executable, __file__, "--child", str(case_dir), str(out), args.platform],
                                   check=True, capture_output=True, text=True)  # fmt: skip
            ours = json.loads(child.stdout.strip().splitlines()[-1])
            runs.append((base, ours))
            print(f"run {n + 1}: baseline images {base[0]:.1f} s + ffmpeg {base[1]:.1f} s = {base[2]:.1f} s; "
                  f"export {ours['seconds']:.1f} s; ratio {ours['seconds'] / base[2]:.2f}; peak {ours['peak_mb']:.0f} MB")  # fmt: skip
        base, ours = min(runs, key=lambda r: r[1]["seconds"] / r[0][2])
        over = [f for f in ours["files"] if not f["fits"]]
        print(
            f"upload pack: {len(ours['files'])} files, {len(over)} over the limit, problems: {ours['problems'] or 'none'}"
        )
        print(f"bundle: {ours['bundle_mb']:.0f} MB")
        ratios = [o["seconds"] / b[2] for b, o in runs]
        print(
            f"RATIO export/baseline: best {min(ratios):.2f}, worst {max(ratios):.2f} (target <= 1.5)"
        )
        print(f"PEAK MEMORY: {max(o['peak_mb'] for _, o in runs):.0f} MB (target <= 800)")
        took = min(o["seconds"] for _, o in runs)
        delays = [round(took * f, 2) for f in (0.02, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9)]
        rows = cancel_latency(case_dir, work / "cancelled", args.platform, delays)
        for delay, latency, empty in rows:
            print(
                f"cancel after {delay:4.1f} s: stopped in {latency:.3f} s, output left: {'none' if empty else 'YES'}"
            )
        print(f"CANCEL: worst {max(r[1] for r in rows):.3f} s (target <= 1 s)")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
