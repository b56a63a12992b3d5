"""Import of a 1 GB video vs `sha256sum` + `cp` of the same file, plus peak memory.

    python benchmarks/bench_import.py [--size-mb 1024] [--runs 3]

The input is a real (short) MP4 followed by a 'free' atom padding it to the size asked
for, so the importer's content checks pass and the cost is the copy and the hash.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def make_input(path: Path, size_mb: int) -> None:
    from tests.factories.media import make_video

    make_video(path, seconds=2)
    pad = size_mb * 1024 * 1024 - path.stat().st_size - 8
    chunk = os.urandom(8 * 1024 * 1024)
    with path.open("ab") as fh:
        fh.write(pad.to_bytes(4, "big") if pad + 8 < 2**32 else (1).to_bytes(4, "big"))
        fh.write(b"free")
        left = pad
        while left > 0:
            fh.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    with path.open("r+b") as fh:  # fix the atom size now that we know it
        fh.seek(path.stat().st_size - pad - 8)
        fh.write((pad + 8).to_bytes(4, "big"))


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and the child's peak RSS in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ek-bench-import-"))
    try:
        src = work / "big unboxing.mp4"
        make_input(src, args.size_mb)
        env = dict(os.environ, PYTHONPATH=str(ROOT), EVIDENCE_KIT_CONFIG_DIR=str(work / "cfg"))
        ek = [sys.executable, "-m", "evidence_kit"]
        ours, ref, peaks = [], [], []
        for run in range(args.runs):
            case = work / f"case{run}"
            subprocess.run([*ek, "case", "new", case, "--platform", "ebay", "--order-id", "1"], check=True,
                           env=env, stdout=subprocess.DEVNULL)  # fmt: skip
            t_ref_hash, _ = timed(["sha256sum", str(src)])
            t_ref_cp, _ = timed(["cp", str(src), str(work / "cp-copy")])
            ref.append(t_ref_hash + t_ref_cp)
            (work / "cp-copy").unlink()
            t, peak = timed(["/usr/bin/env", *ek, "case", "add", str(case), str(src)], env)
            ours.append(t)
            peaks.append(peak)
            shutil.rmtree(case)
        ratio = statistics.median(ours) / statistics.median(ref)
        print(f"input: {args.size_mb} MB, runs: {args.runs}")
        print(
            f"sha256sum + cp : median {statistics.median(ref):.2f} s  {[round(x, 2) for x in ref]}"
        )
        print(
            f"evidence-kit case add : median {statistics.median(ours):.2f} s  {[round(x, 2) for x in ours]}"
        )
        print(f"ratio (goal <= 1.3x): {ratio:.2f}x")
        print(f"peak RSS of the import process: {max(peaks)} MB (goal < 200 MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
