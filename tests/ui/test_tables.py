"""The window's tables: room for a header's sort arrow."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_right_aligned_title_stops_short_of_the_sort_arrow(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QHeaderView, QProxyStyle, QStyle, QStyleOptionHeader

    from costready.ui.tables import show_sort_arrow

    header = QHeaderView(Qt.Orientation.Horizontal)
    qtbot.addWidget(header)
    show_sort_arrow(header)
    assert header.isSortIndicatorShown()
    drawn: list[int] = []
    monkeypatch.setattr(
        QProxyStyle,
        "drawControl",
        lambda _s, _e, option, _p, _w=None: drawn.append(option.rect.width()),
    )
    option = QStyleOptionHeader()
    option.rect = QRect(0, 0, 100, 24)
    option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    for alignment in (Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft):
        option.textAlignment = alignment
        header.style().drawControl(QStyle.ControlElement.CE_HeaderLabel, option, None, header)
    assert drawn == [100 - 16, 100]  # room for the arrow on the right


def test_plain_label_shows_markup_as_typed_and_read_only_view_takes_no_edits(qtbot) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QAbstractItemView

    from costready.ui.pages._table_page import TablePage
    from costready.ui.widgets import plain_label

    label = plain_label("Tea & Cake <b>CIC</b>", name="Name")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.wordWrap()
    assert label.accessibleName() == "Name"
    assert not plain_label("x", wrap=False).wordWrap()
    view = TablePage.read_only_view(QStandardItemModel(2, 2), "Lines")
    qtbot.addWidget(view)
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.accessibleName() == "Lines"
