"""The editor never drops a mark it cannot draw: it shows "cannot display" and keeps it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.core.store import CaseStore
from tests.factories.annotate_gui import drag, open_editor

REDACTION = {"type": "redact", "rect": [50, 60, 200, 80], "style": "solid"}


def _cannot_draw_redactions(monkeypatch: pytest.MonkeyPatch) -> None:
    from evidence_kit.gui.annotate import scene

    real = scene.item_from_dict

    def failing(data: dict[str, Any]) -> Any:
        if data.get("type") == "redact":
            raise ValueError("this editor cannot draw that")
        return real(data)

    monkeypatch.setattr(scene, "item_from_dict", failing)


def test_an_undrawable_mark_survives_an_unrelated_edit(
    qtbot: Any, tmp_path: Path, photo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cannot_draw_redactions(monkeypatch)
    editor = open_editor(qtbot, tmp_path, photo)
    root, item_id = editor.controller.root, editor.item_id
    doc = json.loads((root / "case.json").read_text())
    doc["items"][0]["annotations"] = [REDACTION]
    (root / "case.json").write_text(json.dumps(doc))
    editor.close()

    again = open_editor(qtbot, tmp_path, photo, store=CaseStore.open(root), item_id=item_id)
    assert len(again.scene.marks) == 1
    again.set_tool("arrow")
    drag(again, (400, 400), (500, 300))
    saved = CaseStore.open(root).case.item(item_id).annotations
    assert saved[0] == REDACTION and [a["type"] for a in saved] == ["redact", "arrow"]
