"""Drafting the claim stays linear in the size of the shopper's notes (issue 11).

    python benchmarks/bench_claim.py [--repeat 5] [--platform aliexpress]

Drafts the same case with a 1 KB note and a 1 MB note (realistic prose in English and
Russian, with dates, sizes, order numbers, a phone number, an e-mail address, a shouted
sentence and an insult in every kilobyte, plus one 50,000-character word, the input that
made the old e-mail pattern backtrack) and prints the median time of each and their ratio.
The reference is the 1 KB draft measured in the same run: linear work gives a ratio of about
the size ratio (1024) or less, since the fixed part of a draft does not grow. The target is
a 1 MB note drafted in under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# one paragraph; {n} makes every copy's numbers different, so nothing is found twice
BLOCK = (
    "The parcel arrived on 2026-11-{day:02d} (confirmed {day:02d}.11.2026) with the box dented "
    "on one side. Order 8123 4567 {n:04d} 2345, box 30 20 {day} cm, weight 0.{n:03d} kg on the "
    "label. Коробка пришла мятой, ручка треснула, размер 42 вместо 44. THE SELLER NEVER ANSWERS "
    "MY MESSAGES!!! Call me on +44 7911 {n:06d} or mail anna{n}@example.com. This junk stopped "
    "working after {day} days; I measured it lying flat and filed a police report No. {n}.\n"
)


def note(size: int, huge_word: bool) -> str:
    """About `size` characters of notes; with `huge_word`, one 50,000-character word in them."""
    parts, length, n = [], 0, 0
    while length < size:
        parts.append(BLOCK.format(n=n, day=1 + n % 28))
        length += len(parts[-1])
        n += 1
    text = "".join(parts)[:size]
    if huge_word:
        middle = len(text) // 2
        text = text[:middle] + " " + "x" * 50_000 + " " + text[middle + 50_000 :]
    return text


def make(platform: str, notes: str):  # type: ignore[no-untyped-def]
    from tests.factories.claim import make_case, unboxing_items

    facts = {"order_id": "8123456789012345", "ordered": "2026-11-02", "delivered": "2026-11-20",
             "item": "Кожаная сумка JBL", "price": 1499.9, "currency": "RUB",
             "tracking": "LP00123456789CN"}  # fmt: skip
    claim = {"received": True, "reason": "not_as_described", "aspect": "colour; size",
             "listing_says": "red; 44", "received_is": "blue; 42", "remedy": "partial_refund",
             "refund_percent": 40, "contacted_seller": "2026-11-21", "notes": notes}  # fmt: skip
    return make_case(platform, facts, claim, unboxing_items())


def median_seconds(case, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(median wall-clock seconds, median CPU seconds of this process) of `repeat` drafts.

    The CPU time is what the draft itself costs; on a machine shared with other work the
    wall-clock time also counts the waiting."""
    from evidence_kit.claim.draft import draft_claim

    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        draft_claim(case, date(2026, 11, 26))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--platform", default="aliexpress")
    args = parser.parse_args()
    from evidence_kit.claim.draft import draft_claim

    draft_claim(make(args.platform, note(1024, False)), date(2026, 11, 26))  # warm the imports
    small, small_cpu = median_seconds(make(args.platform, note(1024, False)), args.repeat)
    large_case = make(args.platform, note(1024 * 1024, True))
    large, large_cpu = median_seconds(large_case, args.repeat)
    found = len(draft_claim(large_case, date(2026, 11, 26)).suggestions)
    print(f"platform {args.platform}, median of {args.repeat} runs (wall clock / CPU)")
    print(f"1 KB note:  {small * 1000:8.1f} ms / {small_cpu * 1000:8.1f} ms")
    print(f"1 MB note:  {large * 1000:8.1f} ms / {large_cpu * 1000:8.1f} ms  ({found} suggestions)")
    print(f"ratio 1 MB / 1 KB: {large / small:.0f} / {large_cpu / small_cpu:.0f} (size ratio 1024)")
    print(f"target, 1 MB under 1 s of CPU: {'met' if large_cpu < 1.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
