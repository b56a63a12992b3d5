"""The command line (DESIGN §6). A thin layer over the Qt-free packages.

Each group of commands lives in its own `cli_*.py` module with a `register` function.
Exit codes: 0 success, 1 failed verification/check, 2 bad input (one line on stderr).
Heavy modules are imported inside the commands so `--version` stays instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from evidence_kit import __version__

COMMAND_MODULES = (
    "evidence_kit.cli_case",
    "evidence_kit.cli_video",
    "evidence_kit.cli_annotate",
    "evidence_kit.cli_claim",
    "evidence_kit.cli_export",
    "evidence_kit.cli_record",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        sys.stderr.write(
            f"evidence-kit: {message} (see 'evidence-kit {self._sub_name()} --help')\n"
        )
        raise SystemExit(2)

    def _sub_name(self) -> str:
        parts = self.prog.split()[1:]
        return " ".join(parts)


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every command group registered."""
    import importlib

    parser = _Parser(prog="evidence-kit", description="Evidence for an online-order dispute.")
    parser.add_argument("--version", action="version", version=f"evidence-kit {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    case_parser = sub.add_parser("case", help="create and edit a case")
    case_sub = case_parser.add_subparsers(
        dest="case_command", parser_class=_Parser, metavar="ACTION"
    )
    case_parser.set_defaults(func=lambda args: _missing(case_parser))
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, case_sub)
    return parser


def _missing(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def print_json(data: Any) -> None:
    """Print one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `evidence-kit` script."""
    from evidence_kit.core.errors import EvidenceKitError

    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):
        sys.stdout.write(f"evidence-kit {__version__}\n")
        return 0
    if not args_list:
        from evidence_kit.app import run_app

        return run_app()
    parser = build_parser()
    args = parser.parse_args(args_list)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args) or 0)
    except EvidenceKitError as exc:
        sys.stderr.write(f"evidence-kit: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("evidence-kit: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        sys.stderr.write(f"evidence-kit: {exc.strerror or exc}: {exc.filename or ''}\n")
        return 2
    except Exception as exc:  # never show a traceback for input we did not foresee
        if os.environ.get("EVIDENCE_KIT_DEBUG"):
            raise
        sys.stderr.write(f"evidence-kit: unexpected error: {type(exc).__name__}: {exc}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
