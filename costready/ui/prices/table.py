"""The menu of services with their costs and prices, one row each and a totals row in bold.

A service the engine could not price keeps its row, in its place: "Cannot be priced" in the
price column, the reason in the row's tooltip and in what a screen reader reads of the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from costready.costing.explain import break_even_text, surplus_words, units_text
from costready.costing.results import ScenarioResult, ServiceResult, UnpricedService
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


def unpriced_text(service: UnpricedService) -> str:
    """Why `service` cannot be priced, each reason once ("planned units must be more than
    zero; …"), without the service's name the domain's messages start with."""
    prefix = f"{service.name}: "
    reasons = (problem.message.removeprefix(prefix) for problem in service.problems)
    return "; ".join(dict.fromkeys(reasons))


def unpriced_names(services: Sequence[UnpricedService]) -> str:
    """Each service that cannot be priced with its reason, one a line ("Counselling: …")."""
    return "\n".join(f"{service.name}: {unpriced_text(service)}" for service in services)


class PricesTableModel(QAbstractTableModel):
    """One row per service of a ScenarioResult (priced or not), then a bold totals row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: ScenarioResult | None = None
        self._rows: tuple[ServiceResult | UnpricedService, ...] = ()
        # each cell's words, made once: views ask for them many times (painting, fitting the
        # columns, accessibility) and formatting money in the locale is the costly part
        self._texts: dict[tuple[int, int], str] = {}
        #: False when the organisation is not VAT registered: the incl. VAT column is empty
        #: (and the page hides it)
        self.charges_vat = True

    def set_result(
        self,
        result: ScenarioResult | None,
        order: Sequence[str] = (),
        charges_vat: bool = True,
    ) -> None:
        """Show `result`; its priced and unpriced services in `order` (service ids: the
        scenario's order), any not named after them. `charges_vat` False: no incl. VAT figures."""
        self.beginResetModel()
        self._result = result
        self.charges_vat = charges_vat
        rows: list[ServiceResult | UnpricedService] = []
        if result is not None:
            rows = [*result.services, *result.unpriced]
            place = {service_id: index for index, service_id in enumerate(order)}
            rows.sort(key=lambda row: place.get(row.id, len(place)))
        self._rows = tuple(rows)
        self._texts.clear()
        self.endResetModel()

    @property
    def services(self) -> tuple[ServiceResult, ...]:
        """The services priced, in the table's order."""
        return tuple(row for row in self._rows if isinstance(row, ServiceResult))

    @property
    def unpriced(self) -> tuple[UnpricedService, ...]:
        """The services that could not be priced, in the table's order."""
        return tuple(row for row in self._rows if isinstance(row, UnpricedService))

    def service_at(self, row: int) -> ServiceResult | None:
        """The priced service on `row`; None for the totals row or a service not priced."""
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, ServiceResult) else None

    def unpriced_at(self, row: int) -> UnpricedService | None:
        """The service on `row` when it could not be priced."""
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, UnpricedService) else None

    def row_of(self, service_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == service_id), -1)

    def is_totals_row(self, row: int) -> bool:
        return self._result is not None and row == len(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._result is None:
            return 0
        return len(self._rows) + 1

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
        service = self._rows[index.row()]
        if isinstance(service, UnpricedService):
            return self._unpriced_data(service, column.key, role)
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

    def _unpriced_data(self, service: UnpricedService, key: str, role: int) -> Any:
        """Its name and unit, "Cannot be priced" for the price, the reason on every cell."""
        texts = {"service": service.name, "unit": service.unit, "price": _("Cannot be priced")}
        if role == Qt.ItemDataRole.DisplayRole:
            return texts.get(key, "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if key == "price":
                return _("Cannot be priced: {reason}").format(reason=unpriced_text(service))
            return texts.get(key, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{service} cannot be priced: {reason}").format(
                service=service.name, reason=unpriced_text(service)
            )
        if role == Qt.ItemDataRole.UserRole:
            return texts.get(key)
        if role == Qt.ItemDataRole.FontRole and key == "price":
            font = QFont()
            font.setItalic(True)
            return font
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
                return _("Total of the priced services") if result.unpriced else _("Total")
            return money_text(totals[key]) if key in totals else ""
        return None
