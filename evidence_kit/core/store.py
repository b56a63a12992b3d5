"""The case folder on disk: create, open (validate, migrate), save atomically.

A crash at any moment leaves either the old case.json or the new one: we write a temp
file, fsync it, then rename it over the old one. Before a migration the old file is kept
as case.json.bak. A case.json that fails validation is reported and left untouched.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.errors import (
    CaseCorruptError,
    CaseExistsError,
    CaseNotFoundError,
    CaseReadOnlyError,
    SchemaTooNewError,
    describe_os_error,
)
from evidence_kit.core.model import SCHEMA_VERSION, Case, Facts

CASE_FILE = "case.json"
ORIGINALS = "originals"
DERIVED = "derived"
EXPORTS = "exports"


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """v1 kept price as one string ("12.50 USD") and had no bin."""
    facts = dict(doc.get("facts", {}))
    price = facts.get("price")
    if isinstance(price, str):
        parts = price.replace(",", ".").split()
        try:
            facts["price"] = float(parts[0]) if parts else None
        except ValueError:
            facts["price"] = None
        if len(parts) > 1 and not facts.get("currency"):
            facts["currency"] = parts[1].upper()
    doc = dict(doc, facts=facts, schema_version=2)
    doc.setdefault("bin", [])
    return doc


#: schema_version -> function turning that version's document into the next one
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _migrate_1_to_2}


class CaseStore:
    """An open case: its folder and its in-memory model."""

    def __init__(self, root: Path, case: Case) -> None:
        self.root = root
        self.case = case

    # --- locations ---------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The case's name: its folder name."""
        return self.root.name

    @property
    def case_file(self) -> Path:
        return self.root / CASE_FILE

    @property
    def originals_dir(self) -> Path:
        return self.root / ORIGINALS

    @property
    def derived_dir(self) -> Path:
        return self.root / DERIVED

    @property
    def exports_dir(self) -> Path:
        return self.root / EXPORTS

    def path_of(self, item_or_rel: Any) -> Path:
        """Absolute path of an item's file (or of a case-relative path)."""
        rel = item_or_rel if isinstance(item_or_rel, str) else item_or_rel.file
        return self.root / rel

    def derived(self, *parts: str) -> Path:
        """A folder under derived/, created on demand."""
        path = self.derived_dir.joinpath(*parts)
        path.mkdir(parents=True, exist_ok=True)
        return path

    # --- lifecycle ---------------------------------------------------------------------

    @classmethod
    def create(cls, root: Path | str, facts: Facts | None = None) -> CaseStore:
        """Make a new case folder. Fails if a case is already there."""
        root = Path(root).expanduser().absolute()
        if (root / CASE_FILE).exists():
            raise CaseExistsError(f"There is already a case in {root}.")
        try:
            for sub in ("", ORIGINALS, DERIVED, EXPORTS):
                (root / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise describe_os_error(exc, root) from exc
        store = cls(root, Case(facts=facts or Facts()))
        activity_log.append(store.case, "case_created", name=root.name)
        store.save()
        return store

    @classmethod
    def open(cls, root: Path | str) -> CaseStore:
        """Load, validate and (if needed) migrate a case folder."""
        root = Path(root).expanduser().absolute()
        if root.is_file() and root.name == CASE_FILE:
            root = root.parent
        path = root / CASE_FILE
        if not path.exists():
            raise CaseNotFoundError(f"No case at {root} (case.json is missing).")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CaseNotFoundError(f"Cannot read {path}: {exc.strerror or exc}") from exc
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise CaseCorruptError(f"{path} is damaged (not valid JSON: {exc}).") from exc
        if not isinstance(doc, dict):
            raise CaseCorruptError(f"{path} is damaged (not a JSON object).", field="document")
        version = doc.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise CaseCorruptError(
                "case.json: schema_version is missing or not a whole number", "schema_version"
            )
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"{path} was written by a newer Evidence Kit (schema {version}); "
                f"this version reads up to {SCHEMA_VERSION}. Please update the app."
            )
        migrated = version < SCHEMA_VERSION
        while doc["schema_version"] < SCHEMA_VERSION:
            doc = MIGRATIONS[doc["schema_version"]](doc)
        case = Case.from_dict(doc)
        store = cls(root, case)
        if migrated:
            try:
                (root / (CASE_FILE + ".bak")).write_bytes(raw)
            except OSError as exc:
                raise describe_os_error(exc, root / (CASE_FILE + ".bak")) from exc
            activity_log.append(
                case, "schema_migrated", from_version=version, to_version=SCHEMA_VERSION
            )
            store.save()
        return store

    def save(self) -> None:
        """Write case.json atomically: temp file, fsync, rename, fsync the folder."""
        for n, it in enumerate(self.case.items):
            it.order = n
        data = json.dumps(self.case.to_dict(), indent=2, ensure_ascii=False).encode("utf-8")
        fd = -1
        tmp = ""
        try:
            fd, tmp = tempfile.mkstemp(prefix=".case.", suffix=".tmp", dir=self.root)
            with os.fdopen(fd, "wb") as fh:
                fd = -1
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.case_file)
            tmp = ""
            _fsync_dir(self.root)
        except OSError as exc:
            raise describe_os_error(exc, self.case_file) from exc
        finally:
            if fd >= 0:
                os.close(fd)
            if tmp:
                Path(tmp).unlink(missing_ok=True)

    def check_writable(self) -> None:
        """Raise CaseReadOnlyError before starting work that must write to the case."""
        if not os.access(self.root, os.W_OK) or not os.access(self.originals_dir, os.W_OK):
            raise CaseReadOnlyError(f"The case folder {self.root} cannot be written (read-only?).")
        try:
            fd, probe = tempfile.mkstemp(prefix=".probe.", dir=self.root)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise CaseReadOnlyError(
                f"The case folder {self.root} cannot be written: {exc.strerror or exc}"
            ) from exc

    def empty_bin(self) -> int:
        """Delete the files of removed items for good; returns how many went."""
        count = 0
        kept_files = {it.file for it in self.case.items}
        for it in list(self.case.bin):
            path = self.path_of(it)
            if it.file not in kept_files and path.exists():
                try:
                    path.chmod(stat.S_IWUSR | stat.S_IRUSR)
                    path.unlink()
                except OSError as exc:
                    raise describe_os_error(exc, path) from exc
            count += 1
            activity_log.append(self.case, "bin_emptied_item", item=it.id, sha256=it.sha256)
        self.case.bin.clear()
        self.save()
        return count


def make_read_only(path: Path) -> None:
    """Drop write permission for everyone: originals are never modified."""
    mode = path.stat().st_mode
    path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def new_case(root: Path | str, **facts: Any) -> CaseStore:
    """Create a case folder with validated facts (None values are left empty)."""
    values = {k: case_ops.normalize_fact(k, v) for k, v in facts.items() if v is not None}
    return CaseStore.create(Path(root), Facts(**values))
