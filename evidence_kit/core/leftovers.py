"""What an interrupted command left in a case folder, found and removed under the case lock.

Every writer holds the case lock while it works, so whatever the next holder finds here
belongs to a process that died (kill -9, a crash, a power cut) and can go: a half-copied
`originals/.<id>.part`, a copy whose item never reached case.json, an unsaved
`.case.*.tmp`. Only files named the way the importer and the store name them are touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

#: the importer's stored name: a 6-hex item id, an underscore, the safe name
_IMPORTED = re.compile(r"^[0-9a-f]{6}_")


def clean(root: Path, originals: Path, referenced: set[str]) -> str:
    """Remove the leftovers; return one line saying what went ("" when nothing did).

    referenced: the real paths of every file a live or binned item uses.
    """
    temps = [*root.glob(".case.*.tmp"), *root.glob(".probe.*")]
    parts: list[Path] = []
    orphans: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(originals):
            if not entry.is_file(follow_symlinks=False):
                continue
            if entry.name.startswith(".") and entry.name.endswith(".part"):
                parts.append(Path(entry.path))
            elif _IMPORTED.match(entry.name) and os.path.realpath(entry.path) not in referenced:
                orphans.append(Path(entry.path))
    freed = 0
    removed = {"temps": 0, "parts": 0, "orphans": 0}
    for kind, paths in (("temps", temps), ("parts", parts), ("orphans", orphans)):
        for path in paths:
            size = _remove(path)
            if size is not None:
                removed[kind] += 1
                freed += size
    said = []
    if removed["parts"]:
        said.append(f"{removed['parts']} unfinished cop{'y' if removed['parts'] == 1 else 'ies'}")
    if removed["orphans"]:
        n = removed["orphans"]
        said.append(f"{n} imported file{'' if n == 1 else 's'} that never reached the case")
    if removed["temps"]:
        n = removed["temps"]
        said.append(f"{n} unsaved temporary file{'' if n == 1 else 's'}")
    if not said:
        return ""
    return (
        f"cleaned up after an interrupted command: removed {', '.join(said)}"
        f" ({_size(freed)}); the case itself is as it was last saved"
    )


def _remove(path: Path) -> int | None:
    try:
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)  # originals are read-only
        elif not stat.S_ISLNK(info.st_mode):
            return None  # a folder or a device: not ours
        path.unlink()  # a link goes, never what it points to
        size = info.st_size if stat.S_ISREG(info.st_mode) else 0
    except OSError:
        return None
    return size


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1000:
        return f"{n / 1e3:.0f} KB"
    return f"{n} bytes"
