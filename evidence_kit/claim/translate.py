"""'Translate to English' for the shopper's own notes: the only network use in the app.

It runs only when the shopper asks. deep-translator does the work (Google by default,
MyMemory selectable). Offline, it raises NetworkError with a plain message and the caller
keeps the original text. Tests register a fake backend; nothing here runs at import time.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from evidence_kit.core.errors import EvidenceKitError, NetworkError
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

CHUNK = 4500  # Google's web endpoint refuses more than 5000 characters per call
OFFLINE = (
    "Translation needs an internet connection, and none is available. Your text was kept as it is."
)


class Translator(Protocol):
    """What a backend must offer (deep-translator's translators do)."""

    def translate(self, text: str) -> str: ...


#: backend id -> (label, factory(source, target))
BackendFactory = Callable[[str, str], Translator]
_BACKENDS: dict[str, tuple[str, BackendFactory]] = {}


def _deep(class_name: str) -> BackendFactory:
    def make(source: str, target: str) -> Translator:
        import deep_translator

        cls: Any = getattr(deep_translator, class_name)
        return cls(source=source, target=target)

    return make


def register_backend(backend_id: str, label: str, factory: BackendFactory) -> None:
    """Add (or replace) a backend; tests use this to install a fake one."""
    _BACKENDS[backend_id] = (label, factory)


register_backend("google", "Google Translate", _deep("GoogleTranslator"))
register_backend("mymemory", "MyMemory", _deep("MyMemoryTranslator"))
DEFAULT_BACKEND = "google"


def backends() -> dict[str, str]:
    """Backend id -> label, for a selector."""
    return {key: label for key, (label, _) in _BACKENDS.items()}


@dataclass
class Translation:
    """A translation waiting for the shopper's review."""

    original: str
    text: str
    backend: str

    @property
    def changed(self) -> bool:
        return self.text.strip() != self.original.strip()


def _chunks(text: str, size: int = CHUNK) -> list[str]:
    """Split on paragraph, then line, then word boundaries so each piece fits `size`."""
    out: list[str] = []
    current = ""
    for part in text.split("\n"):
        while len(part) > size:
            cut = part.rfind(" ", 0, size)
            cut = cut if cut > 0 else size
            out.append(part[:cut])
            part = part[cut:].lstrip()
        candidate = f"{current}\n{part}" if current else part
        if len(candidate) > size:
            out.append(current)
            current = part
        else:
            current = candidate
    if current:
        out.append(current)
    return out


def _is_offline(exc: BaseException) -> bool:
    """No network, or the service would not answer (also when a backend wraps that)."""
    from deep_translator.exceptions import RequestError, TooManyRequests

    # requests' ConnectionError, Timeout, ProxyError and SSLError are OSErrors, as are
    # socket.gaierror and the built-in ConnectionError
    chain = (exc, exc.__cause__, exc.__context__)
    return any(isinstance(e, (OSError, RequestError, TooManyRequests)) for e in chain)


NETWORK_TIMEOUT_S = 20.0


def translate_text(
    text: str,
    backend: str = DEFAULT_BACKEND,
    target: str = "en",
    source: str = "auto",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Translation:
    """Translate `text` into `target`. Raises NetworkError offline; the text is never lost."""
    if backend not in _BACKENDS:
        raise EvidenceKitError(
            f"Unknown translation service '{backend}'; known: {', '.join(_BACKENDS)}"
        )
    if not text.strip():
        return Translation(text, text, backend)
    _, factory = _BACKENDS[backend]
    pieces = _chunks(text)
    out: list[str] = []
    previous_timeout = socket.getdefaulttimeout()
    # deep-translator calls requests without a timeout; urllib3 then falls back to the
    # socket default, so a dead connection fails in seconds instead of hanging the task
    socket.setdefaulttimeout(NETWORK_TIMEOUT_S)
    try:
        translator = factory(source, target)
        for index, piece in enumerate(pieces):
            if cancel is not None:
                cancel.check()
            progress(index / len(pieces), "Translating...")
            out.append(translator.translate(piece) if piece.strip() else piece)
    except EvidenceKitError:
        raise
    except Exception as exc:  # deep-translator and requests raise many kinds
        if _is_offline(exc):
            raise NetworkError(OFFLINE) from exc
        raise NetworkError(
            f"The translation service did not answer ({type(exc).__name__}). "
            "Your text was kept as it is."
        ) from exc
    finally:
        socket.setdefaulttimeout(previous_timeout)
    progress(1.0, "Translated")
    return Translation(text, "\n".join(str(p) for p in out), backend)
