"""File names inside the upload pack and the bundle: `E1_short-title.jpg`, ASCII only.

Dispute forms choke on non-ASCII names (AliExpress accepts English only), so names are
transliterated; the exact titles live in the README, the PDF and the manifest.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from evidence_kit.core.model import Item

MEDIA_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
    ".webp": "image/webp", ".heic": "image/heic", ".heif": "image/heif", ".bmp": "image/bmp",
    ".tif": "image/tiff", ".tiff": "image/tiff", ".mp4": "video/mp4", ".m4v": "video/mp4",
    ".mov": "video/quicktime", ".mkv": "video/x-matroska", ".webm": "video/webm",
    ".avi": "video/x-msvideo", ".3gp": "video/3gpp", ".pdf": "application/pdf",
    ".txt": "text/plain", ".json": "application/json",
}  # fmt: skip


def slug(text: str, limit: int = 40) -> str:
    """ASCII words joined by '-', e.g. 'Crack, close up' -> 'crack-close-up'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[A-Za-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out


def exhibit_stem(number: str, item: Item) -> str:
    """'E2_crack-close-up' from the title the shopper gave, else from the kind: never from
    the file's name, which can name the shopper ('IMG_4526 JaneDoe.mov')."""
    return f"{number}_{slug(item.given_title) or item.kind.value}"


def media_type(name: str) -> str:
    """MIME type from the suffix (a fixed table, so every machine writes the same manifest)."""
    return MEDIA_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


def original_names(items: list[Item], stems: dict[str, str]) -> dict[str, str]:
    """item id -> 'originals/E1_unboxing.mov': the exhibit's stem (else the item's id and
    kind, for a video only its frames cite) and the file's own suffix. The imported file's
    name stays in manifest.json, never in a path the PDF prints."""
    out = {}
    for it in items:
        suffix = PurePosixPath(it.file).suffix.lower()
        suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""
        out[it.id] = f"originals/{stems.get(it.id) or f'{it.id}_{it.kind.value}'}{suffix}"
    return out


def human_size(n: int | None) -> str:
    """'1.9 MB', '52 KB' (decimal units, as upload forms count); '-' for none."""
    if not n:
        return "-"
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{max(1, round(n / 1000))} KB"
