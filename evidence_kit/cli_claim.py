"""Command line: claim commands (placeholder until its issue lands)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add this group's commands to the parser."""
