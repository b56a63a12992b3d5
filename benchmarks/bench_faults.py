"""Hostile-case paths stay linear (issue 14, item 6), each against a reference in the same run.

- verify on a bundle whose manifest lists N files that are not in the zip, against
  `sha256sum -c` on the same listing (goal: 160,000 absent names in under 5 s);
- opening a case of N items (the duplicate-id check), against json.loads of the same file;
- export of a case with a 200,000-entry log (the PDF shows its start and end only);
- a case with one item over the mark limit is refused on load in about the time of reading it.

Each size is run several times and the median taken; the doubling ratios show linearity (2.0
per doubling is linear, 4.0 quadratic).

python benchmarks/bench_faults.py [--quick]
"""

from __future__ import annotations

import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evidence_kit.core import activity_log  # noqa: E402
from evidence_kit.core.model import Item  # noqa: E402
from evidence_kit.core.store import CaseStore, new_case  # noqa: E402


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _absent_bundle(folder: Path, n: int) -> tuple[Path, Path]:
    """A bundle listing n files that are not in it (manifest and SHA256SUMS agree)."""
    digest = "ab" * 32
    files = [{"path": f"originals/{i:07d}.jpg", "bytes": 10, "sha256": digest, "role": "original"}
             for i in range(n)]  # fmt: skip
    case = CaseStore.__new__(CaseStore)  # only the log is needed
    del case
    log: list = []
    from evidence_kit.core.model import Case

    c = Case()
    activity_log.append(c, "case_created", at="2026-11-20T10:00:00Z")
    log = [e.__dict__ for e in c.log]
    manifest = {"manifest_version": 1, "files": files, "log": log, "log_head": log[-1]["hash"],
                "case": {"name": "x", "facts": {}}, "exported_at": "2026-11-20T10:00:00Z"}  # fmt: skip
    data = json.dumps(manifest).encode()
    sums = "".join(f"{digest}  {f['path']}\n" for f in files)
    sums += f"{hashlib.sha256(data).hexdigest()}  manifest.json\n"
    bundle = folder / f"absent-{n}.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", data)
        zf.writestr("SHA256SUMS", sums)
    unpacked = folder / f"absent-{n}"
    unpacked.mkdir()
    (unpacked / "manifest.json").write_bytes(data)
    (unpacked / "SHA256SUMS").write_text(sums)
    return bundle, unpacked


def bench_verify(folder: Path, sizes: list[int], runs: int) -> None:
    from evidence_kit.export.verify import verify_bundle

    print("verify, N names listed but absent from the zip:")
    previous = None
    for n in sizes:
        bundle, unpacked = _absent_bundle(folder, n)
        ours = _median(lambda b=bundle: verify_bundle(b), runs)
        ref = _median(
            lambda u=unpacked: subprocess.run(
                ["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=u, capture_output=True
            ),
            runs,
        )
        report = verify_bundle(bundle)
        assert len(report.missing) == n and not report.ok
        grow = f", x{ours / previous:.2f} per doubling" if previous else ""
        print(f"  N={n:>7,}: verify {ours:6.2f} s, sha256sum -c {ref:6.2f} s "
              f"(ratio {ours / ref:5.2f}){grow}")  # fmt: skip
        previous = ours


def _case_with_items(folder: Path, n: int) -> Path:
    store = new_case(folder / f"items-{n}", platform="ebay", order_id="1")
    store.case.items = [
        Item(
            id=f"{i:06x}",
            kind="photo",
            file=f"originals/{i:06x}_p.jpg",
            sha256="cd" * 32,
            bytes=1,
            imported_at="2026-11-20T10:00:00Z",
        )  # fmt: skip
        for i in range(n)
    ]
    store.save()
    return store.root


def bench_open(folder: Path, sizes: list[int], runs: int) -> None:
    print("open a case of N items (validation and the duplicate-id check):")
    previous = None
    for n in sizes:
        root = _case_with_items(folder, n)
        ours = _median(lambda r=root: CaseStore.open(r), runs)
        ref = _median(lambda r=root: json.loads((r / "case.json").read_bytes()), runs)
        grow = f", x{ours / previous:.2f} per doubling" if previous else ""
        print(f"  N={n:>7,}: open {ours:6.3f} s, json.loads {ref:6.3f} s "
              f"(ratio {ours / ref:5.2f}){grow}")  # fmt: skip
        previous = ours


def bench_long_log(folder: Path, entries: int) -> None:
    from evidence_kit.export.run import export_case
    from tests.factories.export import make_case

    store = make_case(folder / "log")
    for i in range(entries):
        activity_log.append(store.case, "claim_set", keys=["notes"], n=i)
    store.save()
    pdf_ref = folder / "ref.pdf"
    small = make_case(folder / "small")
    start = time.perf_counter()
    export_case(small, folder / "out-small", upload=False, record=False)
    base = time.perf_counter() - start
    start = time.perf_counter()
    result = export_case(store, folder / "out-log", upload=False, record=False)
    took = time.perf_counter() - start
    pages = subprocess.run(["pdfinfo", str(result.pdf)], capture_output=True, text=True).stdout
    count = next((ln.split()[-1] for ln in pages.splitlines() if ln.startswith("Pages:")), "?")
    with zipfile.ZipFile(result.bundle) as zf:
        sealed = len(json.loads(zf.read("manifest.json"))["log"])
    print(f"export with a {entries:,}-entry log: {took:.1f} s (the same case with its own "
          f"{len(small.case.log)} entries: {base:.1f} s); PDF {count} pages; "
          f"manifest.json holds {sealed:,} entries")  # fmt: skip
    del pdf_ref


def bench_marks(folder: Path, marks: int) -> None:
    from evidence_kit.core.errors import CaseCorruptError

    root = _case_with_items(folder / "marks", 1)
    doc = json.loads((root / "case.json").read_text())
    doc["items"][0]["annotations"] = [
        {"type": "rect", "rect": [i % 500, i % 300, 20, 10]} for i in range(marks)
    ]
    (root / "case.json").write_text(json.dumps(doc))
    start = time.perf_counter()
    try:
        CaseStore.open(root)
        outcome = "opened"
    except CaseCorruptError as exc:
        outcome = str(exc)
    took = time.perf_counter() - start
    ref = _median(lambda: json.loads((root / "case.json").read_bytes()), 3)
    print(f"{marks:,} marks on one item: refused in {took:.2f} s (json.loads {ref:.2f} s): "
          f"{outcome}")  # fmt: skip


def main() -> None:
    quick = "--quick" in sys.argv
    folder = Path(tempfile.mkdtemp(prefix="ek-bench-faults-"))
    try:
        sizes = [10_000, 20_000, 40_000] if quick else [20_000, 40_000, 80_000, 160_000]
        bench_verify(folder, sizes, 1 if quick else 3)
        bench_open(folder, [2_500, 5_000] if quick else [5_000, 10_000, 20_000], 1 if quick else 3)
        bench_long_log(folder, 20_000 if quick else 200_000)
        bench_marks(folder, 100_000 if quick else 1_000_000)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
