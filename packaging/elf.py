"""Just enough of the ELF format to check a Linux bundle: what a library links to, which
glibc symbol versions it needs, and whether its loadable segments are still page-aligned.

64-bit little-endian files only (x86-64 and arm64 Linux); anything else reads as not ELF.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1
SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
DT_STRTAB = 5
SHT_SYMTAB = 2


@dataclass
class ElfInfo:
    """What the bundle checks need to know about one ELF file."""

    needed: list[str] = field(default_factory=list)
    #: symbol versions required from other libraries, e.g. {"libc.so.6": {"GLIBC_2.17", ...}}
    version_needs: dict[str, set[str]] = field(default_factory=dict)
    #: every PT_LOAD segment has (vaddr - offset) % align == 0; the loader refuses others
    loads_aligned: bool = True
    has_symtab: bool = False


def is_elf(path: Path) -> bool:
    """Whether the file starts like a 64-bit little-endian ELF file."""
    try:
        with path.open("rb") as f:
            head = f.read(6)
    except OSError:
        return False
    return head[:4] == ELF_MAGIC and head[4] == 2 and head[5] == 1


def _cstr(data: bytes, offset: int) -> str:
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", "replace")


def read_elf(path: Path) -> ElfInfo:
    """Parse the program headers, the dynamic section and the version needs of one file."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path} is not a 64-bit little-endian ELF file")
    (phoff, shoff) = struct.unpack_from("<QQ", data, 0x20)
    (phentsize, phnum, shentsize, shnum) = struct.unpack_from("<HHHH", data, 0x36)
    info = ElfInfo()
    for i in range(phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, _filesz, _memsz, p_align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize
        )
        if p_type == PT_LOAD and p_align > 1 and (p_vaddr - p_offset) % p_align:
            info.loads_aligned = False
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    for (
        _name,
        sh_type,
        _flags,
        _addr,
        sh_offset,
        sh_size,
        sh_link,
        sh_info,
        _align,
        _entsize,
    ) in sections:
        if sh_type == SHT_SYMTAB:
            info.has_symtab = True
        if sh_type == SHT_DYNAMIC:
            strtab = sections[sh_link][4]
            for off in range(sh_offset, sh_offset + sh_size, 16):
                tag, value = struct.unpack_from("<qQ", data, off)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    info.needed.append(_cstr(data, strtab + value))
        if sh_type == SHT_GNU_VERNEED:
            strtab = sections[sh_link][4]
            off = sh_offset
            for _ in range(sh_info):
                _ver, cnt, file_off, aux, nxt = struct.unpack_from("<HHIII", data, off)
                versions = info.version_needs.setdefault(_cstr(data, strtab + file_off), set())
                aoff = off + aux
                for _ in range(cnt):
                    _hash, _flags2, _other, name_off, anext = struct.unpack_from(
                        "<IHHII", data, aoff
                    )
                    versions.add(_cstr(data, strtab + name_off))
                    aoff += anext
                off += nxt
    return info


def glibc_version(tag: str) -> tuple[int, ...] | None:
    """(2, 28) for 'GLIBC_2.28'; None for other tags (GLIBC_PRIVATE, GLIBCXX_3.4, ...)."""
    if not tag.startswith("GLIBC_"):
        return None
    try:
        return tuple(int(n) for n in tag[6:].split("."))
    except ValueError:
        return None
