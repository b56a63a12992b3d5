"""Where the app keeps its settings and data, from platformdirs.

Each location can be overridden with an environment variable, which is how the tests and
the CI keep the user's real folders untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "evidence-kit"


def _dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else Path(default)
    return path


def config_dir() -> Path:
    """Settings live here (EVIDENCE_KIT_CONFIG_DIR overrides)."""
    import platformdirs

    return _dir("EVIDENCE_KIT_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Sample cases and new cases default here (EVIDENCE_KIT_DATA_DIR overrides)."""
    import platformdirs

    return _dir("EVIDENCE_KIT_DATA_DIR", platformdirs.user_data_dir(APP_NAME))


def cases_dir() -> Path:
    """Default parent folder offered for new cases (EVIDENCE_KIT_CASES_DIR overrides)."""
    import platformdirs

    default = Path(platformdirs.user_documents_dir()) / "Evidence Kit"
    return _dir("EVIDENCE_KIT_CASES_DIR", str(default))


def cache_dir() -> Path:
    """Rebuildable caches (EVIDENCE_KIT_CACHE_DIR overrides)."""
    import platformdirs

    return _dir("EVIDENCE_KIT_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME))


def log_dir() -> Path:
    """The rotating log and the crash log (EVIDENCE_KIT_LOG_DIR overrides)."""
    import platformdirs

    return _dir("EVIDENCE_KIT_LOG_DIR", platformdirs.user_log_dir(APP_NAME))


def log_file() -> Path:
    """The app's log file (rotated: evidence-kit.log.1, .2, ... are the older ones)."""
    return log_dir() / "evidence-kit.log"


def crash_file() -> Path:
    """Where faulthandler writes the Python stacks of a hard crash."""
    return log_dir() / "crash.log"
