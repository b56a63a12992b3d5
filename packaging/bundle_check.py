"""Measure and check a built bundle: its size by part, and on Linux its symbols, links and glibc.

- `strip_symbols`: drops the symbol tables the wheels and the interpreter ship (about 70 MB).
  Some wheel libraries were rewritten by patchelf (auditwheel), and `strip` can leave those with
  segments the loader refuses ("ELF load command address/offset not page-aligned": numpy's
  OpenBLAS does this), so each stripped copy is read back and kept only if it still loads.
- `links_to_dropped`: nothing left in the bundle may link to a library freeze_rules dropped.
- `glibc_floor`: the newest GLIBC_x.y symbol version any bundled file needs, which is the
  oldest glibc the app runs on.
- `largest_parts`: the bundle's size grouped by what brought it (PySide6, OpenCV, PyAV, ...).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import elf

#: bundle folders that belong to one distribution; everything else is named by its folder
PART_OF = {
    "shiboken6": "PySide6",
    "cv2": "OpenCV",
    "opencv_python_headless.libs": "OpenCV",
    "av": "PyAV",
    "av.libs": "PyAV",
    "numpy": "NumPy",
    "numpy.libs": "NumPy",
    "PIL": "Pillow",
    "pillow.libs": "Pillow",
    "pillow_heif": "pillow-heif",
    "pillow_heif.libs": "pillow-heif",
    "reportlab": "ReportLab",
    "evidence_kit": "Evidence Kit",
}


def _files(root: Path) -> list[Path]:
    """Regular files under root; symlinks (PyInstaller links wheel libraries) are not counted."""
    return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]


def unsafe_imports(warn_text: str, package: str = "evidence_kit") -> list[str]:
    """Imports by our own code that PyInstaller could not bundle, and that are not behind a
    condition or a try (PyInstaller's warn-*.txt: "missing module named X - imported by
    evidence_kit.a (top-level), ..."). Each one would fail in the frozen app when reached."""
    problems = []
    for line in warn_text.splitlines():
        head, sep, importers = line.partition(" - imported by ")
        if not sep or not head.startswith(("missing module named", "excluded module named")):
            continue
        for importer in importers.split("), "):
            name, _, flags = importer.partition(" (")
            ours = name == package or name.startswith(package + ".")
            guarded = {"conditional", "optional"} & {f.strip(" )") for f in flags.split(",")}
            if ours and not guarded:
                missing = head.split(" named ", 1)[1]
                problems.append(f"{name} imports {missing} ({flags.strip(' )')})")
    return problems


def tree_size(root: Path) -> int:
    """Bytes of the regular files under root."""
    return sum(p.stat().st_size for p in _files(root))


def part_name(rel: Path) -> str:
    """Which part of the app a file (relative to the bundle's _internal/) belongs to."""
    top = rel.parts[0]
    if len(rel.parts) == 1:
        if top.startswith("libpython") or top in ("base_library.zip", "python3.dll"):
            return "Python"
        if top.startswith(("_pillow_heif",)):
            return "pillow-heif"
        return "other native libraries"
    if top.startswith("python3"):
        return "Python"  # lib-dynload
    return PART_OF.get(top, top)


def largest_parts(bundle: Path, count: int = 5) -> list[tuple[str, int]]:
    """The `count` largest parts of the bundle, biggest first, in bytes."""
    internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    sizes: dict[str, int] = {}
    for path in _files(internal):
        name = part_name(path.relative_to(internal))
        sizes[name] = sizes.get(name, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda kv: -kv[1])[:count]


def elf_files(bundle: Path) -> list[Path]:
    """Every ELF file in the bundle (not following symlinks)."""
    return [p for p in _files(bundle) if elf.is_elf(p)]


def _elf_needs(src: str) -> list[str]:
    return elf.read_elf(Path(src)).needed if elf.is_elf(Path(src)) else []


def orphans(
    kept: list[tuple[str, str]],
    dropped: list[tuple[str, str]],
    needs: Callable[[str], list[str]] = _elf_needs,
) -> set[str]:
    """Top-level libraries that only dropped files needed (Linux; (bundle path, source) pairs).

    PyInstaller collects the dependencies of every plugin before freeze_rules drops some, so
    the GTK theme's pango, cairo and friends would stay behind. A library goes when something
    dropped links to it (directly or through another orphan) and nothing kept does.
    `needs(source)` lists what a file links to.
    """
    by_name = {dest.rsplit("/", 1)[-1]: src for dest, src in kept}
    top_level = {dest for dest, _ in kept if "/" not in dest and dest.startswith("lib")}
    top_level -= {d for d in top_level if d.startswith("libpython")}  # loaded by the bootloader

    def closure(starts: list[str]) -> set[str]:
        seen: set[str] = set()
        todo = [lib for src in starts for lib in needs(src)]
        while todo:
            lib = todo.pop()
            if lib in seen or lib not in by_name:
                continue
            seen.add(lib)
            todo.extend(needs(by_name[lib]))
        return seen

    roots = [src for dest, src in kept if dest not in top_level]
    return (closure([src for _, src in dropped]) & top_level) - closure(roots)


def strip_symbols(bundle: Path) -> tuple[int, list[str]]:
    """Strip the symbol tables in place; returns bytes saved and the files left as they were."""
    if not shutil.which("strip"):
        return 0, ["(no strip tool: nothing stripped)"]
    saved, kept = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for path in elf_files(bundle):
            before = elf.read_elf(path)
            if not before.has_symtab:
                continue
            copy = Path(tmp) / "copy"
            shutil.copyfile(path, copy)
            done = subprocess.run(["strip", str(copy)], capture_output=True)
            after = elf.read_elf(copy) if done.returncode == 0 else None
            if after is None or not after.loads_aligned or after.needed != before.needed:
                kept.append(str(path.relative_to(bundle)))
                continue
            saved += path.stat().st_size - copy.stat().st_size
            mode = path.stat().st_mode
            os.replace(copy, path)
            path.chmod(mode)
    return saved, kept


def links_to_dropped(bundle: Path, dropped: list[str]) -> list[str]:
    """'file -> library' for every bundled file that links to a dropped library."""
    names = {d.rsplit("/", 1)[-1] for d in dropped}
    present = {p.name for p in bundle.rglob("*")}
    names -= present  # a dropped name that is still there under another folder is fine
    return sorted(
        {
            f"{path.relative_to(bundle)} -> {lib}"
            for path in elf_files(bundle)
            for lib in elf.read_elf(path).needed
            if lib in names
        }
    )


def glibc_by_part(bundle: Path) -> dict[str, tuple[str, str]]:
    """For each part of the bundle, the newest GLIBC_x.y its files need, and the first file."""
    internal = bundle / "_internal"
    best: dict[str, tuple[tuple[int, ...], str, str]] = {}
    for path in sorted(elf_files(bundle)):
        rel = path.relative_to(bundle)
        part = part_name(path.relative_to(internal)) if internal in path.parents else "launchers"
        for versions in elf.read_elf(path).version_needs.values():
            for tag in versions:
                number = elf.glibc_version(tag)
                if number and number > best.get(part, ((0,), "", ""))[0]:
                    best[part] = (number, tag.replace("GLIBC_", ""), str(rel))
    return {part: (tag, rel) for part, (_, tag, rel) in best.items()}


def glibc_floor(bundle: Path, parts: set[str] | None = None) -> tuple[str, str]:
    """The newest GLIBC_x.y any bundled file (of `parts`, if given) needs, and that file.

    That is the oldest glibc the bundle runs on.
    """
    found = [v for part, v in glibc_by_part(bundle).items() if parts is None or part in parts]
    return max(found, key=lambda v: tuple(int(n) for n in v[0].split("."))) if found else ("", "")


def system_libraries(bundle: Path) -> list[str]:
    """Libraries the bundle links to but does not carry: the system must provide them."""
    present = {p.name for p in bundle.rglob("*")}
    return sorted(
        {lib for path in elf_files(bundle) for lib in elf.read_elf(path).needed} - present
    )
