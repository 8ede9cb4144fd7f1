"""An overhead pool: its name and how its cost is shared across services."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from costready.costing.model import BASIS_LABELS, Basis, OverheadPool, Scenario
from costready.i18n import _
from costready.ui.editors.common import unique_id
from costready.ui.editors.shares import SharesEditor
from costready.ui.widgets import FieldError, plain_label


class PoolDialog(QDialog):
    """Add or change an overhead pool (management, administration…)."""

    def __init__(
        self,
        pool: OverheadPool | None,
        scenario: Scenario,
        taken_ids: Collection[str] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._pool = pool
        self._taken = set(taken_ids)
        self.setWindowTitle(_("Overhead pool") if pool else _("New overhead pool"))
        layout = QVBoxLayout(self)
        note = plain_label(
            _(
                "A pool gathers an overhead — staff time given to it and the costs that name "
                "it — and shares it across services by one basis."
            )
        )
        layout.addWidget(note)
        form = QFormLayout()
        self.name_edit = QLineEdit(pool.label if pool else "")
        self.name_edit.setAccessibleName(_("Pool name"))
        form.addRow(_("Pool name"), self.name_edit)
        self.basis_combo = QComboBox()
        self.basis_combo.setAccessibleName(_("Shared by"))
        for basis, label in BASIS_LABELS.items():
            self.basis_combo.addItem(_(label), basis.value)
        self.basis_combo.setCurrentIndex(
            self.basis_combo.findData((pool.basis if pool else Basis.STAFF_TIME).value)
        )
        form.addRow(_("Shared by"), self.basis_combo)
        layout.addLayout(form)
        keys = [(s.id, s.name) for s in scenario.services]
        self.shares_editor = SharesEditor(
            _("Set percentages"), keys, (pool.shares if pool and pool.shares else {})
        )
        layout.addWidget(self.shares_editor)
        self.error = FieldError()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.basis_combo.currentIndexChanged.connect(self._update)
        self.shares_editor.on_change(self._update)
        self.name_edit.textEdited.connect(lambda _text: self.error.clear_error())
        self._update()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def basis(self) -> Basis:
        return Basis(self.basis_combo.currentData())

    def result_pool(self) -> OverheadPool:
        """The pool as set in the dialog (a new one gets an id made from its name)."""
        name = self.name_edit.text().strip()
        shares: dict[str, Decimal] | None = None
        if self.basis() is Basis.SHARES:
            shares = self.shares_editor.shares()
        if self._pool is not None:
            return OverheadPool(id=self._pool.id, basis=self.basis(), shares=shares, name=name)
        return OverheadPool(
            id=unique_id(name, self._taken), basis=self.basis(), shares=shares, name=name
        )

    def _update(self) -> None:
        uses_shares = self.basis() is Basis.SHARES
        self.shares_editor.setVisible(uses_shares)
        self.ok_button.setEnabled(not uses_shares or self.shares_editor.is_complete())

    def _on_buttons_accepted(self) -> None:
        if not self.name_edit.text().strip():
            self.error.show_error(_("Pool name: cannot be empty"))
            return
        self.accept()
