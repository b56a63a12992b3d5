"""Cross-check a bundle's manifest against its own sealed activity log.

The log recorded each original's SHA-256 and size when it was imported, recorded or
extracted (`item_added`), and every entry is chained to the one before. A file swapped
later, with manifest.json and SHA256SUMS rewritten to match it, still disagrees with the
log; rewriting the log as well breaks its chain (verify_chain) unless every entry after it
is forged too, which is what a trusted timestamp of the manifest rules out.
"""

from __future__ import annotations

from typing import Any


def cross_check(files: list[Any], log: list[Any]) -> list[str]:
    """Problems (one line each) where the manifest's originals disagree with the log."""
    added: dict[str, dict[str, Any]] = {}
    for entry in log:
        if isinstance(entry, dict) and entry.get("action") == "item_added":
            details = entry.get("details")
            if isinstance(details, dict) and isinstance(details.get("item"), str):
                added.setdefault(details["item"], details)
    problems = []
    for f in files:
        if not isinstance(f, dict) or f.get("role") != "original":
            continue
        path, item = f.get("path"), f.get("item_id")
        logged = added.get(item) if isinstance(item, str) else None
        if logged is None:
            problems.append(f"{path} is not in the activity log: no import or extraction added it")
            continue
        if logged.get("sha256") not in (None, f.get("sha256")):
            problems.append(
                f"{path} is not the file the activity log recorded when it was added"
                f" (log: sha256 {str(logged['sha256'])[:16]}…, manifest: "
                f"{str(f.get('sha256'))[:16]}…)"
            )
        elif logged.get("bytes") not in (None, f.get("bytes")):
            problems.append(
                f"{path} has {f.get('bytes')} bytes in manifest.json but {logged['bytes']}"
                " in the activity log"
            )
    return problems
