"""The Export page's choice of a trusted timestamp: off (nothing leaves this computer), or
an authority that signs the hash of the bundle's manifest (DESIGN §5). The choice is
remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from evidence_kit.export.timestamp import Timestamper


class TimestampChoice(QComboBox):
    """Off by default; an authority proves when the bundle was sealed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from evidence_kit.core.settings import load_settings
        from evidence_kit.export.timestamp import AUTHORITIES

        self.addItem(self.tr("Off: nothing leaves this computer"), "")
        for a in AUTHORITIES:
            self.addItem(self.tr("{0}: sends only the bundle's hash, online").format(a.name), a.id)
        self.setToolTip(
            self.tr(
                "A timestamp authority signs the hash of the bundle's manifest, which proves the "
                "evidence existed no later than that moment. Only the hash is sent."
            )
        )
        chosen = self.findData(load_settings().timestamp_authority)
        self.setCurrentIndex(max(chosen, 0))
        self.currentIndexChanged.connect(lambda _=0: self._remember())

    def stamper(self) -> Timestamper | None:
        """The chosen authority's timestamper, or None when off."""
        if not self.currentData():
            return None
        from evidence_kit.export.timestamp import Timestamper, authority

        return Timestamper(authority(str(self.currentData())))

    def _remember(self) -> None:
        from evidence_kit.core.settings import load_settings, save_settings

        settings = load_settings()
        settings.timestamp_authority = str(self.currentData() or "")
        save_settings(settings)
