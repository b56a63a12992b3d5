"""A PDF document made fit to leave: its document info, XMP, private attachments and
comment authors removed with pypdf, the pages themselves untouched.

A receipt saved from a browser or an office program often names its author (the shopper)
in /Info and in an XMP packet, and older revisions of the file keep what a later save
changed. Writing the document anew keeps only the objects its pages use, so nothing of
an earlier revision survives. `clean_pdf` says what it removed, for the README.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import UnreadableFileError

#: names the README uses for the document-info keys
_INFO_NAMES = {
    "/Author": "Author", "/Title": "Title", "/Subject": "Subject", "/Keywords": "Keywords",
    "/Creator": "Creator (the program that made it)", "/Producer": "Producer",
    "/CreationDate": "creation date", "/ModDate": "modification date",
}  # fmt: skip
#: markup annotations (comments, highlights) name their author in /T; a form field's /T is
#: its name and stays
_MARKUP = {"/Text", "/FreeText", "/Highlight", "/Underline", "/StrikeOut", "/Squiggly",
           "/Square", "/Circle", "/Line", "/Polygon", "/PolyLine", "/Ink", "/Stamp",
           "/Caret", "/FileAttachment", "/Sound", "/Redact"}  # fmt: skip


@dataclass
class CleanedPdf:
    """The document as it may leave, and what was taken out of it."""

    data: bytes
    removed: list[str] = field(default_factory=list)


def clean_pdf(path: Path) -> CleanedPdf:
    """The PDF at `path` without its metadata. Raises UnreadableFileError when pypdf cannot
    read or write it (the caller then keeps it out of the upload pack)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFileError(f"{path.name} is password-protected.")
        removed = _info_removed(reader)
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None  # no /Info at all (not even pypdf's own Producer)
        removed += _strip_catalog(writer.root_object)
        removed += _strip_pages(writer)
        # what was only reachable through the removed keys would still be written
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        buf = io.BytesIO()
        writer.write(buf)
    except UnreadableFileError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableFileError(f"{path.name} cannot be read as a PDF ({exc}).") from exc
    return CleanedPdf(buf.getvalue(), sorted(set(removed), key=removed.index))


def _info_removed(reader: Any) -> list[str]:
    info = reader.metadata or {}
    out = []
    for key, value in info.items():
        if value in (None, ""):
            continue
        out.append(_INFO_NAMES.get(key, f"the field {str(key).lstrip('/')}"))
    return out


def _strip_catalog(root: Any) -> list[str]:
    out = []
    if root.pop("/Metadata", None) is not None:
        out.append("XMP metadata")
    if root.pop("/PieceInfo", None) is not None:
        out.append("private data of the program that made it")
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        if names.pop("/EmbeddedFiles", None) is not None:
            out.append("attached files")
        if names.pop("/JavaScript", None) is not None:
            out.append("scripts")
    if root.pop("/OpenAction", None) is not None:
        out.append("an action run on opening")
    return out


def _strip_pages(writer: Any) -> list[str]:
    out = []
    for page in writer.pages:
        if page.pop("/Metadata", None) is not None or page.pop("/PieceInfo", None) is not None:
            out.append("XMP metadata")
        annots = page.get("/Annots")
        for ref in annots.get_object() if annots is not None else []:
            annot = ref.get_object()
            if annot.get("/Subtype") in _MARKUP and annot.pop("/T", None) is not None:
                out.append("comment authors")
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        for ref in xobjects.get_object().values() if xobjects is not None else []:
            xobj = ref.get_object()
            if xobj.pop("/Metadata", None) is not None:
                out.append("XMP metadata")
    return out
