"""Import files into a case: detect, check, copy byte for byte while hashing, read-only.

`import_files` does the slow part (and may run on a worker thread): it copies into
originals/ and returns new Items without touching the Case. The caller adds them with
`case_ops.add_items` and saves. A failure or cancel leaves no half-copied file behind.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.case_paths import make_read_only
from evidence_kit.core.errors import (
    CorruptMediaError,
    DuplicateItemError,
    EvidenceKitError,
    MediaError,
)
from evidence_kit.core.hashing import copy_and_hash
from evidence_kit.core.model import Item, ItemKind
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, Steps, no_progress
from evidence_kit.media.filetype import Detected, detect_file


@dataclass
class ImportReport:
    """What an import did: new items, and a one-line reason for each file not imported."""

    items: list[Item] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    duplicates: set[str] = field(default_factory=set)  # skipped paths already in the case

    @property
    def failed(self) -> list[tuple[str, str]]:
        """Skipped files that are not in the case at all (bad, unreadable, empty folders)."""
        return [(p, r) for p, r in self.skipped if p not in self.duplicates]


#: a stored name's limit in UTF-8 bytes: with the item id in front it stays far inside the
#: 255 bytes (Linux, macOS) or 255 UTF-16 units (Windows) a file name may have
NAME_BYTES = 120


def readable_name(name: str) -> str:
    """The name as text: bytes that are not UTF-8 (a name from an old camera or a zip made
    on another system) become visible \\xNN escapes instead of breaking the case file."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def safe_name(name: str, limit: int = NAME_BYTES) -> str:
    """A file name that is safe on every OS but keeps non-Latin letters readable."""
    name = unicodedata.normalize("NFC", readable_name(name))
    name = re.sub(r'[\x00-\x1f<>:"/\\|?*]', "_", name).strip(" .")
    if len(name.encode("utf-8")) > limit:
        stem, dot, ext = name.rpartition(".")
        if not dot or len(ext.encode("utf-8")) > 16:
            stem, ext = name, ""
        room = limit - (len(ext.encode("utf-8")) + 1 if ext else 0)
        stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .")
        name = f"{stem}.{ext}" if ext else stem
    return name or "file"


def _files_in(folder: Path) -> list[Path]:
    """The files under a folder, sorted, without hidden files or hidden folders."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def check_content(path: Path, detected: Detected) -> dict[str, Any]:
    """Decode enough of the file to be sure it is usable; return its metadata."""
    if detected.kind == ItemKind.PHOTO:
        from evidence_kit.media.images import verify_image

        facts = verify_image(path)
        return facts
    if detected.kind == ItemKind.VIDEO:
        from evidence_kit.media.video.probe import probe_video

        info = probe_video(path)
        if info.duration_s <= 0:
            raise CorruptMediaError(f"{path.name} has no usable duration (damaged?).")
        return {
            "width": info.width,
            "height": info.height,
            "rotation": info.rotation,
            "duration_s": info.duration_s,
            "fps": info.fps,
            "video_codec": info.video_codec,
            "has_audio": info.has_audio,
            "captured_at": info.creation_time,
            "format": detected.format,
        }
    # PDF: the header is there; a PDF that ends without %%EOF is truncated
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise CorruptMediaError(f"{path.name} is a damaged or truncated PDF.")
    return {"format": "pdf"}


def _kind_for(detected: Detected, meta: dict[str, Any]) -> ItemKind:
    # A PNG/WebP/GIF without camera EXIF is almost always a screenshot (a listing, a chat):
    # those are documents, photos come from a camera.
    screenshot_format = detected.format in ("png", "webp", "gif")
    if detected.kind == ItemKind.PHOTO and screenshot_format and not meta.get("has_camera_exif"):
        return ItemKind.DOCUMENT
    return detected.kind


def import_files(
    store: CaseStore,
    paths: list[Path],
    known_hashes: set[str],
    new_id: Any,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    source: str = "imported",
) -> ImportReport:
    """Copy each file into originals/ and describe it as a new Item.

    known_hashes: sha256 of items already in the case (duplicates are skipped).
    new_id: callable returning a fresh item id.
    Bad files are skipped with a reason; a cancel removes what this call copied.
    """
    store.check_writable()
    report = ImportReport()
    files: list[Path] = []
    for raw in map(Path, paths):
        # a folder stands for the files inside it (sorted, hidden ones left out)
        found = _files_in(raw) if raw.is_dir() else [raw]
        if not found:
            name = readable_name(raw.name or str(raw))
            report.skipped.append((str(raw), f"the folder {name} has no files to import"))
        files += found
    paths = files
    steps = Steps(progress)
    seen = set(known_hashes)
    try:
        for index, raw in enumerate(paths):
            path = Path(raw)
            step = steps.sub(index, len(paths))
            try:
                item = _import_one(store, path, seen, new_id, step, cancel, source)
            except DuplicateItemError as exc:
                report.skipped.append((str(path), str(exc)))
                report.duplicates.add(str(path))
                continue
            except MediaError as exc:
                report.skipped.append((str(path), str(exc)))
                continue
            seen.add(item.sha256)
            report.items.append(item)
    except BaseException:
        # cancel or a fatal error (disk full): undo this call's copies
        for item in report.items:
            _remove_copy(store.path_of(item))
        raise
    progress(1.0, "Import finished")
    return report


def _import_one(
    store: CaseStore,
    path: Path,
    seen: set[str],
    new_id: Any,
    progress: ProgressFn,
    cancel: CancelToken | None,
    source: str,
) -> Item:
    detected = detect_file(path)
    meta = check_content(path, detected)
    item_id = new_id()
    dest = store.originals_dir / f"{item_id}_{safe_name(path.name)}"
    tmp = store.originals_dir / f".{item_id}.part"
    sha, size = copy_and_hash(path, tmp, progress, cancel)
    shown = readable_name(path.name)
    if sha in seen:
        tmp.unlink(missing_ok=True)
        raise DuplicateItemError(f"{shown} is already in this case (same SHA-256).")
    try:
        os.replace(tmp, dest)
        make_read_only(dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        _remove_copy(dest)
        raise EvidenceKitError(f"Cannot store {shown}: {exc.strerror or exc}") from exc
    kind = _kind_for(detected, meta)
    captured = meta.pop("captured_at", None)
    meta.pop("has_camera_exif", None)
    return Item(
        id=item_id,
        kind=kind,
        file=f"originals/{dest.name}",
        sha256=sha,
        bytes=size,
        imported_at=activity_log.now_iso(),
        source=source,
        captured_at=captured,
        title=Path(shown).stem,
        original_name=shown,
        meta=meta,
    )


def _remove_copy(path: Path) -> None:
    try:
        path.chmod(0o600)
        path.unlink()
    except OSError:
        pass


def add_files(
    store: CaseStore,
    paths: list[Path],
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    source: str = "imported",
) -> ImportReport:
    """Import files into an open case and save it."""
    case = store.case
    known = {it.sha256 for it in case.items}
    issued: set[str] = set()

    def new_id() -> str:
        # ids handed out during this import are not in the case yet
        while (candidate := case_ops.new_item_id(case)) in issued:
            pass
        issued.add(candidate)
        return candidate

    report = import_files(store, paths, known, new_id, progress, cancel, source)
    if report.items:
        items, log = len(case.items), len(case.log)
        case_ops.add_items(case, report.items)
        try:
            store.save()
        except BaseException:
            # the case keeps what is on disk, and no copy is left without its item
            del case.items[items:], case.log[log:]
            for item in report.items:
                _remove_copy(store.path_of(item))
            raise
    return report
