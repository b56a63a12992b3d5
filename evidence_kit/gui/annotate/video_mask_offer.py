"""After a mask on a frame: offer to hide the same box in the frame's video around that time
(media/video/mask_follow.py proposes it), so the label stays hidden in the upload clip, the
contact sheets and every frame grabbed later. One undo step; nothing happens unasked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from evidence_kit.core.model import exhibit_numbers
from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base.commands import AddMarks, Macro

if TYPE_CHECKING:
    from evidence_kit.gui.base.case_controller import CaseController


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Yes or no (the tests answer for the shopper)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(
        QCoreApplication.translate("AnnotationEditor", "Mask in the video too"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("AnnotationEditor", "Not now"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def offer_video_mask(
    parent: QWidget, controller: CaseController, item_id: str, marks: dict[int, dict[str, Any]]
) -> bool:
    """Offer the frame's new masks to its video; True when they were added there."""
    from evidence_kit.media.video.mask_follow import frame_mask_for_video

    case = controller.case
    frame = controller.item(item_id)
    if frame is None:
        return False
    proposals = [frame_mask_for_video(case, frame, ann) for _, ann in sorted(marks.items())]
    found = [p for p in proposals if p is not None]
    if not found:
        return False
    video = found[0][0]
    first = found[0][1]
    number = exhibit_numbers(case).get(video.id, "")
    name = f"{number} “{video.public_title}”" if number else f"“{video.public_title}”"
    text = QCoreApplication.translate(
        "AnnotationEditor",
        "This frame comes from the video {0}. The same area can be hidden in the video from "
        "{1} to {2}, so it stays hidden in the upload clip, the contact sheets and any frame "
        "grabbed later.\n\nYou can change when it is hidden in the video panel (I, O, "
        "then Use in/out).",
    ).format(name, format_time(float(first["from"])), format_time(float(first["to"])))
    if not ask(
        parent, QCoreApplication.translate("AnnotationEditor", "Mask it in the video too?"), text
    ):
        return False
    start = len(video.annotations)
    steps = [
        AddMarks(
            video.id, {start + n: mask}, QCoreApplication.translate("AnnotationEditor", "Mask area")
        )
        for n, (_, mask) in enumerate(found)
    ]
    return controller.push(
        Macro(QCoreApplication.translate("AnnotationEditor", "Mask in the video"), steps)
    )
