"""Where the app's shipped resources and the user's workspace live."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "CostReady"


@cache  # every icon asks, before the window shows: resolve() is a few system calls
def resources_dir() -> Path:
    """The shipped `resources/` folder (beside the package, or inside a PyInstaller bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file inside `resources/`."""
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder for CostReady (created on first use)."""
    import platformdirs  # only needed once a workspace opens, after the window is up

    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # the workspace is no one else's
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)  # made by an earlier version, open to others
    return path


def default_database_url() -> str:
    """SQLite in the user's data folder: the default workspace."""
    return f"sqlite:///{data_dir() / 'workspace.sqlite'}"
