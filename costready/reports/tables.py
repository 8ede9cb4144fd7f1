"""The tables a trustee can take into a spreadsheet: the Prices table, a comparison of two
scenarios and every table of the costing report, as typed values (pure: no files, no Qt).

The costing report PDF draws its tables from the same rows (`ReportRows`), so a figure in a
spreadsheet is the figure in the report, to the penny.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from costready.costing.explain import (
    Explainer,
    change_text,
    percent,
    sensitivity_rows,
    surplus_words,
)
from costready.costing.model import BASIS_LABELS, OVERHEAD_CATEGORIES, Basis, Scenario
from costready.costing.post_parts import post_parts
from costready.costing.results import POOL_KEY_PREFIX, ScenarioResult, ServiceResult
from costready.costing.scenarios import ServiceComparison
from costready.costing.vat import Supplier, charges_vat
from costready.i18n import _, ngettext
from costready.money import to_penny
from costready.organisation import Organisation
from costready.rules_file import VAT_LABELS

ZERO = Decimal(0)
MAX_APPORTION_ROWS = 40  # past this many lines the apportionment table groups them
MAX_OVERHEAD_ROWS = 15  # a service's build-up lists overheads by category past this
PRICE_STEP = 4  # the build-up's price, in bold, after units, unit cost, surplus, before rounding


@dataclass(frozen=True)
class Money:
    """An amount of money in a table cell: written as a number with a currency format.
    `exact`: shown to four places (a price before rounding), not to the penny."""

    amount: Decimal
    exact: bool = False


#: What a cell holds: text, a quantity (a plain number), money, a date, or nothing.
Cell = str | Decimal | Money | date | None


@dataclass(frozen=True)
class Table:
    """A titled table: its headers and rows of cells; `totals` are the indexes of total rows."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: frozenset[int] = frozenset()


# The Prices table and Compare ----------------------------------------------------------------


def prices_table(result: ScenarioResult, vat_registered: bool, locale: str = "en_GB") -> Table:
    """The Prices page's table: one row per priced service and a totals row (no price
    including VAT when the organisation is not VAT registered)."""
    headers = [
        _("Service"),
        _("Unit"),
        _("Planned units"),
        _("Full cost a year"),
        _("Unit cost"),
        _("Price (net)"),
        _("Price incl. VAT"),
        _("Surplus per unit"),
        _("Surplus rule"),
        _("Income a year"),
        _("Surplus a year"),
        _("Break-even volume"),
    ]
    rows: list[tuple[Cell, ...]] = []
    for s in result.services:
        rows.append(
            (
                s.name,
                s.unit,
                s.planned_units,
                Money(s.full_cost),
                Money(to_penny(s.unit_cost)),
                Money(s.price),
                Money(s.price_inc_vat),
                Money(s.surplus_per_unit),
                surplus_words(s.surplus_convention, s.surplus_value, locale),
                Money(s.income),
                Money(s.surplus_at_planned_volume),
                s.break_even_units if s.break_even_units is not None else _("no break-even"),
            )
        )
    rows.append(
        (
            _("Total"),
            None,
            None,
            Money(result.total_cost),
            None,
            None,
            None,
            None,
            None,
            Money(result.total_income),
            Money(result.total_surplus),
            None,
        )
    )
    if not vat_registered:
        headers.pop(6)
        rows = [row[:6] + row[7:] for row in rows]
    return Table(_("Prices"), tuple(headers), tuple(rows), frozenset({len(rows) - 1}))


def compare_table(first: str, second: str, rows: Sequence[ServiceComparison]) -> Table:
    """Each service's unit cost and price in two scenarios and the change (second less first);
    empty where a scenario does not have the service."""

    def change(a: Decimal | None, b: Decimal | None) -> Money | None:
        return None if a is None or b is None else Money(b - a)

    def money(amount: Decimal | None) -> Money | None:
        return None if amount is None else Money(to_penny(amount))

    headers = (
        _("Service"),
        _("Unit"),
        _("Unit cost: {name}").format(name=first),
        _("Unit cost: {name}").format(name=second),
        _("Unit cost change"),
        _("Price: {name}").format(name=first),
        _("Price: {name}").format(name=second),
        _("Price change"),
    )
    body = tuple(
        (
            c.name,
            c.unit,
            money(c.unit_cost_a),
            money(c.unit_cost_b),
            change(
                None if c.unit_cost_a is None else to_penny(c.unit_cost_a),
                None if c.unit_cost_b is None else to_penny(c.unit_cost_b),
            ),
            money(c.price_a),
            money(c.price_b),
            change(c.price_a, c.price_b),
        )
        for c in rows
    )
    return Table(_("Compare"), headers, body)


# The costing report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffRow:
    """One post of the staff on-costs table, each part for all the people in the post."""

    role: str
    headcount: Decimal
    paid_hours_each: Decimal
    pay: Decimal
    employer_ni: Decimal
    pension: Decimal
    other: Decimal
    allowance: Decimal  # the Employment Allowance, as a reduction (shown negative)
    annual_cost: Decimal


@dataclass(frozen=True)
class ApportionedLine:
    """An overhead line (or a group of lines, or a pool) and its share of each service."""

    label: str
    basis: str
    amounts: dict[str, Decimal]  # service id -> share


class ReportRows:
    """The rows of the costing report's tables, for the PDF and the spreadsheet alike.

    Look-ups are built once: a large model has hundreds of lines and services.
    """

    def __init__(self, org: Organisation, scenario: Scenario, result: ScenarioResult) -> None:
        self.org = org
        self.scenario = scenario
        self.result = result
        self.locale = org.locale
        # the words that explain a figure come from the same place as the Prices page's
        self.explain = Explainer(scenario, result, org.locale, charges_vat(Supplier.of(org)))
        self.post_roles = {post.id: post.role for post in scenario.staff}
        self.post_roles.update({post.post_id: post.role for post in result.posts})
        self.line_names = {line.id: line.name for line in scenario.costs}
        self.line_categories = {line.id: line.category for line in scenario.costs}
        self.bases: dict[str, str | None] = {line.id: line.basis for line in scenario.costs}
        self.bases.update({POOL_KEY_PREFIX + pool.id: pool.basis for pool in scenario.pools})
        self.bases.update({POOL_KEY_PREFIX + pool.pool_id: pool.basis for pool in result.pools})
        self.pool_labels = {pool.id: pool.label for pool in scenario.pools}
        self.pool_labels.update({pool.pool_id: pool.label for pool in result.pools})

    def overhead_label(self, key: str) -> str:
        if key.startswith(POOL_KEY_PREFIX):
            pool_id = key[len(POOL_KEY_PREFIX) :]
            return _("{pool} (overhead pool)").format(pool=self.pool_labels.get(pool_id, pool_id))
        return self.line_names.get(key, key)

    def basis_of(self, key: str) -> str:
        basis = self.bases.get(key)
        return _(BASIS_LABELS[Basis(basis)]) if basis else ""

    # Staff --------------------------------------------------------------------------------
    def staff(self) -> tuple[list[StaffRow], StaffRow]:
        """Each post's parts (per person × headcount, to the penny) and the totals row."""
        rows = []
        for post in self.result.posts:
            parts = post_parts(post)  # the engine's parts, as the Staff page shows them
            rows.append(
                StaffRow(
                    role=post.role,
                    headcount=post.headcount,
                    paid_hours_each=post.paid_hours_per_person,
                    pay=parts.pay,
                    employer_ni=parts.employer_ni,
                    pension=parts.pension,
                    other=parts.other,
                    allowance=-parts.employment_allowance if parts.employment_allowance else ZERO,
                    annual_cost=parts.annual_cost,
                )
            )
        total = StaffRow(
            role=_("Total"),
            headcount=sum((r.headcount for r in rows), ZERO),
            paid_hours_each=ZERO,
            pay=sum((r.pay for r in rows), ZERO),
            employer_ni=sum((r.employer_ni for r in rows), ZERO),
            pension=sum((r.pension for r in rows), ZERO),
            other=sum((r.other for r in rows), ZERO),
            allowance=sum((r.allowance for r in rows), ZERO),
            annual_cost=sum((r.annual_cost for r in rows), ZERO),
        )
        return rows, total

    # Overheads ----------------------------------------------------------------------------
    def overhead_keys(self) -> list[str]:
        """Apportioned lines in scenario order, then pools; anything else the results name."""
        keys = [c.id for c in self.scenario.costs if c.kind == "apportion"]
        keys += [POOL_KEY_PREFIX + p.pool_id for p in self.result.pools]
        keys += [
            POOL_KEY_PREFIX + p.id
            for p in self.scenario.pools
            if POOL_KEY_PREFIX + p.id not in keys
        ]
        seen = {k for s in self.result.services for k in s.overheads}
        return [k for k in keys if k in seen] + sorted(seen - set(keys))

    def apportioned_lines(self) -> list[ApportionedLine]:
        """Each overhead line and pool with its share of each service; past
        MAX_APPORTION_ROWS, lines are added up by category and basis (pools stay apart)."""
        keys = self.overhead_keys()
        grouped = len(keys) > MAX_APPORTION_ROWS
        rows: dict[tuple[str, str], dict[str, Decimal]] = {}
        counts: dict[tuple[str, str], int] = {}
        for key in keys:
            label = self.overhead_label(key)
            if grouped and not key.startswith(POOL_KEY_PREFIX):
                category = self.line_categories.get(key, "other")
                label = _(OVERHEAD_CATEGORIES.get(category, OVERHEAD_CATEGORIES["other"]))
            slot = (label, self.basis_of(key))
            amounts = rows.setdefault(slot, {})
            counts[slot] = counts.get(slot, 0) + 1
            for service in self.result.services:
                share = service.overheads.get(key)
                if share is not None:
                    amounts[service.id] = amounts.get(service.id, ZERO) + share
        return [
            ApportionedLine(_counted(slot[0], counts[slot]), slot[1], amounts)
            for slot, amounts in rows.items()
        ]

    def pool_makeup(self) -> list[tuple[str, str, Decimal, bool]]:
        """(pool, made up of, amount, is the pool's total) for each part of each pool."""
        rows: list[tuple[str, str, Decimal, bool]] = []
        for pool in self.result.pools:
            label = pool.label or self.pool_labels.get(pool.pool_id, pool.pool_id)
            for post_id, amount in pool.staff.items():
                role = self.post_roles.get(post_id, post_id)
                rows.append((label, _("Staff time: {role}").format(role=role), amount, False))
            for line_id, amount in pool.lines.items():
                rows.append((label, self.line_names.get(line_id, line_id), amount, False))
            rows.append((_("{pool} total").format(pool=pool.label), "", pool.total, True))
        return rows

    def overhead_rows(self, s: ServiceResult) -> list[tuple[str, Decimal]]:
        """Each overhead share by name and basis; past MAX_OVERHEAD_ROWS lines, one row per
        category (the apportionment table still lists every line)."""
        if len(s.overheads) <= MAX_OVERHEAD_ROWS:
            return [
                (
                    _("Overhead: {line} ({basis})").format(
                        line=self.overhead_label(key),
                        basis=self.explain.basis_working(s.id, key),
                    ),
                    amount,
                )
                for key, amount in s.overheads.items()
            ]
        groups: dict[str, list[Decimal]] = {}
        for key, amount in s.overheads.items():
            if key.startswith(POOL_KEY_PREFIX):
                label = _("Overhead: {line} ({basis})").format(
                    line=self.overhead_label(key), basis=self.explain.basis_working(s.id, key)
                )
            else:
                category = self.line_categories.get(key, "other")
                name = _(OVERHEAD_CATEGORIES.get(category, OVERHEAD_CATEGORIES["other"]))
                label = _("Overheads: {category}").format(category=name)
            groups.setdefault(label, []).append(amount)
        return [
            (_counted(label, len(amounts)), sum(amounts, ZERO)) for label, amounts in groups.items()
        ]

    def cost_items(self, s: ServiceResult) -> list[tuple[str, Decimal]]:
        """The lines a service's full cost adds up from: direct staff, other direct, overheads."""
        items = [
            (_("Direct staff: {role}").format(role=self.post_roles.get(post_id, post_id)), amount)
            for post_id, amount in s.direct_staff_lines.items()
        ]
        items += [
            (_("Other direct: {line}").format(line=self.line_names.get(line_id, line_id)), amount)
            for line_id, amount in s.direct_other_lines.items()
        ]
        return items + self.overhead_rows(s)

    def vat_label(self, s: ServiceResult) -> str:
        """ "Standard rate 20%" (or the treatment's name when it charges none)."""
        label = _(VAT_LABELS[s.vat])
        if s.vat_rate:
            return _("{label} {rate}").format(label=label, rate=percent(s.vat_rate, self.locale))
        return label

    # As spreadsheet tables ----------------------------------------------------------------
    def tables(self) -> list[Table]:
        """Every table of the costing report, in its order."""
        return [
            self.facts_table(),
            self.glance_table(),
            self.volumes_table(),
            self.staff_table(),
            self.apportionment_table(),
            self.pools_table(),
            self.build_up_table(),
            self.sensitivity_table(),
        ]

    def facts_table(self) -> Table:
        """The report's title page: what it is about, its period and totals."""
        sc, res = self.scenario, self.result
        rows: tuple[tuple[Cell, ...], ...] = (
            (_("Organisation"), self.org.name),
            (_("Scenario"), sc.name),
            (_("Period starts"), sc.period_start),
            (_("Period ends"), sc.period_end),
            (_("Tax year"), res.tax_year),
            (_("Produced on"), date.today()),
            (_("Services"), Decimal(len(res.services))),
            (_("Total cost"), Money(res.total_cost)),
            (_("Income at planned volumes"), Money(res.total_income)),
            (_("Surplus at planned volumes"), Money(res.total_surplus)),
        )
        return Table(_("About this report"), (_("Item"), _("Value")), rows)

    def glance_table(self) -> Table:
        rows: list[tuple[Cell, ...]] = [
            (
                s.name,
                s.unit,
                s.planned_units,
                Money(to_penny(s.unit_cost)),
                Money(s.price),
                Money(s.surplus_at_planned_volume),
            )
            for s in self.result.services
        ]
        rows.append(
            (
                _("Total surplus at planned volumes"),
                None,
                None,
                None,
                None,
                Money(self.result.total_surplus),
            )
        )
        headers = (
            _("Service"),
            _("Unit"),
            _("Planned units"),
            _("Unit cost"),
            _("Price"),
            _("Surplus at planned volume"),
        )
        return Table(_("Prices at a glance"), headers, tuple(rows), frozenset({len(rows) - 1}))

    def volumes_table(self) -> Table:
        headers = (_("Service"), _("Planned units"), _("Unit"), _("How it was found"))
        rows = tuple(
            (s.name, s.planned_units, s.unit, _first_upper(self.explain.units_found(s)))
            for s in self.result.services
        )
        return Table(_("Planned volumes"), headers, rows)

    def staff_table(self) -> Table:
        posts, total = self.staff()
        headers = (
            _("Post"),
            _("Headcount"),
            _("Paid hours each"),
            _("Pay"),
            _("Employer NI"),
            _("Pension"),
            _("Other on-costs"),
            _("Employment Allowance"),
            _("Annual cost"),
        )
        rows: list[tuple[Cell, ...]] = [
            (
                r.role,
                r.headcount,
                r.paid_hours_each if r is not total else None,
                Money(r.pay),
                Money(r.employer_ni),
                Money(r.pension),
                Money(r.other),
                Money(r.allowance),
                Money(r.annual_cost),
            )
            for r in [*posts, total]
        ]
        return Table(_("Staff on-costs"), headers, tuple(rows), frozenset({len(rows) - 1}))

    def apportionment_table(self) -> Table:
        services = self.result.services
        headers = (
            _("Overhead"),
            _("Basis"),
            *(s.name for s in services),
            _("Total (all services)"),
        )
        rows: list[tuple[Cell, ...]] = [
            (
                line.label,
                line.basis,
                *(Money(line.amounts.get(s.id, ZERO)) for s in services),
                Money(sum(line.amounts.values(), ZERO)),
            )
            for line in self.apportioned_lines()
        ]
        grand = sum((s.overhead_total for s in services), ZERO)
        rows.append(
            (
                _("Total overheads"),
                None,
                *(Money(s.overhead_total) for s in services),
                Money(grand),
            )
        )
        return Table(_("Overhead apportionment"), headers, tuple(rows), frozenset({len(rows) - 1}))

    def pools_table(self) -> Table:
        makeup = self.pool_makeup()
        rows = tuple((pool, part or None, Money(amount)) for pool, part, amount, _t in makeup)
        totals = frozenset(i for i, row in enumerate(makeup) if row[3])
        return Table(
            _("Overhead pools"), (_("Overhead pool"), _("Made up of"), _("Amount")), rows, totals
        )

    def build_up_table(self) -> Table:
        """Each service's build-up, from its cost lines to its price, one row a step."""
        rows: list[tuple[Cell, ...]] = []
        totals = set()
        for s in self.result.services:
            for label, amount in self.cost_items(s):
                rows.append((s.name, label, Money(amount), None))
            totals.add(len(rows))
            rows.append((s.name, _("Full cost"), Money(s.full_cost), None))
            steps: list[tuple[str, Cell, Cell]] = [
                (_("Planned units a year ({unit})").format(unit=s.unit), None, s.planned_units),
                (_("Unit cost (full cost ÷ planned units)"), Money(to_penny(s.unit_cost)), None),
                (
                    _("Surplus: {rule}").format(
                        rule=surplus_words(s.surplus_convention, s.surplus_value, self.locale)
                    ),
                    None,
                    None,
                ),
                (_("Price before rounding"), Money(s.price_before_rounding, exact=True), None),
                (_("Price"), Money(s.price), None),
            ]
            if self.org.vat_registered:
                steps.append(
                    (
                        _("Price incl. VAT ({vat})").format(vat=self.vat_label(s)),
                        Money(s.price_inc_vat),
                        None,
                    )
                )
            steps += [
                (_("Surplus a unit"), Money(s.surplus_per_unit), None),
                (_("Surplus at planned volume"), Money(s.surplus_at_planned_volume), None),
                (_("Fixed cost"), Money(s.fixed_cost), None),
                (_("Variable cost at planned volume"), Money(s.variable_cost), None),
                (
                    _("Break-even volume ({unit})").format(unit=s.unit)
                    if s.break_even_units is not None
                    else _("Break-even volume: none, the price does not cover the variable cost"),
                    None,
                    s.break_even_units,
                ),
            ]
            for step, (words, value, quantity) in enumerate(steps):
                if step == PRICE_STEP:
                    totals.add(len(rows))
                rows.append((s.name, words, value, quantity))
        headers = (_("Service"), _("Item"), _("Amount"), _("Units"))
        return Table(_("How each price is built"), headers, tuple(rows), frozenset(totals))

    def sensitivity_table(self) -> Table:
        rows: list[tuple[Cell, ...]] = []
        for s in self.result.services:
            for case in sensitivity_rows(s):
                rows.append(
                    (
                        s.name,
                        change_text(case.change, self.locale),
                        case.units,
                        Money(to_penny(case.unit_cost)),
                        Money(case.surplus),
                    )
                )
        headers = (_("Service"), _("Volume"), _("Units"), _("Unit cost"), _("Surplus"))
        return Table(_("If volumes change"), headers, tuple(rows))


def report_tables(org: Organisation, scenario: Scenario, result: ScenarioResult) -> list[Table]:
    """Every table of the costing report for `scenario`, as the PDF prints them."""
    return ReportRows(org, scenario, result).tables()


def _counted(label: str, count: int) -> str:
    """'Premises (3 lines)' for a group, the label alone for one line."""
    if count <= 1:
        return label
    return ngettext("{label} ({count} line)", "{label} ({count} lines)", count).format(
        label=label, count=count
    )


def _first_upper(text: str) -> str:
    """A sentence the screen shows mid-line ("capacity 40 × ...") opening a table cell."""
    return text[:1].upper() + text[1:]
