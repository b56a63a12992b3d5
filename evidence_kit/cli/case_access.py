"""Opening a case from the command line.

A command that changes the case holds its lock from the first read to the last write, so
two commands at once never lose an update; a second writer waits, then says who holds the
case. What an interrupted command left behind is cleaned up and said once, on stderr.
`evidence_kit.cli.main` closes every case a command opened when the command ends.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evidence_kit.core.store import CaseStore

_opened: list[CaseStore] = []
_holder = ["evidence-kit"]


def set_command(name: str) -> None:
    """The running command, as the lock's holder name ("evidence-kit case add")."""
    _holder[0] = f"evidence-kit {name}".strip()


def open_case(path: Path, *, write: bool = False) -> CaseStore:
    """The CaseStore at `path`; with write=True it holds the case lock until the end."""
    from evidence_kit.core.store import CaseStore

    store = CaseStore.open(path, lock=write, holder=_holder[0])
    _opened.append(store)
    for note in store.notes:
        sys.stderr.write(f"evidence-kit: {note}\n")
    return store


def close_all() -> None:
    """Release every case the command opened."""
    while _opened:
        _opened.pop().close()
