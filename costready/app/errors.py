"""The errors a screen may catch from the app layer, importable before storage is loaded.

`costready.storage.errors` imports no SQLAlchemy, so the window can name these at start-up
without paying for the database layer before its first paint.
"""

from __future__ import annotations

from costready.storage.errors import InvalidData, NameTaken, StaleRecord, StorageError

__all__ = ["InvalidData", "NameTaken", "StaleRecord", "StorageError"]
