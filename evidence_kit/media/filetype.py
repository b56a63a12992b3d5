"""Tell what a file is from its first bytes, never from its name.

Returns one of our kinds (photo, video, document) plus the container format, or raises a
named error that says plainly why the file cannot be used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evidence_kit.core.errors import EmptyFileError, UnreadableFileError, UnsupportedMediaError
from evidence_kit.core.model import ItemKind

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}
_MP4_BRANDS = {
    b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"M4VP",
    b"qt  ", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"MSNV", b"dash", b"mmp4", b"XAVC", b"f4v ",
}  # fmt: skip


@dataclass(frozen=True)
class Detected:
    """What the content is: our kind and the concrete format."""

    kind: ItemKind  # photo, video or document
    format: str  # jpeg, png, webp, gif, heif, tiff, mp4, mov, mkv, webm, avi, pdf


def sniff(head: bytes) -> Detected | None:
    """Classify by magic bytes; None when unknown."""
    if head.startswith(b"\xff\xd8\xff"):
        return Detected(ItemKind.PHOTO, "jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Detected(ItemKind.PHOTO, "png")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Detected(ItemKind.PHOTO, "gif")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Detected(ItemKind.PHOTO, "webp")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return Detected(ItemKind.PHOTO, "tiff")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Detected(ItemKind.VIDEO, "avi")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        fmt = "webm" if b"webm" in head[:64] else "mkv"
        return Detected(ItemKind.VIDEO, fmt)
    if head.startswith(b"%PDF-"):
        return Detected(ItemKind.DOCUMENT, "pdf")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        compatible = {head[i : i + 4] for i in range(16, min(len(head), 64), 4)}
        if brand in _HEIF_BRANDS or (brand not in _MP4_BRANDS and compatible & _HEIF_BRANDS):
            return Detected(ItemKind.PHOTO, "heif")
        return Detected(ItemKind.VIDEO, "mov" if brand == b"qt  " else "mp4")
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
        return Detected(ItemKind.VIDEO, "mov")
    return None


def detect_file(path: Path) -> Detected:
    """Read the head of a file and classify it, with a clear error when we cannot."""
    try:
        if not path.exists():
            raise UnreadableFileError(f"{path} does not exist.")
        if not path.is_file():
            raise UnreadableFileError(f"{path} is not a file.")
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise UnreadableFileError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if size == 0:
        raise EmptyFileError(f"{path.name} is empty (0 bytes); nothing to import.")
    found = sniff(head)
    if found is None:
        raise UnsupportedMediaError(
            f"{path.name} is not a photo, video or PDF this app can read "
            "(photos: JPEG, PNG, WebP, GIF, HEIC, TIFF; videos: MP4, MOV, MKV, WebM, AVI)."
        )
    return found
