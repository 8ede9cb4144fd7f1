"""The invoice list's model reads a page at a time, as the view asks for more."""

from __future__ import annotations

from decimal import Decimal

from costready.ui.lazy_model import PAGE_SIZE, LazyRecordModel
from costready.ui.table_model import Column, ColumnKind


def columns():
    return [
        Column("n", "Number", lambda r: r[0]),
        Column("total", "Total", lambda r: r[1], kind=ColumnKind.MONEY),
    ]


def test_reads_one_page_first_and_more_when_asked(qtbot, qtmodeltester):
    rows = [(f"INV-{i:05d}", Decimal(i)) for i in range(PAGE_SIZE * 2 + 7)]
    asked: list[tuple[int, int]] = []

    def fetch(offset, limit):
        asked.append((offset, limit))
        return rows[offset : offset + limit]

    model = LazyRecordModel(columns())
    model.set_source(len(rows), fetch)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == len(rows)
    assert asked == [(0, PAGE_SIZE)]
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == len(rows)
    assert not model.canFetchMore()
    assert asked[-1] == (PAGE_SIZE * 2, PAGE_SIZE)
    assert model.index(PAGE_SIZE * 2 + 6, 1).data() == f"£{PAGE_SIZE * 2 + 6}.00"
    qtmodeltester.check(model)


def test_fewer_rows_than_counted_stop_the_reading(qtbot):
    rows = [("INV-1", Decimal(1))]
    model = LazyRecordModel(columns())
    model.set_source(PAGE_SIZE + 50, lambda offset, limit: rows * PAGE_SIZE if offset == 0 else [])
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE
    assert not model.canFetchMore()


def test_an_empty_source_reads_nothing(qtbot):
    model = LazyRecordModel(columns())

    def fetch(offset, limit):
        raise AssertionError("nothing to read")

    model.set_source(0, fetch)
    assert model.rowCount() == 0
    assert not model.canFetchMore()
