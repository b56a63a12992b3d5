"""The licence files of a build come from the installed distributions and the bundled libraries."""

from __future__ import annotations

import notices


def test_runtime_distributions_are_the_apps_not_the_tools() -> None:
    names = {d.name.lower().replace("_", "-") for d in notices.runtime_distributions()}
    assert {"pyside6", "av", "opencv-python-headless", "numpy", "pillow", "reportlab"} <= names
    # test and build tools are never in the app
    assert not names & {"pytest", "ruff", "mypy", "pyinstaller", "import-linter", "evidence-kit"}


def test_every_distribution_has_a_licence_and_texts_are_text() -> None:
    for dist in notices.runtime_distributions():
        assert dist.license, dist.name
        for rel, text in dist.license_texts.items():
            assert "\0" not in text, (dist.name, rel)


def test_native_libraries_get_their_licence_and_origin() -> None:
    dists = notices.runtime_distributions()
    av = next(d for d in dists if d.name == "av")
    x264 = next(rel for rel in av.files if "libx264" in rel or "x264" in rel.lower())
    rows = notices.native_libraries(
        [
            ("av.libs/libx264-0b814221.so.165", f"/site/{x264}"),
            (
                "PySide6/Qt/plugins/platforms/libqxcb.so",
                "/site/PySide6/Qt/plugins/platforms/libqxcb.so",
            ),
            ("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"),
            ("av/video/frame.cpython-311-x86_64-linux-gnu.so", "/site/av/video/frame.so"),
        ],
        dists,
    )
    by_path = {dest: (origin, lic) for dest, origin, lic in rows}
    assert by_path["av.libs/libx264-0b814221.so.165"] == ("av", "x264: GPL-2.0-or-later")
    assert "LGPL-3.0-only" in by_path["PySide6/Qt/plugins/platforms/libqxcb.so"][1]
    assert by_path["libstdc++.so.6"][0] == "the build machine's system libraries"
    assert "av/video/frame.cpython-311-x86_64-linux-gnu.so" not in by_path  # part of av itself


def test_source_offer_names_the_gpl_parts_and_where_the_source_is() -> None:
    natives = [
        ("av.libs/libx264-0b814221.so.165", "av", "x264"),
        ("pillow_heif.libs/libx265-4883ecb5.so.217", "pillow_heif", "x265"),
        ("libz.so.1", "system", "zlib"),
    ]
    offer = notices.source_offer(natives)
    assert "libx264-0b814221.so.165" in offer and "libx265-4883ecb5.so.217" in offer
    assert "libz.so.1" not in offer
    assert "GNU General Public" in offer and "three years" in offer


def test_notices_hold_the_full_licence_texts() -> None:
    text = notices.third_party_notices(notices.runtime_distributions(), [])
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert "PSF" in text


def test_every_library_of_a_linux_build_has_a_known_licence() -> None:
    """The libraries a Linux build carries today (Debian 12 and ubuntu-22.04 machines)."""
    for name in (
        "libsqlite3.so.0",
        "libexpat.so.1",
        "libstdc++.so.6",
        "libglib-2.0.so.0",
        "libdbus-1.so.3",
        "libsystemd.so.0",
        "libxkbcommon-x11.so.0",
        "libx265-4883ecb5.so.217",
        "libopenblasp-r0-59ffcd50.3.15.so",
    ):
        assert notices.native_licence(name), name
