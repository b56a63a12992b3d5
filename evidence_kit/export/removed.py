"""What an exported file lost on its way out, and what it kept: read from the original, so
README.txt, VERIFY.txt and the export page say exactly what was removed.

The words name kinds of data ("location (GPS)", "camera make and model"), never their
values: the README travels with the upload pack and must not repeat what it removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.timecode import format_time

GPS = "location (GPS)"
CAMERA = "camera make and model"
SERIAL = "camera or lens serial number"
LENS = "lens make and model"
AUTHOR = "author and copyright"
TEXTS = "descriptions and comments"
SOFTWARE = "the software that made or edited it"
TIME = "the capture time (summary.pdf states it)"
MAKER = "the camera maker's private notes"
THUMB = "a small preview picture"
XMP = "XMP metadata"
IPTC = "IPTC captions and credits"
UNIQUE = "a unique picture id"
COLOUR = "its colour profile"
COLOUR_KEPT = "its colour profile (without the device and maker it names)"
OTHER = "other tags"
DRAWN = "the picture only, drawn anew from the original"
SHEET = "a contact sheet drawn by Evidence Kit"
PAGES = "the pages as they are"

# EXIF tags (IFD0 and the Exif IFD) by what they reveal
_EXIF = {
    0x010F: CAMERA, 0x0110: CAMERA, 0x013B: AUTHOR, 0x8298: AUTHOR, 0x9C9D: AUTHOR,
    0x010E: TEXTS, 0x9286: TEXTS, 0x9C9B: TEXTS, 0x9C9C: TEXTS, 0x9C9E: TEXTS, 0x9C9F: TEXTS,
    0x0131: SOFTWARE, 0x013C: SOFTWARE, 0x0132: TIME, 0x9003: TIME, 0x9004: TIME,
    0x927C: MAKER, 0xA431: SERIAL, 0xA435: SERIAL, 0xC62F: SERIAL, 0xA432: LENS,
    0xA433: LENS, 0xA434: LENS, 0xA420: UNIQUE, 0xA430: AUTHOR,
}  # fmt: skip
# QuickTime / MP4 container and track tags
_VIDEO = {
    "location": GPS, "location-eng": GPS, "com.apple.quicktime.location.iso6709": GPS,
    "com.android.capture.fps": OTHER, "make": CAMERA, "model": CAMERA,
    "com.apple.quicktime.make": CAMERA, "com.apple.quicktime.model": CAMERA,
    "com.android.manufacturer": CAMERA, "com.android.model": CAMERA,
    "com.apple.quicktime.software": SOFTWARE, "software": SOFTWARE, "encoder": SOFTWARE,
    "com.android.version": SOFTWARE, "creation_time": "the recording time (summary.pdf states it)",
    "com.apple.quicktime.creationdate": "the recording time (summary.pdf states it)",
    "date": "the recording time (summary.pdf states it)", "title": TEXTS, "comment": TEXTS,
    "description": TEXTS, "artist": AUTHOR, "author": AUTHOR, "copyright": AUTHOR,
    "com.apple.quicktime.author": AUTHOR, "com.apple.quicktime.description": TEXTS,
}  # fmt: skip
#: tags every MP4 muxer writes that say nothing about the shopper
_HARMLESS_VIDEO = {"major_brand", "minor_version", "compatible_brands", "handler_name",
                   "vendor_id", "language", "rotate", "duration"}  # fmt: skip


@dataclass
class Cleaned:
    """What one exported file of an exhibit lost, what it kept, and what was masked."""

    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)

    def line(self) -> str:
        """'removed …; kept …; masked …' for the README and the export page."""
        parts = []
        if self.removed:
            parts.append("removed " + ", ".join(self.removed))
        else:
            parts.append("no metadata to remove")
        if self.kept:
            parts.append("kept " + ", ".join(self.kept))
        if self.masked:
            parts.append("masked " + "; ".join(self.masked))
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"removed": list(self.removed), "kept": list(self.kept), "masked": list(self.masked)}


def _add(out: list[str], what: str) -> None:
    if what not in out:
        out.append(what)


def image_metadata(path: Path) -> list[str]:
    """What the picture file carries besides its pixels (the colour profile included)."""
    from PIL import Image

    from evidence_kit.export.compress import picture_end

    found: list[str] = []
    try:
        with Image.open(path) as img:
            exif = img.getexif()
            info = dict(img.info)
            text = dict(getattr(img, "text", None) or {})
            frames = int(getattr(img, "n_frames", 1) or 1)
            fmt = (img.format or "").upper()
    except (OSError, ValueError, SyntaxError):
        return found
    if exif.get_ifd(0x8825):
        _add(found, GPS)
    for ifd in (exif, exif.get_ifd(0x8769)):
        for tag in ifd:
            if tag in _EXIF:
                _add(found, _EXIF[tag])
    if exif.get_ifd(-1):  # IFD1: the EXIF thumbnail
        _add(found, THUMB)
    if info.get("comment") or any(k.lower() in ("comment", "description") for k in text):
        _add(found, TEXTS)
    if any(k.lower() in ("author", "copyright", "artist") for k in text):
        _add(found, AUTHOR)
    if info.get("xmp") or "XML:com.adobe.xmp" in text:
        _add(found, XMP)
    if info.get("photoshop"):
        _add(found, IPTC)
    if text and not found:
        _add(found, OTHER)
    if fmt in ("JPEG", "MPO"):
        data = path.read_bytes()
        end = picture_end(data)
        if end is not None and end < len(data):
            _add(
                found,
                f"{_kb(len(data) - end)} after the end of the picture ({_trailer(data[end:])})",
            )
    elif frames > 1:
        _add(found, f"{frames - 1} more picture(s) in the file")
    if info.get("icc_profile"):
        _add(found, COLOUR)
    return found


def _trailer(data: bytes) -> str:
    if data.startswith(b"\xff\xd8"):
        return "a second picture"
    if b"ftyp" in data[:64]:
        return "a motion-photo video"
    if data.startswith(b"PK"):
        return "a ZIP archive"
    return "unknown data"


def _kb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{max(1, round(n / 1000))} KB"


def video_metadata(path: Path) -> list[str]:
    """What the video's container and tracks say besides the picture and the sound."""
    import av

    found: list[str] = []
    try:
        with av.open(str(path)) as container:
            tags = [dict(container.metadata)] + [dict(s.metadata) for s in container.streams]
    except (av.error.FFmpegError, OSError):
        return found
    for group in tags:
        for key in group:
            low = key.lower()
            if low in _HARMLESS_VIDEO:
                continue
            _add(found, _VIDEO.get(low, GPS if "location" in low else OTHER))
    return sorted(found, key=lambda w: (w == OTHER, found.index(w)))


def image_cleaned(found: list[str], lossless: bool) -> Cleaned:
    """A picture re-encoded (only pixels survive) or stripped losslessly (its colour
    profile stays, as it changes how colours are read)."""
    if lossless:
        kept = ["the picture's own bytes"] + ([COLOUR_KEPT] if COLOUR in found else [])
        return Cleaned([w for w in found if w != COLOUR], kept)
    return Cleaned(list(found), ["the picture only, re-encoded"])


def video_cleaned(found: list[str], copied: bool) -> Cleaned:
    """A clip copied stream for stream, or re-encoded: either way without container tags."""
    kept = ["the original picture and sound data"] if copied else ["the picture and the sound"]
    return Cleaned(list(found), kept)


def describe_mask(ann: dict[str, Any], video: bool) -> str:
    """'1 area (solid box)' / 'an area from 00:00:02.000 to 00:00:05.000 (pixelated…)'."""
    style = "pixelated from the pixels around it" if ann.get("style") == "pixelate" else "solid box"
    if not video:
        return f"an area ({style})"
    start = format_time(float(ann.get("from", 0.0)))
    end = format_time(float(ann["to"])) if "to" in ann else "the end"
    moving = ", following the keyed positions" if ann.get("keys") else ""
    return f"an area from {start} to {end} ({style}{moving})"


def printable_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A log entry as summary.pdf prints it: without the stored file's name (it can name
    the shopper; the entry's sha256 says which file it was). manifest.json keeps it all."""
    details = {k: v for k, v in (entry.get("details") or {}).items() if k != "file"}
    return {**entry, "details": details}
