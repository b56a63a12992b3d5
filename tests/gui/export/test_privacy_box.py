"""The export page's privacy box (issue 13): the plain words before the export, the
shareable-bundle checkbox that makes the second bundle, and file by file what was removed
and kept afterwards, in README.txt's words."""

from __future__ import annotations

import zipfile

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt

from tests.gui.export.test_page import _idle, _page


def test_the_page_says_what_the_bundle_keeps_and_makes_a_shareable_one(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page, runner = _page(qtbot, tmp_path, monkeypatch)
    words = page.privacy.words.text()
    assert "unmasked" in words and "Keep it private" in words
    assert not page.privacy.details.isVisible()
    page.privacy.shareable.setChecked(True)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.privacy.isEnabled()  # no change of mind while it runs
    _idle(qtbot, page)
    runner.wait_all()
    assert not page.messages
    result = page.result
    assert result.shareable is not None and result.shareable.is_file()
    with zipfile.ZipFile(result.shareable) as z:
        assert not [n for n in z.namelist() if n.startswith("originals/")]
    details = page.privacy.details.toPlainText()
    assert page.privacy.details.isVisible()
    readme = (result.upload_dir / "README.txt").read_text(encoding="utf-8")
    for f in result.files:  # the same line as README.txt, for every upload file
        line = next(x.strip() for x in readme.splitlines() if x.strip().startswith(f.name + ":"))
        assert line in details
    assert "keeps the originals exactly as you imported them" in details
    assert result.shareable.name in details


def test_without_the_choice_there_is_one_bundle(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, runner = _page(qtbot, tmp_path, monkeypatch)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    runner.wait_all()
    assert page.result.shareable is None
    assert "Shareable bundle" not in page.privacy.details.toPlainText()
