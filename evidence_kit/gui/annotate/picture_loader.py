"""Opens the editor's picture on the task runner, so a 12 MP photo never stalls the window.

The worker gets immutable inputs (the case folder and a copy of the item), never the live
store. It runs as a "latest request wins" preview: switching photos quickly supersedes
the older requests, whose pictures are never shown.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, Signal

from evidence_kit.core.model import Case, Item
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken
from evidence_kit.gui.base.tasks import TaskRunner


@dataclass(frozen=True)
class Picture:
    """What the editor shows: a preview standing in for the upright original."""

    item_id: str
    file: str
    preview: Image.Image
    scale: float  # preview pixels per original pixel
    full_size: tuple[int, int]


def open_picture(root: Path, item: Item, max_side: int, cancel: CancelToken) -> Picture:
    """Read the item's picture, upright, at most max_side pixels on its long side."""
    from evidence_kit.media.image.render import load_base, upright_size

    folder = CaseStore(root, Case())  # resolves the item's path; holds no live case
    preview, scale = load_base(folder, item, max_side)
    cancel.check()
    return Picture(item.id, item.file, preview, scale, upright_size(folder, item))


class PictureLoader(QObject):
    """Loads one picture at a time for the editor; a newer request wins."""

    loaded = Signal(object)  # Picture
    failed = Signal(str, str)  # item id, message

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._key = ("editor picture", id(self))

    @property
    def busy(self) -> bool:
        return self.runner.busy(self._key)

    def request(self, root: Path, item: Item, max_side: int, label: str) -> None:
        """Start opening item's picture; an earlier request still running is superseded."""
        frozen = copy.deepcopy(item)
        self.runner.latest(
            self._key,
            lambda progress, cancel: open_picture(root, frozen, max_side, cancel),
            on_done=self.loaded.emit,
            on_error=lambda exc: self.failed.emit(frozen.id, str(exc)),
            label=label,
        )

    def drop(self) -> None:
        """Forget the running request (its result, when it comes, is not shown)."""
        self.runner.cancel_latest(self._key)
