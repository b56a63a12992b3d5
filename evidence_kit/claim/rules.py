"""Platform rules from the packaged data file: reasons, remedies, upload limits, deadlines.

Every value in platform_rules.json carries a source id and a confidence (H/M/L); a value
with no source is a design default and the UI says "check your order page" next to it.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from evidence_kit.core.errors import InvalidValueError

CHECK_ORDER_PAGE = "check your order page"
LIMIT_FIELDS = (
    "image_max_bytes",
    "video_max_bytes",
    "video_max_seconds",
    "image_formats",
    "video_formats",
    "document_formats",
    "max_files",
    "total_max_bytes",
    "text_limit",
    "ascii_only",
)


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    text = resources.files("evidence_kit.claim").joinpath("platform_rules.json").read_text("utf-8")
    return json.loads(text)


def load_rules() -> dict[str, Any]:
    """The whole rules document (a copy: callers may modify it freely)."""
    return copy.deepcopy(_load())


def platform_ids() -> list[str]:
    """Platform ids in the data file, in file order."""
    return list(_load()["platforms"])


def platform(platform_id: str) -> dict[str, Any]:
    """The rules of one platform (read-only view; do not modify)."""
    rules = _load()["platforms"]
    if platform_id not in rules:
        raise InvalidValueError(f"unknown platform '{platform_id}'; known: {', '.join(rules)}")
    return rules[platform_id]


def platform_name(platform_id: str) -> str:
    """Display name, e.g. 'AliExpress'."""
    return str(platform(platform_id)["name"]) if platform_id else "the platform"


def platform_field(platform_id: str, key: str, default: str) -> str:
    """A text field of a platform ('short_name', 'subject_name'), or `default`."""
    if not platform_id:
        return default
    return str(platform(platform_id).get(key) or default)


def source_title(source_id: str | None) -> str:
    """What a source id names ("E4" -> "eBay Money Back Guarantee policy page, 2024"), or ""
    for a value with no source."""
    if not source_id or source_id == "default":
        return ""
    return str(_load()["sources"].get(source_id, {}).get("title", source_id))


def is_default(entry: dict[str, Any]) -> bool:
    """True when a value has no source behind it."""
    return not entry.get("source") or entry.get("confidence") == "default"


def reasons(platform_id: str, received: bool | None = None) -> list[dict[str, Any]]:
    """The platform's reasons, each mapped to the shared vocabulary (`id`).

    received=True hides `not_received`; received=False shows only `not_received`.
    """
    out = list(platform(platform_id)["reasons"])
    if received is True:
        out = [r for r in out if r["id"] != "not_received"]
    elif received is False:
        out = [r for r in out if r["id"] == "not_received"]
    return out


def reason(platform_id: str, reason_id: str) -> dict[str, Any] | None:
    """The platform's entry for a shared reason id, or None."""
    return next((r for r in platform(platform_id)["reasons"] if r["id"] == reason_id), None)


def remedies(platform_id: str) -> dict[str, dict[str, Any]]:
    """Shared remedy id -> the platform's label and source. Missing ids are not offered."""
    return dict(platform(platform_id)["remedies"])


@dataclass(frozen=True)
class UploadLimits:
    """What a platform's dispute form accepts. Sizes in bytes; 0 video bytes = no video."""

    image_max_bytes: int
    video_max_bytes: int
    video_max_seconds: int
    image_formats: tuple[str, ...]
    video_formats: tuple[str, ...]
    max_files: int | None
    text_limit: int | None
    ascii_only: bool
    document_formats: tuple[str, ...] = ()
    total_max_bytes: int | None = None
    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    def is_default(self, name: str) -> bool:
        """True when the named value is a design default (no source)."""
        return self.sources.get(name, {}).get("confidence") == "default"


def upload_limits(platform_id: str) -> UploadLimits:
    """The upload limits of one platform, with the source of every value."""
    raw = platform(platform_id)["limits"]
    values: dict[str, Any] = {}
    sources: dict[str, dict[str, str]] = {}
    for name in LIMIT_FIELDS:
        entry = raw[name]
        value = entry["value"]
        if isinstance(value, list):
            value = tuple(str(v).lower() for v in value)
        values[name] = value
        sources[name] = {
            "source": entry.get("source") or "default",
            "confidence": entry.get("confidence") or "default",
        }
    return UploadLimits(**values, sources=sources)


def deadline_rules(platform_id: str) -> list[dict[str, Any]]:
    """The platform's deadline rules (see deadlines.py for how they are applied)."""
    return list(platform(platform_id)["deadlines"])


def notes(platform_id: str) -> list[str]:
    """Short platform-specific warnings for the shopper."""
    return list(platform(platform_id).get("notes", []))
