"""One typed settings object, saved as JSON in the config folder.

Unknown keys in the file are dropped with their defaults kept, so an old or hand-edited
settings file never stops the app from starting.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from evidence_kit.core import paths

SETTINGS_VERSION = 1
MAX_RECENT = 10


@dataclass
class Settings:
    """User preferences. Window geometry lives in QSettings, not here."""

    schema_version: int = SETTINGS_VERSION
    recent_cases: list[str] = field(default_factory=list)
    recent_opened: dict[str, str] = field(default_factory=dict)  # case -> ISO time opened
    default_platform: str = "aliexpress"
    translation_backend: str = "google"
    timestamp_authority: str = ""  # off; else an id from export/timestamp.py AUTHORITIES
    clock_overlay: bool = True
    language: str = "system"  # system | en | ru (the UI language, gui/base/language.py)
    caption_frames: bool = True
    frame_format: str = "png"
    camera_index: int = 0
    record_width: int = 1280
    record_height: int = 720
    record_fps: int = 30
    appearance: str = "system"  # system | light | dark
    import_dir: str = ""  # where the last import came from

    def add_recent(self, case_dir: Path | str) -> None:
        """Put a case at the top of the recent list."""
        p = str(Path(case_dir).resolve())
        self.recent_cases = [p] + [r for r in self.recent_cases if r != p]
        del self.recent_cases[MAX_RECENT:]
        opened = {**self.recent_opened, p: datetime.now().isoformat(timespec="seconds")}
        self.recent_opened = {r: opened[r] for r in self.recent_cases if r in opened}

    def remove_recent(self, case_dir: Path | str) -> None:
        """Take a case off the recent list (its folder stays as it is)."""
        p = str(case_dir)
        self.recent_cases = [r for r in self.recent_cases if r != p]
        self.recent_opened.pop(p, None)


_FIELD_NAMES = frozenset(f.name for f in fields(Settings))


def settings_path() -> Path:
    """The settings file."""
    return paths.config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings, falling back to defaults for anything missing or invalid."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name in raw and isinstance(raw[f.name], type(getattr(defaults, f.name))):
            values[f.name] = raw[f.name]
    return Settings(**values)


def update_settings(settings: Settings, **values: Any) -> None:
    """Change some preferences and save them at once (a preference is remembered even if the
    app is killed later). Unknown names raise AttributeError: they are programming errors."""
    for name, value in values.items():
        if name not in _FIELD_NAMES:
            raise AttributeError(f"Settings has no field {name!r}")
        setattr(settings, name, value)
    save_settings(settings)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically; failures are ignored (settings are a convenience)."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
