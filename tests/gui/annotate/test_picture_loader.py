"""The editor opens its picture on the task runner, and the newest request wins."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from evidence_kit.gui.annotate import picture_loader
from evidence_kit.media.importer import add_files
from tests.factories.annotate_gui import open_editor


def test_showing_a_photo_does_not_wait_for_it(qtbot, tmp_path, photo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photo)
    other = tmp_path / "other.png"
    Image.new("RGB", (640, 480), (10, 200, 10)).save(other)
    [second] = add_files(editor.controller.store, [other]).items
    gate = threading.Event()
    real = picture_loader.open_picture

    def slow(*args: Any) -> Any:
        assert threading.current_thread() is not threading.main_thread()
        gate.wait(10)
        return real(*args)

    monkeypatch.setattr(picture_loader, "open_picture", slow)
    editor.show_item(second.id)  # returns at once: the picture is still being read
    assert editor.loading and editor.scene.preview is None and not editor.view.isEnabled()
    assert editor.message.isVisibleTo(editor)
    gate.set()
    qtbot.waitUntil(lambda: not editor.loading, timeout=10000)
    assert editor.scene.full_size == (640, 480) and editor.view.isEnabled()


def test_a_newer_request_wins(qtbot, tmp_path, photo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photo)
    first_id = editor.item_id
    sizes = [(300, 200), (500, 400)]
    others = []
    for n, size in enumerate(sizes):
        path = tmp_path / f"p{n}.png"
        Image.new("RGB", size, (n * 90, 40, 40)).save(path)
        others += add_files(editor.controller.store, [path]).items
    gate = threading.Event()
    real = picture_loader.open_picture

    def gated(root: Path, item: Any, side: int, cancel: Any) -> Any:
        if item.id == others[0].id:
            gate.wait(10)  # the first request is still reading when the second comes
        return real(root, item, side, cancel)

    monkeypatch.setattr(picture_loader, "open_picture", gated)
    editor.show_item(others[0].id)
    editor.show_item(others[1].id)
    gate.set()
    qtbot.waitUntil(lambda: not editor.loading, timeout=10000)
    qtbot.wait(100)  # give a stale result every chance to arrive
    assert editor.item_id == others[1].id and editor.scene.full_size == sizes[1]
    assert first_id != editor.item_id


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_removed_item_clears_the_editor(qtbot, tmp_path, photo, when) -> None:  # type: ignore[no-untyped-def]
    from evidence_kit.gui.base.commands import remove_items

    editor = open_editor(qtbot, tmp_path, photo)
    item_id = editor.item_id
    if when == "before":
        editor.show_item(item_id)
    editor.controller.push(remove_items([item_id], "Remove"))
    assert editor.item_id == "" and editor.scene.marks == []
