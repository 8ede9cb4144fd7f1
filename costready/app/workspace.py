"""The workspace as the window and the command line open it (the one door to storage).

Importing this module loads SQLAlchemy: the window imports it only after it is on screen.
"""

from __future__ import annotations

from costready.app.errors import InvalidData, NameTaken, StaleRecord, StorageError
from costready.storage.workspace import Workspace

__all__ = [
    "InvalidData",
    "NameTaken",
    "StaleRecord",
    "StorageError",
    "Workspace",
    "open_workspace",
]


def open_workspace(url: str | None = None) -> Workspace:
    """The workspace at `url`, else $COSTREADY_DATABASE_URL, else the default one (migrated
    to this version's schema after a backup); StorageError says why it cannot be opened."""
    return Workspace.open(url)
