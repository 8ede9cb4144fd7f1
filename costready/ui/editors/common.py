"""Pieces the detail dialogs share: a percentage spin box read as Decimal, ids, a name dialog."""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
    """Ask for a new item's name; its id is made from the name (unique) and may be changed."""

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
        self._id_typed = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(name_label)
        form.addRow(name_label, self.name_edit)
        # the id is made from the name; only someone who shares model files needs to see it
        self.advanced = QToolButton()
        self.advanced.setText(_("Advanced"))
        self.advanced.setCheckable(True)
        self.advanced.setAutoRaise(True)
        self.advanced.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.setAccessibleName(_("Show the advanced settings"))
        self.advanced.toggled.connect(self._on_advanced_toggled)
        form.addRow(self.advanced)
        self.id_edit = QLineEdit()
        self.id_edit.setAccessibleName(_("Id"))
        self.id_edit.setToolTip(
            _("A short fixed name used in model files and price lists; it never changes.")
        )
        form.addRow(_("&Id:"), self.id_edit)
        form.setRowVisible(self.id_edit, False)
        self._form = form
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
        self.id_edit.textEdited.connect(self._on_id_edited)

    @property
    def name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def item_id(self) -> str:
        return self.id_edit.text().strip()

    def _on_name_edited(self, text: str) -> None:
        if not self._id_typed:
            self.id_edit.setText(unique_id(text, self._taken) if text.strip() else "")
        self.error.clear_error()

    def _on_advanced_toggled(self, shown: bool) -> None:
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._form.setRowVisible(self.id_edit, shown)
        self.adjustSize()

    def _on_id_edited(self, _text: str) -> None:
        self._id_typed = True
        self.error.clear_error()

    def problem(self) -> str:
        """What stops the item being added, in words naming the field; "" when fine."""
        if not self.name:
            return _("{field}: cannot be empty").format(field=self._name_label)
        if not self.item_id:
            return _("Id: cannot be empty")
        if self.item_id in self._taken:
            return _("Id: “{id}” is already used; choose another").format(id=self.item_id)
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", self.item_id):
            return _("Id: use lower-case letters, digits and hyphens only (e.g. home-support)")
        return ""

    def _on_buttons_accepted(self) -> None:
        message = self.problem()
        if message:
            if self.name:  # every problem but a missing name is the id's: show the field
                self.advanced.setChecked(True)
            self.error.show_error(message)
            return
        self.accept()
