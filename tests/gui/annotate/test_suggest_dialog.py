"""The suggestion dialog: each finding says what it is and shows the area it would hide."""

from __future__ import annotations

from typing import Any

from PIL import Image
from PySide6.QtCore import Qt

from evidence_kit.gui.annotate.suggest_dialog import SuggestDialog
from evidence_kit.media.image.suggest import suggest_for_image
from tests.factories.labels import label_photo


def test_findings_are_named_pictured_and_the_tracking_number_unticked(qtbot: Any) -> None:
    photo = label_photo(0, "plain", "latin", size=(2400, 1800))
    found = suggest_for_image(photo.image, tracking=photo.tracking)
    preview = photo.image.resize((1200, 900), Image.Resampling.LANCZOS)
    dialog = SuggestDialog(found, None, preview, 0.5)
    qtbot.addWidget(dialog)
    entries = [dialog.list.item(i) for i in range(dialog.list.count())]
    assert len(entries) == len(found)
    for s, entry in zip(found, entries, strict=True):
        assert not entry.icon().isNull()  # the line, code or face it would hide
        ticked = entry.checkState() == Qt.CheckState.Checked
        assert ticked == (not s.keep)
    texts = [e.text() for e in entries]
    assert any("Text line" in t for t in texts)
    assert any("QR code holds a name" in t and "Sophie Müller" in t for t in texts)
    assert any("Barcode (Code 128) holds only the tracking number" in t for t in texts)
    # OK masks exactly the ticked findings
    assert dialog.accepted_annotations() == [s.annotation() for s in found if not s.keep]
