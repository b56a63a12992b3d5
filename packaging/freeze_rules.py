"""What the frozen app leaves out, and why: parts of Qt the app never loads.

The PySide6 hooks collect whole plugin folders and every translation, and the plugins pull in
Qt Quick/QML (the virtual keyboard), Qt Pdf (the PDF image-format plugin) and the Wayland
compositor. The spec filters PyInstaller's lists through `keep()`; build.py then checks that
nothing left in the bundle links to what was dropped. Paths are bundle paths with "/", as
PyInstaller writes them on Windows (PySide6/...dll), macOS (PySide6/Qt/lib/*.framework) and Linux
(PySide6/Qt/lib/*.so*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Python modules the app never imports (PySide6 modules it does not use, test and doc tools)
EXCLUDED_MODULES = [
    "tkinter",
    "readline",  # no interactive prompt in the app; it would bring GNU Readline (GPL-3.0)
    "pydoc_data",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",  # the library stays (the xcb platform uses it); Python never calls it
    "PySide6.QtConcurrent",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "cv2.qt",  # the GUI OpenCV's Qt plugins; the headless wheel has none, but never collect them
    # phonenumbers' place names, carriers and time zones (40 MB of modules): the privacy check
    # only parses and validates numbers, which needs phonenumbers.data alone
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
    "phonenumbers.geocoder",
    "phonenumbers.carrier",
    "phonenumbers.timezone",
]

#: Qt Multimedia (and the QtNetwork it imports) only names cameras and microphones, and only on
#: Windows and macOS (gui/record/devices.py): Linux names them from sysfs and ALSA. Left out of
#: the Linux build with its libraries, plugins and the PulseAudio client they pull in (about
#: 12 MB); tests/packaging/test_freeze_rules.py fails if code imports it where Linux runs it.
LINUX_ONLY_EXCLUDED = ["PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtNetwork"]


def excluded_modules(platform: str) -> list[str]:
    """The Python modules the build on `platform` leaves out."""
    extra = LINUX_ONLY_EXCLUDED if platform.startswith("linux") else []
    return EXCLUDED_MODULES + extra


#: Qt libraries nothing in the app loads: Quick/QML (only the virtual keyboard wanted them),
#: Pdf (only the PDF image plugin), the keyboard itself, the Wayland compositor side, and the
#: embedded-Linux EGLFS platform
UNUSED_QT_LIBRARY = re.compile(
    r"(^|/)(lib)?Qt6?(Quick|Qml|Pdf|VirtualKeyboard|WaylandCompositor|EglFS)[A-Za-z0-9]*"
    r"(\.framework/|\.dll$|[._][a-z0-9.]*$)",
    re.IGNORECASE,
)

#: plugins (folder/name) that would load those libraries, or that serve devices a laptop lacks;
#: and the GTK 3 theme plugin: it brings the build machine's pango, cairo, gdk-pixbuf and more
#: (about 10 MB) but not GTK itself, so it could only clash with the shopper's own GTK; Qt then
#: uses its Fusion style and the XDG desktop portal for file dialogs
UNUSED_QT_PLUGIN = re.compile(
    r"/plugins/("
    r"platforminputcontexts/[^/]*virtualkeyboard"
    r"|imageformats/[^/]*pdf"
    r"|platformthemes/[^/]*gtk3"
    r"|wayland-graphics-integration-server/"
    r"|egldeviceintegrations/"
    r"|platforms/[^/]*(eglfs|linuxfb|vnc|minimalegl|vkkhrdisplay)"
    r"|generic/"
    r"|qmltooling/"
    r")",
    re.IGNORECASE,
)

#: Qt Multimedia's FFmpeg backend and the FFmpeg copy it brings (PySide6's own, not PyAV's)
QT_FFMPEG = re.compile(
    r"^PySide6/(.*/)?("
    r"plugins/multimedia/[^/]*ffmpegmediaplugin[^/]*"
    r"|(lib)?(avcodec|avformat|avutil|swresample|swscale)[-.][^/]*"
    r"|(lib)?Qt6FFmpegStub[^/]*"
    r")$",
    re.IGNORECASE,
)
#: the platforms' own media backends, enough to name cameras and microphones
NATIVE_MEDIA_PLUGIN = re.compile(
    r"/plugins/multimedia/[^/]*(windowsmediaplugin|darwinmediaplugin)", re.IGNORECASE
)

#: Qt's own translations of its dialogs: keep the app's languages only
QT_TRANSLATION = re.compile(
    r"^PySide6/(Qt/)?translations/[a-z_]+?_(?P<lang>[a-z]{2})(_[A-Za-z]+)?\.qm$"
)
KEPT_LANGUAGES = {"en", "ru"}


#: parts of glibc: always on the system, and the build machine's copy needs that machine's glibc
#: (PyInstaller 6 collects libmvec, which libx265 and libvorbis link to)
GLIBC_PART = re.compile(
    r"^(ld-linux[^/]*|lib(c|m|mvec|pthread|dl|rt|util|resolv|nsl|anl|BrokenLocale|thread_db)"
    r"\.so(\.[0-9]+)*)$"
)


#: Babel's CLDR data: the global tables (currencies, minor units, territories) and the app's own
#: languages; the other 700 locales are 32 MB nothing reads
BABEL_LOCALE = re.compile(r"^babel/locale-data/(?P<locale>[^/]+)\.dat$")
BABEL_LOCALES = {"root", "en", "ru"}


def drops_qt_ffmpeg(paths: Iterable[str], platform: str) -> bool:
    """Whether the bundle can go without Qt's FFmpeg backend on this platform.

    The app asks Qt only for the names of cameras and microphones, and only on Windows and
    macOS (Linux names them from sysfs and ALSA, media/record/camera.py). So on Linux the backend
    is never needed; elsewhere it goes only when the native backend is there to name devices.
    """
    if platform.startswith("linux"):
        return True
    return any(NATIVE_MEDIA_PLUGIN.search(p) for p in paths)


def keep(dest: str, *, drop_qt_ffmpeg: bool) -> bool:
    """Whether a file (its path inside the bundle) goes into the frozen app."""
    dest = dest.replace("\\", "/")
    if GLIBC_PART.match(dest):
        return False
    babel = BABEL_LOCALE.match(dest)
    if babel:
        return babel["locale"] in BABEL_LOCALES
    if not dest.startswith("PySide6/"):
        return True  # PyAV's and OpenCV's FFmpeg copies live elsewhere and stay
    if UNUSED_QT_LIBRARY.search(dest) or UNUSED_QT_PLUGIN.search(dest):
        return False
    if drop_qt_ffmpeg and QT_FFMPEG.search(dest):
        return False
    match = QT_TRANSLATION.search(dest)
    return not match or match["lang"] in KEPT_LANGUAGES


def filter_toc(toc: list[tuple[str, str, str]], platform: str) -> tuple[list, list]:
    """Split a PyInstaller TOC into the entries to keep and those left out."""
    drop_ffmpeg = drops_qt_ffmpeg((dest.replace("\\", "/") for dest, _, _ in toc), platform)
    kept, dropped = [], []
    for entry in toc:
        (kept if keep(entry[0], drop_qt_ffmpeg=drop_ffmpeg) else dropped).append(entry)
    return kept, dropped
