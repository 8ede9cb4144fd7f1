"""The cell editor for RecordTableModel columns: a combo box for choices, a line edit otherwise."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from costready.ui.table_model import CHOICES_ROLE, KIND_ROLE, ColumnKind

AnyIndex = QModelIndex | QPersistentModelIndex


class ChoiceEditor(QComboBox):
    """A combo box that knows whether its list was opened (a pick there ends the edit)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.popup_used = False

    def showPopup(self) -> None:
        self.popup_used = True
        super().showPopup()


class RecordDelegate(QStyledItemDelegate):
    """Edits cells by their column kind.

    Numbers are typed as text on purpose: the model reads them (parse_money, percentages) and
    refuses bad input with a message naming the field, which a spin box would hide.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        kind = index.data(KIND_ROLE)
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        if kind == ColumnKind.CHOICE:
            combo = ChoiceEditor(parent)
            for label, value in index.data(CHOICES_ROLE) or []:
                combo.addItem(label, value)
            combo.setAccessibleName(str(header))
            # a pick from the open list is meant: save it at once; arrow keys on the closed box
            # only move, and Enter (or leaving the cell) saves
            combo.activated.connect(lambda _i, c=combo: self._on_choice_activated(c))
            return combo
        editor = QLineEdit(parent)
        editor.setAccessibleName(str(header))
        editor.setFrame(False)
        if kind in (ColumnKind.MONEY, ColumnKind.NUMBER, ColumnKind.PERCENT):
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def _on_choice_activated(self, editor: ChoiceEditor) -> None:
        if editor.popup_used:
            self._commit_and_close(editor)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = next((i for i in range(editor.count()) if editor.itemData(i) == value), -1)
            editor.setCurrentIndex(position)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            if editor.currentIndex() >= 0:
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
