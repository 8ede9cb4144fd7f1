"""A price explained line by line, in words a trustee can follow.

One source for every sentence that explains a figure: the Prices page shows these lines and the
costing report PDF prints the same words (plain Python, no Qt).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from costready.costing.engine import SENSITIVITY_CHANGES
from costready.costing.model import (
    BASIS_LABELS,
    Basis,
    Scenario,
    SurplusKind,
    VatTreatment,
    VolumeKind,
)
from costready.costing.post_parts import post_parts
from costready.costing.results import (
    POOL_KEY_PREFIX,
    PoolCost,
    PostCost,
    ScenarioResult,
    Sensitivity,
    ServiceResult,
)
from costready.i18n import _
from costready.money import (
    format_exact_money,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    is_whole_pennies,
    line_net,
)
from costready.rules_file import VAT_LABELS

ZERO = Decimal(0)
Money = Callable[..., str]


@dataclass(frozen=True)
class Line:
    """One line of a build-up: what it is, its amount (None for a note) and the lines under it.

    `kind` tells a view how to show it: "group" (a subtotal with parts), "item", "total" (bold),
    "step" (an arithmetic step such as "÷ planned units") or "note".
    """

    text: str
    amount: str = ""
    kind: str = "item"
    children: tuple[Line, ...] = field(default=())
    detail: str = ""


def percent(value: Decimal, locale: str = "en_GB") -> str:
    """0.05 -> "5%", 0.125 -> "12.5%": at most two places, half-up."""
    return format_percent(value, locale, places=2)


def surplus_words(kind: SurplusKind, value: Decimal, locale: str = "en_GB") -> str:
    """The surplus rule in words: "5% mark-up on cost", "3% of price", "£1.00 per unit"."""
    if kind is SurplusKind.MARKUP_ON_COST:
        return _("{percent} mark-up on cost").format(percent=percent(value, locale))
    if kind is SurplusKind.SHARE_OF_PRICE:
        return _("{percent} of price").format(percent=percent(value, locale))
    return _("{amount} per unit").format(amount=format_money(value, locale))


def units_text(units: Decimal, locale: str = "en_GB") -> str:
    """Planned units in the one form every screen and report shows them: to the places the
    engine divided by (922.5, 4,446.624), so full cost ÷ units can be redone by hand."""
    return format_quantity(units, locale)


def break_even_text(service: ServiceResult, locale: str = "en_GB") -> str:
    """The break-even volume, or "no break-even" when the price does not cover variable cost."""
    if service.break_even_units is None:
        return _("no break-even")
    return format_number(service.break_even_units, locale, places=0)


def not_registered_text() -> str:
    """What replaces every VAT figure when the organisation is not VAT registered."""
    return _("No VAT: the organisation is not VAT registered, so the net price is the price")


def sensitivity_rows(service: ServiceResult) -> list[Sensitivity]:
    """The engine's volume cases (planned included) in the order of SENSITIVITY_CHANGES."""
    rows = {row.change: row for row in service.sensitivity}
    return [rows[change] for change in SENSITIVITY_CHANGES if change in rows]


def change_text(change: Decimal, locale: str = "en_GB") -> str:
    """−20% / Planned / +10%."""
    if change == 0:
        return _("Planned")
    sign = "+" if change > 0 else "−"
    return sign + percent(abs(change), locale)


def buildup(
    scenario: Scenario,
    result: ScenarioResult,
    service_id: str,
    locale: str = "en_GB",
    charges_vat: bool = True,
) -> list[Line]:
    """Every line from the costs to the price of one service, top to bottom (no VAT lines
    when the organisation is not VAT registered: `charges_vat` False)."""
    return Explainer(scenario, result, locale, charges_vat).buildup(service_id)


class Explainer:
    """The working behind one scenario's figures. Look-ups are built once, so a report can ask
    about hundreds of services and lines without searching the model each time."""

    def __init__(
        self,
        scenario: Scenario,
        result: ScenarioResult,
        locale: str = "en_GB",
        charges_vat: bool = True,
    ):
        self.scenario = scenario
        self.result = result
        self.locale = locale
        #: False when the organisation is not VAT registered: no price including VAT anywhere
        self.charges_vat = charges_vat
        self.money = _money(locale)
        self._posts = {post.id: post for post in scenario.staff}
        self._post_costs: dict[str, PostCost] = {post.post_id: post for post in result.posts}
        self._lines = {line.id: line for line in scenario.costs}
        self._pools = {pool.id: pool for pool in scenario.pools}
        self._pool_costs: dict[str, PoolCost] = {pool.pool_id: pool for pool in result.pools}
        self._services = {service.id: service for service in scenario.services}
        self._totals: dict[str, Decimal] = {}  # basis value or pool key -> sum of its weights

    # -- sentences shared by the screen and the PDF ------------------------------------------
    def units_found(self, service: ServiceResult) -> str:
        """How the planned units were found, in words."""
        model = self._services.get(service.id)
        volume = model.volume if model else None
        locale = self.locale
        if volume is None or volume.kind is VolumeKind.TYPED:
            return _("typed in")  # the figure itself stands beside these words
        if volume.kind is VolumeKind.CAPACITY:
            return _("capacity {capacity} × occupancy {occupancy}").format(
                capacity=format_quantity(volume.capacity or ZERO, locale),
                occupancy=percent(volume.occupancy or ZERO, locale),
            )
        parts = []
        for post in self.scenario.staff:
            share = post.time.get(service.id)
            cost = self._post_costs.get(post.id)
            if not post.delivers_units or not share or cost is None:
                continue
            off = sum(post.non_chargeable.values(), ZERO)
            parts.append(
                _(
                    "{role}: {headcount} × {hours} paid hours × {share} × "
                    "(1 − {off} non-chargeable)"
                ).format(
                    role=post.role,
                    headcount=format_quantity(cost.headcount, locale),
                    hours=format_quantity(cost.paid_hours_per_person, locale),
                    share=percent(share, locale),
                    off=percent(off, locale),
                )
            )
        return _("from staff hours: ") + "; ".join(parts) if parts else _("from staff hours")

    def basis_working(self, service_id: str, key: str) -> str:
        """How one overhead (a cost line id, or POOL_KEY_PREFIX + pool id) reached a service:
        "floor area 12 of 100 m²", "staff time 6,240 of 9,360 hours", "equal shares (1 of 3)"."""
        if key.startswith(POOL_KEY_PREFIX):
            pool_id = key[len(POOL_KEY_PREFIX) :]
            pool, cost = self._pools.get(pool_id), self._pool_costs.get(pool_id)
            # the result's basis is the one the engine shared by
            basis = Basis(cost.basis) if cost else pool.basis if pool else Basis.EQUAL
            shares = pool.shares if pool else None
            if cost is not None and cost.weights:
                return self._basis_words(service_id, basis, shares, cost.weights, key)
        else:
            line = self._lines.get(key)
            basis = (line.basis if line else None) or Basis.EQUAL
            shares = line.shares if line else None
        weights = self.result.basis_weights.get(basis.value, {})
        return self._basis_words(service_id, basis, shares, weights, basis.value)

    # -- the build-up ------------------------------------------------------------------------
    def buildup(self, service_id: str) -> list[Line]:
        """Every line from the costs to the price of one service, top to bottom."""
        service = self.result.service(service_id)
        money, locale = self.money, self.locale
        exact_unit_cost = money(service.unit_cost_exact, places=4)
        return [
            self._direct_staff(service),
            self._direct_other(service),
            self._overheads(service),
            Line(_("Full cost a year"), money(service.full_cost), "total"),
            Line(
                _("÷ Planned units a year"),
                units_text(service.planned_units, locale),
                "step",
                detail=self.units_found(service),
            ),
            Line(
                _("= Unit cost"),
                money(service.unit_cost),
                "total",
                detail=_("per {unit}; {exact} before rounding to the penny").format(
                    unit=service.unit, exact=exact_unit_cost
                ),
            ),
            Line(
                _("+ Surplus"),
                money(service.price_before_rounding - service.unit_cost_exact, places=4),
                "step",
                detail=_("{rule}, worked on {exact}").format(
                    rule=surplus_words(service.surplus_convention, service.surplus_value, locale),
                    exact=exact_unit_cost,
                ),
            ),
            Line(
                _("= Price before rounding"), money(service.price_before_rounding, places=4), "step"
            ),
            Line(
                _("= Price (net)"),
                money(service.price),
                "total",
                detail=_("rounded up to the nearest {step}").format(
                    step=format_money(service.price_rounding, locale)
                ),
            ),
            *self._vat_lines(service),
            *self._surplus_lines(service),
        ]

    def _surplus_lines(self, service: ServiceResult) -> list[Line]:
        """The surplus a unit and a year, and why one times the units is not the other."""
        money = self.money
        return [
            Line(
                _("Surplus a unit"),
                money(service.surplus_per_unit),
                "note",
                detail=_("price {price} less unit cost {exact}, to the penny").format(
                    price=money(service.price), exact=money(service.unit_cost_exact, places=4)
                ),
            ),
            Line(
                _("Surplus a year at planned volume"),
                money(service.surplus_at_planned_volume),
                "note",
                detail=self.surplus_year_working(service),
            ),
        ]

    def surplus_year_working(self, service: ServiceResult) -> str:
        """How the yearly surplus was found and, where the shown surplus a unit × units gives
        another figure, why, in one sentence."""
        units = units_text(service.planned_units, self.locale)
        working = _("price × {units} units less the full cost").format(units=units)
        product = line_net(service.planned_units, service.surplus_per_unit)
        if product == service.surplus_at_planned_volume:
            return working
        return working + _(
            "; {per_unit} × {units} gives {product} instead, because the surplus a unit is "
            "rounded to the penny from {exact}"
        ).format(
            per_unit=self.money(service.surplus_per_unit),
            units=units,
            product=self.money(product),
            exact=self.money(service.price - service.unit_cost_exact, places=4),
        )

    def _vat_lines(self, service: ServiceResult) -> list[Line]:
        if not self.charges_vat:
            return [Line(not_registered_text(), kind="note")]
        money = self.money
        return [
            Line(_("+ VAT"), money(service.vat_per_unit), "step", detail=self._vat_text(service)),
            Line(_("= Price incl. VAT"), money(service.price_inc_vat), "total"),
        ]

    def _vat_text(self, service: ServiceResult) -> str:
        treatment = _(VAT_LABELS[service.vat])
        if service.vat in (VatTreatment.EXEMPT, VatTreatment.OUTSIDE_SCOPE):
            return _("{treatment}: no VAT is charged").format(treatment=treatment)
        return _("{treatment}, {rate} of the net price").format(
            treatment=treatment, rate=percent(service.vat_rate, self.locale)
        )

    def _direct_staff(self, service: ServiceResult) -> Line:
        children = []
        for post_id, amount in service.direct_staff_lines.items():
            post = self._posts.get(post_id)
            share = post.time.get(service.id) if post else None
            detail = ""
            if share is not None:
                detail = _("{share} of the post's paid time").format(
                    share=percent(share, self.locale)
                )
                cost = self._post_costs.get(post_id)
                if cost is not None:
                    detail += _(" (post costs {amount} a year)").format(
                        amount=format_money(cost.annual_cost, self.locale)
                    )
            if post is not None and post.paid_for_hours_worked:
                detail += _("; varies with volume (paid only for hours worked)")
            role = post.role if post else post_id
            parts = self._post_parts(post_id)
            children.append(Line(role, self.money(amount), "item", parts, detail))
        return Line(_("Direct staff"), self.money(service.direct_staff), "group", tuple(children))

    def post_cost_lines(self, post_id: str) -> tuple[Line, ...]:
        """A post's annual cost in pounds, part by part (pay, employer NI, pension...), as the
        engine worked it out: what "post costs £25,022.80 a year" is made of."""
        return self._post_parts(post_id)

    def _post_parts(self, post_id: str) -> tuple[Line, ...]:
        cost = self._post_costs.get(post_id)
        if cost is None:
            return ()
        parts, money = post_parts(cost), self.money
        people = format_quantity(cost.headcount, self.locale)
        lines = [
            Line(
                _("Pay"),
                money(parts.pay),
                "note",
                detail=_("{people} × {each} a person").format(
                    people=people, each=self._exact_money(cost.pay_per_person)
                ),
            ),
            Line(_("Employer NI"), money(parts.employer_ni), "note"),
            Line(_("Employer pension"), money(parts.pension), "note"),
        ]
        if parts.other:
            lines.append(Line(_("Other on-costs"), money(parts.other), "note"))
        if parts.employment_allowance:
            lines.append(
                Line(_("Less Employment Allowance"), money(-parts.employment_allowance), "note")
            )
        detail = ""
        if parts.rounding_difference:
            detail = _(
                "worked out unrounded and rounded to the penny once, so it differs by {amount} "
                "from the parts above"
            ).format(amount=money(abs(parts.rounding_difference)))
        lines.append(
            Line(_("= Post's cost a year"), money(parts.annual_cost), "note", detail=detail)
        )
        return tuple(lines)

    def _exact_money(self, amount: Decimal) -> str:
        """Whole pennies as they are (£20,046.00); anything finer to four places (£1.7704)."""
        return self.money(amount, places=2 if is_whole_pennies(amount) else 4)

    def _direct_other(self, service: ServiceResult) -> Line:
        children = []
        for line_id, amount in service.direct_other_lines.items():
            line = self._lines.get(line_id)
            name = line.name if line else line_id
            detail = _("varies with volume") if line and line.varies_with_volume else ""
            children.append(Line(name, self.money(amount), detail=detail))
        return Line(
            _("Other direct costs"), self.money(service.direct_other), "group", tuple(children)
        )

    def _overheads(self, service: ServiceResult) -> Line:
        children = []
        for key, amount in service.overheads.items():
            if key.startswith(POOL_KEY_PREFIX):
                children.append(self._pool_line(service, key, amount))
                continue
            line = self._lines.get(key)
            if line is None:
                children.append(Line(key, self.money(amount)))
                continue
            detail = self.basis_working(service.id, key)
            detail += _(" — of {amount} a year").format(
                amount=format_money(line.annual_amount, self.locale)
            )
            children.append(Line(line.name, self.money(amount), detail=detail))
        return Line(
            _("Share of overheads"), self.money(service.overhead_total), "group", tuple(children)
        )

    def _pool_line(self, service: ServiceResult, key: str, amount: Decimal) -> Line:
        pool_id = key[len(POOL_KEY_PREFIX) :]
        pool, pool_cost = self._pools.get(pool_id), self._pool_costs.get(pool_id)
        label = pool_cost.label if pool_cost else (pool.label if pool else pool_id)
        detail = self.basis_working(service.id, key)
        parts = []
        if pool_cost is not None:
            detail += _(" — of the pool's {amount} a year").format(
                amount=format_money(pool_cost.total, self.locale)
            )
            for post_id, staff_amount in pool_cost.staff.items():
                post = self._posts.get(post_id)
                role = post.role if post else post_id
                parts.append(
                    Line(_("{role}'s time").format(role=role), self.money(staff_amount), "note")
                )
            for line_id, line_amount in pool_cost.lines.items():
                line = self._lines.get(line_id)
                name = line.name if line else line_id
                parts.append(Line(name, self.money(line_amount), "note"))
        return Line(
            _("{pool} (overhead pool)").format(pool=label),
            self.money(amount),
            "item",
            tuple(parts),
            detail,
        )

    def _basis_words(
        self,
        service_id: str,
        basis: Basis,
        shares: Mapping[str, Decimal] | None,
        weights: Mapping[str, Decimal],
        total_key: str,
    ) -> str:
        name = _(BASIS_LABELS[basis]).lower()
        if basis is Basis.EQUAL:
            count = len(weights) or len(self.scenario.services)
            return _("equal shares (1 of {count})").format(count=count)
        if basis is Basis.SHARES:
            share = (shares or weights).get(service_id, ZERO)
            return _("set percentage {share}").format(share=percent(share, self.locale))
        if total_key not in self._totals:
            self._totals[total_key] = sum(weights.values(), ZERO)
        total = self._totals[total_key]
        if not total:
            return name
        part = weights.get(service_id, ZERO)
        # the weights to every place the engine shared by, so the share can be redone by hand
        shown = [format_quantity(value, self.locale) for value in (part, total)]
        if basis is Basis.STAFF_TIME:
            unit = _("hours")
        else:
            unit = _("m²") if basis is Basis.FLOOR_AREA else ""
        return _("{basis} {part} of {total}{unit}").format(
            basis=name, part=shown[0], total=shown[1], unit=f" {unit}" if unit else ""
        )


def _money(locale: str) -> Money:
    """A formatter: pennies by default; `places=4` for a figure rounded in the next step (a
    price before rounding), shown as every screen, report and export shows it."""

    def money(amount: Decimal, places: int = 2) -> str:
        if places == 2:
            return format_money(amount, locale)
        if places == 4:
            return format_exact_money(amount, locale)
        raise ValueError(f"money is shown to 2 or 4 places, not {places}")

    return money
