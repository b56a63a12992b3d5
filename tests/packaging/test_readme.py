"""The README walks each system's user through install, and keeps the two Debian commands."""

from __future__ import annotations

from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_two_debian_commands_are_unchanged() -> None:
    assert (
        "./evidence-kit.sh demo     # set up, then open the app on the bundled sample case\n"
        in README
    )
    assert (
        "./evidence-kit.sh test     # set up, then run the whole test suite (lint, layers, types, pytest)\n"
        in README
    )


def test_install_comes_first_for_each_system_then_from_source() -> None:
    install = README.index("## Install")
    source = README.index("## Run from source")
    assert install < source < README.index("## Command line")
    section = README[install:source]
    for system in ("### Windows", "### macOS", "### Linux"):
        assert system in section
    src = README[source:]
    assert "py -3.12 -m venv" in src and r".venv\Scripts" in src
    assert "python.org" in src and "brew install python@3.12" in src


def test_the_quick_start_holds_the_two_set_up_commands() -> None:
    start = README.index("## Quick start")
    section = README[start : README.index("\n## ", start + 1)]
    assert start < README.index("## Install")
    assert "./evidence-kit.sh demo " in section and "./evidence-kit.sh test " in section
