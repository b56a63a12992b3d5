"""The editor's two helpers that run on the task runner: "Find personal data" (faces, codes
and text lines offered as redactions, never applied unasked) and "Compare" (an "As listed /
As received" exhibit made from a listing screenshot and this photo)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from evidence_kit.core.model import Item, ItemKind
from evidence_kit.gui.base import notify
from evidence_kit.gui.base.qt_image import pil_to_qimage
from evidence_kit.gui.base.tasks import detached_store
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PIL import Image

    from evidence_kit.gui.annotate.editor import AnnotationEditor


def find_personal_data(editor: AnnotationEditor) -> None:
    """Look for faces, codes and text lines in the background; offer them as redactions."""
    item = editor.controller.item(editor.item_id)
    if item is None:
        return
    from evidence_kit.media.image.suggest import suggest_for_item

    store = detached_store(editor.controller.store)
    item = store.case.live(item.id)
    button = editor.act_suggest
    button.setEnabled(False)

    def done(found: list) -> None:
        button.setEnabled(True)
        _offer(editor, found)

    def failed(exc: Exception) -> None:
        button.setEnabled(True)
        QMessageBox.warning(
            editor, QCoreApplication.translate("AnnotationEditor", "Find personal data"), str(exc)
        )

    editor.runner.start(
        QCoreApplication.translate("AnnotationEditor", "Looking for personal data"),
        lambda progress, cancel: suggest_for_item(store, item, progress, cancel),
        on_done=done,
        on_error=failed,
        on_cancel=lambda: button.setEnabled(True),
    )


def _offer(editor: AnnotationEditor, found: list) -> None:
    from evidence_kit.gui.annotate.suggest_dialog import SuggestDialog

    if not found:
        QMessageBox.information(
            editor,
            QCoreApplication.translate("AnnotationEditor", "Find personal data"),
            QCoreApplication.translate(
                "AnnotationEditor", "No faces, codes or text lines were found."
            ),
        )
        return
    dialog = SuggestDialog(found, editor, editor.scene.preview, editor.scene.scale)
    editor.scene.show_proposals([s.rect for s in found])
    try:
        accepted = dialog.exec() and dialog.accepted_annotations()
    finally:
        editor.scene.clear_proposals()
    if accepted:
        editor.scene.add_dicts(
            QT_TRANSLATE_NOOP("AnnotationEditor", "Mask personal data"), accepted
        )


def compare_with_listing(editor: AnnotationEditor) -> None:
    """Make an "As listed / As received" exhibit from a listing screenshot and this photo."""
    controller = editor.controller
    received = controller.item(editor.item_id)
    if received is None:
        return
    others = _image_items(editor, received.id)
    title = QCoreApplication.translate("AnnotationEditor", "Compare with listing")
    if not others:
        QMessageBox.information(
            editor,
            title,
            QCoreApplication.translate("AnnotationEditor", "Import the listing screenshot first."),
        )
        return
    labels = [f"{it.title or it.original_name} ({it.id})" for it in others]
    # screenshots (documents) are the likely listing: offer them first
    order = sorted(range(len(others)), key=lambda i: others[i].kind != ItemKind.DOCUMENT)
    choice, ok = QInputDialog.getItem(
        editor,
        title,
        QCoreApplication.translate("AnnotationEditor", "Which item shows the listing?"),
        [labels[i] for i in order],
        0,
        False,
    )
    if not ok:
        return
    from evidence_kit.core.case_ops import new_item_id
    from evidence_kit.media.image.compare import make_comparison

    store, new_id = detached_store(controller.store), new_item_id(controller.case)
    listing = store.case.live(others[labels.index(choice)].id)
    received = store.case.live(received.id)

    def made(item: Item) -> None:
        # the new exhibit is picked, so the list scrolls to it and the editor shows it
        if controller.add_items(
            [item], QCoreApplication.translate("AnnotationEditor", "Add comparison")
        ):
            controller.select(item.id)

    def failed(exc: Exception) -> None:
        QMessageBox.warning(editor, title, str(exc))

    editor.runner.start(
        QCoreApplication.translate("AnnotationEditor", "Making the comparison"),
        lambda progress, cancel: make_comparison(
            store, listing, received, new_id, progress, cancel
        ),
        on_done=made,
        on_error=failed,
    )


def copy_picture(editor: AnnotationEditor) -> None:
    """Put the photo on the clipboard as it will be exported: marks drawn, redactions
    applied, cropped and turned (rendered off the GUI thread, from the original)."""
    item = editor.controller.item(editor.item_id)
    if item is None:
        return
    from evidence_kit.media.image.render import render_item

    store = detached_store(editor.controller.store)
    item = store.case.live(item.id)

    def done(image: Image.Image) -> None:
        QApplication.clipboard().setImage(pil_to_qimage(image))
        notify.status(
            editor,
            QCoreApplication.translate(
                "AnnotationEditor", "Picture copied, as it will be exported."
            ),
        )

    def failed(exc: Exception) -> None:
        QMessageBox.warning(
            editor, QCoreApplication.translate("AnnotationEditor", "Copy picture"), str(exc)
        )

    editor.runner.start(
        QCoreApplication.translate("AnnotationEditor", "Copying the picture"),
        lambda progress, cancel: render_item(store, item),
        on_done=done,
        on_error=failed,
    )


def _image_items(editor: AnnotationEditor, exclude: str) -> list[Item]:
    return [it for it in editor.controller.case.items if it.id != exclude and it.is_image]
