"""The case model: facts, evidence items, claim choices and the activity log.

Plain dataclasses that round-trip to the JSON of DESIGN §3. `from_dict` validates every
field and names the first bad one, so a damaged case.json is reported, never half-loaded.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any

from evidence_kit.core import annotations as A
from evidence_kit.core import case_checks as checks
from evidence_kit.core.errors import CaseCorruptError, InvalidMarkError
from evidence_kit.core.events import Event, load_events

SCHEMA_VERSION = 4


class ItemKind(StrEnum):
    """What an evidence item is; case.json stores the value."""

    VIDEO = "video"
    PHOTO = "photo"
    FRAME = "frame"  # a still taken from a video item
    CLIP = "clip"  # a stretch cut from a video item
    DOCUMENT = "document"  # a screenshot, a receipt, a PDF


SOURCES = ("imported", "recorded", "extracted")
PLATFORMS = ("aliexpress", "ebay", "amazon", "paypal", "temu", "shopee", "lazada", "card")
FACT_KEYS = (
    "platform",
    "order_id",
    "item",
    "price",
    "currency",
    "store",
    "tracking",
    "ordered",
    "delivered",
)
CLAIM_KEYS = (
    "received",
    "reason",
    "remedy",
    "refund_percent",
    "listing_says",
    "received_is",
    "contacted_seller",
    "notes",
    "buyer_name",
    # added by the claim step (issue 6)
    "aspect",
    "still_works",
    "seller_reply",
    "return_postage",
    "expected_by",
    "dispute_opened",
    "return_agreed",
    # added by issue 11: the card issuer's fields and the shopper's country
    "return_attempted",
    "return_tracking",
    "country",
    # added by issue 12: how the shopper paid, for the refund's arrival time
    "payment_method",
)
SHOWS_MAX = 200  # "the crack, 6 cm, seen right after opening": a line, not a paragraph
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _fail(path: str, message: str) -> CaseCorruptError:
    return CaseCorruptError(f"case.json: {path} {message}", field=path)


def _expect(value: Any, kinds: type | tuple[type, ...], path: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    # bool is an int in Python; never accept it where a number is meant
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise _fail(path, f"must be {_kind_name(kinds)}, not true/false")
    if not isinstance(value, kinds):
        raise _fail(path, f"must be {_kind_name(kinds)}, got {type(value).__name__}")
    return value


def _kind_name(kinds: type | tuple[type, ...]) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "an object",
        bool: "true/false",
    }
    seq = kinds if isinstance(kinds, tuple) else (kinds,)
    return " or ".join(names.get(k, k.__name__) for k in seq)


@dataclass
class Facts:
    """What the order was. Every field may be empty until the shopper fills it in."""

    platform: str = ""
    order_id: str = ""
    item: str = ""
    price: float | None = None
    currency: str = ""
    store: str = ""
    tracking: str = ""
    ordered: str = ""  # ISO date YYYY-MM-DD
    delivered: str = ""  # ISO date YYYY-MM-DD

    @classmethod
    def from_dict(cls, data: Any, path: str = "facts") -> Facts:
        _expect(data, dict, path)
        unknown = set(data) - set(FACT_KEYS)
        if unknown:
            raise _fail(f"{path}.{sorted(unknown)[0]}", "is not a known fact")
        out = cls()
        for key in FACT_KEYS:
            if key not in data:
                continue
            value = data[key]
            if key == "price":
                checks.number(value, f"{path}.price", 0, 1e9, optional=True)
                out.price = None if value is None else float(value)
            else:
                setattr(out, key, _expect(value, str, f"{path}.{key}"))
        if out.platform and out.platform not in PLATFORMS:
            raise _fail(f"{path}.platform", f"must be one of {', '.join(PLATFORMS)}")
        for key in ("ordered", "delivered"):
            checks.day(getattr(out, key), f"{path}.{key}")
        return out


@dataclass
class Item:
    """One piece of evidence. `file` is relative to the case folder."""

    id: str
    kind: ItemKind
    file: str
    sha256: str
    bytes: int
    imported_at: str
    source: str = "imported"
    captured_at: str | None = None
    parent: str | None = None
    pts_s: float | None = None  # frame: its time; clip: its start in the parent
    end_s: float | None = None  # clip: its end in the parent
    title: str = ""
    note: str = ""
    shows: str = ""  # what this exhibit proves, in one line (SHOWS_MAX): the claim cites it
    annotations: list[dict[str, Any]] = field(default_factory=list)
    include: bool = True
    order: int = 0
    original_name: str = ""
    crop: list[float] | None = None  # [x, y, w, h] in upright pixel coordinates
    rotate: int = 0  # extra quarter turns chosen in the editor: 0, 90, 180, 270
    meta: dict[str, Any] = field(default_factory=dict)  # width, height, duration_s, orientation...

    def __post_init__(self) -> None:
        self.kind = ItemKind(self.kind)  # a plain "photo" from code or a test becomes the enum

    @property
    def is_video(self) -> bool:
        """A video or a clip cut from one: played and cut, never drawn on."""
        return self.kind in (ItemKind.VIDEO, ItemKind.CLIP)

    @property
    def is_pdf(self) -> bool:
        """A PDF document: passed on as it is, never rendered or annotated."""
        return self.kind == ItemKind.DOCUMENT and (
            self.file.lower().endswith(".pdf") or self.meta.get("format") == "pdf"
        )

    @property
    def given_title(self) -> str:
        """The title the shopper gave it, or '' while it is still the imported file's name
        (which can name the shopper: 'IMG_4526 JaneDoe')."""
        return "" if is_file_name(self.title, self) else self.title.strip()

    @property
    def public_title(self) -> str:
        """What exports call it: the given title, else its kind ('Video')."""
        return self.given_title or self.kind.value.capitalize()

    @property
    def is_image(self) -> bool:
        """It has a picture to render and mark up: a photo, a frame or an image document."""
        return not self.is_video and not self.is_pdf

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Item:
        _expect(data, dict, path)
        checks.check_item(data, path)
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise _fail(f"{path}.{sorted(unknown)[0]}", "is not a known item field")
        for req in ("id", "kind", "file", "sha256", "bytes", "imported_at"):
            if req not in data:
                raise _fail(f"{path}.{req}", "is missing")
        try:
            kind = ItemKind(_expect(data["kind"], str, f"{path}.kind"))
        except ValueError:
            raise _fail(f"{path}.kind", f"must be one of {', '.join(ItemKind)}") from None
        item = cls(
            id=_expect(data["id"], str, f"{path}.id"),
            kind=kind,
            file=_expect(data["file"], str, f"{path}.file"),
            sha256=_expect(data["sha256"], str, f"{path}.sha256"),
            bytes=_expect(data["bytes"], int, f"{path}.bytes"),
            imported_at=_expect(data["imported_at"], str, f"{path}.imported_at"),
        )
        if not _HEX64.match(item.sha256):
            raise _fail(f"{path}.sha256", "must be 64 lowercase hex digits")
        if item.file.startswith(("/", "\\")) or ".." in item.file.replace("\\", "/").split("/"):
            raise _fail(f"{path}.file", "must be a path inside the case folder")
        item.source = _expect(data.get("source", "imported"), str, f"{path}.source")
        if item.source not in SOURCES:
            raise _fail(f"{path}.source", f"must be one of {', '.join(SOURCES)}")
        item.captured_at = _expect(data.get("captured_at"), str, f"{path}.captured_at", True)
        item.parent = _expect(data.get("parent"), str, f"{path}.parent", True)
        for key in ("pts_s", "end_s"):
            value = _expect(data.get(key), (int, float), f"{path}.{key}", True)
            setattr(item, key, None if value is None else float(value))
        item.title = _expect(data.get("title", ""), str, f"{path}.title")
        item.note = _expect(data.get("note", ""), str, f"{path}.note")
        item.shows = _expect(data.get("shows", ""), str, f"{path}.shows")
        item.annotations = _checked_marks(data.get("annotations", []), path, item.id)
        item.include = _expect(data.get("include", True), bool, f"{path}.include")
        item.order = _expect(data.get("order", 0), int, f"{path}.order")
        item.original_name = _expect(data.get("original_name", ""), str, f"{path}.original_name")
        crop = _expect(data.get("crop"), list, f"{path}.crop", True)
        item.crop = None if crop is None else [float(v) for v in crop]
        item.rotate = _expect(data.get("rotate", 0), int, f"{path}.rotate")
        if item.rotate not in (0, 90, 180, 270):
            raise _fail(f"{path}.rotate", "must be 0, 90, 180 or 270")
        item.meta = _expect(data.get("meta", {}), dict, f"{path}.meta")
        return item

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with every field."""
        return asdict(self)


def is_file_name(title: str, item: Item) -> bool:
    """The title is still the imported file's name ("crack-close-up", "IMG_2041")."""
    title = title.strip()
    stem = PurePosixPath(item.original_name).stem if item.original_name else ""
    return bool(title) and title in (stem, item.original_name)


def _checked_marks(anns: Any, path: str, item_id: str) -> list[dict[str, Any]]:
    """The item's marks exactly as written, once each passed the full mark schema."""
    _expect(anns, list, f"{path}.annotations")
    for i, ann in enumerate(anns):
        try:
            A.validate(ann, i)
        except InvalidMarkError as exc:
            where = f"{path}.annotations[{i}]" + (f".{exc.field}" if exc.field else "")
            raise _fail(where, f"(a mark of item {item_id}) {exc.reason}") from exc
    return anns


@dataclass
class LogEntry:
    """One line of the append-only, hash-chained activity log."""

    seq: int
    at: str
    action: str
    details: dict[str, Any]
    prev: str
    hash: str

    @classmethod
    def from_dict(cls, data: Any, path: str) -> LogEntry:
        _expect(data, dict, path)
        for req in ("seq", "at", "action", "details", "prev", "hash"):
            if req not in data:
                raise _fail(f"{path}.{req}", "is missing")
        return cls(
            seq=_expect(data["seq"], int, f"{path}.seq"),
            at=_expect(data["at"], str, f"{path}.at"),
            action=_expect(data["action"], str, f"{path}.action"),
            details=_expect(data["details"], dict, f"{path}.details"),
            prev=_expect(data["prev"], str, f"{path}.prev"),
            hash=_expect(data["hash"], str, f"{path}.hash"),
        )


@dataclass
class Case:
    """Everything in case.json."""

    facts: Facts = field(default_factory=Facts)
    items: list[Item] = field(default_factory=list)
    claim: dict[str, Any] = field(default_factory=dict)
    log: list[LogEntry] = field(default_factory=list)
    bin: list[Item] = field(default_factory=list)  # removed items; files kept until emptied
    schema_version: int = SCHEMA_VERSION
    events: list[Event] = field(default_factory=list)  # the dispute after it opens, by date
    # the folder of the last export: relative to the case folder when inside it, else absolute
    latest_export: str = ""

    def item(self, ref: str) -> Item:
        """Find a live item by id or exhibit number (E3)."""
        from evidence_kit.core.errors import ItemNotFoundError

        for it in self.items:
            if it.id == ref:
                return it
        numbers = exhibit_numbers(self)
        for it in self.items:
            if numbers.get(it.id, "").lower() == ref.lower():
                return it
        raise ItemNotFoundError(f"No evidence item '{ref}' in this case.")

    def find(self, item_id: str) -> Item | None:
        """Live item with this id, or None."""
        return next((it for it in self.items if it.id == item_id), None)

    def live(self, item_id: str) -> Item:
        """Live item with this id (never an exhibit number), or ItemNotFoundError."""
        from evidence_kit.core.errors import ItemNotFoundError

        found = self.find(item_id)
        if found is None:
            raise ItemNotFoundError(f"No evidence item '{item_id}' in this case.")
        return found

    def to_dict(self, log: bool = True) -> dict[str, Any]:
        """The case.json document (without the activity log when log=False)."""
        doc = {
            "schema_version": self.schema_version,
            "facts": asdict(self.facts),
            "items": [it.to_dict() for it in self.items],
            "claim": dict(self.claim),
            "log": [asdict(e) for e in self.log] if log else None,
            "bin": [it.to_dict() for it in self.bin],
            "events": [e.to_dict() for e in self.events],
            "latest_export": self.latest_export,
        }
        if not log:
            del doc["log"]
        return doc

    @classmethod
    def from_dict(cls, data: Any) -> Case:
        _expect(data, dict, "document")
        for req in ("schema_version", "facts", "items", "claim", "log"):
            if req not in data:
                raise _fail(req, "is missing")
        case = cls(
            facts=Facts.from_dict(data["facts"]),
            items=[
                Item.from_dict(it, f"items[{i}]")
                for i, it in enumerate(_expect(data["items"], list, "items"))
            ],
            claim=_expect(data["claim"], dict, "claim"),
            log=[
                LogEntry.from_dict(e, f"log[{i}]")
                for i, e in enumerate(_expect(data["log"], list, "log"))
            ],
            bin=[
                Item.from_dict(it, f"bin[{i}]")
                for i, it in enumerate(_expect(data.get("bin", []), list, "bin"))
            ],
            schema_version=_expect(data["schema_version"], int, "schema_version"),
            events=load_events(data.get("events")),
            latest_export=checks.text(data.get("latest_export", ""), "latest_export"),
        )
        twice = checks.first_duplicate([it.id for it in case.items + case.bin])
        if twice is not None:
            raise _fail("items", f"has the id {twice} twice")
        checks.check_claim(case.claim)
        return case


def exhibit_numbers(case: Case) -> dict[str, str]:
    """Map item id -> 'E1', 'E2'... for included items, in exhibit order.

    The claim, the PDF and the upload file names all use these numbers.
    """
    included = [it for it in case.items if it.include]
    return {it.id: f"E{n}" for n, it in enumerate(included, start=1)}
