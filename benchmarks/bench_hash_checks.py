"""What checking every original against its hash costs an export (issue 14, 4).

    python benchmarks/bench_hash_checks.py [--against OTHER_CHECKOUT] [--repeat 5]
        [--photos 8] [--frames 4] [--seconds 20] [--platform aliexpress]

Every read of an original for a build (render, sheet, clip, the zip) goes through
`store.checked`, which hashes a file once per process and after that only compares its
inode, size and times (core/file_check.py). Timed in the same run, on one case, in fresh
processes, alternating:
- this checkout's export;
- the same export with the cache turned off, so every read hashes its file again (what
  checking "before anything is built" costs without the cache);
- with --against, another checkout's export of the same case (e.g. a worktree of the
  commit before the checks), the reference the ratio is taken against.
Prints each median and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import json, sys, time
from pathlib import Path
if sys.argv[4] == "uncached":
    import evidence_kit.core.file_check as fc
    class Never(dict):
        def __setitem__(self, key, value):
            pass
    fc._checked = Never()
from evidence_kit.core.store import CaseStore
from evidence_kit.export.run import export_case
store = CaseStore.open(sys.argv[1])
start = time.perf_counter()
export_case(store, Path(sys.argv[2]), sys.argv[3], record=False)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def export_once(tree: Path, case: Path, out: Path, platform: str, variant: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(case), str(out), platform, variant],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
    )
    shutil.rmtree(out, ignore_errors=True)
    seconds: float = json.loads(done.stdout.strip().splitlines()[-1])["seconds"]
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--frames", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--platform", default="aliexpress")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_export import build_case

    work = Path(tempfile.mkdtemp(prefix="bench-hash-"))
    try:
        t0 = time.perf_counter()
        case = build_case(work, args.photos, args.frames, args.seconds, args.platform)
        size = sum(p.stat().st_size for p in case.rglob("*") if p.is_file()) / 1e6
        print(f"case built in {time.perf_counter() - t0:.0f} s: {args.photos} photos of 12 MP, "
              f"{args.frames} frames, a {args.seconds} s 1080p video ({size:.0f} MB)")  # fmt: skip
        variants = [("this", ROOT, "cached"), ("no cache", ROOT, "uncached")]
        if args.against:
            variants.append(("against", args.against.resolve(), "cached"))
        times: dict[str, list[float]] = {name: [] for name, _, _ in variants}
        for n in range(args.repeat):
            for name, tree, variant in variants:
                times[name].append(
                    export_once(tree, case, work / f"out-{n}", args.platform, variant)
                )
            print(f"run {n + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()))
        med = {k: statistics.median(v) for k, v in times.items()}
        for name, value in med.items():
            print(f"median {name}: {value:.2f} s")
        print(f"RATIO no-cache/this: {med['no cache'] / med['this']:.2f}")
        if args.against:
            print(f"RATIO this/against: {med['this'] / med['against']:.3f} (target <= 1.05)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
