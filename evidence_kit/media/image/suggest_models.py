"""Loads the suggester's model files (resources/models/), with a clear error when one is bad.

A missing or damaged model (a half-copied install, a frozen build without its resources) would
otherwise surface as an OpenCV exception; the shopper gets one sentence saying what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from evidence_kit.core.errors import ModelError
from evidence_kit.core.resources import resource_path

T = TypeVar("T")


def load_model(name: str, what: str, build: Callable[[str], T]) -> T:
    """build(path) for resources/<name>; ModelError names the model if that fails."""
    import cv2

    try:
        return build(str(resource_path(name)))
    except (ValueError, OSError, cv2.error) as exc:
        raise ModelError(
            f"The {what} model ({name}) is missing or damaged; reinstall Evidence Kit."
        ) from exc
