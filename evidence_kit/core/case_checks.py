"""Bounds on what a (hand-edited) case.json may hold, each failure naming its field.

JSON happily carries NaN, Infinity, 10**400, a year 9999 or a list nested a thousand deep;
the code that later draws, dates or sums them does not. These checks run on load, so such a
value is reported once, in one line that names the field, and never reaches that code.
Marks are checked by core/annotations.py; this module bounds the other fields.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from datetime import date
from typing import Any

from evidence_kit.core.errors import CaseCorruptError

MAX_DEPTH = 32  # the deepest honest case.json is 7 levels deep
MAX_BYTES = 10**15  # a petabyte: more than any disk the case could be on
MAX_SECONDS = 10**6  # eleven and a half days of video
MAX_PIXELS_SIDE = 10**6
MAX_MARKS = 10_000  # marks on one item; a mistake or an attack long before that
FIRST_DAY, LAST_DAY = date(1990, 1, 1), date(2100, 12, 31)


def fail(path: str, message: str) -> CaseCorruptError:
    """The named error for one field of case.json."""
    return CaseCorruptError(f"case.json: {path} {message}", field=path)


def parse_json(raw: bytes) -> Any:
    """json.loads with room for a nesting deep enough that check_depth, not the parser,
    reports it, naming the field; deeper still is a RecursionError for the caller."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * MAX_DEPTH + 4000))
    try:
        return json.loads(raw.decode("utf-8"))
    finally:
        sys.setrecursionlimit(limit)


def check_depth(doc: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH (it would exhaust Python's stack later).

    One level at a time and no bookkeeping per value: a case with a 200,000-entry log is
    checked in a fraction of the time json.loads took to read it.
    """
    level, depth = [doc], 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise fail(_deep_path(doc), "is nested too deeply")
        below: list[Any] = []
        keep = below.append
        for value in level:
            for child in value.values() if type(value) is dict else value:
                kind = type(child)
                if kind is dict or kind is list:
                    keep(child)
        level = below


def _deep_path(doc: Any) -> str:
    """Where the nesting goes too deep (only run once something is)."""
    keys: list[Any] = []
    value = doc
    while len(keys) <= MAX_DEPTH:
        children = value.items() if isinstance(value, dict) else enumerate(value)
        deeper = [(k, c) for k, c in children if isinstance(c, (dict, list))]
        if not deeper:
            break
        key, value = max(deeper, key=lambda kc: _depth(kc[1]))
        keys.append(key)
    out = ""
    for key in keys[:4]:  # the start of the path is enough to find it
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out + "…"


def _depth(value: Any) -> int:
    level, depth = [value], 0
    while level and depth <= MAX_DEPTH + 1:
        depth += 1
        level = [
            c
            for v in level
            for c in (v.values() if isinstance(v, dict) else v)
            if isinstance(c, (dict, list))
        ]
    return depth


def number(
    value: Any, path: str, lo: float, hi: float, *, whole: bool = False, optional: bool = False
) -> Any:
    """A finite number in [lo, hi] (a whole one if `whole`), or None when optional."""
    if value is None and optional:
        return None
    kinds = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise fail(path, f"must be {'a whole number' if whole else 'a number'}")
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(path, "must be a finite number, not NaN or infinity")
    if not lo <= value <= hi:
        raise fail(path, f"must be between {lo:g} and {hi:g}")
    return value


def text(value: Any, path: str, limit: int = 4096) -> str:
    """A string of at most `limit` characters (a path, a name)."""
    if not isinstance(value, str):
        raise fail(path, "must be text")
    if len(value) > limit or "\x00" in value:
        raise fail(path, f"must be at most {limit} characters of text")
    return value


def day(value: Any, path: str) -> str:
    """'' or a real date YYYY-MM-DD between FIRST_DAY and LAST_DAY."""
    if value in ("", None):
        return ""
    if not isinstance(value, str):
        raise fail(path, "must be a date YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise fail(path, "must be a date YYYY-MM-DD") from None
    if not FIRST_DAY <= parsed <= LAST_DAY:
        raise fail(path, f"must be a date between {FIRST_DAY} and {LAST_DAY}")
    return value


def day_in_range(parsed: date) -> bool:
    """True for a date the deadlines can count from (the CLI checks typed dates with it)."""
    return FIRST_DAY <= parsed <= LAST_DAY


#: meta keys the code reads as numbers: (low, high, whole)
_META_NUMBERS = {
    "width": (0, MAX_PIXELS_SIDE, True),
    "height": (0, MAX_PIXELS_SIDE, True),
    "orientation": (0, 8, True),
    "rotation": (-360, 360, True),
    "duration_s": (0, MAX_SECONDS, False),
    "fps": (0, 10_000, False),
    "sharpness": (0, 1e12, False),
}
_META_TEXT = ("format", "video_codec", "creation_time")


def check_meta(meta: dict[str, Any], path: str) -> None:
    """The meta values the code reads have the type and range it expects."""
    for key, (lo, hi, whole) in _META_NUMBERS.items():
        if key in meta:
            number(meta[key], f"{path}.{key}", lo, hi, whole=whole, optional=True)
    for key in _META_TEXT:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise fail(f"{path}.{key}", "must be text")
    if "has_audio" in meta and not isinstance(meta["has_audio"], (bool, type(None))):
        raise fail(f"{path}.has_audio", "must be true or false")


def check_item(data: dict[str, Any], path: str) -> None:
    """The numbers of one item: size, times, crop, mark count; a file that is named."""
    name = data.get("file")
    if isinstance(name, str) and not name.strip(" ./\\"):
        raise fail(f"{path}.file", "must name a file in the case folder")
    if "bytes" in data:
        number(data["bytes"], f"{path}.bytes", 0, MAX_BYTES, whole=True)
    for key in ("pts_s", "end_s"):
        number(data.get(key), f"{path}.{key}", 0, MAX_SECONDS, optional=True)
    crop = data.get("crop")
    if isinstance(crop, list):
        if len(crop) != 4:
            raise fail(f"{path}.crop", "must be [x, y, w, h]")
        for i, v in enumerate(crop):
            number(v, f"{path}.crop[{i}]", -MAX_PIXELS_SIDE, MAX_PIXELS_SIDE)
        if crop[2] <= 0 or crop[3] <= 0:
            raise fail(f"{path}.crop", "must have a width and a height above 0")
    marks = data.get("annotations")
    if isinstance(marks, list) and len(marks) > MAX_MARKS:
        raise fail(
            f"{path}.annotations",
            f"has {len(marks)} marks; an item can have at most {MAX_MARKS}",
        )
    if isinstance(data.get("meta"), dict):
        check_meta(data["meta"], f"{path}.meta")


#: claim keys by the type case_values.normalize_claim gives them
_CLAIM_YES_NO = ("received", "still_works")
_CLAIM_DAYS = ("contacted_seller", "expected_by", "dispute_opened", "return_agreed")
_CLAIM_NUMBERS = {"refund_percent": (0, 100), "return_postage": (0, 1e9)}
_CLAIM_TEXT = (
    "reason", "remedy", "listing_says", "received_is", "notes", "buyer_name", "aspect",
    "seller_reply",
)  # fmt: skip


def check_claim(claim: dict[str, Any]) -> None:
    """The shopper's claim choices have the types the drafter reads."""
    for key in _CLAIM_YES_NO:
        if claim.get(key) is not None and not isinstance(claim[key], bool):
            raise fail(f"claim.{key}", "must be true or false")
    for key in _CLAIM_DAYS:
        if key in claim:
            day(claim[key], f"claim.{key}")
    for key, (lo, hi) in _CLAIM_NUMBERS.items():
        number(claim.get(key), f"claim.{key}", lo, hi, optional=True)
    for key in _CLAIM_TEXT:
        if claim.get(key) is not None and not isinstance(claim[key], str):
            raise fail(f"claim.{key}", "must be text")


def first_duplicate(ids: list[str]) -> str | None:
    """The first id that appears twice (one pass: 20,000 items cost nothing)."""
    twice = [i for i, n in Counter(ids).items() if n > 1]
    return min(twice) if twice else None
