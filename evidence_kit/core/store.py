"""The case folder on disk: create, open (validate, migrate), lock, save atomically.

A crash at any moment leaves either the old case or the new one: new activity-log lines
are appended first (core/log_file.py), then case.json is written to a temp file, fsynced
and renamed over the old one. Before a migration the old file is kept as case.json.bak.
A case that fails validation is reported and its files are left untouched. The case lock
(core/case_lock.py) makes every read-modify-write exclusive.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from evidence_kit.core import (
    activity_log,
    case_checks,
    case_ops,
    case_paths,
    case_values,
    leftovers,
    log_file,
    migrations,
)
from evidence_kit.core.case_lock import APP, CaseLock, signature, stat_signature
from evidence_kit.core.case_paths import (
    CASE_FILE,
    DERIVED,
    EXPORTS,
    EXTRACTED,
    ORIGINALS,
    CaseFolders,
)
from evidence_kit.core.errors import (
    CaseChangedError,
    CaseCorruptError,
    CaseExistsError,
    CaseLockedError,
    CaseNotFoundError,
    CaseReadOnlyError,
    EvidenceKitError,
    SchemaTooNewError,
    describe_os_error,
)
from evidence_kit.core.model import SCHEMA_VERSION, Case, Facts, Item


class CaseStore(CaseFolders):
    """An open case: its folder and its in-memory model.

    A store opened with `lock=True` holds the case lock until `close()`: no other process
    can change the case meanwhile. Any store's `save()` takes the lock for the write and
    refuses (CaseChangedError) if case.json changed on disk since this store read it, so a
    read-modify-write never silently drops another writer's change.
    """

    def __init__(self, root: Path, case: Case) -> None:
        self.root = root
        self.case = case
        self.lock: CaseLock | None = None  # held until close() when opened with lock=True
        self.read_only = ""  # why this store must not write (another process holds the case)
        self.notes: list[str] = []  # what opening cleaned up, for the CLI to say once
        self._disk: tuple[int, int, int] | None = None  # case.json as this store last saw it
        self._backup: bytes | None = None  # the pre-migration file, until it is written
        self._log_on_disk = log_file.LogOnDisk()  # the log lines case.json names

    # --- lifecycle ---------------------------------------------------------------------

    @classmethod
    def create(cls, root: Path | str, facts: Facts | None = None) -> CaseStore:
        """Make a new case folder. Fails if a case is already there."""
        root = Path(root).expanduser().absolute()
        if (root / CASE_FILE).exists():
            raise CaseExistsError(f"There is already a case in {root}.")
        try:
            for sub in ("", ORIGINALS, EXTRACTED, DERIVED, EXPORTS):
                (root / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise describe_os_error(exc, root) from exc
        store = cls(root, Case(facts=facts or Facts()))
        activity_log.append(store.case, "case_created", name=root.name)
        store.save()
        return store

    @classmethod
    def open(
        cls,
        root: Path | str,
        *,
        lock: bool = False,
        wait: float | None = None,
        holder: str = "",
    ) -> CaseStore:
        """Load, validate and (if needed) migrate a case folder.

        lock: hold the case lock until `close()`, as every command that changes the case
        and the app while the case is open do; CaseLockedError (after waiting up to `wait`
        seconds) when another process holds it. Without it the case is only read: leftovers
        of an interrupted command are cleaned up, and a migration saved, only if the lock
        happens to be free.
        """
        root = Path(root).expanduser().absolute()
        if root.is_file() and root.name == CASE_FILE:
            root = root.parent
        if not (root / CASE_FILE).exists():
            raise CaseNotFoundError(f"No case at {root} (case.json is missing).")
        case_lock = CaseLock(root)
        if lock:
            case_lock.acquire(wait, holder or "evidence-kit")
        # when someone else is writing, read what is there and touch nothing
        held = case_lock.held or case_lock.try_acquire()
        try:
            store = cls._load(root)
            if held:
                store._tidy()
        except BaseException:
            case_lock.release()
            raise
        if lock:
            store.lock = case_lock
        else:
            case_lock.release()
        return store

    @classmethod
    def _load(cls, root: Path) -> CaseStore:
        path = root / CASE_FILE
        try:
            # stat the very file that is read, so a save can tell if it was replaced since
            with path.open("rb") as fh:
                disk = signature(os.fstat(fh.fileno()))
                raw = fh.read()
        except OSError as exc:
            raise CaseNotFoundError(f"Cannot read {path}: {exc.strerror or exc}") from exc
        try:
            doc = case_checks.parse_json(raw)
        except (UnicodeDecodeError, ValueError) as exc:
            raise CaseCorruptError(f"{path} is damaged (not valid JSON: {exc}).") from exc
        except RecursionError:
            raise CaseCorruptError(
                f"{path} is damaged (nested too deeply to be a case).", field="document"
            ) from None
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
        on_disk = log_file.LogOnDisk()  # before schema 3 the log lived inside case.json
        if version >= 3:
            if "log" in doc:
                raise CaseCorruptError(
                    f"case.json: log belongs in {log_file.LOG_FILE}, not here", field="log"
                )
            doc["log"], on_disk = log_file.read(root, doc.pop("log_head", None))
        case_checks.check_depth(doc)
        while doc["schema_version"] < SCHEMA_VERSION:
            doc = migrations.MIGRATIONS[doc["schema_version"]](doc)
        try:
            store = cls(root, Case.from_dict(doc))
        except CaseCorruptError as exc:
            if version >= 3 and (exc.field or "").startswith("log["):
                raise CaseCorruptError(
                    str(exc).replace("case.json:", f"{log_file.LOG_FILE}:", 1), exc.field
                ) from exc
            raise
        store._disk, store._log_on_disk = disk, on_disk
        if version < SCHEMA_VERSION:
            store._backup = raw
            activity_log.append(
                store.case, "schema_migrated", from_version=version, to_version=SCHEMA_VERSION
            )
        return store

    def _tidy(self) -> None:
        """Under the lock: move exhibits out of derived/ (cases from before extracted/),
        remove what an interrupted writer left, save a migration."""
        everything = self.case.items + self.case.bin
        moved = migrations.relocate_exhibits(self.root, everything)
        migrations.relocate_takes(self.root)
        used = {os.path.realpath(self.root / it.file) for it in everything}
        self.notes += [n for n in [leftovers.clean(self.root, used)] if n]
        if moved:
            activity_log.append(
                self.case, "exhibits_moved", items=[it.id for it, _ in moved], to=EXTRACTED
            )
            self.notes.append(
                f"moved {len(moved)} frame(s), clip(s) and comparison(s) from {DERIVED}/, "
                f"which holds only caches now, to {EXTRACTED}/"
            )
            if self._backup is None:
                self._backup = self.case_file.read_bytes()
        if self._backup is not None:
            try:
                self._write()
            except BaseException:
                if moved:
                    migrations.put_back(self.root, moved)
                    self.case.log.pop()
                raise

    def hold(self, wait: float | None = None, holder: str = APP) -> None:
        """Keep the case lock from now until close(): the app does this for the case it shows.

        The case is read again if another writer changed it meanwhile. When another process
        holds the case, this store turns read-only and `read_only` says who has it.
        """
        if self.lock is not None and self.lock.held:
            return
        case_lock = CaseLock(self.root)
        try:
            case_lock.acquire(wait, holder)
        except CaseLockedError as exc:
            self.read_only = str(exc)
            return
        except EvidenceKitError:
            return  # no lock on a read-only folder; check_writable says why nothing saves
        try:
            if stat_signature(self.case_file) != self._disk:
                fresh = self._load(self.root)
                self.case, self._disk, self._backup = fresh.case, fresh._disk, fresh._backup
                self._log_on_disk = fresh._log_on_disk
            self._tidy()
        except BaseException:
            case_lock.release()
            raise
        self.lock, self.read_only = case_lock, ""

    def close(self) -> None:
        """Let other writers in (a store opened with lock=True)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self) -> None:
        """Append the new log entries, then write case.json atomically, under the case lock.
        On failure case.json still names the old log, so the case is as it was."""
        if self.read_only:
            raise CaseLockedError(self.read_only)
        if self.lock is not None and self.lock.held:
            self._write()
            return
        brief = CaseLock(self.root)
        brief.acquire()
        try:
            self._write()
        finally:
            brief.release()

    def _write(self) -> None:
        """Log lines, then case.json: temp file, fsync, rename (the caller holds the lock)."""
        for n, it in enumerate(self.case.items):
            it.order = n
        doc = self.case.to_dict(log=False)
        doc["log_head"] = log_file.head(self.case.log)
        try:
            text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)
            data = text.encode("utf-8")
            lines = log_file.new_lines(self._log_on_disk, self.case.log)
        except (ValueError, UnicodeEncodeError) as exc:
            raise CaseCorruptError(
                f"The case cannot be saved: it holds a value JSON cannot store ({exc})."
            ) from exc
        if self._disk is not None and stat_signature(self.case_file) != self._disk:
            raise CaseChangedError(
                f"{self.case_file} was changed by another program after it was opened; "
                "nothing was saved. Open the case again."
            )
        fd = -1
        tmp = ""
        try:
            if self._backup is not None:
                (self.root / (CASE_FILE + ".bak")).write_bytes(self._backup)
                self._backup = None
            on_disk = log_file.append(self.root, self._log_on_disk, self.case.log, lines)
            fd, tmp = tempfile.mkstemp(prefix=".case.", suffix=".tmp", dir=self.root)
            with os.fdopen(fd, "wb") as fh:
                fd = -1
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.case_file)
            tmp = ""
            self._disk = stat_signature(self.case_file)
            self._log_on_disk = on_disk
            _fsync_dir(self.root)
        except OSError as exc:
            raise describe_os_error(exc, self.case_file) from exc
        finally:
            if fd >= 0:
                os.close(fd)
            if tmp:
                Path(tmp).unlink(missing_ok=True)

    def check_writable(self) -> None:
        """Raise CaseReadOnlyError before starting work that must write to the case, and
        UnsafePathError when originals/ is a link out of it (the other folders are
        checked where they are written: store.folder)."""
        if self.read_only:
            raise CaseLockedError(self.read_only)
        case_paths.case_folder(self.root, ORIGINALS, create=False)
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
        """Forget the removed items, then delete their files for good; returns how many went.

        The case is saved first, so it never names a file that is gone.
        """
        gone = case_ops.empty_bin(self.case)
        self.save()
        self.delete_files(gone)
        return len(gone)

    def delete_files(self, items: list[Item]) -> None:
        """Delete the files of forgotten items that no live item still uses.

        Paths are compared after resolving them, so a hand-edited alias (originals/./x, a
        link) of a live file is never deleted, and nothing outside the case folder is ever
        touched. Every file is tried; the first that cannot be deleted is then reported.
        """
        live = {os.path.realpath(self.root / it.file) for it in self.case.items}
        problems: list[EvidenceKitError] = []
        for it in items:
            path = self.root / it.file
            inside = case_paths.resolves_inside(self.root, path)
            if not inside or os.path.realpath(path) in live or not path.exists():
                continue
            try:
                case_paths.remove_file(path)
            except OSError as exc:
                problems.append(describe_os_error(exc, path))
        if problems:
            raise problems[0]


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
    values = {k: case_values.normalize_fact(k, v) for k, v in facts.items() if v is not None}
    case_values.check_dates(values, {}, set(values))
    return CaseStore.create(Path(root), Facts(**values))
