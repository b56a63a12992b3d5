"""What the frozen app leaves out of Qt, on each platform's bundle paths."""

from __future__ import annotations

import ast
from pathlib import Path

import freeze_rules
import pytest


@pytest.mark.parametrize(
    "dest",
    [
        # Qt Quick/QML, Pdf, the virtual keyboard, the Wayland compositor, EGLFS
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6QmlModels.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/lib/libQt6WaylandCompositor.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/Qt6Quick.dll",
        "PySide6/Qt6Qml.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/plugins/imageformats/qpdf.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/wayland-graphics-integration-server/libqt-wayland-compositor-xcomposite-egl.so",
        # Qt's translations other than English and Russian
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qt_zh_CN.qm",
        # glibc's own libraries: the system always has them, in the version it needs
        "libmvec.so.1",
        "libm.so.6",
        "ld-linux-x86-64.so.2",
    ],
)
def test_unused_parts_are_left_out(dest: str) -> None:
    assert not freeze_rules.keep(dest, drop_qt_ffmpeg=True)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt6Gui.dll",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/translations/qtbase_ru.qm",
        "PySide6/Qt/translations/qt_ru.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        # PyAV's and OpenCV's own FFmpeg: the app's video work needs them
        "av.libs/libavcodec-e57b519c.so.62.11.100",
        "opencv_python_headless.libs/libavcodec-57aca189.so.62.28.102",
        "av/.dylibs/libavcodec.62.dylib",
        "libmagic.so.1",
        "libstdc++.so.6",
    ],
)
def test_what_the_app_loads_stays(dest: str) -> None:
    assert freeze_rules.keep(dest, drop_qt_ffmpeg=True)


QT_FFMPEG = [
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    "PySide6/Qt/lib/libavcodec.so.61",
    "PySide6/Qt/lib/libQt6FFmpegStub-va.so.2",
    "PySide6/avcodec-61.dll",
    "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
    "PySide6/Qt/lib/libavformat.61.dylib",
]


@pytest.mark.parametrize("dest", QT_FFMPEG)
def test_qt_ffmpeg_goes_only_when_asked(dest: str) -> None:
    assert not freeze_rules.keep(dest, drop_qt_ffmpeg=True)
    assert freeze_rules.keep(dest, drop_qt_ffmpeg=False)


def test_qt_ffmpeg_goes_on_linux_and_where_a_native_backend_names_devices() -> None:
    assert freeze_rules.drops_qt_ffmpeg([], "linux")
    windows = ["PySide6/plugins/multimedia/ffmpegmediaplugin.dll"]
    assert not freeze_rules.drops_qt_ffmpeg(windows, "win32")
    assert freeze_rules.drops_qt_ffmpeg(
        [*windows, "PySide6/plugins/multimedia/windowsmediaplugin.dll"], "win32"
    )
    mac = ["PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.dylib"]
    assert not freeze_rules.drops_qt_ffmpeg(mac, "darwin")
    assert freeze_rules.drops_qt_ffmpeg(
        [*mac, "PySide6/Qt/plugins/multimedia/libdarwinmediaplugin.dylib"], "darwin"
    )


def test_filter_toc_splits_and_keeps_windows_paths() -> None:
    toc = [
        ("PySide6\\Qt6Quick.dll", "C:/x/Qt6Quick.dll", "BINARY"),
        ("PySide6\\Qt6Gui.dll", "C:/x/Qt6Gui.dll", "BINARY"),
        ("PySide6\\plugins\\multimedia\\ffmpegmediaplugin.dll", "C:/x/f.dll", "BINARY"),
    ]
    kept, dropped = freeze_rules.filter_toc(toc, "win32")  # no native backend: FFmpeg stays
    assert [d for d, _, _ in kept] == [toc[1][0], toc[2][0]]
    assert [d for d, _, _ in dropped] == [toc[0][0]]


def test_babel_keeps_its_global_tables_and_the_apps_languages() -> None:
    for dest in ("babel/global.dat", "babel/locale-data/root.dat", "babel/locale-data/en.dat"):
        assert freeze_rules.keep(dest, drop_qt_ffmpeg=True)
    assert freeze_rules.keep("babel/locale-data/ru.dat", drop_qt_ffmpeg=True)
    assert not freeze_rules.keep("babel/locale-data/de_CH.dat", drop_qt_ffmpeg=True)


def test_babel_data_the_app_reads_is_in_the_kept_locales() -> None:
    """Only Locale('en') and the global tables are read (core/case_ops.py, claim/refund.py)."""
    from babel.localedata import load
    from babel.numbers import get_currency_precision

    kept = freeze_rules.BABEL_LOCALES
    assert "en" in kept and "root" in kept
    data = load("en")  # resolves through root: both kept
    assert "RU" in data["territories"]
    assert get_currency_precision("JPY") == 0


def test_phonenumbers_parsing_needs_none_of_the_excluded_modules() -> None:
    import subprocess
    import sys

    code = (
        "import sys, phonenumbers\n"
        "n = phonenumbers.parse('+7 912 345-67-89', None)\n"
        "assert phonenumbers.is_valid_number(n)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('phonenumbers'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    excluded = {m for m in freeze_rules.EXCLUDED_MODULES if m.startswith("phonenumbers.")}
    assert not any(m == e or m.startswith(e + ".") for m in loaded for e in excluded)


def _platform_guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether an import sits under an `if` on sys.platform that Linux never enters."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "sys.platform" in (test := ast.unparse(node.test)):
            not_linux = test.startswith("not ") and "linux" in test
            return not_linux or "'win32'" in test or "'darwin'" in test
    return False


def test_what_the_linux_build_leaves_out_is_never_imported_on_linux() -> None:
    """The Linux build has no Qt Multimedia: every import of it must be behind a Windows or
    macOS check, never at module level (see freeze_rules.LINUX_ONLY_EXCLUDED)."""
    package = Path(__file__).resolve().parents[2] / "evidence_kit"
    seen = []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {
            child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)
        }
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                if any(
                    name == m or name.startswith(m + ".") for m in freeze_rules.LINUX_ONLY_EXCLUDED
                ):
                    seen.append(path.name)
                    assert _platform_guarded(node, parents), f"{path}:{node.lineno} imports {name}"
    assert seen  # the check looks at the real imports (gui/record/devices.py)
    assert "PySide6.QtMultimedia" in freeze_rules.excluded_modules("linux")
    assert "PySide6.QtMultimedia" not in freeze_rules.excluded_modules("darwin")
