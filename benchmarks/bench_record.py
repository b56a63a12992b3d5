"""Benchmark: a 60 s 1280x720 30 fps take from `--source`, against ffmpeg doing the same job.

The generated source flashes a white frame and starts a 1 kHz beep at the same instant every
two seconds. In each take we find the flashes (picture) and the beep onsets (sound): their
gap is the A/V drift. Dropped frames = frames the take should hold minus frames it holds.
The reference is ffmpeg reading the same file in real time (-re) and encoding it with the same
settings (libx264 veryfast crf 23, 1 s GOP, AAC, fragmented MP4); we compare CPU time.

    /tmp/venv/bin/python benchmarks/bench_record.py [--seconds 60] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

W, H, FPS, RATE = 1280, 720, 30, 48000
MARK_EVERY_S = 2.0
BEEP_S = 0.05
REPO = Path(__file__).resolve().parents[1]


def make_source(path: Path, seconds: float) -> None:
    """Moving texture (so the encoder has real work), a flash + beep every MARK_EVERY_S."""
    rng = np.random.default_rng(7)
    texture = rng.integers(40, 140, (H // 8, W // 8), dtype=np.uint8).repeat(8, 0).repeat(8, 1)
    with av.open(str(path), "w") as out:
        vs = out.add_stream("libx264", rate=FPS, options={"preset": "ultrafast", "crf": "20"})
        vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
        aus = out.add_stream("aac", rate=RATE, layout="mono")
        n_frames = int(seconds * FPS)
        every = int(MARK_EVERY_S * FPS)
        chroma = np.full((H // 2, W), 128, np.uint8)
        for n in range(n_frames):
            luma = (
                np.full((H, W), 235, np.uint8)
                if n % every == every // 2
                else np.roll(texture, 4 * n, axis=1)
            )
            frame = av.VideoFrame.from_ndarray(np.vstack([luma, chroma]), format="yuv420p")
            frame.pts, frame.time_base = n, Fraction(1, FPS)
            out.mux(vs.encode(frame))
        out.mux(vs.encode())
        total = int(seconds * RATE)
        t = np.arange(total) / RATE
        wave = 0.01 * np.sin(2 * np.pi * 220 * t)  # a faint hum, never mistaken for a beep
        for k in range(int(seconds / MARK_EVERY_S) + 1):
            start = (k * every + every // 2) / FPS
            s0, s1 = int(start * RATE), int((start + BEEP_S) * RATE)
            wave[s0:s1] = 0.5 * np.sin(2 * np.pi * 1000 * (t[s0:s1] - start))
        wave = wave.astype(np.float32)
        for s in range(0, total, 1024):
            chunk = wave[s : s + 1024].reshape(1, -1)
            af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="mono")
            af.sample_rate, af.pts, af.time_base = RATE, s, Fraction(1, RATE)
            out.mux(aus.encode(af))
        out.mux(aus.encode())


def markers(path: Path) -> tuple[list[float], list[float], int]:
    """(flash times, beep onset times, frame count) as a player would present them."""
    flashes: list[float] = []
    frames = 0
    with av.open(str(path)) as c:
        for f in c.decode(video=0):
            frames += 1
            y = f.to_ndarray(format="gray")
            if y[H // 4 : H // 2, W // 4 : 3 * W // 4].mean() > 200:
                flashes.append(float(f.pts * f.time_base))
    beeps: list[float] = []
    with av.open(str(path)) as c:
        if c.streams.audio:
            last = -10.0
            for f in c.decode(audio=0):
                x = np.abs(f.to_ndarray()[0])
                loud = np.nonzero(x > 0.15)[0]
                t0 = float(f.pts * f.time_base)
                for i in loud:
                    t = t0 + i / f.sample_rate
                    if t - last > 0.5:
                        beeps.append(t)
                    last = t
    return flashes, beeps, frames


def drift_ms(flashes: list[float], beeps: list[float]) -> list[float]:
    """Beep minus flash, for each flash that has a beep within half a marker interval."""
    gaps = []
    for f in flashes:
        near = min(beeps, key=lambda b: abs(b - f), default=None)
        if near is not None and abs(near - f) < MARK_EVERY_S / 2:
            gaps.append((near - f) * 1000)
    return gaps


def run_timed(cmd: list[str]) -> tuple[float, float, int, str]:
    """(wall s, CPU s of the process and its children, exit code, stdout)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            sys.stderr.write(err.read().decode(errors="replace")[-2000:])
        text = out.read().decode(errors="replace")
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode, text


def report(name: str, path: Path, seconds: float) -> dict[str, float]:
    flashes, beeps, frames = markers(path)
    gaps = drift_ms(flashes, beeps)
    expected = int(seconds * FPS)
    dropped = max(0, expected - frames)
    out = {
        "frames": frames,
        "expected_frames": expected,
        "dropped_pct": round(100 * dropped / expected, 2),
        "markers": len(gaps),
        "drift_max_ms": round(max((abs(g) for g in gaps), default=float("nan")), 1),
        "drift_mean_ms": round(float(np.mean(gaps)) if gaps else float("nan"), 1),
        "drift_first_last_ms": [round(gaps[0], 1), round(gaps[-1], 1)] if gaps else [],
    }
    print(f"{name:>10}: {json.dumps(out)}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--keep", type=Path, help="keep the files here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_record_"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / "source.mp4"
    if not src.exists():
        t = time.monotonic()
        make_source(src, args.seconds + 2)
        print(f"source: {src} ({time.monotonic() - t:.1f} s to make)")
    report("source", src, args.seconds + 2)

    ours = work / "take.mp4"
    ours.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "evidence_kit", "record", "-o", str(ours), "--source", str(src),
           "--seconds", str(args.seconds), "--json"]  # fmt: skip
    wall_ours, cpu_ours, rc, stdout = run_timed(cmd)
    if rc:
        return rc
    ours_stats = report("ours", ours, args.seconds)
    own = json.loads(stdout)
    print(
        f"{'recorder':>10}: its own count: {own['frames']} frames, {own['dropped']} dropped ({own['dropped_by_encoder']} by the encoder), "
        f"sound clock vs capture clock at most {own['max_drift_ms']} ms apart"
    )

    ref = work / "ffmpeg.mp4"
    ref.unlink(missing_ok=True)
    ffmpeg = shutil.which("ffmpeg")
    cpu_ref = wall_ref = float("nan")
    if ffmpeg:
        cmd = [ffmpeg, "-v", "error", "-re", "-i", str(src), "-t", str(args.seconds),
               "-vf", "drawbox=x=10:y=660:w=420:h=40:color=black:t=fill",
               "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-g", str(FPS),
               "-c:a", "aac", "-b:a", "128k",
               "-movflags", "frag_keyframe+empty_moov+default_base_moof", str(ref)]  # fmt: skip
        wall_ref, cpu_ref, rc, _ = run_timed(cmd)
        if rc == 0:
            report("ffmpeg", ref, args.seconds)
    print(
        f"wall: ours {wall_ours:.1f} s, ffmpeg {wall_ref:.1f} s | CPU: ours {cpu_ours:.1f} s, "
        f"ffmpeg {cpu_ref:.1f} s, ratio ours/ffmpeg {cpu_ours / cpu_ref:.2f} "
        f"(ours uses {100 * cpu_ours / args.seconds:.0f}% of one core)"
    )
    ok = ours_stats["dropped_pct"] <= 1.0 and ours_stats["drift_max_ms"] <= 100
    print("PASS" if ok else "FAIL", "(dropped <= 1 %, drift <= 100 ms)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
