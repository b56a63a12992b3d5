"""Video speed and memory against ffmpeg, measured in the same run (issue 3 targets).

    /tmp/venv/bin/python benchmarks/bench_video.py [--reps 3] [--work /tmp/evk_bench]

Generates (once, then reuses) a 10-minute 1080p30 H.264 file with a 2 s keyframe interval
(ultrafast) and a 60 s 4K one, then prints for each target: our time, ffmpeg's time, the
ratio and the target. Medians of --reps interleaved runs, because the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def ensure_video(path: Path, size: str, seconds: int) -> Path:
    """Generate a testsrc2 H.264 (+AAC) file with a 2 s GOP, unless it already exists."""
    if path.exists():
        return path
    print(f"generating {path} ({size}, {seconds} s) ...", flush=True)
    part = path.with_suffix(".part.mp4")
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30",
         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", str(seconds),
         "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "96k", "-metadata", "creation_time=2026-11-20T14:03:27Z",
         str(part)],
        check=True,
    )  # fmt: skip
    part.rename(path)
    return path


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MB) of one command, run through a tiny wrapper."""
    wrapper = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
        "d=time.perf_counter()-t;"
        "print(d, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run([PY, "-c", wrapper, *cmd], capture_output=True, text=True, env=env or ENV)
    secs, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{out.stderr}")
    return float(secs), int(rss_kb) // 1024


def ours(*args: str) -> list[str]:
    return [PY, "-m", "evidence_kit", *args]


def median_pair(reps: int, a: list[str] | None, b: list[str] | None, fn_a=None, fn_b=None):  # type: ignore[no-untyped-def]
    """Interleave reps of two workloads; return medians (s) and peak RSS (MB) of each."""
    ta, tb, ma, mb = [], [], 0, 0
    for _ in range(reps):
        secs, mem = fn_a() if fn_a else timed(a)  # type: ignore[arg-type]
        ta.append(secs)
        ma = max(ma, mem)
        secs, mem = fn_b() if fn_b else timed(b)  # type: ignore[arg-type]
        tb.append(secs)
        mb = max(mb, mem)
    return statistics.median(ta), statistics.median(tb), ma, mb


def report(name: str, us: float, them: float, target: float, extra: str = "") -> dict:
    ratio = us / them if them else float("inf")
    verdict = "OK" if ratio <= target else "MISSED"
    print(f"{name:<46} ours {us:7.3f} s  ffmpeg {them:7.3f} s  ratio {ratio:5.2f}  "
          f"(target <= {target})  {verdict} {extra}")  # fmt: skip
    return {"name": name, "ours_s": us, "ffmpeg_s": them, "ratio": ratio, "target": target}


def bench_frames(video: Path, work: Path, reps: int) -> list[dict]:
    rng = random.Random(7)
    times = [f"{rng.uniform(1, 595):.3f}" for _ in range(10)]
    out = work / "frames"

    def ffmpeg_ten() -> tuple[float, int]:
        total, peak = 0.0, 0
        for i, t in enumerate(times):
            secs, mem = timed(["ffmpeg", "-v", "error", "-y", "-ss", t, "-i", str(video),
                               "-frames:v", "1", str(out / f"ff{i}.png")])  # fmt: skip
            total += secs
            peak = max(peak, mem)
        return total, peak

    out.mkdir(parents=True, exist_ok=True)
    rows = []
    grab = ours("frames", str(video), "--at", *times, "-o", str(out / "a"))

    def ours_cold() -> tuple[float, int]:
        cold = work / "cache-cold"
        shutil.rmtree(cold, ignore_errors=True)  # the caption must hash the whole file
        return timed(grab, {**ENV, "EVIDENCE_KIT_CACHE_DIR": str(cold)})

    warm_env = {**ENV, "EVIDENCE_KIT_CACHE_DIR": str(work / "cache-warm")}
    timed(grab, warm_env)  # untimed: fills the hash cache

    def ours_warm() -> tuple[float, int]:
        return timed(grab, warm_env)

    us, them, mu, mf = median_pair(reps, None, None, ours_cold, ffmpeg_ten)
    rows.append(report("10 grabs, caption (hash not cached)", us, them, 0.7, f"[{mu} MB]"))
    us, them, mu, mf = median_pair(reps, None, None, ours_warm, ffmpeg_ten)
    rows.append(report("10 grabs, caption (hash cached)", us, them, 0.7, f"[{mu} MB]"))
    us, them, mu, mf = median_pair(
        reps, ours("frames", str(video), "--at", *times, "--no-caption", "-o", str(out / "c")),
        None, None, ffmpeg_ten,
    )  # fmt: skip
    rows.append(report("10 grabs, --no-caption", us, them, 0.7, f"[{mu} MB]"))
    # the everyday path: grabs of a case video, whose hash is known from its import
    case = work / "case"
    subprocess.run(ours("case", "new", str(case), "--platform", "ebay", "--order-id", "1"),
                   env=ENV, check=True, capture_output=True)  # fmt: skip
    subprocess.run(ours("case", "add", str(case), str(video)), env=ENV, check=True,
                   capture_output=True)  # fmt: skip
    us, them, mu, mf = median_pair(
        reps, ours("case", "grab", str(case), "E1", "--at", *times), None, None, ffmpeg_ten
    )
    rows.append(report("10 grabs via `case grab` (caption on)", us, them, 0.7, f"[{mu} MB]"))
    return rows


def bench_thumbs(video: Path, work: Path, reps: int) -> list[dict]:
    us, them, mu, _ = median_pair(
        reps,
        ours("thumbs", str(video), "--count", "60", "-o", str(work / "thumbs")),
        ["ffmpeg", "-v", "error", "-skip_frame", "nokey", "-i", str(video), "-an", "-f", "null", "-"],
    )  # fmt: skip
    return [report("60 thumbnails vs -skip_frame nokey decode", us, them, 1.5, f"[{mu} MB]")]


def bench_clip(video: Path, work: Path, reps: int) -> list[dict]:
    rows = []
    us, them, mu, _ = median_pair(
        reps,
        ours("clip", str(video), "--start", "300", "--end", "330", "-o", str(work / "c1.mp4")),
        ["ffmpeg", "-v", "error", "-y", "-ss", "300", "-to", "330", "-i", str(video), "-map", "0",
         "-c", "copy", str(work / "c2.mp4")],
    )  # fmt: skip
    rows.append(report("30 s stream-copy clip (whole command)", us, them, 2.0, f"[{mu} MB]"))
    inproc = (
        "import sys,time;sys.path.insert(0,sys.argv[1]);"
        "from evidence_kit.media.video.clip import cut_clip;t=time.perf_counter();"
        "r=cut_clip(sys.argv[2],300,330,sys.argv[3]);assert r.stream_copy;"
        "print(time.perf_counter()-t)"
    )
    ts = []
    for _ in range(reps):
        out = subprocess.run([PY, "-c", inproc, str(ROOT), str(video), str(work / "c3.mp4")],
                             capture_output=True, text=True, check=True)  # fmt: skip
        ts.append(float(out.stdout))
    rows.append(
        report("30 s stream-copy clip (cut_clip, in process)", statistics.median(ts), them, 2.0)
    )
    return rows


def bench_panel(video: Path, reps: int, ffmpeg_one: float) -> list[dict]:
    """Random seeks through the panel's worker, and the cached-thumbnail preview."""
    script = r"""
import sys, time, random, json
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QEventLoop, QTimer
from evidence_kit.gui.video.player import FrameWorker
from evidence_kit.gui.video.timeline import Timeline
from evidence_kit.gui.video.view import FrameView
from evidence_kit.gui.base.qt_image import array_to_qimage
from evidence_kit.media.video.thumbs import thumbnails
from evidence_kit.media.video.reader import VideoReader
app = QApplication([])
w = FrameWorker(); got = []
w.frame_ready.connect(lambda img, pts: got.append(time.perf_counter()))
def wait_frames(n):
    loop = QEventLoop()
    def check():
        if len(got) >= n: loop.quit()
        else: QTimer.singleShot(2, check)
    check(); loop.exec()
w.open(sys.argv[2]); wait_frames(1)
rng = random.Random(3); lat = []
for i in range(40):
    t = rng.uniform(0, 599)
    start = time.perf_counter(); w.seek(t); wait_frames(len(got) + 1)
    lat.append(got[-1] - start)
w.shutdown()
with VideoReader(sys.argv[2], threads=False) as rd:
    thumbs = thumbnails(rd, 40, max_side=320)
times = [t.pts_s for t in thumbs]; images = [array_to_qimage(t.rgb) for t in thumbs]
view = FrameView(); view.resize(960, 540); view.show(); tl = Timeline(); tl.set_duration(600)
import bisect
pre = []
for i in range(200):
    t = rng.uniform(0, 599)
    start = time.perf_counter()
    j = min(max(bisect.bisect_right(times, t) - 1, 0), len(times) - 1)
    view.show_image(images[j], preview=True); view.grab()
    pre.append(time.perf_counter() - start)
lat.sort(); pre.sort()
print(json.dumps({"p95": lat[int(0.95 * len(lat)) - 1], "p50": lat[len(lat) // 2],
                  "thumb_p95": pre[int(0.95 * len(pre)) - 1]}))
"""
    env = {**ENV, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([PY, "-c", script, str(ROOT), str(video)], capture_output=True,
                         text=True, env=env, check=True)  # fmt: skip
    data = json.loads(out.stdout.strip().splitlines()[-1])
    rows = [report("panel random seek p95 (vs one ffmpeg -ss grab)", data["p95"], ffmpeg_one, 1.0,
                   f"[p95 {data['p95'] * 1000:.0f} ms, p50 {data['p50'] * 1000:.0f} ms; "
                   f"target 300 ms]")]  # fmt: skip
    print(f"{'cached thumbnail shown after slider move':<46} p95 {data['thumb_p95'] * 1000:.1f} ms "
          f"(target <= 50 ms) {'OK' if data['thumb_p95'] <= 0.05 else 'MISSED'}")  # fmt: skip
    return rows


def bench_memory_4k(video4k: Path, work: Path) -> None:
    """Peak RSS of each workload on a 4K file (target <= 600 MB)."""
    rng = random.Random(11)
    times = [f"{rng.uniform(1, 58):.3f}" for _ in range(10)]
    cases = {
        "10 grabs": ours("frames", str(video4k), "--at", *times, "-o", str(work / "f4k")),
        "60 thumbs": ours("thumbs", str(video4k), "--count", "60", "-o", str(work / "t4k")),
        "sheet 4x4": ours("sheet", str(video4k), "-o", str(work / "s4k.jpg")),
        "stream-copy clip": ours(
            "clip", str(video4k), "--start", "10", "--end", "40", "-o", str(work / "c4k.mp4")
        ),  # fmt: skip
        "re-encoded clip 3 s": ours(
            "clip", str(video4k), "--start", "10.5", "--end", "13.5", "-o", str(work / "r4k.mp4")
        ),  # fmt: skip
        "sharpest ±0.5 s": ours(
            "frames", str(video4k), "--at", "20", "--sharpest", "0.5", "-o", str(work / "sh4k")
        ),  # fmt: skip
    }
    for name, cmd in cases.items():
        secs, mem = timed(cmd)
        verdict = "OK" if mem <= 600 else "MISSED"
        print(
            f"4K peak memory: {name:<30} {mem:5d} MB  ({secs:.2f} s)  target <= 600 MB  {verdict}"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/evk_bench"))
    ap.add_argument("--skip-4k", action="store_true")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    video = ensure_video(args.work / "long1080.mp4", "1920x1080", 600)
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        work = Path(tmp)
        os.environ["EVIDENCE_KIT_CACHE_DIR"] = str(work / "cache")
        ENV["EVIDENCE_KIT_CACHE_DIR"] = str(work / "cache")
        print(f"input: {video} ({video.stat().st_size / 1e6:.0f} MB), reps={args.reps}")
        rows = bench_frames(video, work, args.reps)
        one = rows[-1]["ffmpeg_s"] / 10
        rows += bench_thumbs(video, work, args.reps)
        rows += bench_clip(video, work, args.reps)
        rows += bench_panel(video, args.reps, one)
        if not args.skip_4k:
            bench_memory_4k(ensure_video(args.work / "uhd60.mp4", "3840x2160", 60), work)


if __name__ == "__main__":
    main()
