"""Speed and memory of the issue-15 picture work against ffmpeg, measured in the same run.

    .venv/bin/python benchmarks/bench_video_fidelity.py [--reps 5] [--work /tmp/evk_bench]

- sparse keyframes: 16 thumbnails and a 4x4 sheet of a 2-minute VP8 MediaRecorder-style
  WebM (one keyframe) against one `ffmpeg -vf select=...` pass picking the same frames
  (target <= 1.0);
- colour cost: ten grabs (whole command) with our conversion (matrix, range, HDR tone
  mapping, display matrix) against the same command at --baseline (BT.601 to_ndarray), on
  1080p BT.709 H.264 and 1080p HLG HEVC 10-bit (target <= 1.10);
- ten HLG grabs against ten `ffmpeg -ss` calls (target <= 0.7);
- 4K HEVC 10-bit HLG: peak memory of a re-encode, grabs, thumbnails and a sheet
  (target <= 600 MB).

Test files are generated once into --work and reused. Medians of interleaved repeats.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_video import ENV, PY, ROOT, median_pair, ours, report, timed  # noqa: E402

FF = ["ffmpeg", "-v", "error", "-y"]


def ensure(path: Path, args: list[str]) -> Path:
    if not path.exists():
        print(f"generating {path} ...", flush=True)
        part = path.with_name(".part." + path.name)
        subprocess.run([*FF, *args, str(part)], check=True)
        part.rename(path)
    return path


def mediarecorder_webm(work: Path, size: str) -> Path:
    """2 minutes of VP8 + Opus, one keyframe, live WebM (no cues, no duration)."""
    return ensure(work / f"mediarecorder_{size}.webm", [
        "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30", "-f", "lavfi",
        "-i", "sine=frequency=440:sample_rate=48000", "-t", "120", "-c:v", "libvpx",
        "-deadline", "realtime", "-cpu-used", "8", "-g", "100000", "-b:v", "1500k",
        "-c:a", "libopus", "-live", "1", "-f", "webm"])  # fmt: skip


def hlg(work: Path, size: str, seconds: int, name: str) -> Path:
    """HLG BT.2020 HEVC 10-bit with a 1 s GOP, B-frames and 3 references, as an iPhone
    records (the references decide how many frames the decoder holds)."""
    vf = ("zscale=tin=bt709:pin=bt709:min=bt709:rin=limited:t=arib-std-b67:p=bt2020"
          ":m=bt2020nc:r=limited,format=yuv420p10le")  # fmt: skip
    params = "log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc"
    return ensure(work / name, [
        "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30", "-t", str(seconds), "-vf", vf,
        "-c:v", "libx265", "-preset", "superfast", "-x265-params",
        f"{params}:keyint=30:bframes=4:ref=3",
        "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace",
        "bt2020nc", "-tag:v", "hvc1"])  # fmt: skip


def sdr709(work: Path) -> Path:
    return ensure(work / "bt709_1080.mp4", [
        "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-t", "60", "-c:v", "libx264",
        "-preset", "ultrafast", "-g", "30", "-pix_fmt", "yuv420p", "-color_primaries",
        "bt709", "-color_trc", "bt709", "-colorspace", "bt709"])  # fmt: skip


def bench_sparse(video: Path, work: Path, reps: int) -> list[dict]:
    """16 exact thumbnails / a 4x4 sheet against one ffmpeg select pass (which stops once
    it has its 16 frames, as ours does)."""
    frames = [int(120 * (i + 0.5) / 16 * 30) for i in range(16)]
    select = "+".join(f"eq(n\\,{n})" for n in frames)
    ffmpeg = [*FF, "-i", str(video), "-an", "-vf", f"select={select},scale=320:-2",
              "-fps_mode", "passthrough", "-frames:v", "16", str(work / "sel%02d.jpg")]  # fmt: skip
    rows = []
    thumbs = ours("thumbs", str(video), "--count", "16", "-o", str(work / "th"))
    us, them, mu, mf = median_pair(reps, thumbs, ffmpeg)
    tag = video.stem.split("_")[-1]
    rows.append(report(f"16 thumbs, sparse-key VP8 {tag} vs select", us, them, 1.0,
                       f"[{mu} MB vs {mf} MB]"))  # fmt: skip
    sheet = ours("sheet", str(video), "-o", str(work / "sheet.jpg"))
    us, them, mu, mf = median_pair(reps, sheet, ffmpeg)
    rows.append(report(f"4x4 sheet, sparse-key VP8 {tag} vs select", us, them, 1.0,
                       f"[{mu} MB vs {mf} MB]"))  # fmt: skip
    return rows


BASELINE = "6b62f7b"  # main just before issue 15: BT.601 for everything, no tone mapping


def baseline_tree(work: Path, rev: str) -> Path:
    """The package as it was at `rev` (git archive), to time the old conversion."""
    root = work / f"baseline-{rev}"
    if not (root / "evidence_kit").is_dir():
        root.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "evidence_kit"],
                                 check=True, capture_output=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    return root


CONVERT_SCRIPT = r"""
import json, random, statistics, sys, time
from evidence_kit.media.video.reader import VideoReader
rd = VideoReader(sys.argv[1])
d = rd.frame_at(rd.end_s / 2)
ts = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    rd.to_rgb(d)
    ts.append(time.perf_counter() - start)
print(json.dumps(statistics.median(ts)))
"""


def bench_colour(videos: dict[str, Path], work: Path, reps: int, rev: str) -> list[dict]:
    """Ten grabs (whole command) with our conversion against the same command at `rev`."""
    old = {**ENV, "PYTHONPATH": str(baseline_tree(work, rev))}
    rows = []
    for name, path in videos.items():
        rng = random.Random(5)
        times = [f"{rng.uniform(1, 28):.3f}" for _ in range(10)]
        cmd = ours("frames", str(path), "--at", *times, "--no-caption", "-o", str(work / "col"))
        us, them, mu, mo = median_pair(reps, None, None, lambda c=cmd: timed(c),
                                       lambda c=cmd: timed(c, old))  # fmt: skip
        conv = {}
        for label, env in (("new", ENV), ("old", old)):
            out = subprocess.run([PY, "-c", CONVERT_SCRIPT, str(path), "9"], env=env,
                                 capture_output=True, text=True, check=True)  # fmt: skip
            conv[label] = json.loads(out.stdout)
        rows.append(report(f"10 grabs {name}: ours vs BT.601 at {rev}", us, them, 1.10,
                           f"[one conversion {conv['new'] * 1000:.0f} ms vs "
                           f"{conv['old'] * 1000:.0f} ms; {mu} vs {mo} MB]"))  # fmt: skip
    return rows


def bench_hdr_grabs(video: Path, work: Path, reps: int) -> list[dict]:
    rng = random.Random(9)
    times = [f"{rng.uniform(1, 28):.3f}" for _ in range(10)]

    def ffmpeg_ten() -> tuple[float, int]:
        total, peak = 0.0, 0
        for i, t in enumerate(times):
            secs, mem = timed([*FF, "-ss", t, "-i", str(video), "-frames:v", "1",
                               str(work / f"hdr{i}.png")])  # fmt: skip
            total, peak = total + secs, max(peak, mem)
        return total, peak

    grab = ours("frames", str(video), "--at", *times, "-o", str(work / "hdr"))
    us, them, mu, _ = median_pair(reps, None, None, lambda: timed(grab), ffmpeg_ten)
    return [report("10 grabs HLG 1080p (caption) vs ten ffmpeg -ss", us, them, 0.7, f"[{mu} MB]")]


def bench_memory(video4k: Path, work: Path) -> None:
    rng = random.Random(4)
    times = [f"{rng.uniform(1, 9):.3f}" for _ in range(10)]
    cases = {
        "re-encoded clip 3 s (HEVC 10-bit HLG)": ours(
            "clip", str(video4k), "--start", "2.5", "--end", "5.5", "-o", str(work / "r4k.mp4")
        ),
        "stream-copy clip": ours(
            "clip", str(video4k), "--start", "2", "--end", "8", "-o", str(work / "c4k.mp4")
        ),
        "10 grabs": ours("frames", str(video4k), "--at", *times, "-o", str(work / "g4k")),
        "16 thumbs": ours("thumbs", str(video4k), "--count", "16", "-o", str(work / "t4k")),
        "sheet 4x4": ours("sheet", str(video4k), "-o", str(work / "s4k.jpg")),
    }
    for name, cmd in cases.items():
        secs, mem = timed(cmd)
        verdict = "OK" if mem <= 600 else "MISSED"
        print(f"4K HEVC10 peak memory: {name:<38} {mem:5d} MB ({secs:.1f} s) "
              f"target <= 600 MB {verdict}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path("/tmp/evk_bench"))
    ap.add_argument("--only", choices=("sparse", "colour", "hdr", "memory"))
    ap.add_argument("--baseline", default=BASELINE, help="commit with the old conversion")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    out = args.work / "fidelity-out"
    out.mkdir(exist_ok=True)
    ENV["EVIDENCE_KIT_CACHE_DIR"] = str(out / "cache")
    if args.only in (None, "sparse"):
        for size in ("640x360", "1280x720"):
            bench_sparse(mediarecorder_webm(args.work, size), out, args.reps)
    hdr = hlg(args.work, "1920x1080", 30, "hlg_1080.mp4")
    if args.only in (None, "colour"):
        videos = {"BT.709 1080p H.264": sdr709(args.work), "HLG 1080p HEVC10": hdr}
        bench_colour(videos, out, args.reps, args.baseline)
    if args.only in (None, "hdr"):
        bench_hdr_grabs(hdr, out, args.reps)
    if args.only in (None, "memory"):
        bench_memory(hlg(args.work, "3840x2160", 10, "hlg_2160.mp4"), out)


if __name__ == "__main__":
    main()
