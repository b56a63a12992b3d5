"""Command line: `export CASE` (upload pack, bundle, PDF) and `verify BUNDLE.zip`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evidence_kit.core.store import CaseStore
    from evidence_kit.core.tasks import ProgressFn
    from evidence_kit.export.run import ExportResult
    from evidence_kit.export.timestamp import Timestamper


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add `export` and `verify`."""
    p = sub.add_parser("export", help="upload pack, sealed evidence bundle and PDF summary")
    p.add_argument("case", type=Path)
    p.add_argument(
        "-o",
        "--out",
        type=Path,
        help="where the export's own folder (named by its time) is made; "
        "default: the case's exports/",
    )
    p.add_argument(
        "--platform", help="platform to prepare the upload pack for (default: the case's)"
    )
    p.add_argument("--no-upload", action="store_true", help="skip the upload pack")
    p.add_argument(
        "--timestamp",
        metavar="AUTHORITY",
        help="send the manifest's hash (only the hash) to a timestamp authority: "
        "digicert, sectigo, globalsign, sslcom, or its http(s) address "
        "(default: the app's setting, which is off)",
    )
    p.add_argument("--no-timestamp", action="store_true", help="no timestamp this time")
    p.add_argument("--tsa-root", type=Path, action="append", default=[], metavar="PEM",
                   help="also trust this timestamp authority root certificate")  # fmt: skip
    p.add_argument(
        "--shareable",
        action="store_true",
        help="also make a shareable bundle: masked exhibits only, the originals listed by hash",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify", help="check a bundle: every hash and the activity log")
    p.add_argument("bundle", type=Path)
    p.add_argument("--tsa-root", type=Path, action="append", default=[], metavar="PEM",
                   help="also trust this timestamp authority root certificate")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def _progress_printer(enabled: bool) -> ProgressFn:
    """One updating line on stderr when it is a terminal; silent otherwise."""
    last = [-1]

    def report(fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if enabled and percent != last[0]:
            last[0] = percent
            sys.stderr.write(f"\r{percent:3d}% {message[:60]:<60}")
            sys.stderr.flush()

    return report


def _print_result(result: ExportResult) -> None:
    print(f"Folder:  {result.folder}")
    print(f"Bundle:  {result.bundle}  (yours: keeps the unmasked originals)")
    if result.shareable:
        print(f"Share:   {result.shareable}  (masked exhibits only)")
    print(f"PDF:     {result.pdf}")
    if result.timestamp:
        print(f"Sealed:  {result.timestamp}")
    if result.upload_dir:
        print(f"Upload:  {result.upload_dir}")
        for f in result.files:
            limit = f" / {f.limit / 1e6:.1f} MB" if f.limit else ""
            mark = "ok " if f.fits else "TOO BIG"
            print(f"  {mark} {f.name}  {f.bytes / 1e6:.2f} MB{limit}")
    for text in result.warnings:
        print(f"note: {text}")
    for text in result.problems:
        sys.stderr.write(f"evidence-kit: {text}\n")


def run_export(
    store: CaseStore,
    out: Path | None,
    platform: str | None,
    as_json: bool,
    upload: bool = True,
    timestamp: Timestamper | None = None,
    shareable: bool = False,
) -> int:
    """Export and report; returns the exit code (1 when an exhibit was left out)."""
    from evidence_kit.claim.draft import draft_claim
    from evidence_kit.cli.output import print_json
    from evidence_kit.export.run import export_case, stale_warning

    stale = stale_warning(draft_claim(store.case))
    if stale:  # said before anything is written; the result repeats it
        sys.stderr.write(f"evidence-kit: warning: {stale}\n")
    show = sys.stderr.isatty() and not as_json
    result = export_case(
        store,
        out,
        platform,
        _progress_printer(show),
        upload=upload,
        timestamp=timestamp,
        shareable=shareable,
    )
    if show:
        sys.stderr.write("\r" + " " * 66 + "\r")
    if as_json:
        print_json(result.to_dict())
    else:
        _print_result(result)
    return 1 if result.problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case

    stamper = _timestamper(args)  # a bad choice fails before the case is even opened
    store = open_case(args.case, write=True)
    return run_export(
        store,
        args.out,
        args.platform,
        args.json,
        upload=not args.no_upload,
        timestamp=stamper,
        shareable=args.shareable,
    )


def _timestamper(args: argparse.Namespace) -> Timestamper | None:
    """The authority to ask: --timestamp, else the app's setting; None when off."""
    from evidence_kit.core.settings import load_settings
    from evidence_kit.export.timestamp import Timestamper, authority, load_roots

    choice = args.timestamp or ("" if args.no_timestamp else load_settings().timestamp_authority)
    if args.no_timestamp or not choice:
        return None
    return Timestamper(authority(choice), load_roots(args.tsa_root))


def export_for_demo(store: CaseStore, out: Path) -> int:
    """`evidence-kit demo --export OUT`: export the sample case headless."""
    return run_export(store, Path(out), None, as_json=False)


def cmd_verify(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.export.timestamp import load_roots
    from evidence_kit.export.verify import verify_bundle

    report = verify_bundle(args.bundle, trust_roots=load_roots(args.tsa_root))
    if args.json:
        print_json(report.to_dict())
    elif report.ok and report.kind == "shareable":
        who = f" (order {report.order_id})" if report.order_id else ""
        print(
            f"OK: shareable bundle{who}: {report.files_checked} files match their SHA-256"
            f" hashes. It holds masked exhibits only; the {report.originals_listed} originals"
            f" are listed by hash, not included, and the activity log ({report.log_entries}"
            " entries) stays in the full bundle."
        )
    elif report.ok:
        who = f" (order {report.order_id})" if report.order_id else ""
        print(
            f"OK: {report.files_checked} files match their SHA-256 hashes{who}; "
            f"activity log of {report.log_entries} entries is intact."
        )
        if report.timestamp:
            print(report.timestamp)
        else:
            print("No trusted timestamp: when the bundle was made rests on the computer's clock.")
    else:
        altered = report.changed or report.missing or report.extra or report.log_problems
        print(f"{'TAMPERED' if altered else 'NOT VERIFIED'}: {args.bundle}")
        for line in report.lines():
            print(f"  {line}")
    return 0 if report.ok else 1
