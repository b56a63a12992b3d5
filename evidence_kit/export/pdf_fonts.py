"""Fonts for the PDF: the bundled DejaVu (Latin, Cyrillic, Greek), a system CJK fallback.

ReportLab draws nothing for a glyph the font lacks, which would silently drop letters.
`markup` therefore routes every character to a font that has it, and replaces the ones no
font has with a visible marker (□) so the reader knows something is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from evidence_kit.core.resources import resource_path

SANS = "EKSans"
BOLD = "EKSans-Bold"
MONO = "EKMono"
CJK = "EKCJK"
MISSING = "\u25a1"  # □, present in DejaVu Sans

#: Common TrueType (not CFF) CJK fonts on Linux, Windows and macOS.
CJK_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unifont/unifont.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
_PROBE = "\u4e2d"  # 中


@lru_cache(maxsize=1)
def register_fonts() -> dict[str, object]:
    """Register the PDF fonts once; returns {font name: TTFont} (CJK only when found)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts: dict[str, object] = {
        SANS: TTFont(SANS, str(resource_path("fonts/DejaVuSans.ttf"))),
        BOLD: TTFont(BOLD, str(resource_path("fonts/DejaVuSans-Bold.ttf"))),
        MONO: TTFont(MONO, str(resource_path("fonts/DejaVuSansMono.ttf"))),
    }
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, BOLD)
    cjk = _load_cjk()
    if cjk is not None:
        pdfmetrics.registerFont(cjk)
        fonts[CJK] = cjk
    return fonts


def _system_cjk_files() -> list[str]:
    found = [p for p in CJK_CANDIDATES if Path(p).is_file()]
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(
                ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=5
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found += sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    return [p for p in found if p.lower().endswith((".ttf", ".ttc"))]


def _load_cjk() -> object | None:
    from reportlab.pdfbase.ttfonts import TTFont

    for path in _system_cjk_files():
        try:
            font = (
                TTFont(CJK, path, subfontIndex=0)
                if path.lower().endswith(".ttc")
                else TTFont(CJK, path)
            )
        except Exception:  # CFF-flavoured or damaged fonts: ReportLab cannot embed them
            continue
        if ord(_PROBE) in font.face.charToGlyph:
            return font
    return None


def covered(font_name: str) -> set[int] | dict[int, int]:
    """Code points the registered font can draw."""
    font = register_fonts().get(font_name)
    return font.face.charToGlyph if font is not None else set()  # type: ignore[attr-defined]


def markup(text: str, base: str = SANS) -> tuple[str, bool]:
    """Paragraph markup for text: escaped, each run in a font that has its glyphs.

    Returns (markup, lost) where lost is True when a marker replaced a character.
    """
    base_cover = covered(base)
    cjk_cover = covered(CJK)
    out: list[str] = []
    lost = False
    run: list[str] = []
    run_font = base

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(chunk if run_font == base else f'<font name="{run_font}">{chunk}</font>')
            run.clear()

    for ch in text:
        if ch == "\n":
            flush()
            out.append("<br/>")
            continue
        code = ord(ch)
        if ch == "\t" or code in base_cover:
            font = base
        elif code in cjk_cover:
            font = CJK
        else:
            font, ch, lost = base, MISSING, True
        if font != run_font:
            flush()
            run_font = font
        run.append(ch)
    flush()
    return "".join(out), lost


def plain(text: str, base: str = SANS) -> tuple[str, bool]:
    """Text for a canvas string in one font: uncovered characters become the marker."""
    cover = covered(base)
    chars = [ch if ord(ch) in cover else MISSING for ch in text]
    return "".join(chars), any(ord(ch) not in cover for ch in text)


def unprintable(text: str) -> bool:
    """True when some character of text has no font and would show as the marker."""
    base, cjk = covered(SANS), covered(CJK)
    return any(ch not in "\n\t" and ord(ch) not in base and ord(ch) not in cjk for ch in text)
