"""The menu of services with their costs and prices, one row each and a totals row in bold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from costready.costing.explain import break_even_text, surplus_words, units_text
from costready.costing.results import ScenarioResult, ServiceResult
from costready.i18n import N_, _
from costready.ui.widgets import money_text

ModelIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """A named column: its header, how a service shows in it and whether it is a number."""

    key: str
    header: str
    numeric: bool = True


# Headers break over two lines so twelve columns fit beside the sidebar on a laptop screen.
COLUMNS = (
    Column("service", N_("Service"), numeric=False),
    Column("unit", N_("Unit"), numeric=False),
    Column("planned_units", N_("Planned\nunits")),
    Column("full_cost", N_("Full cost\na year")),
    Column("unit_cost", N_("Unit\ncost")),
    Column("price", N_("Price\n(net)")),
    Column("price_inc_vat", N_("Price\nincl. VAT")),
    Column("surplus_per_unit", N_("Surplus\nper unit")),
    Column("surplus_rule", N_("Surplus\nrule"), numeric=False),
    Column("income", N_("Income\na year")),
    Column("surplus", N_("Surplus\na year")),
    Column("break_even", N_("Break-even\nvolume")),
)
COLUMN_KEYS = [column.key for column in COLUMNS]


def _raw(service: ServiceResult, key: str) -> Any:
    """The value a column sorts and tests by (Decimal for figures)."""
    return {
        "service": service.name,
        "unit": service.unit,
        "planned_units": service.planned_units,
        "full_cost": service.full_cost,
        "unit_cost": service.unit_cost,
        "price": service.price,
        "price_inc_vat": service.price_inc_vat,
        "surplus_per_unit": service.surplus_per_unit,
        "surplus_rule": service.surplus_value,
        "income": service.income,
        "surplus": service.surplus_at_planned_volume,
        "break_even": service.break_even_units,
    }[key]


def _text(service: ServiceResult, key: str) -> str:
    value = _raw(service, key)
    if key in ("service", "unit"):
        return value
    if key == "planned_units":
        return units_text(value)
    if key == "surplus_rule":
        return surplus_words(service.surplus_convention, service.surplus_value)
    if key == "break_even":
        return break_even_text(service)
    return money_text(value)


class PricesTableModel(QAbstractTableModel):
    """One row per service of a ScenarioResult, then a bold, unselectable totals row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: ScenarioResult | None = None
        # each cell's words, made once: views ask for them many times (painting, fitting the
        # columns, accessibility) and formatting money in the locale is the costly part
        self._texts: dict[tuple[int, int], str] = {}
        #: False when the organisation is not VAT registered: the incl. VAT column is empty
        #: (and the page hides it)
        self.charges_vat = True

    def set_result(self, result: ScenarioResult | None, charges_vat: bool = True) -> None:
        self.beginResetModel()
        self._result = result
        self.charges_vat = charges_vat
        self._texts.clear()
        self.endResetModel()

    @property
    def services(self) -> tuple[ServiceResult, ...]:
        return self._result.services if self._result else ()

    def service_at(self, row: int) -> ServiceResult | None:
        """The service on `row`, or None for the totals row."""
        return self.services[row] if 0 <= row < len(self.services) else None

    def row_of(self, service_id: str) -> int:
        return next((i for i, s in enumerate(self.services) if s.id == service_id), -1)

    def is_totals_row(self, row: int) -> bool:
        return self._result is not None and row == len(self.services)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._result is None:
            return 0
        return len(self.services) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.header)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _(column.header).replace("\n", " ")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_totals_row(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._result is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        if self.is_totals_row(index.row()):
            return self._totals_data(column.key, role)
        service = self.services[index.row()]
        if column.key == "price_inc_vat" and not self.charges_vat:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            cell = (index.row(), index.column())
            if cell not in self._texts:
                self._texts[cell] = _text(service, column.key)
            return self._texts[cell]
        if role == Qt.ItemDataRole.UserRole:
            return _raw(service, column.key)
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "break_even":
            return _("Units a year at which income covers the full cost")
        return None

    def _totals_data(self, key: str, role: int) -> Any:
        result = self._result
        assert result is not None
        totals = {
            "full_cost": result.total_full_cost,
            "income": result.total_income,
            "surplus": result.total_surplus,
        }
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return totals.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "service":
                return _("Total")
            return money_text(totals[key]) if key in totals else ""
        return None
