"""Shared test setup: offscreen Qt, private app folders, no network, media factories."""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config/data/cache/log folders: the user's are never touched."""
    base = tmp_path_factory.mktemp("appdirs")
    for name in ("CONFIG", "DATA", "CACHE", "CASES", "LOG"):
        monkeypatch.setenv(f"EVIDENCE_KIT_{name}_DIR", str(base / name.lower()))
    return base


@pytest.fixture(autouse=True)
def no_logs_gte_error(caplog: pytest.LogCaptureFixture):  # type: ignore[no-untyped-def]
    """Fail any test that logs at ERROR or above (PySceneDetect's net): an ERROR is a bug
    the app reports to the shopper, so a test that provokes one on purpose asserts on it and
    then calls caplog.clear()."""
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not errors, "logged at ERROR: " + "; ".join(
        f"{r.name}: {r.getMessage().splitlines()[0]}" for r in errors
    )


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach the network."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Fail any internet socket use: only translation may touch the network, and its
    tests use a fake backend. A test marked `localhost` may reach 127.0.0.1 and nothing
    else (the timestamp tests run their own authority there)."""
    real_connect = socket.socket.connect
    real_create = socket.create_connection
    local = request.node.get_closest_marker("localhost") is not None

    def allowed(address: object) -> bool:
        return local and isinstance(address, tuple) and address[0] == "127.0.0.1"

    def guarded(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not allowed(address):
            raise NetworkBlocked(f"test tried to open a network connection to {address!r}")
        return real_connect(self, address)

    def create(address: object, *a: object, **k: object) -> socket.socket:
        if not allowed(address):
            raise NetworkBlocked(f"connection to {address!r}")
        return real_create(address, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection", create)


@pytest.fixture(autouse=True, scope="session")
def clear_clipboard_at_exit():
    """Qt's clipboard destroys the QMimeData it holds from a C++ exit handler, after
    Python is gone, which crashes the interpreter at exit; the app clears it on quit."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            QApplication.clipboard().clear()
            app.processEvents()
