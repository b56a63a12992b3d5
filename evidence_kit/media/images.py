"""Opening photos safely: HEIC support, decompression-bomb guard, EXIF facts, orientation."""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import CorruptMediaError, ImageTooLargeError, UnreadableFileError

#: Above this many pixels an image is refused as a likely decompression bomb (a 50 MP
#: photo is 50e6; phone panoramas reach ~120e6).
MAX_PIXELS = 250_000_000

_heif_registered = False


def register_heif() -> None:
    """Teach Pillow to open HEIC/HEIF (iPhone photos). Safe to call many times."""
    global _heif_registered
    if not _heif_registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True


def open_image(path: Path) -> Any:
    """Open an image lazily (header only) with the bomb guard; raise named errors."""
    from PIL import Image, UnidentifiedImageError

    register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    if not Path(path).is_file():
        raise UnreadableFileError(f"{Path(path).name} is missing from the case folder.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(
            f"{path.name} claims an absurd size and was refused (possible decompression bomb)."
        ) from exc
    except UnidentifiedImageError as exc:
        raise CorruptMediaError(f"{path.name} looks like an image but cannot be decoded.") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptMediaError(f"{path.name} cannot be decoded as an image: {exc}") from exc
    w, h = img.size
    if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
        img.close()
        raise ImageTooLargeError(
            f"{path.name} claims {w}x{h} pixels and was refused (possible decompression bomb)."
        )
    return img


def verify_image(path: Path) -> dict[str, Any]:
    """Decode the whole image once (catches truncation) and return its facts."""
    img = open_image(path)
    try:
        facts = image_facts(img)
        try:
            img.load()
        except (OSError, ValueError, SyntaxError) as exc:
            raise CorruptMediaError(f"{path.name} is damaged or truncated: {exc}") from exc
        except MemoryError as exc:
            raise ImageTooLargeError(f"{path.name} is too large to decode.") from exc
        return facts
    finally:
        img.close()


def _exif_time(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip()[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None


def image_facts(img: Any) -> dict[str, Any]:
    """Size (upright), EXIF orientation, capture time and camera presence."""
    exif = img.getexif()
    orientation = int(exif.get(0x0112, 1) or 1)
    if orientation not in range(1, 9):
        orientation = 1
    sub = exif.get_ifd(0x8769) if exif else {}
    captured = (
        _exif_time(sub.get(0x9003)) or _exif_time(sub.get(0x9004)) or _exif_time(exif.get(0x0132))
    )
    w, h = img.size
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    return {
        "width": w,
        "height": h,
        "orientation": orientation,
        "captured_at": captured,
        "has_camera_exif": bool(exif.get(0x010F) or exif.get(0x0110)),
        "mode": img.mode,
        "format": (img.format or "").lower(),
        "frames": getattr(img, "n_frames", 1),
    }


def load_upright(path: Path, max_side: int | None = None) -> Any:
    """Open an image, apply EXIF orientation, optionally shrink; returns an RGB/RGBA image.

    Handles every EXIF orientation 1-8, CMYK (through its ICC profile when present),
    16-bit and 32-bit greyscale, float, palette (with transparency), LA/PA and HEIC
    (pillow-heif hands over HEIC pixels already upright).
    """
    from PIL import ImageOps

    img = open_image(path)
    try:
        if max_side:
            img.draft("RGB", (max_side, max_side))  # fast JPEG downscale at decode time
        img.load()
        upright = ImageOps.exif_transpose(img)
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptMediaError(f"{path.name} is damaged or truncated: {exc}") from exc
    except MemoryError as exc:
        raise ImageTooLargeError(f"{path.name} is too large to decode.") from exc
    upright = to_display_mode(upright)
    if max_side and max(upright.size) > max_side:
        upright.thumbnail((max_side, max_side))
    return upright


def to_display_mode(img: Any) -> Any:
    """Any Pillow mode to RGB (or RGBA when the image has transparency)."""
    if img.mode in ("RGB", "RGBA"):
        return img
    if img.mode == "CMYK":
        return _cmyk_to_rgb(img)
    if img.mode in ("P", "PA", "LA", "La", "RGBa", "1", "L", "RGBX"):
        has_alpha = "A" in img.getbands() or "a" in img.getbands() or "transparency" in img.info
        return img.convert("RGBA") if has_alpha else img.convert("RGB")
    if img.mode.startswith(("I", "F")):
        return _deep_to_rgb(img)
    try:
        return img.convert("RGB")
    except ValueError as exc:
        raise CorruptMediaError(f"Images of colour mode {img.mode} are not supported.") from exc


def _cmyk_to_rgb(img: Any) -> Any:
    icc = img.info.get("icc_profile")
    if icc:
        # the embedded profile knows how this printer's inks map to screen colours
        import io

        from PIL import ImageCms

        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out = ImageCms.profileToProfile(
                img, src, ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
            if out is not None:
                return out
        except (OSError, ValueError, ImageCms.PyCMSError):
            pass  # a broken profile: the plain conversion below still gives a picture
    return img.convert("RGB")


def _deep_to_rgb(img: Any) -> Any:
    """16/32-bit integer and float greyscale to 8 bits, scaling instead of clipping to white."""
    import numpy as np
    from PIL import Image

    arr = np.asarray(img).astype(np.float64)
    if img.mode.startswith("I;16"):
        arr = arr / 257.0  # the full 16-bit range
    elif img.mode == "F" and arr.size and np.nanmax(arr) <= 1.0:
        arr = arr * 255.0  # 0..1 float data
    elif arr.size and np.nanmax(arr) > 255:
        top = 65535.0 if np.nanmax(arr) <= 65535 else float(np.nanmax(arr))
        arr = arr / top * 255.0
    arr = np.nan_to_num(arr).clip(0, 255).astype(np.uint8)
    return Image.fromarray(arr).convert("RGB")
