"""Loads evidence thumbnails on the task pool and hands back QImages by item id."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore


class _Signals(QObject):
    loaded = Signal(str, QImage)


class _Job(QRunnable):
    def __init__(self, store: CaseStore, item: Item, signals: _Signals) -> None:
        super().__init__()
        self.store, self.item, self.signals = store, item, signals

    def run(self) -> None:
        from evidence_kit.media.image.item_thumbs import make_thumbnail

        try:
            path = make_thumbnail(self.store, self.item)
        except Exception:  # a thumbnail is decoration: a failure just leaves the kind icon
            path = None
        image = QImage(str(path)) if path else QImage()
        # the window may have closed while this ran: then nobody is listening
        with contextlib.suppress(RuntimeError):
            self.signals.loaded.emit(self.item.id, image)


class ThumbLoader(QObject):
    """Caches thumbnails in memory; emits `loaded(item_id, image)` when one is ready."""

    loaded = Signal(str, QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # leave the other core to the UI and the task runner
        self.cache: dict[str, QImage] = {}
        self._pending: set[str] = set()
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)

    def get(self, store: CaseStore, item: Item) -> QImage | None:
        """The cached thumbnail, or None (and a load is started)."""
        key = item.sha256
        if key in self.cache:
            return self.cache[key]
        if key not in self._pending:
            self._pending.add(key)
            self.pool.start(_Job(store, item, self._signals))
        return None

    def _on_loaded(self, item_id: str, image: QImage) -> None:
        self.loaded.emit(item_id, image)

    def remember(self, sha256: str, image: QImage) -> None:
        """Store a loaded image under its item's hash."""
        self._pending.discard(sha256)
        self.cache[sha256] = image
