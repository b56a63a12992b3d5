"""Smoke test of a frozen build: run its two launchers the way a shopper's first minutes would.

1. `evidence-kit --version` prints the version; the windowed launcher does too, without a
   console (sys.stdout is None there, which used to crash it).
2. `evidence-kit demo --export OUT` exports the sample case: bundle, PDF, upload pack.
3. `evidence-kit verify` passes that bundle, and fails a copy with one byte changed; a claim
   finds the phone number in the notes and prices in yen (the data tables freeze_rules trims).
4. The windowed launcher opens the main window offscreen and quits (EVIDENCE_KIT_QUIT_AFTER_SHOW):
   no traceback, exit code 0. Its median wall time over three runs is the frozen start time.
   Then once under LANG=ru_RU.UTF-8: the log must not say a translation (ours, Qt's) is missing.

Everything runs with the app's folders pointed into a temporary directory, so the machine's own
settings and cases are never touched. Usage: `python packaging/smoke.py [BUNDLE]`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import project_info

EXE = ".exe" if sys.platform == "win32" else ""


class SmokeError(Exception):
    """A step of the smoke test failed; the message says which and shows the output."""


@dataclass
class SmokeResult:
    """What the smoke test measured."""

    gui_start_s: float
    cli_start_s: float
    demo_export_s: float


def launchers(dist: Path) -> tuple[Path, Path]:
    """(windowed launcher, command line) of the build in `dist`, on this platform."""
    info = project_info.load()
    if sys.platform == "darwin":
        macos = dist / f"{info.display_name}.app" / "Contents" / "MacOS"
        return macos / info.display_name, macos / info.cli_name
    folder = dist / info.cli_name
    return folder / f"{info.display_name}{EXE}", folder / f"{info.cli_name}{EXE}"


def _run(
    cmd: list[str], env: dict[str, str], *, expect: int = 0, timeout: float = 300
) -> tuple[str, float]:
    """Run one command; its stdout and wall time, or SmokeError with its output."""
    start = time.perf_counter()
    try:
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(
            f"{Path(cmd[0]).name} {' '.join(cmd[1:])}: no exit after {timeout} s"
        ) from exc
    elapsed = time.perf_counter() - start
    shown = f"{Path(cmd[0]).name} {' '.join(cmd[1:])}"
    if out.returncode != expect or "Traceback" in out.stderr:
        raise SmokeError(
            f"{shown}: exit {out.returncode} (expected {expect})\n"
            f"--- stdout\n{out.stdout[-3000:]}\n--- stderr\n{out.stderr[-3000:]}"
        )
    return out.stdout, elapsed


def _tampered(bundle: Path, out: Path) -> Path:
    """A copy of the bundle with one byte of one exhibit changed."""
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w") as dst:
        names = src.namelist()
        victim = next(
            n for n in names if n.startswith(("exhibits/", "originals/")) and not n.endswith("/")
        )
        for name in names:
            data = src.read(name)
            if name == victim:
                data = bytes([data[0] ^ 1]) + data[1:]
            dst.writestr(src.getinfo(name), data)
    return out


def _claim_with_data_tables(cli: Path, case: Path, env: dict[str, str]) -> None:
    """A claim that needs the data freeze_rules trims: currencies and territories (Babel), and
    the phone-number check of the shopper's notes (phonenumbers)."""
    _run(
        [str(cli), "case", "new", str(case), "--platform", "aliexpress", "--order-id", "8123"]
        + ["--item", "mug", "--price", "1500", "--currency", "JPY"],
        env,
    )
    notes = "notes=The seller asked me to call +7 912 345-67-89 about it"
    _run([str(cli), "case", "set", str(case), "country=RU", notes, "reason=damaged"], env)
    claim, _ = _run([str(cli), "claim", str(case)], env)
    for expected in ("1500 JPY", "phone number"):
        if expected not in claim:
            raise SmokeError(f"the claim does not show {expected!r}:\n{claim[-2000:]}")


def smoke(dist: Path, runs: int = 3) -> SmokeResult:
    """Run the smoke test against the build in `dist`; raise SmokeError on the first failure."""
    info = project_info.load()
    gui, cli = launchers(dist)
    for exe in (gui, cli):
        if not exe.exists():
            raise SmokeError(f"{exe} is missing: build first (python packaging/build.py)")
    with tempfile.TemporaryDirectory(prefix="ek-smoke-") as tmp:
        home = Path(tmp)
        env = dict(os.environ)
        for name in ("CONFIG", "DATA", "CACHE", "CASES", "LOG"):
            env[f"EVIDENCE_KIT_{name}_DIR"] = str(home / name.lower())
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("EVIDENCE_KIT_CAMERA_SOURCE", None)

        version = f"{info.cli_name} {info.version}"
        cli_times = []
        for _ in range(runs):
            printed, elapsed = _run([str(cli), "--version"], env)
            if printed.strip() != version:
                raise SmokeError(f"--version printed {printed!r}, not {version!r}")
            cli_times.append(elapsed)
        _run([str(gui), "--version"], env)  # no console behind it: must not crash

        out = home / "export"
        _, demo_s = _run([str(cli), "demo", "--export", str(out)], env)
        made = sorted(out.iterdir())  # one folder, named by the export's time
        folder = made[0] if len(made) == 1 and made[0].is_dir() else out
        bundles = sorted(folder.glob("*-evidence.zip"))
        pdfs = sorted(folder.glob("*-summary.pdf"))
        if not bundles or not pdfs or not any((folder / "upload").iterdir()):
            raise SmokeError(f"demo --export left {sorted(p.name for p in folder.iterdir())}")
        if "OK" not in _run([str(cli), "verify", str(bundles[0])], env)[0]:
            raise SmokeError("verify did not say OK for the fresh bundle")
        _run([str(cli), "verify", str(_tampered(bundles[0], home / "tampered.zip"))], env, expect=1)
        _claim_with_data_tables(cli, home / "case", env)

        env["EVIDENCE_KIT_QUIT_AFTER_SHOW"] = "1"
        gui_times = []
        for _ in range(runs):
            gui_times.append(_run([str(gui)], env, timeout=120)[1])
        # in Russian once: the app's catalog and Qt's qtbase_ru.qm must both load
        _run([str(gui)], {**env, "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8"}, timeout=120)
        logs = "".join(p.read_text(errors="replace") for p in (home / "log").glob("*.log*"))
        if "No translation" in logs:
            raise SmokeError("a translation is missing from the build: " + logs[-300:])
    return SmokeResult(
        gui_start_s=statistics.median(gui_times),
        cli_start_s=statistics.median(cli_times),
        demo_export_s=demo_s,
    )


if __name__ == "__main__":
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else project_info.ROOT / "dist"
    try:
        result = smoke(dist)
    except SmokeError as exc:
        sys.exit(f"smoke test FAILED: {exc}")
    sys.stdout.write(
        f"smoke test passed: window shown and closed in {result.gui_start_s:.2f} s (median), "
        f"--version in {result.cli_start_s:.2f} s, demo export in {result.demo_export_s:.1f} s\n"
    )
