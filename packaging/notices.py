"""The licence files of a frozen build, generated from what is actually in it.

- LICENSE.txt: Evidence Kit's own licence (MIT).
- THIRD-PARTY-NOTICES.txt: every Python distribution the app needs at run time (found by walking
  the requirements from evidence-kit in the installed environment), with its licence and the
  full text of its licence files; then every native library in the bundle, with the wheel it
  came from and its licence where we know it; then the Python interpreter's licence.
- SOURCE-OFFER.txt: why the build as a whole is under the GPL (PyAV's FFmpeg is a GPL build with
  libx264 and libx265, and pillow-heif carries libx265) and where its source is.

Run directly, it prints the Python part for the current environment.
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

import project_info
from packaging.markers import default_environment
from packaging.requirements import Requirement

LICENSES = Path(__file__).resolve().parent / "licenses"
LICENSE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)

#: licences of native libraries the wheels bundle without a licence file of their own, by the
#: library's name (as in libNAME-1a2b3c4d.so.1, NAME.dll, libNAME.1.dylib)
NATIVE_LICENCES = {
    r"av(codec|format|util|device|filter)|sw(scale|resample)|postproc": (
        "FFmpeg: LGPL-2.1-or-later; the build in PyAV's wheels links libx264 and libx265, which "
        "makes it GPL-2.0-or-later"
    ),
    r"x264": "x264: GPL-2.0-or-later",
    r"x265": "x265: GPL-2.0-or-later",
    r"openh264": "OpenH264: BSD-2-Clause",
    r"aom": "libaom: BSD-2-Clause with the AOMedia patent licence",
    r"svtav1enc|svtav1": "SVT-AV1: BSD-3-Clause-Clear with the AOMedia patent licence",
    r"dav1d": "dav1d: BSD-2-Clause",
    r"vpx": "libvpx: BSD-3-Clause",
    r"opus": "Opus: BSD-3-Clause",
    r"ogg|vorbis(enc|file)?": "Ogg/Vorbis: BSD-3-Clause",
    r"speex": "Speex: BSD-3-Clause",
    r"mp3lame": "LAME: LGPL-2.0-or-later",
    r"opencore-amr(nb|wb)": "opencore-amr: Apache-2.0",
    r"webp(mux|demux)?|sharpyuv": "libwebp: BSD-3-Clause",
    r"vpl": "oneVPL dispatcher: MIT",
    r"drm": "libdrm: MIT",
    r"x(cb|au|dmcp|11|ext|render|randr|fixes|i)[-a-z0-9]*": "X.Org libraries: MIT",
    r"asound": "alsa-lib: LGPL-2.1-or-later",
    r"gnutls": "GnuTLS: LGPL-2.1-or-later",
    r"nettle|hogweed|gmp|unistring|idn2": "LGPL-3.0-or-later or GPL-2.0-or-later",
    r"heif": "libheif: LGPL-3.0-or-later",
    r"de265": "libde265: LGPL-3.0-or-later",
    r"avif": "libavif: BSD-2-Clause",
    r"(scipy_)?openblas.*": "OpenBLAS: BSD-3-Clause",
    r"gfortran|quadmath|gcc_s|stdc\+\+|gomp": (
        "GCC runtime: GPL-3.0-or-later with the GCC Runtime Library Exception"
    ),
    r"crypto|ssl": "OpenSSL: Apache-2.0 (3.x) or the OpenSSL and SSLeay licences (1.1.x)",
    r"png16?": "libpng: libpng licence",
    r"(turbo)?jpeg": "libjpeg-turbo: IJG and BSD-3-Clause",
    r"tiff": "libtiff: libtiff licence",
    r"openjp2": "OpenJPEG: BSD-2-Clause",
    r"lcms2": "Little CMS: MIT",
    r"freetype": "FreeType: FTL",
    r"harfbuzz": "HarfBuzz: MIT",
    r"brotli(common|dec|enc)": "Brotli: MIT",
    r"zstd": "Zstandard: BSD-3-Clause",
    r"lzma": "XZ Utils liblzma: 0BSD",
    r"yuv": "libyuv: BSD-3-Clause",
    r"z|zlib1?": "zlib: Zlib",
    r"icu(data|uc|i18n|dt|in)": "ICU: Unicode-3.0",
    r"qt6?[a-z0-9]*|pyside6.*|shiboken6.*": "Qt 6 / Qt for Python: LGPL-3.0-only",
    r"python3?[0-9.]*": "Python: PSF-2.0",
    # libraries PyInstaller takes from the build machine (Linux distribution packages)
    r"g(lib|io|object|module|thread)-2\.0": "GLib: LGPL-2.1-or-later",
    r"dbus-1": "D-Bus: AFL-2.1 or GPL-2.0-or-later",
    r"systemd|asyncns|pulse(common)?[-.0-9]*|sndfile|mpg123|gcrypt|gpg-error|keyutils": (
        "LGPL-2.1-or-later"
    ),
    r"mount|blkid": "util-linux: LGPL-2.1-or-later",
    r"uuid": "util-linux libuuid: BSD-3-Clause",
    r"krb5(support)?|k5crypto|gssapi_krb5|com_err": "MIT Kerberos: MIT",
    r"lz4": "LZ4: BSD-2-Clause",
    r"md|bsd": "libbsd/libmd: BSD-3-Clause and others (Debian copyright file)",
    r"cap": "libcap: BSD-3-Clause or GPL-2.0-only",
    r"pcre2-8": "PCRE2: BSD-3-Clause",
    r"flac": "libFLAC: BSD-3-Clause",
    r"expat": "Expat: MIT",
    r"ffi": "libffi: MIT",
    r"fontconfig": "Fontconfig: HPND/MIT",
    r"xkbcommon(-x11)?": "libxkbcommon: MIT",
    r"bz2": "bzip2: bzip2-1.0.6",
    r"selinux": "libselinux: public domain",
    r"tinfo|ncursesw?": "ncurses: X11/MIT",
    r"readline": "GNU Readline: GPL-3.0-or-later",
    r"sqlite3": "SQLite: public domain",
}
_NATIVE = [
    (re.compile(rf"^(lib)?({pattern})([-._].*)?$", re.IGNORECASE), text)
    for pattern, text in NATIVE_LICENCES.items()
]

GPL_PARTS = ("x264", "x265")


@dataclass
class Distribution:
    """One installed Python distribution the frozen app carries."""

    name: str
    version: str
    license: str
    license_texts: dict[str, str] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)


def _license_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or ""
    if expression:
        return expression
    short = (meta.get("License") or "").strip().splitlines()
    if short and len(short[0]) < 120:
        return short[0]
    classifiers = [
        c.rsplit(" :: ", 1)[-1]
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return ", ".join(classifiers) or "see the licence files below"


def runtime_distributions(root: str = "evidence-kit") -> list[Distribution]:
    """The distributions `root` needs at run time, walking its requirements (no extras)."""
    env = default_environment()
    seen: dict[str, Distribution] = {}
    todo = [(root, frozenset[str]())]
    while todo:
        name, extras = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not any(
                req.marker.evaluate({**env, "extra": e}) for e in extras or {""}
            ):
                continue
            todo.append((req.name, frozenset(req.extras)))
        if key in seen or key == root:
            continue
        files = {str(PurePosixPath(f)) for f in dist.files or []}
        texts = {}
        for rel in sorted(files):
            if (
                LICENSE_FILE.search(rel)
                and ".dist-info/" in rel
                and not rel.endswith((".py", ".pyc"))
            ):
                texts[rel.split(".dist-info/", 1)[1]] = Path(str(dist.locate_file(rel))).read_text(
                    encoding="utf-8", errors="replace"
                )
        seen[key] = Distribution(
            dist.metadata["Name"], dist.version, _license_of(dist), texts, files
        )
    return sorted(seen.values(), key=lambda d: d.name.lower())


def native_licence(filename: str) -> str | None:
    """The licence of a bundled native library, from its file name, if we know it."""
    if filename.startswith(("PySide6/", "shiboken6/")):
        return "Qt 6 / Qt for Python: LGPL-3.0-only"
    stem = filename.split("/")[-1]
    for pattern, text in _NATIVE:
        if pattern.match(stem):
            return text
    return None


def _is_native(dest: str) -> bool:
    name = dest.rsplit("/", 1)[-1].lower()
    return name.endswith((".dll", ".dylib", ".pyd")) or ".so" in name or "." not in name


def native_libraries(
    binaries: list[tuple[str, str]], dists: list[Distribution]
) -> list[tuple[str, str, str]]:
    """(bundle path, where it came from, licence) for every native library in the bundle.

    `binaries` are (bundle path, source path) pairs from PyInstaller's binaries list. Python
    extension modules are left out: they belong to their distribution, listed above them.
    """
    owner = {}
    for dist in dists:
        for rel in dist.files:
            owner[rel] = dist.name
    rows = []
    for dest, src in binaries:
        dest = dest.replace("\\", "/")
        if not _is_native(dest) or re.search(r"\.(cpython|abi3|pyd)", dest):
            continue
        src_posix = Path(src).as_posix()
        origin = next(
            (name for rel, name in owner.items() if src_posix.endswith("/" + rel)), None
        ) or (
            "the Python interpreter"
            if "python" in dest.lower()
            else "the build machine's system libraries"
        )
        rows.append((dest, origin, native_licence(dest) or "see the licence files of " + origin))
    return sorted(rows)


def _section(title: str) -> str:
    return f"\n{'=' * 78}\n{title}\n{'=' * 78}\n"


def third_party_notices(dists: list[Distribution], natives: list[tuple[str, str, str]]) -> str:
    """The THIRD-PARTY-NOTICES.txt text."""
    info = project_info.load()
    parts = [
        f"{info.display_name} {info.version}: third-party software in this build\n\n"
        "This file is generated by packaging/notices.py when the app is built. It lists every\n"
        "Python distribution and native library inside this build, with its licence. The\n"
        "full texts follow. See SOURCE-OFFER.txt for how to get the source code.\n",
        _section("Python distributions"),
    ]
    parts += [f"- {d.name} {d.version}: {d.license}\n" for d in dists]
    parts.append(_section("Native libraries (bundle path, from, licence)"))
    parts += [f"- {dest}\n    from {origin}; {lic}\n" for dest, origin, lic in natives]
    for dist in dists:
        for rel, text in dist.license_texts.items():
            parts.append(_section(f"{dist.name} {dist.version}: {rel}") + text.rstrip() + "\n")
    python_licence = Path(sys.base_prefix) / "LICENSE.txt"
    if not python_licence.is_file():
        python_licence = (
            Path(sys.base_prefix)
            / "lib"
            / f"python{sys.version_info[0]}.{sys.version_info[1]}"
            / "LICENSE.txt"
        )
    parts.append(_section(f"Python {sys.version.split()[0]}: PSF-2.0"))
    parts.append(
        python_licence.read_text(encoding="utf-8", errors="replace")
        if python_licence.is_file()
        else "The Python Software Foundation License: https://docs.python.org/3/license.html\n"
    )
    for name in ("LGPL-3.0", "GPL-3.0", "GPL-2.0"):
        parts.append(_section(f"{name} (Qt; FFmpeg, x264, x265; this build as a whole)"))
        parts.append((LICENSES / f"{name}.txt").read_text(encoding="utf-8"))
    return "".join(parts)


def source_offer(natives: list[tuple[str, str, str]]) -> str:
    """The SOURCE-OFFER.txt text: the build's terms and where its source is."""
    info = project_info.load()
    gpl = sorted(
        {
            dest.rsplit("/", 1)[-1]
            for dest, _, _ in natives
            if any(p in dest.lower() for p in GPL_PARTS)
        }
    )
    return (
        f"{info.display_name} {info.version}: licence of this build and how to get its source\n\n"
        f"Evidence Kit's own code is under the MIT licence (LICENSE.txt). This ready-to-run\n"
        "build also contains libraries under the GNU GPL: the FFmpeg inside PyAV's wheels is a\n"
        "GPL build that links x264 and x265, and pillow-heif carries x265. The app encodes\n"
        "H.264 with x264. So this build as a whole is distributed under the GNU General Public\n"
        "License, version 3 or later (GPL-3.0.txt in THIRD-PARTY-NOTICES.txt); every component\n"
        "keeps its own licence, listed there. GPL libraries in this build:\n"
        + "".join(f"  {name}\n" for name in gpl)
        + "\nWhere the source is:\n"
        f"- Evidence Kit and the scripts that build this app: {info.homepage}\n"
        f"  (tag v{info.version}; packaging/ holds the build scripts and the locked requirements).\n"
        "- Every Python distribution listed in THIRD-PARTY-NOTICES.txt: its source archive on\n"
        "  https://pypi.org at the version listed.\n"
        "- FFmpeg, x264 and x265 as built into PyAV's wheels: the PyAV source archive on PyPI and\n"
        "  its build scripts (https://github.com/PyAV-Org/pyav-ffmpeg) name the exact versions;\n"
        "  https://ffmpeg.org, https://code.videolan.org/videolan/x264, https://bitbucket.org/multicoreware/x265_git.\n"
        "- Qt: https://download.qt.io/official_releases/qt/ (LGPL-3.0-only).\n\n"
        "Written offer: for at least three years after we last distribute this build, anyone may\n"
        f"ask for the complete corresponding source code of its GPL and LGPL parts at\n"
        f"{info.homepage}/issues and we will provide it, for no more than the cost of\n"
        "physically performing the distribution.\n"
    )


def write_legal(folder: Path, binaries: list[tuple[str, str]]) -> list[Path]:
    """Write LICENSE.txt, THIRD-PARTY-NOTICES.txt and SOURCE-OFFER.txt into `folder`."""
    dists = runtime_distributions()
    natives = native_libraries(binaries, dists)
    folder.mkdir(parents=True, exist_ok=True)
    written = [
        folder / "LICENSE.txt",
        folder / "THIRD-PARTY-NOTICES.txt",
        folder / "SOURCE-OFFER.txt",
    ]
    shutil.copyfile(project_info.ROOT / "LICENSE", written[0])
    written[1].write_text(third_party_notices(dists, natives), encoding="utf-8")
    written[2].write_text(source_offer(natives), encoding="utf-8")
    return written


if __name__ == "__main__":
    for dist in runtime_distributions():
        sys.stdout.write(
            f"{dist.name} {dist.version}: {dist.license} ({len(dist.license_texts)} files)\n"
        )
