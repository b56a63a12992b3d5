"""Files that try to smuggle the shopper's identity out of an export (issue 13's leaks).

A phone JPEG with a second image after its end (an MPF entry carrying Make and GPS), a
JPEG+ZIP polyglot, a JPEG comment and PNG text chunks naming the shopper, a PDF whose
document info and XMP name her, a video whose label shows a QR code, a file named after her;
and the real tools (exiftool, zbarimg, pdfimages) that check what left. Built in tmp_path.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import zxingcpp
from PIL import Image, PngImagePlugin

from tests.factories.media import flush, mux_rgb

NAME = "Jane Doe"
ADDRESS = "12 Baker Street"
SECRET = f"{NAME}, {ADDRESS}"
TRAILER_MAKE = "JaneCam"  # the camera named by the hidden second image
#: what must never be found in an exported file's bytes (checked case-insensitively)
NEEDLES = ("jane doe", "janedoe", "baker street", "janecam", "secret.txt")
#: exiftool tags (any group) that carry location, camera, author, comments or names
FORBIDDEN_TAGS = (
    "GPS", "Location", "Make", "Model", "Manufacturer", "Serial", "Author", "Artist", "Creator",
    "Copyright", "Comment", "Keywords", "Owner", "XMP", "IPTC", "MakerNote", "Software",
    "HostComputer", "Lens", "OriginalRawFileName", "DocumentName", "PreservedFileName",
    "RawFileName", "Caption", "ImageUniqueID", "CMMType",
)  # fmt: skip
#: tags forbidden by their exact name (as substrings they would catch harmless ones, such as
#: an MP4 track's HandlerDescription)
FORBIDDEN_EXACT = {"Description", "ImageDescription", "Subject", "Title", "UserComment"}
#: a colour profile's own licence line: kept with the profile (its device fields are cleared)
_KEPT_WITH_COLOURS = {"ProfileCopyright"}
#: tags exiftool writes about the file itself, or that only describe pixels
_FILE_TAGS = {"SourceFile", "FileName", "Directory", "FileModifyDate", "FileAccessDate",
              "FileInodeChangeDate", "FilePermissions", "FileSize", "FileType",
              "FileTypeExtension", "MIMEType", "ExifToolVersion"}  # fmt: skip


def _pattern(size: tuple[int, int], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (size[1] // 8, size[0] // 8, 3), dtype=np.uint8)
    return np.asarray(Image.fromarray(small).resize(size, Image.Resampling.NEAREST))


def _jpeg(arr: np.ndarray, **kwargs: Any) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=88, **kwargs)
    return buf.getvalue()


def phone_icc() -> bytes:
    """An sRGB profile whose header names a phone maker and model, as phones' profiles do."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[48:56] = b"APPLiPh9"  # device manufacturer, device model
    data[80:84] = b"APPL"  # profile creator
    return bytes(data)


def _secret_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = TRAILER_MAKE
    exif[0x0110] = "Model J"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 31.0, 23.0), "W", (0.0, 9.0, 31.0)
    return exif


def _mpf_segment(primary_len: int, second_len: int, app_pos: int) -> bytes:
    """An APP2 'MPF' index (CIPA DC-007) naming a second image after the first one ends."""
    entries = 3
    mp_entry_at = 8 + 2 + entries * 12 + 4
    tiff_start = app_pos + 8  # marker, length, 'MPF\\0'
    body = bytearray(b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", entries))
    body += struct.pack("<HHI4s", 0xB000, 7, 4, b"0100")
    body += struct.pack("<HHII", 0xB001, 4, 1, 2)
    body += struct.pack("<HHII", 0xB002, 7, 32, mp_entry_at) + struct.pack("<I", 0)
    body += struct.pack("<IIIHH", 0x20030000, primary_len, 0, 0, 0)
    body += struct.pack("<IIIHH", 0, second_len, primary_len - tiff_start, 0, 0)
    seg = b"MPF\x00" + bytes(body)
    return b"\xff\xe2" + struct.pack(">H", len(seg) + 2) + seg


def mpf_jpeg(
    path: Path, size: tuple[int, int] = (640, 480), seed: int = 21, index: bool = True
) -> Path:
    """A phone-style JPEG: a clean first image and a second image after its end whose EXIF
    carries a camera Make and a GPS position. With `index`, an MPF entry points at it (as
    multi-picture phones write; exiftool -ee shows the second image's tags); without, it is
    a bare trailer, as a motion photo's."""
    arr = _pattern(size, seed)
    primary = _jpeg(arr)
    second = _jpeg(arr[: size[1] // 4, : size[0] // 4], exif=_secret_exif())
    if not index:
        path.write_bytes(primary + second)
        return path
    pos = 4 + struct.unpack(">H", primary[4:6])[0]  # after SOI and APP0
    seg_len = len(_mpf_segment(10**6, 0, pos))
    seg = _mpf_segment(len(primary) + seg_len, len(second), pos)
    path.write_bytes(primary[:pos] + seg + primary[pos:] + second)
    return path


def polyglot_jpeg(path: Path, size: tuple[int, int] = (640, 480), seed: int = 22) -> Path:
    """A JPEG that is also a ZIP: `unzip -p it secret.txt` prints the shopper's address."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("secret.txt", SECRET)
    path.write_bytes(_jpeg(_pattern(size, seed)) + buf.getvalue())
    return path


def comment_jpeg(path: Path, size: tuple[int, int] = (640, 480), seed: int = 23) -> Path:
    """A JPEG whose COM segment names the shopper."""
    path.write_bytes(_jpeg(_pattern(size, seed), comment=SECRET.encode()))
    return path


def text_png(path: Path, size: tuple[int, int] = (400, 300), seed: int = 24) -> Path:
    """A PNG screenshot whose text chunks name the shopper (tEXt comment, iTXt Author)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("comment", SECRET)
    info.add_text("Comment", SECRET)
    info.add_itxt("Author", NAME)
    Image.fromarray(_pattern(size, seed)).save(path, "PNG", pnginfo=info)
    return path


def metadata_pdf(path: Path) -> Path:
    """A receipt PDF whose Author, Title, Subject, Keywords and XMP name the shopper."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setAuthor(NAME)
    c.setTitle(f"Receipt for {NAME}")
    c.setSubject(ADDRESS)
    c.setKeywords(f"{NAME}; {ADDRESS}")
    c.drawString(72, 720, "Order receipt: ceramic mug, 12.50 USD")
    c.save()
    buf.seek(0)
    writer = PdfWriter(clone_from=buf)
    xmp = StreamObject()
    xmp.set_data(_XMP.encode())
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    writer.root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


_XMP = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>{NAME}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{SECRET}</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def qr_image(text: str = SECRET, scale: int = 4) -> np.ndarray:
    """A QR code (grey, with its quiet zone) holding `text`."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode)
    return np.array(zxingcpp.write_barcode_to_image(code, scale=scale, add_quiet_zones=True))


def qr_video(
    path: Path, seconds: float = 3.0, fps: int = 25, size: tuple[int, int] = (480, 360),
    at: tuple[int, int] = (150, 80),
) -> tuple[Path, list[float]]:  # fmt: skip
    """A video of a parcel whose label shows a QR code of the shopper's address the whole
    time; returns the path and the QR's box [x, y, w, h]. The rest of each frame changes."""
    qr = qr_image(scale=4)
    h, w = qr.shape
    x, y = at
    with av.open(str(path), "w") as out:
        out.metadata["creation_time"] = "2026-11-20T14:03:27.000000Z"
        vs = out.add_stream("libx264", rate=fps)
        vs.width, vs.height = size
        vs.pix_fmt = "yuv420p"
        for n in range(int(round(seconds * fps))):
            arr = np.full((size[1], size[0], 3), (60 + n * 3) % 200, dtype=np.uint8)
            arr[:, : size[0] // 6] = (200, 40, 40)
            arr[y : y + h, x : x + w] = qr[:, :, None]
            mux_rgb(out, vs, arr, n, Fraction(1, fps))
        flush(out, vs)
    return path, [float(x), float(y), float(w), float(h)]


# --- the checking tools ----------------------------------------------------------------------


def have(*tools: str) -> bool:
    """Whether every tool is on PATH (the Debian test packages install them)."""
    return all(shutil.which(t) for t in tools)


def exiftool(paths: list[Path]) -> list[dict[str, Any]]:
    """`exiftool -j -ee -a -G1` over the files: every tag, embedded images included."""
    if not paths:
        return []
    out = subprocess.run(
        ["exiftool", "-j", "-ee", "-a", "-G1", "-q", "-q", *map(str, paths)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout or "[]")


def forbidden(record: dict[str, Any], names: tuple[str, ...] = ()) -> list[str]:
    """The tags of one exiftool record that carry what must not leave, and any value that
    holds one of `names` (the original file name)."""
    bad = []
    for key, value in record.items():
        tag = key.split(":")[-1]
        if tag in _FILE_TAGS or value in ("", 0, None) or tag in _KEPT_WITH_COLOURS:
            continue
        named = any(n.lower() in str(value).lower() for n in names)
        if named or tag in FORBIDDEN_EXACT or any(w.lower() in tag.lower() for w in FORBIDDEN_TAGS):
            bad.append(f"{key}={value}")
    return bad


def needles_in(data: bytes) -> list[str]:
    """The shopper's name, address or camera found in raw bytes."""
    low = data.lower()
    return [n for n in NEEDLES if n.encode() in low]


def zbar(path: Path) -> list[str]:
    """Everything zbarimg decodes in a picture."""
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, timeout=60
    )
    return [line for line in out.stdout.splitlines() if line.strip()]


def pdf_images(pdf: Path, folder: Path) -> list[Path]:
    """Every image inside a PDF, as its own file (pdfimages -all)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdfimages", "-all", str(pdf), str(folder / "img")], check=True, timeout=120)
    return sorted(folder.glob("img-*"))


def video_frames(video: Path, folder: Path, count: int = 6) -> list[Path]:
    """`count` frames spread over a video, as PNGs (ffmpeg, so our own decoder is not judge)."""
    folder.mkdir(parents=True, exist_ok=True)
    with av.open(str(video)) as c:
        duration = float(c.duration or 0) / 1_000_000
    out = []
    for i in range(count):
        t = duration * (i + 0.5) / count
        target = folder / f"frame{i}.png"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-ss", f"{t:.3f}", "-i", str(video), "-frames:v", "1",
             str(target)], check=True, timeout=60,
        )  # fmt: skip
        out.append(target)
    return out


def first_image_end(data: bytes) -> int | None:
    """Where the first JPEG image ends (just past its EOI), from its markers; None if it is
    not a well-formed JPEG."""
    if not data.startswith(b"\xff\xd8"):
        return None
    pos = 2
    while pos + 2 <= len(data):
        marker = data[pos + 1]
        if marker == 0xD9:
            return pos + 2
        if pos + 4 > len(data):
            return None
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        pos += 2 + length
        if marker == 0xDA:
            while True:
                i = data.find(b"\xff", pos)
                if i < 0 or i + 1 >= len(data):
                    return None
                nxt = data[i + 1]
                if nxt == 0 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    pos = i + (1 if nxt == 0xFF else 2)
                    continue
                pos = i
                break
    return None
