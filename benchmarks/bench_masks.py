"""Masking a video for the upload vs the export without masks, in the same run; peak memory.

    python benchmarks/bench_masks.py [--seconds 60] [--runs 3] [--platform aliexpress]

The case: one 1080p H.264/AAC video of S seconds at 10 Mbit/s, over the platform's video
size limit, so the export re-encodes it with or without masks. The masked case adds, over
the whole video, a solid box and a secure-pixelated box that follows five key positions
(the worst case: every frame has two masks, one of them interpolated and pixelated). Each
export runs in a child process, so its peak RSS is its own; the two kinds alternate and the
medians are compared (the machine is shared and noisy). Target: ratio <= 1.15, peak <= 800 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_export import make_video  # noqa: E402  (after the path is set)


def build_case(work: Path, name: str, video: Path, masked: bool, platform: str) -> Path:
    from evidence_kit.core import case_ops
    from evidence_kit.core.store import new_case
    from evidence_kit.media.importer import add_files

    store = new_case(work / name, platform=platform, order_id="8123456789012345", item="Mug")
    report = add_files(store, [video])
    assert not report.skipped, report.skipped
    item = report.items[0]
    if masked:
        end = float(item.meta["duration_s"])
        case_ops.add_annotation(store.case, item.id, {"type": "redact", "rect": [80, 60, 520, 300]})
        keys = [[end * k / 4, [900 + 150 * k, 500 - 60 * k, 360, 220]] for k in range(5)]
        case_ops.add_annotation(
            store.case,
            item.id,
            {"type": "redact", "style": "pixelate", "rect": keys[0][1], "from": 0.0, "to": end,
             "keys": keys},
        )  # fmt: skip
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged"})
    store.save()
    return store.root


def child_export(case_dir: Path, out: Path, platform: str) -> None:
    """Runs in a child process so its peak RSS is the export's alone."""
    from evidence_kit.core.store import CaseStore
    from evidence_kit.export.run import export_case

    store = CaseStore.open(case_dir)
    start = time.perf_counter()
    result = export_case(store, out, platform, record=False)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    upload = [f.to_dict() for f in result.files if f.kind == "video"]
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb, "upload": upload,
                      "problems": result.problems}))  # fmt: skip


def run_child(case_dir: Path, out: Path, platform: str) -> dict[str, object]:
    shutil.rmtree(out, ignore_errors=True)
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(case_dir), str(out), platform],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return dict(json.loads(child.stdout.strip().splitlines()[-1]))


def masked_frames_hidden(out: Path) -> bool:
    """The masked upload's pictures really are masked: the solid box is black in a frame."""
    import av
    import numpy as np

    clip = next((out / "upload").glob("*.mp4"))
    with av.open(str(clip)) as c:
        frame = next(c.decode(video=0)).to_ndarray(format="rgb24")
    scale = frame.shape[1] / 1920
    box = frame[int(70 * scale) : int(350 * scale), int(90 * scale) : int(590 * scale)]
    return bool(np.asarray(box).max() < 40)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--platform", default="aliexpress")
    parser.add_argument("--work", type=Path, help="keep the generated cases here")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_export(Path(args.child[0]), Path(args.child[1]), args.child[2])
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-masks-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        video = work / "unboxing.mp4"
        if not video.exists():
            make_video(video, args.seconds)
        cases = {}
        for name, masked in (("plain", False), ("masked", True)):
            folder = work / name
            cases[name] = folder if folder.exists() else build_case(
                work, name, video, masked, args.platform
            )  # fmt: skip
        times: dict[str, list[float]] = {"plain": [], "masked": []}
        peaks: dict[str, list[float]] = {"plain": [], "masked": []}
        for n in range(args.runs):
            for name in ("plain", "masked") if n % 2 == 0 else ("masked", "plain"):
                got = run_child(cases[name], work / f"out-{name}", args.platform)
                assert not got["problems"], got["problems"]
                times[name].append(float(got["seconds"]))  # type: ignore[arg-type]
                peaks[name].append(float(got["peak_mb"]))  # type: ignore[arg-type]
                print(f"run {n + 1} {name:<6} {got['seconds']:.1f} s, peak {got['peak_mb']:.0f} MB,"
                      f" upload {got['upload']}")  # fmt: skip
        assert masked_frames_hidden(work / "out-masked"), "the masked upload is not masked"
        plain, masked = statistics.median(times["plain"]), statistics.median(times["masked"])
        print(f"\n{args.seconds} s 1080p, {args.platform}: export without masks {plain:.1f} s,"
              f" with two masks on every frame {masked:.1f} s (medians of {args.runs})")  # fmt: skip
        print(f"ratio masked / unmasked: {masked / plain:.3f} (target <= 1.15)")
        print(f"peak memory: unmasked {max(peaks['plain']):.0f} MB, masked"
              f" {max(peaks['masked']):.0f} MB (budget 800 MB)")  # fmt: skip
        return 0 if masked / plain <= 1.15 and max(peaks["masked"]) <= 800 else 1
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
