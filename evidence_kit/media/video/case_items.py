"""Grabs and clips of a case's video as new evidence items (frame / clip, source
"extracted", linked to their parent with their times). Used by the CLI and the panel.

These functions write the exhibits' files under extracted/ (read-only, like originals) and
return Items; the caller adds them to the case (`case_ops.add_items` or
`controller.add_items`) so the edit is one step. The video is checked against its recorded
hash first: nothing is ever made from a swapped file.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.case_paths import make_read_only
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import Case, Item, ItemKind
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.core.timecode import format_time
from evidence_kit.media.video.caption import frame_clock_iso
from evidence_kit.media.video.clip import ClipResult, cut_clip
from evidence_kit.media.video.frames import GrabResult, grab_frames
from evidence_kit.media.video.probe import VideoInfo
from evidence_kit.media.video.reader import VideoReader


def check_video_item(item: Item) -> None:
    """Only videos and clips have frames to grab."""
    if not item.is_video:
        raise InvalidValueError(f"item {item.id} is a {item.kind}, not a video")


def new_ids(case: Case, count: int) -> list[str]:
    """`count` fresh ids, unique in the case and among themselves."""
    taken = {it.id for it in case.items + case.bin}
    out: list[str] = []
    while len(out) < count:
        candidate = case_ops.new_item_id(case)
        if candidate not in taken and candidate not in out:
            out.append(candidate)
    return out


def _rel(store: CaseStore, path: Path) -> str:
    """The case-relative name of a file just written under store.extracted(), read-only."""
    make_read_only(path)
    return path.relative_to(store.root).as_posix()


def frame_items(
    store: CaseStore,
    video: Item,
    results: list[GrabResult],
    info: VideoInfo | None,
    caption: bool,
) -> list[Item]:
    """Items for saved grabs (one per distinct frame)."""
    seen: set[str] = set()
    unique = []
    for r in results:
        if str(r.path) not in seen:
            seen.add(str(r.path))
            unique.append(r)
    ids = new_ids(store.case, len(unique))
    items = []
    for item_id, r in zip(ids, unique, strict=True):
        meta: dict[str, object] = {
            "width": r.width,
            "height": r.height,
            "requested_s": round(r.requested_s, 6),
            "caption": caption,
        }
        if r.sharpness is not None:
            meta["sharpness"] = round(r.sharpness, 2)
        items.append(
            Item(
                id=item_id,
                kind=ItemKind.FRAME,
                file=_rel(store, r.path),
                sha256=r.sha256,
                bytes=r.bytes,
                imported_at=activity_log.now_iso(),
                source="extracted",
                captured_at=frame_clock_iso(info, r.pts_s),
                parent=video.id,
                pts_s=round(r.pts_s, 6),
                title=f"Frame {format_time(r.pts_s)}",
                meta=meta,
            )
        )
    return items


def grab_to_case(
    store: CaseStore,
    video: Item,
    times: list[float],
    *,
    sharpest: float | None = None,
    caption: bool = True,
    fmt: str = "png",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    reader: VideoReader | None = None,
) -> list[Item]:
    """Grab frames of a case video into extracted/frames and describe them as Items."""
    check_video_item(video)
    store.check_writable()
    src = store.checked(video, cancel=cancel)
    # a fresh token per call keeps file names unique when the same frame is grabbed twice
    prefix = f"{video.id}_{secrets.token_hex(2)}"
    results = grab_frames(
        src,
        times,
        store.extracted("frames"),
        sharpest=sharpest,
        caption=caption,
        fmt=fmt,
        sha256=video.sha256,
        progress=progress,
        cancel=cancel,
        name_prefix=prefix,
        reader=reader,
        # the title, never the file name (it can name the shopper); not the exhibit number
        # either: it changes when the evidence is reordered, and the caption is burned in
        caption_name=video.public_title,
    )
    if reader is None:
        from evidence_kit.media.video.probe import probe_video

        return frame_items(store, video, results, probe_video(src), caption)
    return frame_items(store, video, results, reader.info, caption)


def clip_item(store: CaseStore, video: Item, result: ClipResult, info: VideoInfo | None) -> Item:
    """The Item for a clip written under extracted/clips."""
    item_id = new_ids(store.case, 1)[0]
    return Item(
        id=item_id,
        kind=ItemKind.CLIP,
        file=_rel(store, result.path),
        sha256=sha256_file(result.path),
        bytes=result.bytes,
        imported_at=activity_log.now_iso(),
        source="extracted",
        captured_at=frame_clock_iso(info, result.start_s),
        parent=video.id,
        pts_s=round(result.start_s, 6),
        end_s=round(result.end_s, 6),
        title=f"Clip {format_time(result.start_s)}–{format_time(result.end_s)}",
        meta={
            "width": result.width,
            "height": result.height,
            "duration_s": round(result.end_s - result.start_s, 6),
            "stream_copy": result.stream_copy,
        },
    )


def clip_to_case(
    store: CaseStore,
    video: Item,
    start_s: float,
    end_s: float,
    *,
    max_mb: float | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Item:
    """Cut a clip of a case video into extracted/clips and describe it as an Item."""
    from evidence_kit.media.video.probe import probe_video

    check_video_item(video)
    store.check_writable()
    src = store.checked(video, cancel=cancel)
    stamp = format_time(start_s).replace(":", "-")
    out = store.extracted("clips") / f"{video.id}_{secrets.token_hex(2)}_{stamp}.mp4"
    result = cut_clip(src, start_s, end_s, out, max_mb=max_mb, progress=progress, cancel=cancel)
    return clip_item(store, video, result, probe_video(src))
