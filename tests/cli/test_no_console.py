"""A launcher without a console (frozen windowed app, pythonw) has sys.stdout/stderr = None:
commands still run and exit with their usual codes instead of crashing on the first write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CODE = (
    "import sys; sys.stdout = None; sys.stderr = None\n"
    "from evidence_kit.app import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--version"], 0),  # writes to stdout
        (["verify", "missing-bundle.zip"], 2),  # writes its one-line error to stderr
        (["case", "nosuchcommand"], 2),  # argparse's usage error goes to stderr
    ],
)
def test_commands_run_without_console_streams(tmp_path: Path, args: list[str], code: int) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == code, out.stderr
    assert "Traceback" not in out.stderr
