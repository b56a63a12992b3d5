"""The command line (DESIGN §6). A thin layer over the Qt-free packages.

Each group of commands lives in its own module of this package with a `register` function.
The desktop app is passed in by `evidence_kit.app` (`open_gui`): the command line sits beside
the GUI and never imports it.
Exit codes: 0 success, 1 failed verification/check, 2 bad input (one line on stderr).
Heavy modules are imported inside the commands so `--version` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from evidence_kit import __version__

COMMAND_MODULES = (
    "evidence_kit.cli.case",
    "evidence_kit.cli.items",
    "evidence_kit.cli.video",
    "evidence_kit.cli.annotate",
    "evidence_kit.cli.claim",
    "evidence_kit.cli.export",
    "evidence_kit.cli.record",
    "evidence_kit.cli.dispute",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> NoReturn:
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


#: what the desktop app opens: a case folder, a function that makes one (called only once
#: the window can open, so `demo` never copies the sample case for nothing), or nothing
CaseToOpen = Path | Callable[[], Path] | None
#: opens the desktop app and returns its exit code; raises EvidenceKitError (NoDisplayError)
#: when no window can open here
GuiLauncher = Callable[[CaseToOpen], int]


def one_line(text: str, limit: int = 400) -> str:
    """A message as one printable line: a field name from a hand-edited case.json may hold
    a line break or a control character, and a 5,000-character name helps nobody."""
    out = "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _no_gui(case_dir: CaseToOpen = None) -> int:
    from evidence_kit.core.errors import EvidenceKitError

    raise EvidenceKitError("the desktop app is not available in this build")


def _ensure_streams() -> None:
    """Give a windowed launcher somewhere to write.

    Started without a console (the frozen "Evidence Kit" launcher, pythonw on Windows, an app
    bundle on macOS), Python sets sys.stdout and sys.stderr to None, and the first write of
    `--version`, an export or an error message would raise AttributeError.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main(argv: Sequence[str] | None = None, open_gui: GuiLauncher | None = None) -> int:
    """Run one command; with no arguments, open the desktop app through `open_gui`."""
    _ensure_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):
        sys.stdout.write(f"evidence-kit {__version__}\n")
        return 0
    launcher = open_gui or _no_gui
    if not args_list:
        return _guarded(lambda: launcher(None))
    parser = build_parser()
    args = parser.parse_args(args_list)
    args.open_gui = launcher
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    from evidence_kit.cli import case_access

    sub_command = getattr(args, "case_command", None) if args.command == "case" else None
    case_access.set_command(f"{args.command} {sub_command or ''}")
    try:
        return _guarded(lambda: func(args))
    finally:
        case_access.close_all()


def _guarded(call: Callable[[], int | None]) -> int:
    """Run a command: expected failures are one line on stderr and an exit code, never a
    traceback."""
    from evidence_kit.core.errors import EvidenceKitError

    try:
        return int(call() or 0)
    except EvidenceKitError as exc:
        sys.stderr.write(f"evidence-kit: {one_line(str(exc))}\n")
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
