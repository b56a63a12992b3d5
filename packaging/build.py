"""Build the frozen app on this machine, smoke-test it, make its installer, and report.

    python packaging/build.py                  everything: dist/, smoke test, installer
    python packaging/build.py --no-installer   build and smoke test only (then sign, in CI)
    python packaging/build.py --skip-build     smoke test and installer of the dist/ there is

The report (printed, and written to dist/build-report.json) gives the build time, the bundle's
size unpacked and its five largest parts, the installer's size, the frozen start time and, on
Linux, the oldest glibc the bundle runs on (from its files' symbol versions).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_check  # noqa: E402
import installers  # noqa: E402
import project_info  # noqa: E402
import smoke  # noqa: E402

ROOT = project_info.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = project_info.PACKAGING / "evidence_kit.spec"
#: issue 16's goals for the Linux build (decimal megabytes); over them the report says so
GOALS = {"bundle_bytes": 480e6, "installer_bytes": 190e6}


def freeze() -> float:
    """Run PyInstaller on the spec; the seconds it took."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK}",
            str(SPEC),
        ],
        check=True,
    )
    return time.perf_counter() - start


def bundle_folder() -> Path:
    """The folder that gets shipped: the .app on macOS, the COLLECT folder elsewhere."""
    info = project_info.load()
    if sys.platform == "darwin":
        return DIST / f"{info.display_name}.app"
    return DIST / info.cli_name


def make_installer() -> tuple[Path, float, list[str]]:
    """The platform's installer, the seconds it took, and the install checks that ran."""
    start = time.perf_counter()
    checks: list[str] = []
    if sys.platform == "win32":
        out = installers.windows_installer(DIST, WORK / "evidence_kit" / "icons")
    elif sys.platform == "darwin":
        out = installers.macos_dmg(DIST)
    else:
        out = installers.linux_tarball(DIST)
        checks = ["install.sh + uninstall.sh", *installers.linux_install_check(out)]
    return out, time.perf_counter() - start, checks


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB ({n / 2**20:.1f} MiB)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-installer", action="store_true", help="stop after the smoke test")
    parser.add_argument("--skip-build", action="store_true", help="use the dist/ that is there")
    args = parser.parse_args(argv)
    info = project_info.load()
    report: dict[str, object] = {"version": info.version, "platform": sys.platform}

    if not args.skip_build:
        shutil.rmtree(DIST, ignore_errors=True)
        report["build_s"] = round(freeze(), 1)
        warn = WORK / SPEC.stem / f"warn-{SPEC.stem}.txt"
        unsafe = bundle_check.unsafe_imports(warn.read_text(encoding="utf-8"))
        if unsafe:
            sys.stderr.write(
                "the frozen app would fail on these imports:\n" + "\n".join(unsafe) + "\n"
            )
            return 1
    folder = bundle_folder()
    try:
        result = smoke.smoke(DIST)
    except smoke.SmokeError as exc:
        sys.stderr.write(f"smoke test FAILED: {exc}\n")
        return 1
    report["gui_start_s"] = round(result.gui_start_s, 2)
    report["cli_start_s"] = round(result.cli_start_s, 2)
    report["demo_export_s"] = round(result.demo_export_s, 1)
    report["bundle_bytes"] = bundle_check.tree_size(folder)
    report["largest_parts"] = bundle_check.largest_parts(
        folder / "Contents" / "Frameworks" if sys.platform == "darwin" else folder
    )
    if sys.platform.startswith("linux"):
        by_part = bundle_check.glibc_by_part(folder)
        report["glibc_min"], report["glibc_needed_by"] = bundle_check.glibc_floor(folder)
        # the wheels' own floor: what a build on an older machine could reach at best
        wheels = set(by_part) - {"Python", "other native libraries", "launchers"}
        report["glibc_min_wheels"] = bundle_check.glibc_floor(folder, wheels)
        report["system_libraries"] = bundle_check.system_libraries(folder)
    if not args.no_installer:
        out, seconds, checks = make_installer()
        report["installer"] = out.name
        report["installer_bytes"] = out.stat().st_size
        report["installer_s"] = round(seconds, 1)
        report["install_checks"] = checks
    (DIST / "build-report.json").write_text(json.dumps(report, indent=2) + "\n")
    print_report(report)
    return 0


def print_report(report: dict) -> None:
    lines = [f"Evidence Kit {report['version']} on {report['platform']}:"]
    if "build_s" in report:
        lines.append(f"  build (PyInstaller):  {report['build_s']} s")
    lines.append(f"  bundle unpacked:      {mb(report['bundle_bytes'])}")
    for name, size in report["largest_parts"]:
        lines.append(f"    {name:<24} {mb(size)}")
    if "installer" in report:
        lines.append(
            f"  installer:            {report['installer']}: {mb(report['installer_bytes'])}"
            f" in {report['installer_s']} s"
        )
        if report["install_checks"]:
            lines.append(f"  install checks:       {', '.join(report['install_checks'])}")
    lines.append(
        f"  frozen start:         window shown and closed in {report['gui_start_s']} s"
        f" (median of 3); --version {report['cli_start_s']} s"
    )
    lines.append(f"  demo --export:        {report['demo_export_s']} s; verify OK; tamper caught")
    if "glibc_min" in report:
        lines.append(
            f"  oldest glibc:         {report['glibc_min']} (needed by {report['glibc_needed_by']});"
            f" the wheels alone: {report['glibc_min_wheels'][0]}"
            f" ({report['glibc_min_wheels'][1]})"
        )
    if report["platform"].startswith("linux"):
        for key, goal in GOALS.items():
            if report.get(key, 0) > goal:
                lines.append(
                    f"  WARNING: {key} {mb(report[key])} is over the goal of {mb(int(goal))}"
                )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
