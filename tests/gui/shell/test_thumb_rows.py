"""Evidence-list rows: a portrait thumbnail takes the same room as a landscape one, so every
row's text starts at the same place (issue 18.12)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from evidence_kit.core.model import Item
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.shell.evidence_list import EvidenceList, kind_icon
from evidence_kit.gui.shell.thumb_loader import ThumbLoader


def test_portrait_and_landscape_thumbnails_take_the_same_room(qtbot: Any) -> None:
    runner = TaskRunner()
    lst = EvidenceList(ThumbLoader(runner))
    qtbot.addWidget(lst)
    item = Item.from_dict(
        {
            "id": "a1",
            "kind": "photo",
            "file": "originals/a.jpg",
            "sha256": "0" * 64,
            "bytes": 1,
            "imported_at": "2026-11-20T14:03:27Z",
        },
        "items[0]",
    )
    sizes = []
    for w, h in ((160, 90), (90, 160)):
        image = QImage(w, h, QImage.Format.Format_RGB888)
        image.fill(QColor(200, 30, 30))
        icon = kind_icon(item, image)
        sizes.append(icon.actualSize(lst.iconSize()))
        pix = icon.pixmap(lst.iconSize()).toImage()
        # the picture is fitted, not stretched: a portrait one leaves room either side
        edge = pix.pixelColor(2, pix.height() // 2)
        assert (edge.alpha() == 0) == (h > w)
    assert sizes == [QSize(72, 72), QSize(72, 72)]
    runner.wait_all()
