"""The Linux bundle checks: ELF reading, safe stripping, orphans, glibc floor, parts."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import sys
from pathlib import Path

import bundle_check
import elf
import pytest

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files: Linux only")


def _extension(*names: str, linked: bool = False) -> Path:
    """The first of these stdlib modules that is a shared library (and links to libc)."""
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec and spec.origin and spec.origin.endswith(".so"):
            path = Path(spec.origin)
            if not linked or elf.read_elf(path).version_needs:
                return path
    pytest.skip(f"none of {names} is a shared library in this Python")


LINKED = ("math", "_ctypes", "_decimal", "_ssl", "_hashlib")


@linux
def test_reads_links_and_glibc_versions_of_a_real_library() -> None:
    info = elf.read_elf(_extension(*LINKED, linked=True))
    assert any(lib.startswith("libc.") or lib.startswith("libm.") for lib in info.needed)
    assert info.loads_aligned
    versions = {v for vs in info.version_needs.values() for v in vs}
    assert any(v.startswith("GLIBC_2.") for v in versions)
    assert elf.glibc_version("GLIBC_2.28") == (2, 28)
    assert elf.glibc_version("GLIBCXX_3.4") is None
    assert elf.glibc_version("GLIBC_PRIVATE") is None


@linux
def test_a_misaligned_load_segment_is_seen(tmp_path: Path) -> None:
    broken = tmp_path / "broken.so"
    data = bytearray(_extension("_json").read_bytes())
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        at = phoff + i * phentsize
        if struct.unpack_from("<I", data, at)[0] == elf.PT_LOAD:
            offset = struct.unpack_from("<Q", data, at + 8)[0]
            struct.pack_into("<Q", data, at + 8, offset + 8)  # what strip did to numpy's OpenBLAS
            break
    broken.write_bytes(bytes(data))
    assert not elf.read_elf(broken).loads_aligned


@linux
@pytest.mark.skipif(not shutil.which("strip"), reason="needs strip (binutils)")
def test_stripped_library_still_imports(tmp_path: Path) -> None:
    src = _extension("_json")
    if not elf.read_elf(src).has_symtab:
        pytest.skip("this Python's _json is already stripped")
    copy = tmp_path / src.name
    shutil.copy2(src, copy)
    saved, kept = bundle_check.strip_symbols(tmp_path)
    assert saved > 0 and kept == []
    assert not elf.read_elf(copy).has_symtab
    spec = importlib.util.spec_from_file_location("_json", copy)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the loader accepts the stripped file
    assert module.scanstring('"a"', 1) == ("a", 3)


def test_orphans_are_what_only_dropped_files_needed() -> None:
    links = {
        "gtk3-plugin": ["libpango.so", "libglib.so"],
        "libpango.so": ["libcairo.so", "libglib.so"],
        "libcairo.so": [],
        "libglib.so": [],
        "qxcb-plugin": ["libglib.so", "libX11.so"],
        "libX11.so": [],
        "libpython3.11.so": [],
    }
    kept = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "qxcb-plugin"),
        ("libpango.so", "libpango.so"),
        ("libcairo.so", "libcairo.so"),
        ("libglib.so", "libglib.so"),
        ("libX11.so", "libX11.so"),
        ("libpython3.11.so", "libpython3.11.so"),
    ]
    dropped = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "gtk3-plugin")]
    gone = bundle_check.orphans(kept, dropped, needs=lambda src: links[src])
    assert gone == {"libpango.so", "libcairo.so"}


def test_parts_group_a_distribution_and_its_libraries() -> None:
    assert bundle_check.part_name(Path("av.libs/libx264.so")) == "PyAV"
    assert bundle_check.part_name(Path("av/video/frame.so")) == "PyAV"
    assert bundle_check.part_name(Path("opencv_python_headless.libs/libavcodec.so")) == "OpenCV"
    assert bundle_check.part_name(Path("libpython3.11.so.1.0")) == "Python"
    assert bundle_check.part_name(Path("python3.11/lib-dynload/_json.so")) == "Python"
    assert bundle_check.part_name(Path("libstdc++.so.6")) == "other native libraries"
    assert bundle_check.part_name(Path("shiboken6/libshiboken6.so")) == "PySide6"


@linux
def test_glibc_floor_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    shutil.copy2(_extension(*LINKED, linked=True), tmp_path / "_internal" / "ext.so")
    version, needed_by = bundle_check.glibc_floor(tmp_path)
    assert version.startswith("2.") and needed_by == "_internal/ext.so"
    assert bundle_check.glibc_by_part(tmp_path) == {"other native libraries": (version, needed_by)}
    assert bundle_check.glibc_floor(tmp_path, {"no such part"}) == ("", "")


def test_unsafe_imports_are_our_unconditional_imports_of_what_is_not_bundled() -> None:
    warn = (
        "missing module named winreg - imported by platformdirs.windows (delayed, conditional)\n"
        "excluded module named PySide6.QtMultimedia - imported by"
        " evidence_kit.gui.record.devices (delayed, conditional)\n"
        "missing module named foo - imported by evidence_kit.claim.x (top-level),"
        " evidence_kit.media.y (delayed, optional)\n"
        "excluded module named tkinter - imported by evidence_kit.gui.z (delayed)\n"
    )
    assert bundle_check.unsafe_imports(warn) == [
        "evidence_kit.claim.x imports foo (top-level)",
        "evidence_kit.gui.z imports tkinter (delayed)",
    ]
