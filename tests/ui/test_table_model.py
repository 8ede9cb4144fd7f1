"""The generic table model: display through babel, raw Decimals for sorting, refused edits."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from costready.ui.table_model import (
    SORT_ROLE,
    Column,
    ColumnKind,
    EditRefused,
    RecordTableModel,
    literal,
)


@dataclass(frozen=True)
class Row:
    name: str
    amount: Decimal
    share: Decimal
    flag: bool = False
    colour: str = "red"


def _reject_reserved(row: Row, value: str) -> Row:
    if value == "reserved":
        raise EditRefused("Name: “reserved” cannot be used")
    return dataclasses.replace(row, name=value)


def make_model(committed: list | None = None) -> RecordTableModel:
    replace = dataclasses.replace
    columns = [
        Column("name", "Name", lambda r: r.name, set=_reject_reserved),
        Column(
            "amount",
            "Amount",
            lambda r: r.amount,
            ColumnKind.MONEY,
            set=lambda r, v: replace(r, amount=v),
        ),
        Column(
            "share",
            "Share",
            lambda r: r.share,
            ColumnKind.PERCENT,
            set=lambda r, v: replace(r, share=v),
            maximum=Decimal(1),
        ),
        Column(
            "flag", "Flag", lambda r: r.flag, ColumnKind.BOOL, set=lambda r, v: replace(r, flag=v)
        ),
        Column(
            "colour",
            "Colour",
            lambda r: r.colour,
            ColumnKind.CHOICE,
            set=lambda r, v: replace(r, colour=v),
            choices=lambda r: [("Red", "red"), ("Blue", "blue")],
        ),
        Column("total", "Total", lambda r: r.amount * 2, ColumnKind.MONEY),
    ]
    rows = [
        Row("Rent", Decimal("9000.00"), Decimal("0.05")),
        Row("Phones", Decimal("1234.5"), Decimal("0.1074"), True, "blue"),
    ]

    def commit(new_rows: tuple, description: str) -> bool:
        if committed is not None:
            committed.append(description)
        model.set_rows(new_rows)
        return True

    model = RecordTableModel(columns, rows, committer=commit)
    return model


def test_the_model_passes_qts_model_checks(qtmodeltester):
    qtmodeltester.check(make_model())


def test_money_shows_in_pounds_right_aligned_and_sorts_by_the_raw_decimal():
    model = make_model()
    index = model.index_of(1, "amount")
    assert index.data() == "£1,234.50"
    assert index.data(SORT_ROLE) == Decimal("1234.5")
    assert isinstance(index.data(SORT_ROLE), Decimal)
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index_of(1, "share").data() == "10.74%"
    assert model.index_of(1, "colour").data() == "Blue"


def test_a_good_edit_is_parsed_and_committed_with_a_description():
    committed: list[str] = []
    model = make_model(committed)
    assert model.setData(model.index_of(0, "amount"), "£9,500.25")
    assert model.item(0).amount == Decimal("9500.25")
    assert model.setData(model.index_of(0, "share"), "12.5%")
    assert model.item(0).share == Decimal("0.125")
    assert committed == ["Change to Rent's amount", "Change to Rent's share"]


@pytest.mark.parametrize(
    ("key", "text", "words"),
    [
        ("amount", "abc", "Amount: “abc” is not an amount"),
        ("amount", "-5", "Amount: cannot be negative"),
        ("share", "150", "Share: cannot be more than 100%"),
        ("name", "   ", "Name: cannot be empty"),
        ("name", "reserved", "Name: “reserved” cannot be used"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field(qtbot, key, text, words):
    committed: list[str] = []
    model = make_model(committed)
    before = model.rows
    with qtbot.waitSignal(model.edit_refused) as signal:
        assert not model.setData(model.index_of(0, key), text)
    assert signal.args == [words]
    assert model.rows == before
    assert committed == []


def test_read_only_columns_refuse_edits_and_are_not_editable():
    model = make_model()
    index = model.index_of(0, "total")
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "5")


def test_a_check_box_column_edits_through_the_check_state():
    model = make_model()
    index = model.index_of(0, "flag")
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.item(0).flag is True
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_an_unchanged_value_commits_nothing():
    committed: list[str] = []
    model = make_model(committed)
    assert model.setData(model.index_of(0, "amount"), "9000")
    assert committed == []


def test_literal_doubles_ampersands():
    assert literal("Lunch & <club>") == "Lunch && <club>"
