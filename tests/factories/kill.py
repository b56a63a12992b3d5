"""Kill a real `evidence-kit` command with SIGKILL at the moment a test wants it dead.

The command runs in a subprocess with a few lines of Python run before it (`stall`) that
put a stall in its way (a patched function that sleeps); the test kills it as soon as
`ready()` says the stall was reached, so the kill lands there every time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from tests.factories.cli import ROOT


def kill_when(stall: str, args: list[object], ready: Callable[[], bool], stall_at: int = 1) -> None:
    """Run the CLI with a stall (which may read STALL_AT); SIGKILL it once `ready()`."""
    script = (
        f"import os, sys\nSTALL_AT = {stall_at}\n{stall}\n"
        "from evidence_kit.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], env=env)
    deadline = time.monotonic() + 180
    try:
        while not ready():
            assert proc.poll() is None, "the command ended before it could be killed"
            assert time.monotonic() < deadline, "the stall was never reached"
            time.sleep(0.02)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
