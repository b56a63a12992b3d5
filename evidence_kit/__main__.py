"""Allows `python -m evidence_kit`."""

from evidence_kit.cli import main

raise SystemExit(main())
