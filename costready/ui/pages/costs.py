"""The Costs page: running costs and how each is charged; sharing bases; overhead pools."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from costready.costing.model import (
    BASIS_LABELS,
    OVERHEAD_CATEGORIES,
    POOL_PREFIX,
    WEIGHTED_BASES,
    Basis,
    CostLine,
    OverheadPool,
    Scenario,
)
from costready.costing.validate import validate_cost_line
from costready.i18n import N_, _, ngettext
from costready.money import format_money
from costready.money import format_percent as _percent
from costready.problems import Problem
from costready.ui import edit_names
from costready.ui.editors.common import NewItemDialog
from costready.ui.editors.pool import PoolDialog
from costready.ui.editors.shares import SharesDialog
from costready.ui.pages._table_page import TablePage, fit_columns
from costready.ui.table_model import Column, ColumnKind, EditRefused, RecordTableModel
from costready.ui.widgets import plain_label

ZERO = Decimal(0)

HOW_LABELS = {
    "direct": N_("Direct to a service"),
    "apportion": N_("Shared by a basis"),
    "pool": N_("Part of an overhead pool"),
}
#: what the bases table asks for each weighted basis
BASIS_WEIGHT_HEADERS = {
    Basis.FLOOR_AREA: N_("Floor area (m²)"),
    Basis.HEADCOUNT: N_("Headcount"),
    Basis.USAGE: N_("Usage"),
}


@dataclass(frozen=True)
class BasisRow:
    """One service's weights for the weighted bases (a row of the bases table)."""

    service_id: str
    name: str
    weights: tuple[Decimal | None, ...]  # in WEIGHTED_BASES order


def weight_column(position: int, basis: Basis) -> Column:
    """The bases table's column for `basis`, the weight at `position` of each BasisRow."""

    def get(row: BasisRow) -> Decimal | None:
        return row.weights[position]

    def set_weight(row: BasisRow, value: Decimal | None) -> BasisRow:
        weights = (*row.weights[:position], value, *row.weights[position + 1 :])
        return dataclasses.replace(row, weights=weights)

    return Column(
        basis.value,
        BASIS_WEIGHT_HEADERS[basis],
        get,
        ColumnKind.NUMBER,
        set=set_weight,
        required=False,
    )


def shares_summary(shares: dict[str, Decimal] | None, scenario: Scenario) -> str:
    names = {s.id: s.name for s in scenario.services}
    return ", ".join(f"{names.get(k, k)} {_percent(v)}" for k, v in (shares or {}).items())


class CostsPage(TablePage):
    """Running costs, the weights that share them, and the overhead pools."""

    key = "costs"
    title = N_("Costs")
    subtitle = N_(
        "Everything the organisation pays for besides staff, and how each cost reaches the "
        "services: direct, shared by a basis, or through an overhead pool."
    )
    empty_text = N_("No costs yet — Add a cost")
    add_text = N_("Add a cost")

    # Rows ----------------------------------------------------------------------------------
    def rows_of(self, scenario: Scenario) -> tuple[CostLine, ...]:
        return scenario.costs

    def with_rows(self, scenario: Scenario, rows: tuple[Any, ...]) -> Scenario:
        return dataclasses.replace(scenario, costs=rows)

    def label_of(self, item: Any) -> str:
        return item.name

    def item_problems(self, item: Any, path: str) -> list[Problem]:
        # the domain's own rules for one line: a cell refuses what would stop the engine
        return validate_cost_line(item, path)

    # Cost line columns ---------------------------------------------------------------------
    def _set_how(self, line: CostLine, how: Any) -> CostLine:
        scenario = self.document.scenario
        cleared = dataclasses.replace(
            line, direct=None, basis=None, shares=None, pool=None, varies_with_volume=False
        )
        if how == "direct":
            if not scenario.services:
                raise EditRefused(_("Charged: add a service first, then charge costs to it"))
            return dataclasses.replace(cleared, direct=scenario.services[0].id)
        if how == "pool":
            if not scenario.pools:
                raise EditRefused(
                    _("Charged: add an overhead pool first (Overhead pools tab), then use it")
                )
            return dataclasses.replace(cleared, pool=scenario.pools[0].id)
        return dataclasses.replace(cleared, basis=Basis.STAFF_TIME)

    def _target_choices(self, line: CostLine) -> list[tuple[str, Any]]:
        scenario = self.document.scenario
        if line.kind == "direct":
            return [(s.name, s.id) for s in scenario.services]
        if line.kind == "pool":
            return [(p.label, p.id) for p in scenario.pools]
        return [(_(label), basis.value) for basis, label in BASIS_LABELS.items()]

    @staticmethod
    def _target(line: CostLine) -> Any:
        if line.kind == "direct":
            return line.direct
        if line.kind == "pool":
            return line.pool
        return line.basis.value if line.basis else None

    @staticmethod
    def _set_target(line: CostLine, value: Any) -> CostLine:
        if line.kind == "direct":
            return dataclasses.replace(line, direct=value)
        if line.kind == "pool":
            return dataclasses.replace(line, pool=value)
        basis = Basis(value)
        return dataclasses.replace(
            line, basis=basis, shares=(line.shares or {}) if basis is Basis.SHARES else None
        )

    def _target_text(self, line: CostLine) -> str:
        label = next(
            (text for text, value in self._target_choices(line) if value == self._target(line)),
            str(self._target(line) or ""),
        )
        if line.basis is Basis.SHARES:
            summary = shares_summary(dict(line.shares or {}), self.document.scenario)
            return (
                f"{label}: {summary}"
                if summary
                else _("{label} — Edit… to set them").format(label=label)
            )
        return label

    def build_columns(self) -> list[Column]:
        replace = dataclasses.replace
        return [
            Column("name", N_("Name"), lambda c: c.name, set=lambda c, v: replace(c, name=v)),
            Column(
                "category",
                N_("Category"),
                lambda c: c.category,
                ColumnKind.CHOICE,
                set=lambda c, v: replace(c, category=v),
                choices=lambda c: [(_(label), key) for key, label in OVERHEAD_CATEGORIES.items()],
                help=N_("For reports only; it never decides where a cost goes"),
            ),
            Column(
                "amount",
                N_("Amount a year"),
                lambda c: c.annual_amount,
                ColumnKind.MONEY,
                set=lambda c, v: replace(c, annual_amount=v),
                help=N_("What the organisation pays a year, with any VAT it cannot reclaim"),
            ),
            Column(
                "how",
                N_("Shared between services"),
                lambda c: c.kind,
                ColumnKind.CHOICE,
                set=self._set_how,
                choices=lambda c: [(_(label), key) for key, label in HOW_LABELS.items()],
                help=N_(
                    "How the cost is shared between your services (not who funds it). Direct: "
                    "all of it to one service. Shared: split over services by a basis (staff "
                    "time, floor area…). Pool: gathered with other overheads. Formerly "
                    "“Charged”."
                ),
                noun=N_("way of sharing"),
            ),
            Column(
                "target",
                N_("To / by"),
                self._target,
                ColumnKind.CHOICE,
                set=self._set_target,
                choices=self._target_choices,
                display=self._target_text,
                tooltip=self._target_text,
                noun=N_("destination"),
            ),
            Column(
                "varies",
                N_("Varies with volume"),
                lambda c: c.varies_with_volume,
                ColumnKind.BOOL,
                set=lambda c, v: replace(c, varies_with_volume=bool(v)),
                editable_if=lambda c: c.kind == "direct",
                help=N_(
                    "Tick a direct cost that rises and falls with the units sold (mileage, "
                    "materials); it counts as a variable cost for break-even."
                ),
                noun=N_("“varies with volume” setting"),
            ),
        ]

    # Building: tabs for the cost lines, the bases and the pools ----------------------------
    def place_table(self, layout: QVBoxLayout, table_area: QWidget) -> None:
        # under the lines, in bold: what they add up to, as a total row would
        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_label.setAccessibleName(_("Total of the cost lines"))
        bold = QFont(self.total_label.font())
        bold.setBold(True)
        self.total_label.setFont(bold)
        area_layout = table_area.layout()
        if area_layout is not None:
            area_layout.addWidget(self.total_label)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Costs"))
        self.tabs.addTab(table_area, _("Cost lines"))
        self.tabs.addTab(self._build_bases_tab(), _("Sharing bases"))
        self.tabs.addTab(self._build_pools_tab(), _("Overhead pools"))
        layout.addWidget(self.tabs, 1)

    def _build_bases_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        note = plain_label(
            _(
                "Weights for costs shared by floor area, headcount or usage: each service's "
                "share of a cost is its weight over the total. Leave a basis blank if no cost "
                "uses it."
            )
        )
        layout.addWidget(note)
        columns = [Column("service", N_("Service"), lambda r: r.name)]
        columns += [weight_column(position, basis) for position, basis in enumerate(WEIGHTED_BASES)]
        self.bases_model = RecordTableModel(
            columns,
            self._basis_rows(self.document.scenario),
            committer=self._commit_bases,
            label=lambda r: r.name,
            parent=self,
        )
        self.bases_model.edit_refused.connect(self._on_model_edit_refused)
        self.bases_model.edit_accepted.connect(self.error.clear_error)
        self.bases_view = self.make_view(self.bases_model, _("Sharing bases"))
        layout.addWidget(self.bases_view)
        return tab

    def _build_pools_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        note = plain_label(
            _(
                "An overhead pool gathers management or administration: staff time given to "
                "it and the costs charged to it, shared across services by one basis."
            )
        )
        layout.addWidget(note)
        self.add_pool_action = self._action(_("Add a pool"), "add", self.add_pool)
        self.edit_pool_action = self._action(_("Edit pool…"), "edit", self._on_edit_pool)
        self.remove_pool_action = self._action(_("Remove pool"), "remove", self._on_remove_pool)
        self.pool_buttons: dict[str, QToolButton] = {}
        actions = [self.add_pool_action, self.edit_pool_action, self.remove_pool_action]
        layout.addLayout(self.button_row(actions, self.pool_buttons))
        columns = [
            Column(
                "name",
                N_("Pool"),
                lambda p: p.label,
                set=lambda p, v: dataclasses.replace(p, name=v),
            ),
            Column(
                "basis",
                N_("Shared by"),
                lambda p: p.basis.value,
                ColumnKind.CHOICE,
                set=lambda p, v: dataclasses.replace(
                    p, basis=Basis(v), shares=(p.shares or {}) if v == Basis.SHARES else None
                ),
                choices=lambda p: [(_(label), b.value) for b, label in BASIS_LABELS.items()],
                display=lambda p: self._pool_basis_text(p),
                noun=N_("sharing basis"),
            ),
            Column("total", N_("Cost a year"), self._pool_total, ColumnKind.MONEY, bold=True),
        ]
        self.pools_model = RecordTableModel(
            columns,
            self.document.scenario.pools,
            committer=self._commit_pools,
            label=lambda p: p.label,
            parent=self,
        )
        self.pools_model.edit_refused.connect(self._on_model_edit_refused)
        self.pools_model.edit_accepted.connect(self.error.clear_error)
        self.pools_view = self.make_view(self.pools_model, _("Overhead pools"))
        self.pools_view.selectionModel().selectionChanged.connect(self._update_pool_actions)
        self.pools_view.doubleClicked.connect(lambda index: self._on_edit_pool())
        layout.addWidget(self.pools_view)
        return tab

    def _pool_basis_text(self, pool: OverheadPool) -> str:
        label = _(BASIS_LABELS[pool.basis])
        if pool.basis is Basis.SHARES:
            summary = shares_summary(dict(pool.shares or {}), self.document.scenario)
            return f"{label}: {summary}" if summary else label
        return label

    def _pool_total(self, pool: OverheadPool) -> Decimal | None:
        result = self.document.result
        if result is None:
            return None
        found = next((p for p in result.pools if p.pool_id == pool.id), None)
        return found.total if found else None

    def total_text(self) -> str:
        """“Total: £24,350.00 a year over 24 cost lines (staff costs are on the Staff page)”."""
        lines = self.document.scenario.costs
        total = sum((line.annual_amount for line in lines), Decimal(0))
        return ngettext(
            "Total: {amount} a year over {count} cost line (staff are on the Staff page)",
            "Total: {amount} a year over {count} cost lines (staff are on the Staff page)",
            len(lines),
        ).format(amount=format_money(total), count=len(lines))

    def refresh_extra(self) -> None:
        if hasattr(self, "total_label"):
            self.total_label.setText(self.total_text())
            self.total_label.setVisible(bool(self.document.scenario.costs))
        if not hasattr(self, "pools_model"):
            return  # still building
        self.bases_model.set_rows(self._basis_rows(self.document.scenario))
        self.pools_model.set_rows(self.document.scenario.pools)
        self.pools_model.refresh()
        fit_columns(self.bases_view)
        fit_columns(self.pools_view)
        self._update_pool_actions()
        self.edit_action.setEnabled(self._selected_uses_shares())

    def _update_actions(self) -> None:
        super()._update_actions()
        self.edit_action.setEnabled(self._selected_uses_shares())

    def _selected_uses_shares(self) -> bool:
        row = self.current_row()
        return row is not None and self.model.item(row).basis is Basis.SHARES

    # Bases ---------------------------------------------------------------------------------
    @staticmethod
    def _basis_rows(scenario: Scenario) -> tuple[BasisRow, ...]:
        return tuple(
            BasisRow(
                service.id,
                service.name,
                tuple(scenario.bases.get(b.value, {}).get(service.id) for b in WEIGHTED_BASES),
            )
            for service in scenario.services
        )

    def _commit_bases(self, rows: tuple[BasisRow, ...], description: str) -> bool:
        bases: dict[str, dict[str, Decimal]] = {}
        for position, basis in enumerate(WEIGHTED_BASES):
            weights = {r.service_id: r.weights[position] for r in rows}
            given = {key: value for key, value in weights.items() if value is not None}
            if given:
                bases[basis.value] = given
        return self.apply(dataclasses.replace(self.document.scenario, bases=bases), description)

    # Pools ---------------------------------------------------------------------------------
    def _commit_pools(self, rows: tuple[OverheadPool, ...], description: str) -> bool:
        return self.apply(dataclasses.replace(self.document.scenario, pools=rows), description)

    def _current_pool_row(self) -> int | None:
        rows = self.pools_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_pool_actions(self) -> None:
        has_row = self._current_pool_row() is not None
        self.edit_pool_action.setEnabled(has_row)
        self.remove_pool_action.setEnabled(has_row)

    def add_pool(self) -> None:
        scenario = self.document.scenario
        dialog = PoolDialog(None, scenario, {p.id for p in scenario.pools}, self)
        self.open_dialog(dialog, lambda: self._save_pool(dialog.result_pool(), new=True))

    def _on_edit_pool(self) -> None:
        row = self._current_pool_row()
        if row is None:
            return
        pool = self.pools_model.item(row)
        dialog = PoolDialog(pool, self.document.scenario, parent=self)
        self.open_dialog(dialog, lambda: self._save_pool(dialog.result_pool(), new=False))

    def _save_pool(self, pool: OverheadPool, new: bool) -> None:
        scenario = self.document.scenario
        if new:
            pools = (*scenario.pools, pool)
            what = edit_names.Edit(edit_names.ADD_POOL, pool=pool.label)
        else:
            pools = tuple(pool if p.id == pool.id else p for p in scenario.pools)
            what = edit_names.Edit(edit_names.CHANGE_POOL, pool=pool.label)
        if self.apply(dataclasses.replace(scenario, pools=pools), what):
            self.show_status(_("Saved: {what}").format(what=what))

    def _on_remove_pool(self) -> None:
        row = self._current_pool_row()
        if row is None:
            return
        pool = self.pools_model.item(row)
        scenario = self.document.scenario
        users = [p.role for p in scenario.staff if POOL_PREFIX + pool.id in p.time]
        users += [c.name for c in scenario.costs if c.pool == pool.id]
        if users:
            # its costs would have nowhere to go: say what uses it rather than guess
            message = _(
                "Overhead pool {pool} is still used by {users}; move their time or costs "
                "elsewhere first."
            ).format(pool=pool.label, users=", ".join(users))
            self.show_refusal(message, _("Not removed — {message}"))
            return
        pools = tuple(p for p in scenario.pools if p.id != pool.id)
        if self.apply(
            dataclasses.replace(scenario, pools=pools),
            edit_names.Edit(edit_names.REMOVE_POOL, pool=pool.label),
        ):
            self.show_status(
                _("Removed overhead pool {pool}. Press Ctrl+Z to bring it back.").format(
                    pool=pool.label
                )
            )

    # Cost line actions ---------------------------------------------------------------------
    def add(self) -> None:
        taken = {c.id for c in self.document.scenario.costs}
        dialog = NewItemDialog(_("Add a cost"), _("Cost name"), taken, self)
        self.open_dialog(dialog, lambda: self._add_cost(dialog.name, dialog.item_id))

    def _add_cost(self, name: str, cost_id: str) -> None:
        scenario = self.document.scenario
        line = CostLine(id=cost_id, name=name, annual_amount=ZERO, basis=Basis.STAFF_TIME)
        new = dataclasses.replace(scenario, costs=(*scenario.costs, line))
        if self.apply(new, edit_names.Edit(edit_names.ADD_COST, name=name)):
            self.tabs.setCurrentIndex(0)
            self.select_row(len(new.costs) - 1)
            self.show_status(
                _("Added {name}, shared by staff time. Type its amount a year.").format(name=name)
            )
            self.view.setFocus()

    def remove(self, row: int) -> None:
        line = self.model.item(row)
        scenario = self.document.scenario
        new = dataclasses.replace(
            scenario, costs=tuple(c for c in scenario.costs if c.id != line.id)
        )
        if self.apply(new, edit_names.Edit(edit_names.REMOVE_COST, name=line.name)):
            self.show_status(
                _("Removed {name} ({amount} a year). Press Ctrl+Z to bring it back.").format(
                    name=line.name, amount=format_money(line.annual_amount)
                )
            )

    def edit(self, row: int) -> None:
        line = self.model.item(row)
        if line.basis is not Basis.SHARES:
            self.show_status(
                _(
                    "{name} is not shared by set percentages; choose “Set percentages” under "
                    "“To / by” to give each service a share."
                ).format(name=line.name)
            )
            return
        scenario = self.document.scenario
        dialog = SharesDialog(
            _("Shares of {name}").format(name=line.name),
            _("Give each service its share of this cost. The shares must add up to 100%."),
            [(s.id, s.name) for s in scenario.services],
            dict(line.shares or {}),
            self,
        )
        self.open_dialog(dialog, lambda: self._save_shares(line.id, dialog.shares()))

    def _save_shares(self, line_id: str, shares: dict[str, Decimal]) -> None:
        scenario = self.document.scenario
        costs = tuple(
            dataclasses.replace(c, shares=shares) if c.id == line_id else c for c in scenario.costs
        )
        name = scenario.cost(line_id).name
        if self.apply(
            dataclasses.replace(scenario, costs=costs),
            edit_names.Edit(edit_names.CHANGE_COST_SHARES, name=name),
        ):
            self.show_status(_("Saved the shares of {name}.").format(name=name))
