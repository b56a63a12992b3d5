"""The long run of the hand-edited case.json property (issue 14, item 5).

Mutates a valid case.json at random (hypothesis) and runs show, claim, render and export on
each; fails on the first "unexpected error" or traceback and prints the mutation. At the
end it prints how many examples ran and how many got as far as a finished export.

python scripts/fuzz_case_json.py [EXAMPLES] [--seed N]
"""

from __future__ import annotations

import collections
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.core.test_hand_edited import _mutations, apply, assert_named  # noqa: E402
from tests.factories.export import make_case  # noqa: E402
from tests.factories.hostile import base_doc, commands, run, write_mutated  # noqa: E402


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    examples = int(args[0]) if args else 1000
    chosen = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
    folder = Path(tempfile.mkdtemp(prefix="ek-fuzz-"))
    base = make_case(folder / "base").root
    doc = base_doc(base)
    outcomes: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()

    @seed(chosen)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_mutations(doc))
    def prop(ops: list) -> None:
        outcomes["examples"] += 1
        case = write_mutated(base, folder / "work", apply(base_doc(base), ops))
        for argv in commands(case, folder):
            code, lines = run(*argv)
            try:
                assert_named(code, lines)
            except AssertionError:
                print(f"FAILED: {argv[:2]} after {ops!r:.2000}\n  -> {code} {lines}")
                raise
            if code == 2:
                reasons[lines[0].split(" must ")[0].split(" is ")[0][:70]] += 1
                if argv[0] == "case":
                    outcomes["refused on load"] += 1
                    return
            elif argv[0] == "export":
                outcomes["exported"] += 1

    try:
        prop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{outcomes['examples']} examples: {outcomes['refused on load']} refused on load "
          f"with a named line, {outcomes['exported']} exported; no unexpected error")  # fmt: skip
    for reason, n in reasons.most_common(12):
        print(f"  {n:5d}  {reason}")


if __name__ == "__main__":
    main()
