"""Allows `python -m evidence_kit`."""

from evidence_kit.app import main

raise SystemExit(main())
