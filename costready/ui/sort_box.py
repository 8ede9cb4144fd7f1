"""A "Sort by" box and a direction box for a table whose header sorts, kept in step with it.

A header's click sorts, but a keyboard user cannot reach a header: the boxes are their way to
the same sort. The header's sort indicator stays the one record of the order (the page reads
it), so a click on the header moves the boxes and a choice in the boxes moves the indicator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QWidget

from costready.i18n import _

#: The key box's data for the usual order: the header shows no indicator for it.
USUAL_ORDER = -1


class SortBox(QWidget):
    """A key box (the usual order, then each column) and a direction box over `header`; the
    direction box is off while the usual order, which has no direction, is chosen."""

    def __init__(self, header: QHeaderView, usual: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = header
        self._following = False  # set while the boxes follow the header: nothing to send back
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.key_combo = QComboBox()
        self.key_combo.setAccessibleName(_("Sort by"))
        self.key_combo.addItem(usual, USUAL_ORDER)
        model = header.model()
        for section in range(header.count()):
            title = model.headerData(section, Qt.Orientation.Horizontal)
            self.key_combo.addItem(str(title), section)
        self.direction_combo = QComboBox()
        self.direction_combo.setAccessibleName(_("Sort direction"))
        self.direction_combo.addItem(_("Ascending"), False)
        self.direction_combo.addItem(_("Descending"), True)
        label = QLabel(_("Sort &by:"))
        label.setBuddy(self.key_combo)
        layout.addWidget(label)
        layout.addWidget(self.key_combo)
        layout.addWidget(self.direction_combo)
        self._on_header_sort_indicator_changed(
            header.sortIndicatorSection(), header.sortIndicatorOrder()
        )
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.key_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.direction_combo.currentIndexChanged.connect(self._on_choice_changed)

    def _on_choice_changed(self) -> None:
        if self._following:
            return
        section = self.key_combo.currentData()
        descending = bool(self.direction_combo.currentData())
        self.direction_combo.setEnabled(section != USUAL_ORDER)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        # the header tells whoever sorts (its sortIndicatorChanged), as a click would
        self.header.setSortIndicator(section, order)

    def _on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        self._following = True
        try:
            found = self.key_combo.findData(section)
            self.key_combo.setCurrentIndex(max(0, found))  # no indicator: the usual order
            if found > 0:
                self.direction_combo.setCurrentIndex(
                    1 if order is Qt.SortOrder.DescendingOrder else 0
                )
            self.direction_combo.setEnabled(found > 0)
        finally:
            self._following = False
