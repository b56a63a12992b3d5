"""The activity log in the words a mediator reads: "Imported: E2 “Crack, close up”, a photo,
crack.jpg, 30 KB, SHA-256 0562a365…", never `parent=None, pts_s=None`.

Each action the app writes has its sentence; an action this module does not know yet (one a
newer version writes) still reads as words: its name, then its details as "key: value",
with empty values left out and lists joined. The sealed log itself, with every detail, is in
manifest.json; this is its reading copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from evidence_kit.core.model import Case
from evidence_kit.core.timecode import format_time
from evidence_kit.export.naming import human_size

FIELD_WORDS = {
    "note": "the note", "include": "whether it is exported", "crop": "the crop",
    "rotate": "the rotation", "annotations": "the marks", "title": "the title",
    "shows": "what it shows", "order": "its place in the order",
}  # fmt: skip
CLAIM_WORDS = {
    "received": "whether the parcel arrived", "reason": "the reason", "remedy": "the remedy",
    "refund_percent": "the refund asked for", "listing_says": "what the listing says",
    "received_is": "what arrived", "aspect": "what differs", "contacted_seller":
    "when the seller was contacted", "seller_reply": "the seller's reply", "notes": "the notes",
    "buyer_name": "the buyer's name", "still_works": "whether the item still works",
    "return_cost": "the return postage",
}  # fmt: skip
FACT_WORDS = {
    "platform": "platform", "order_id": "order ID", "item": "item", "price": "price",
    "currency": "currency", "store": "store", "tracking": "tracking number",
    "ordered": "ordered on", "delivered": "delivered on",
}  # fmt: skip
MARK_WORDS = {
    "arrow": ("arrow", "arrows"), "rect": ("box", "boxes"), "ellipse": ("circle", "circles"),
    "text": ("text label", "text labels"), "marker": ("numbered marker", "numbered markers"),
    "pen": ("pen stroke", "pen strokes"), "redact": ("masked area", "masked areas"),
}  # fmt: skip
STOP_WORDS = {
    "stopped": "stopped by the shopper", "time_limit": "the set time was reached",
    "camera_lost": "the camera stopped", "disk_full": "the disk was full",
}  # fmt: skip


class Names:
    """How the log names an item: its exhibit number and title, else its title or kind
    (never its file's name: that can name the shopper)."""

    def __init__(self, case: Case, numbers: dict[str, str]) -> None:
        self.numbers = numbers
        self.titles = {it.id: it.public_title for it in case.items + case.bin}
        self.files: dict[str, str] = {}  # from item_added entries: items long gone

    def __call__(self, item_id: Any) -> str:
        item_id = str(item_id or "")
        title = self.titles.get(item_id) or self.files.get(item_id) or ""
        number = self.numbers.get(item_id)
        if number:
            return f"{number} “{title}”" if title else number
        return f"“{title}”" if title else f"item {item_id}"


class _Read(dict[str, Any]):
    """An entry's details that remember which keys a sentence read, so the rest can be added."""

    def __init__(self, details: dict[str, Any]) -> None:
        super().__init__(details)
        self.read: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)


def log_rows(
    case: Case,
    rows: list[dict[str, Any]],
    numbers: dict[str, str],
    platform_name: Callable[[str], str],
) -> list[dict[str, Any]]:
    """The PDF's log rows (activity_log.entry_dicts, maybe with a gap row for a long log) as
    {seq, at, text}; a gap row is kept as it is."""
    names = Names(case, numbers)
    for entry in case.log:  # items removed long ago are still named by their kind
        if entry.action == "item_added" and isinstance(entry.details, dict):
            d = entry.details
            if d.get("kind"):
                names.files[str(d.get("item"))] = _words(str(d["kind"])).capitalize()
    out = []
    for row in rows:
        if "left_out" in row:
            out.append(row)
            continue
        details = row.get("details")
        text = sentence(str(row.get("action", "")), details if isinstance(details, dict) else {}, names, platform_name)  # fmt: skip
        out.append({"seq": row.get("seq", ""), "at": row.get("at", ""), "text": text})
    return out


def sentence(
    action: str, details: dict[str, Any], names: Names, platform_name: Callable[[str], str]
) -> str:
    """One entry in words, with any detail its sentence does not say added at the end. A
    hand-edited entry whose values are not what the app writes still reads as words."""
    d = _Read(details)
    try:
        text = describe(action, d, names, platform_name)
    except (TypeError, ValueError, AttributeError, KeyError):
        return _fallback(action, details, names)
    rest = _parts({k: v for k, v in details.items() if k not in d.read}, names)
    if rest:
        text = f"{text.removesuffix('.')} ({'; '.join(rest)})."
    return text.removesuffix("….") + "…" if text.endswith("….") else text


def describe(
    action: str, d: dict[str, Any], names: Names, platform_name: Callable[[str], str]
) -> str:
    """One entry as a sentence."""
    ref = names(d.get("item"))
    if action == "case_created":
        return f"Case created: {d.get('name', '')}.".replace(": .", ".")
    if action == "item_added":
        return _added(d, ref, names)
    if action == "item_removed":
        return f"{ref} moved to the bin{_hash(d.get('sha256'), ', SHA-256 ')} (its file is kept until the bin is emptied)."  # fmt: skip
    if action == "item_restored":
        return f"{ref} restored from the bin."
    if action == "bin_emptied_item":
        return f"{ref} deleted for good when the bin was emptied{_hash(d.get('sha256'), ', SHA-256 ')}."  # fmt: skip
    if action == "item_renamed":
        return f"Exhibit named “{d.get('title', '')}” ({names.numbers.get(str(d.get('item')), 'item')})."  # fmt: skip
    if action == "item_edited":
        return f"{ref}: changed {_join([FIELD_WORDS.get(f, f) for f in d.get('fields') or []])}."  # fmt: skip
    if action == "item_moved":
        return f"{ref} moved to place {int(d.get('to', 0)) + 1} in the exhibit order."
    if action.startswith("annotation_"):
        return _marks(action.removeprefix("annotation_"), d, ref)
    if action == "facts_set":
        if isinstance(d, _Read):
            d.read.update(d)  # every fact is in the sentence
        values = [f"{FACT_WORDS.get(k, k)} {_value(k, v, platform_name)}" for k, v in d.items() if v not in (None, "")]  # fmt: skip
        return f"Order facts set: {_join(values)}." if values else "Order facts cleared."
    if action == "claim_set":
        return f"Claim choices set: {_join([CLAIM_WORDS.get(k, _words(k)) for k in d.get('keys') or []])}."  # fmt: skip
    if action == "claim_text_edited":
        return f"Claim text edited by the shopper ({d.get('chars', '?')} characters)."
    if action == "claim_regenerated":
        kept = int(d.get("kept_paragraphs") or 0)
        return "Claim text drafted again from the case" + (
            f", keeping {kept} paragraph{'s' if kept != 1 else ''} the shopper wrote." if kept else "."
        )  # fmt: skip
    if action == "claim_text_cleared":
        return "Claim text cleared: it is drafted from the case again."
    if action == "checklist_ticked":
        state = "ticked" if d.get("ticked") else "unticked"
        return f"Checklist item {state}: {_words(str(d.get('item', '')))}."
    if action == "wording_decided":
        n = len(d.get("findings") or [])
        return f"Wording suggestions {_words(str(d.get('decision', 'decided')))}: {n}."
    if action == "recording_started":
        mic = d.get("microphone") or "none"
        clock = (
            "date and time shown in the picture" if d.get("clock") else "no clock in the picture"
        )
        return f"Recording started: {d.get('file', 'the recording')}, camera {d.get('camera', '?')}, microphone {mic}, {clock}."  # fmt: skip
    if action == "recording_checklist":
        at = format_time(float(d.get("offset_s") or 0), millis=False)
        return f"Shown on camera at {at} of {d.get('file', 'the recording')}: {d.get('label', _words(str(d.get('item', ''))))}."  # fmt: skip
    if action == "recording_stopped":
        return _stopped(d)
    if action == "recording_recovered":
        return f"An interrupted recording was recovered: {_join([str(f) for f in d.get('files') or []])}."  # fmt: skip
    if action == "exported":
        files = int(d.get("upload_files") or 0)
        return (
            f"Exported for {platform_name(str(d.get('platform', '')))}: the bundle {d.get('bundle', '')}"
            f"{_hash(d.get('bundle_sha256'), ' (SHA-256 ')}{')' if d.get('bundle_sha256') else ''}"
            f" and {files} upload file{'s' if files != 1 else ''}{_hash(d.get('manifest_sha256'), '; manifest SHA-256 ')}."
        )  # fmt: skip
    if action == "schema_migrated":
        return f"Case file updated to format {d.get('to_version')} (it was format {d.get('from_version')})."  # fmt: skip
    if action.startswith("event_"):
        return _event(action.removeprefix("event_"), d, names)
    if action in ("message_edited", "message_regenerated"):
        kind = _words(str(d.get("kind", "")))
        if action == "message_edited":
            return f"Message draft “{kind}” edited by the shopper ({d.get('chars', '?')} characters)."  # fmt: skip
        return f"Message draft “{kind}” drafted again from the case."
    if isinstance(d, _Read):
        d.read.update(d)  # the fallback says every detail
    return _fallback(action, d, names)


def _event(change: str, d: dict[str, Any], names: Names) -> str:
    """A dispute event (core/events.py) recorded, changed, removed or restored."""
    verb = {"added": "recorded", "edited": "changed", "removed": "removed",
            "restored": "restored"}.get(change, change)  # fmt: skip
    d.get("id")  # the event's own id: nothing a mediator needs
    text = f"Dispute event {verb}: {_words(str(d.get('kind', '')))}"
    if d.get("date"):
        text += f" on {d['date']}"
    if d.get("amount") is not None:
        text += f", amount {float(d['amount']):g}"
    if d.get("reply"):
        text += f", the seller's reply: {_words(str(d['reply']))}"
    if d.get("tracking"):
        text += f", tracking {d['tracking']}"
    if d.get("items"):
        text += f", citing {_join([names(i) for i in d['items']])}"
    if d.get("note"):
        text += f": {_plain(d['note'])}"
    return text + "."


def _added(d: dict[str, Any], ref: str, names: Names) -> str:
    source = {"recorded": "Recorded", "extracted": "Taken from the evidence"}.get(
        str(d.get("source")), "Imported"
    )
    kind = _words(str(d.get("kind") or "file"))
    parts = [f"{_article(kind)} {kind}", _file_name(d.get("file") or "", d.get("item"))]
    if d.get("bytes"):
        parts.append(human_size(int(d["bytes"])))
    text = f"{source}: {ref}, " + ", ".join(p for p in parts if p)
    if d.get("parent"):
        at = f" at {format_time(float(d['pts_s']))}" if d.get("pts_s") is not None else ""
        text += f", from {names(d['parent'])}{at}"
    return text + _hash(d.get("sha256"), ", SHA-256 ") + "."


def _marks(change: str, d: dict[str, Any], ref: str) -> str:
    d.get("positions")  # where in the item's list: nothing a mediator needs
    types = d.get("types")
    if types is None and d.get("type"):
        types = [d["type"]]  # entries written before marks were logged by position
    counts: dict[str, int] = {}
    for t in types or []:
        counts[str(t)] = counts.get(str(t), 0) + 1
    what = _join([f"{n} {MARK_WORDS.get(t, (t, t + 's'))[n != 1]}" for t, n in counts.items()]) or "marks"  # fmt: skip
    verb = {"added": "added to", "removed": "removed from", "moved": "moved on",
            "reshaped": "reshaped on", "restyled": "restyled on"}.get(change, "changed on")  # fmt: skip
    return f"{what[0].upper()}{what[1:]} {verb} {ref}; the original file is unchanged."


def _stopped(d: dict[str, Any]) -> str:
    why = STOP_WORDS.get(str(d.get("reason")), _words(str(d.get("reason") or "stopped")))
    length = format_time(float(d.get("duration_s") or 0), millis=False)
    text = f"Recording ended ({why}): {d.get('file', 'the recording')}, {length}, {int(d.get('frames') or 0)} frames"  # fmt: skip
    if d.get("dropped"):
        text += f", {int(d['dropped'])} skipped by the camera"
    if d.get("started_at"):
        text += f", started {d['started_at']}"
    shown = d.get("checklist") or []
    if shown:
        text += f"; shown on camera: {_join([_words(str(s)) for s in shown])}"
    return text + "."


def _fallback(action: str, d: dict[str, Any], names: Names) -> str:
    head = _words(action)
    head = head[:1].upper() + head[1:]
    parts = _parts(d, names)
    return f"{head}: {'; '.join(parts)}." if parts else f"{head}."


def _parts(d: dict[str, Any], names: Names) -> list[str]:
    """Details as "key: value", the empty ones left out."""
    parts = []
    for key, value in sorted(d.items(), key=lambda kv: str(kv[0])):
        if value in (None, "", [], {}):
            continue
        if key in ("item", "parent"):
            value = names(value)
        parts.append(f"{_words(str(key))}: {_plain(value)}")
    return parts


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{_words(str(k))} {_plain(v)}" for k, v in value.items())
    text = str(value)
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return text[:16] + "…"
    return text if len(text) <= 120 else text[:119] + "…"


def _value(key: str, value: Any, platform_name: Callable[[str], str]) -> str:
    if key == "platform":
        return platform_name(str(value))
    return _plain(value)


def _hash(digest: Any, prefix: str) -> str:
    return f"{prefix}{str(digest)[:16]}…" if digest else ""


def _file_name(path: Any, item_id: Any) -> str:
    """The name the shopper gave the file (the store prefixes the item id: 2cc669_unboxing.mp4)."""
    name = PurePosixPath(str(path)).name
    return name.removeprefix(f"{item_id}_") if item_id else name


def _words(code: str) -> str:
    return code.replace("_", " ").strip()


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _join(words: list[str]) -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
