"""A table model that reads its rows a page at a time, as the view scrolls to them.

The invoice list may hold 100,000 documents: the app layer counts them and hands out pages
(`offset`, `limit`) sorted and filtered in SQL, and the view asks for the next page
(`canFetchMore`/`fetchMore`) only when it scrolls near the end of what it has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from costready.ui.table_model import Column, RecordTableModel

#: rows read per page: a screenful or two, so the first page shows at once
PAGE_SIZE = 200

Fetch = Callable[[int, int], Sequence[Any]]


class LazyRecordModel(RecordTableModel):
    """Read-only rows from `fetch(offset, limit)`, `count` of them in all."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None):
        super().__init__(columns, parent=parent)
        self._fetch: Fetch | None = None
        self._count = 0

    @property
    def total(self) -> int:
        """How many rows there are in all (not only those read so far)."""
        return self._count

    def set_source(self, count: int, fetch: Fetch) -> None:
        """Start again over `count` rows read through `fetch`; the first page is read now."""
        self.beginResetModel()
        self._fetch, self._count = fetch, count
        self._rows = tuple(fetch(0, PAGE_SIZE)) if count else ()
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._count

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        more = tuple(self._fetch(len(self._rows), PAGE_SIZE))
        if not more:  # fewer than counted (deleted meanwhile): stop asking
            self._count = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows = self._rows + more
        self.endInsertRows()
