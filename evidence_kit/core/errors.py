"""Named errors. Each carries a one-line message a shopper can act on.

The CLI prints `str(error)` and exits 2 (or 1 for a failed check); the GUI shows it in a
dialog. Nothing here should ever need a traceback to be understood.
"""

from __future__ import annotations


class EvidenceKitError(Exception):
    """Base of every expected failure. `exit_code` is what the CLI returns."""

    exit_code = 2


class CancelledError(EvidenceKitError):
    """The user pressed Cancel; the work was rolled back."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


# --- cases -------------------------------------------------------------------------------


class CaseError(EvidenceKitError):
    """A case folder cannot be created, opened or saved."""


class CaseNotFoundError(CaseError):
    """There is no case at the given path."""


class CaseExistsError(CaseError):
    """A case already exists where a new one should be created."""


class CaseCorruptError(CaseError):
    """case.json cannot be read or fails validation; `field` names the bad field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SchemaTooNewError(CaseError):
    """case.json was written by a newer Evidence Kit."""


class CaseReadOnlyError(CaseError):
    """The case folder cannot be written (read-only disk or permissions)."""


class CaseLockedError(CaseError):
    """Another process holds the case's lock (another window, or a command still running)."""

    def __init__(self, message: str, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid


class CaseChangedError(CaseError):
    """case.json changed on disk after it was read, so saving would lose that change."""


class UnsafePathError(CaseError):
    """A file or folder of the case is a link that leads outside the case folder."""


class DiskFullError(EvidenceKitError):
    """The disk filled up; whatever was half-written has been removed."""


class ItemNotFoundError(CaseError):
    """No evidence item has the given id or exhibit number."""


class InvalidValueError(EvidenceKitError):
    """A value given by the user is not acceptable (bad date, unknown key, ...)."""


class InvalidMarkError(InvalidValueError):
    """One annotation breaks the mark schema; `field` names its bad key ("" for the mark
    itself) and `reason` says what is wrong with it."""

    def __init__(self, message: str, field: str, reason: str) -> None:
        super().__init__(message)
        self.field = field
        self.reason = reason


# --- media -------------------------------------------------------------------------------


class MediaError(EvidenceKitError):
    """A media file cannot be used."""


class UnreadableFileError(MediaError):
    """The path does not exist, is not a file, or cannot be read."""


class EmptyFileError(MediaError):
    """The file has 0 bytes."""


class UnsupportedMediaError(MediaError):
    """The content is not a photo, video or document type the app handles."""


class CorruptMediaError(MediaError):
    """The content claims a known type but cannot be decoded (truncated, no index, ...)."""


class ImageTooLargeError(MediaError):
    """The image header claims dimensions big enough to be a decompression bomb."""


class DuplicateItemError(MediaError):
    """The same file (same SHA-256) is already in the case."""


class VideoError(MediaError):
    """A video operation failed (decode, seek, encode)."""


class TimeRangeError(VideoError):
    """A requested time lies before 0 or past the end of the video."""


class CameraError(MediaError):
    """No camera, or the camera stopped delivering frames."""


class ModelError(MediaError):
    """A detector's model file that ships with the app is missing or cannot be loaded."""


# --- export / verify ---------------------------------------------------------------------


class ExportError(EvidenceKitError):
    """The export cannot be produced."""


class IntegrityError(ExportError):
    """An original no longer matches its recorded hash, or a bundle was tampered with."""

    exit_code = 1


class UnsafeArchiveError(EvidenceKitError):
    """A zip has absolute paths, '..', links or the shape of a zip bomb."""


class NetworkError(EvidenceKitError):
    """A network call the user asked for (translation) could not be made."""


def describe_os_error(exc: OSError, path: object) -> EvidenceKitError:
    """Turn an OSError into the named error a shopper understands."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(
            f"The disk is full while writing {path}. Free some space and try again."
        )
    if exc.errno in (errno.EROFS,):
        return CaseReadOnlyError(f"{path} is on a read-only disk.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return CaseReadOnlyError(f"No permission to write {path}.")
    if exc.errno == errno.ENOENT:
        return UnreadableFileError(f"{path} does not exist.")
    return EvidenceKitError(f"{path}: {exc.strerror or exc}")


# --- the desktop app ---------------------------------------------------------------------


class NoDisplayError(EvidenceKitError):
    """The desktop app cannot open a window here: there is no display to show it on."""
