"""Set percentages of something (a cost line, a post's time) that must add up to 100%."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.money import format_percent
from costready.ui.editors.common import PercentSpinBox
from costready.ui.table_model import literal
from costready.ui.widgets import FieldError, ok_cancel, plain_label

ONE = Decimal(1)
#: How far a share box takes what is typed (in %): far past 100%, so that 150 stays 150 and is
#: refused with a message naming the box, not cut to 15% or 100% by the box itself.
TYPED_LIMIT = Decimal(1_000_000)


def strict_percent_box(spin: PercentSpinBox) -> PercentSpinBox:
    """`spin` made to keep a typed figure over 100% (see `share_problem`, which refuses it)."""
    spin.setMaximum(float(TYPED_LIMIT))
    return spin


def share_problem(spin: PercentSpinBox, field: str) -> str:
    """Why the share in `spin` cannot be saved, naming the field and the range; "" when fine."""
    share = spin.share()
    if share > ONE:
        return _("{field}: {typed} is more than 100% — enter from 0% to 100%").format(
            field=field, typed=format_percent(share)
        )
    return ""


def _name_label(name: str, buddy: QWidget) -> QLabel:
    """A label for a service or pool name, shown as typed: “Lunch & <club>” keeps its "&"
    (not a shortcut) and its "<club>" (not markup)."""
    label = QLabel(literal(name))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    return label


class SharesEditor(QGroupBox):
    """A % spin box per key, and a live "Allocated 95% — 5% left" line."""

    def __init__(
        self,
        title: str,
        keys: Sequence[tuple[str, str]],
        shares: Mapping[str, Decimal],
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent)
        form = QFormLayout(self)
        self.spins: dict[str, PercentSpinBox] = {}
        for key, label in keys:
            spin = strict_percent_box(PercentSpinBox())
            spin.set_share(shares.get(key, Decimal(0)))
            spin.setAccessibleName(label)
            spin.valueChanged.connect(self._update_total)
            form.addRow(_name_label(label, spin), spin)
            self.spins[key] = spin
        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label.setAccessibleName(_("Allocated"))
        form.addRow(self.total_label)
        self.error = FieldError()
        form.addRow(self.error)
        self._labels = dict(keys)
        self._listeners: list = []
        self._update_total()

    def shares(self) -> dict[str, Decimal]:
        """The shares given (zero ones left out), as fractions."""
        values = {key: spin.share() for key, spin in self.spins.items()}
        return {key: value for key, value in values.items() if value}

    def total(self) -> Decimal:
        return sum(self.shares().values(), Decimal(0))

    def problem(self) -> str:
        """The first share typed over 100%, in words naming it ("" when every share fits)."""
        found = (share_problem(spin, self._labels[key]) for key, spin in self.spins.items())
        return next((message for message in found if message), "")

    def is_complete(self) -> bool:
        return self.total() == ONE and not self.problem()

    def on_change(self, callback: Callable[[], object]) -> None:
        self._listeners.append(callback)

    def _update_total(self) -> None:
        problem = self.problem()
        if problem:
            self.error.show_error(problem)
        else:
            self.error.clear_error()
        total = self.total()
        if total == ONE:
            text = _("Allocated 100% — all of it")
        elif total < ONE:
            text = _("Allocated {total} — {left} left").format(
                total=format_percent(total), left=format_percent(ONE - total)
            )
        else:
            text = _("Allocated {total} — {over} too much").format(
                total=format_percent(total), over=format_percent(total - ONE)
            )
        self.total_label.setText(text)
        for listener in self._listeners:
            listener()


class SharesDialog(QDialog):
    """Set percentages per service; OK only when they add up to 100%."""

    def __init__(
        self,
        title: str,
        explanation: str,
        keys: Sequence[tuple[str, str]],
        shares: Mapping[str, Decimal],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if explanation:
            note = plain_label(explanation)
            layout.addWidget(note)
        self.editor = SharesEditor(_("Shares"), keys, shares)
        layout.addWidget(self.editor)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.editor.on_change(self._update_ok)
        self._update_ok()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def shares(self) -> dict[str, Decimal]:
        return self.editor.shares()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.editor.is_complete())
