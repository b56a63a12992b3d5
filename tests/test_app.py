"""Starting the desktop app through the real command: no display is bad input (one line,
exit 2, nothing made), the demo reuses its copy, and the error net (log file, crash log,
excepthook) is in place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("evidence-kit")


def command(*args: str) -> list[str]:
    """The installed `evidence-kit` script (what the shopper runs), else `python -m`."""
    if SCRIPT.exists():
        return [str(SCRIPT), *args]
    return [sys.executable, "-m", "evidence_kit", *args]


def run(
    args: list[str], env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args), cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def bare_env(private_dirs: Path) -> dict[str, str]:
    """The test's private folders and no display at all: an ssh session, a cron job."""
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = str(ROOT)
    return env


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are a Linux matter")
@pytest.mark.parametrize("args", [[], ["demo"]], ids=["app", "demo"])
def test_no_display_is_one_line_and_exit_2(args: list[str], bare_env, private_dirs) -> None:  # type: ignore[no-untyped-def]
    line = one_line(run(args, bare_env))
    assert line.startswith("evidence-kit: ") and "no display" in line
    assert "DISPLAY" in line and "plugin" not in line  # not Qt's misleading reinstall hint
    assert not (private_dirs / "data" / "samples").exists()  # the demo made no copy


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are a Linux matter")
def test_a_display_that_does_not_answer_is_one_line_and_exit_2(bare_env) -> None:  # type: ignore[no-untyped-def]
    free = next(n for n in range(97, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    line = one_line(run([], {**bare_env, "DISPLAY": f":{free}"}))
    assert f":{free} does not answer" in line


def test_demo_reuses_its_copy_instead_of_piling_up(bare_env, private_dirs) -> None:  # type: ignore[no-untyped-def]
    env = {**bare_env, "QT_QPA_PLATFORM": "offscreen", "EVIDENCE_KIT_QUIT_AFTER_SHOW": "300"}
    shown = []
    for _ in range(3):
        result = run(["demo"], env)
        assert result.returncode == 0, result.stderr
        shown.append(result.stdout.strip().splitlines()[-1])
    assert shown[0].startswith("Sample case: ") and shown == [shown[0]] * 3
    assert [p.name for p in (private_dirs / "data" / "samples").iterdir()] == [
        "Sample case - cracked mug"
    ]


def test_a_half_made_demo_copy_is_not_reused(private_dirs) -> None:  # type: ignore[no-untyped-def]
    from evidence_kit.core.store import new_case
    from evidence_kit.media.sample import make_sample_case

    first = make_sample_case()
    assert make_sample_case().root == first.root  # the same copy, reused
    # what a kill during the first demo leaves: the case, but not all its files
    shutil.rmtree(first.root)
    new_case(first.root, platform="aliexpress", order_id="1")
    again = make_sample_case()
    assert again.root != first.root and len(again.case.items) == 4
    assert make_sample_case().root == again.root


def test_faulthandler_writes_a_hard_crash_to_the_log_folder(tmp_path: Path) -> None:
    env = {**os.environ, "EVIDENCE_KIT_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(ROOT)}
    code = "from evidence_kit.app import setup_logging; setup_logging(); import faulthandler; faulthandler._sigsegv()"  # noqa: E501
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    crash = (tmp_path / "logs" / "crash.log").read_text()
    assert "Fatal Python error: Segmentation fault" in crash and "<string>" in crash
    assert "starting" in (tmp_path / "logs" / "evidence-kit.log").read_text()
