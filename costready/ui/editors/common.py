"""Pieces the detail dialogs share: a percentage spin box read as Decimal, ids, a name dialog."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from costready.costing import bounds
from costready.costing.ids import new_id, slug
from costready.i18n import _
from costready.money import to_decimal
from costready.ui.widgets import FieldError

HUNDRED = Decimal(100)
_UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def slugify(name: str) -> str:
    """“Day activities (Tues)” → "day-activities-tues": a readable, file-safe id."""
    return slug(name)


def unique_id(name: str, taken: Collection[str]) -> str:
    """The slug of `name`, with -2, -3… added until it is not in `taken` (the domain's rule)."""
    return new_id(name, taken)


class DecimalSpinBox(QDoubleSpinBox):
    """A spin box whose value is read and set as Decimal through its text (never a float sum)."""

    def __init__(
        self,
        maximum: Decimal = HUNDRED,
        decimals: int = 2,
        suffix: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        # a fixed UK locale: the text is read back as a Decimal and must use "." for decimals
        self.setLocale(_UK)
        self.setDecimals(decimals)
        self.setRange(0, float(maximum))
        self.setSuffix(suffix)
        self.setGroupSeparatorShown(False)
        self.setKeyboardTracking(True)
        self._given: Decimal | None = None
        self._given_text = ""

    def decimal_value(self) -> Decimal:
        """The value as a Decimal: exactly what `set_decimal` was given while the text shown
        for it is untouched (an imported 33.335 stays 33.335), else the text as typed."""
        text = self.cleanText()
        if self._given is not None and text == self._given_text:
            return self._given
        return to_decimal(text.replace(",", ""))

    def set_decimal(self, value: Decimal) -> None:
        # Qt holds a double and shows `decimals` places; the exact Decimal is kept beside it
        # (set first: listeners read decimal_value() as soon as the value changes)
        self._given = value
        self._given_text = self.textFromValue(float(value))
        self.setValue(float(value))  # for display only; the saved value is `_given`


class PercentSpinBox(DecimalSpinBox):
    """0–100% with two decimals; `share()` is the value as a fraction (12.5% → 0.125)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HUNDRED, 2, "%", parent)

    def share(self) -> Decimal:
        return self.decimal_value() / HUNDRED

    def set_share(self, share: Decimal) -> None:
        self.set_decimal(share * HUNDRED)


class NewItemDialog(QDialog):
    """Ask for a new item's name. Its id (used in model files and price lists) is made from
    the name, unique among `taken_ids`: a manager never needs to see or type it."""

    def __init__(
        self,
        title: str,
        name_label: str,
        taken_ids: Collection[str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._taken = set(taken_ids)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(name_label)
        form.addRow(name_label, self.name_edit)
        layout.addLayout(form)
        self.error = FieldError()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._name_label = name_label
        self.name_edit.textEdited.connect(self._on_name_edited)

    @property
    def name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def item_id(self) -> str:
        return unique_id(self.name, self._taken) if self.name else ""

    def _on_name_edited(self, _text: str) -> None:
        self.error.clear_error()

    def problem(self) -> str:
        """What stops the item being added, in words naming the field; "" when fine."""
        if not self.name:
            return _("{field}: cannot be empty").format(field=self._name_label)
        return bounds.NAME.refusal(self.name, self._name_label) or ""

    def _on_buttons_accepted(self) -> None:
        message = self.problem()
        if message:
            self.error.show_error(message)
            self.name_edit.setFocus()
            return
        self.accept()
