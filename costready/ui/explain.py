"""A price explained line by line, in words a trustee can follow (plain Python, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, format_percent

from costready.costing.model import (
    BASIS_LABELS,
    VAT_LABELS,
    Basis,
    Scenario,
    SurplusKind,
    VatTreatment,
    VolumeKind,
)
from costready.costing.results import ScenarioResult, Sensitivity, ServiceResult
from costready.i18n import _
from costready.money import format_money, format_number

POOL_KEY = "pool:"


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
    """0.05 -> "5%", 0.125 -> "12.5%"."""
    return format_percent(value, format="#,##0.##%", locale=locale)


def surplus_words(kind: SurplusKind, value: Decimal, locale: str = "en_GB") -> str:
    """The surplus rule in words: "5% mark-up on cost", "3% of price", "£1.00 per unit"."""
    if kind is SurplusKind.MARKUP_ON_COST:
        return _("{percent} mark-up on cost").format(percent=percent(value, locale))
    if kind is SurplusKind.SHARE_OF_PRICE:
        return _("{percent} of price").format(percent=percent(value, locale))
    return _("{amount} per unit").format(amount=format_money(value, locale))


def units_text(units: Decimal, locale: str = "en_GB") -> str:
    """Planned units for reading: whole numbers as they are, others to one decimal place."""
    if units == units.to_integral_value():
        return format_number(units, locale, places=0)
    return format_number(units, locale, places=1)


def break_even_text(service: ServiceResult, locale: str = "en_GB") -> str:
    """The break-even volume, or "no break-even" when the price does not cover variable cost."""
    if service.break_even_units is None:
        return _("no break-even")
    return format_number(service.break_even_units, locale, places=0)


def buildup(
    scenario: Scenario, result: ScenarioResult, service_id: str, locale: str = "en_GB"
) -> list[Line]:
    """Every line from the costs to the price of one service, top to bottom."""
    service = result.service(service_id)
    money = _money(locale)
    exact_unit_cost = money(service.unit_cost_exact, places=4)
    return [
        _direct_staff(scenario, result, service, money, locale),
        _direct_other(scenario, service, money),
        _overheads(scenario, result, service, money, locale),
        Line(_("Full cost a year"), money(service.full_cost), "total"),
        Line(
            _("÷ Planned units a year"),
            units_text(service.planned_units, locale),
            "step",
            detail=_units_found(scenario, result, service, locale),
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
        Line(_("= Price before rounding"), money(service.price_before_rounding, places=4), "step"),
        Line(
            _("= Price (net)"),
            money(service.price),
            "total",
            detail=_("rounded up to the nearest {step}").format(
                step=format_money(service.price_rounding, locale)
            ),
        ),
        Line(_("+ VAT"), money(service.vat_per_unit), "step", detail=_vat_text(service, locale)),
        Line(_("= Price incl. VAT"), money(service.price_inc_vat), "total"),
    ]


def _vat_text(service: ServiceResult, locale: str) -> str:
    treatment = _(VAT_LABELS[service.vat])
    if service.vat in (VatTreatment.EXEMPT, VatTreatment.OUTSIDE_SCOPE):
        return _("{treatment}: no VAT is charged").format(treatment=treatment)
    return _("{treatment}, {rate} of the net price").format(
        treatment=treatment, rate=percent(service.vat_rate, locale)
    )


def sensitivity_rows(service: ServiceResult) -> list[Sensitivity]:
    """−20%, −10%, planned and +10% volume, in that order (planned made from the service)."""
    rows = {row.change: row for row in service.sensitivity}
    rows.setdefault(
        Decimal(0),
        Sensitivity(
            Decimal(0),
            service.planned_units,
            service.full_cost,
            service.unit_cost,
            service.surplus_at_planned_volume,
        ),
    )
    return [rows[change] for change in sorted(rows)]


def change_text(change: Decimal, locale: str = "en_GB") -> str:
    """−20% / planned / +10%."""
    if change == 0:
        return _("Planned")
    sign = "+" if change > 0 else "−"
    return sign + percent(abs(change), locale)


# --- the parts ---------------------------------------------------------------------------------


def _money(locale: str):
    """A formatter: pennies by default; `places=4` keeps up to four (a price before rounding)."""

    def money(amount: Decimal, places: int = 2) -> str:
        if places == 2:
            return format_money(amount, locale)
        exact = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return format_currency(
            exact, "GBP", format="¤#,##0.00##", locale=locale, currency_digits=False
        )

    return money


def _direct_staff(
    scenario: Scenario, result: ScenarioResult, service: ServiceResult, money, locale: str
) -> Line:
    children = []
    for post_id, amount in service.direct_staff_lines.items():
        post = _find(scenario.staff, post_id)
        role = post.role if post else post_id
        share = post.time.get(service.id) if post else None
        detail = ""
        if share is not None:
            detail = _("{share} of the post's paid time").format(share=percent(share, locale))
            cost = _post_cost(result, post_id)
            if cost is not None:
                detail += _(" (post costs {amount} a year)").format(
                    amount=format_money(cost.annual_cost, locale)
                )
        children.append(Line(role, money(amount), detail=detail))
    return Line(_("Direct staff"), money(service.direct_staff), "group", tuple(children))


def _direct_other(scenario: Scenario, service: ServiceResult, money) -> Line:
    children = []
    for line_id, amount in service.direct_other_lines.items():
        line = _find(scenario.costs, line_id)
        name = line.name if line else line_id
        detail = _("varies with volume") if line and line.varies_with_volume else ""
        children.append(Line(name, money(amount), detail=detail))
    return Line(_("Other direct costs"), money(service.direct_other), "group", tuple(children))


def _overheads(
    scenario: Scenario, result: ScenarioResult, service: ServiceResult, money, locale: str
) -> Line:
    children = []
    for key, amount in service.overheads.items():
        if key.startswith(POOL_KEY):
            children.append(
                _pool_line(scenario, result, service, key[len(POOL_KEY) :], amount, money, locale)
            )
            continue
        line = _find(scenario.costs, key)
        if line is None:
            children.append(Line(key, money(amount)))
            continue
        basis = line.basis or Basis.EQUAL
        detail = _basis_detail(scenario, result, service.id, basis, line.shares, locale)
        detail += _(" — of {amount} a year").format(amount=format_money(line.annual_amount, locale))
        children.append(Line(line.name, money(amount), detail=detail))
    return Line(_("Share of overheads"), money(service.overhead_total), "group", tuple(children))


def _pool_line(
    scenario: Scenario,
    result: ScenarioResult,
    service: ServiceResult,
    pool_id: str,
    amount: Decimal,
    money,
    locale: str,
) -> Line:
    pool = _find(scenario.pools, pool_id)
    pool_cost = next((p for p in result.pools if p.pool_id == pool_id), None)
    label = pool_cost.label if pool_cost else (pool.label if pool else pool_id)
    basis = pool.basis if pool else Basis(pool_cost.basis) if pool_cost else Basis.EQUAL
    detail = _basis_detail(
        scenario, result, service.id, basis, pool.shares if pool else None, locale
    )
    parts = []
    if pool_cost is not None:
        detail += _(" — of the pool's {amount} a year").format(
            amount=format_money(pool_cost.total, locale)
        )
        for post_id, staff_amount in pool_cost.staff.items():
            post = _find(scenario.staff, post_id)
            parts.append(
                Line(
                    _("{role}'s time").format(role=post.role if post else post_id),
                    money(staff_amount),
                    "note",
                )
            )
        for line_id, line_amount in pool_cost.lines.items():
            line = _find(scenario.costs, line_id)
            parts.append(Line(line.name if line else line_id, money(line_amount), "note"))
    return Line(
        _("{pool} (overhead pool)").format(pool=label), money(amount), "item", tuple(parts), detail
    )


def _basis_detail(
    scenario: Scenario, result: ScenarioResult, service_id: str, basis: Basis, shares, locale: str
) -> str:
    """ "floor area 12 of 100", "staff time 6,240 of 9,360 hours", "equal shares (1 of 3)"."""
    name = _(BASIS_LABELS[basis]).lower()
    if basis is Basis.EQUAL:
        return _("equal shares (1 of {count})").format(count=len(scenario.services))
    if basis is Basis.SHARES:
        share = (shares or {}).get(service_id, Decimal(0))
        return _("set percentage {share}").format(share=percent(share, locale))
    if basis is Basis.STAFF_TIME:
        weights = _staff_time_weights(scenario, result)
        unit = _("hours")
    else:
        weights = dict(scenario.bases.get(basis.value, {}))
        unit = _("m²") if basis is Basis.FLOOR_AREA else ""
    total = sum(weights.values(), Decimal(0))
    if not total:
        return name
    return _("{basis} {part} of {total}{unit}").format(
        basis=name,
        part=format_number(weights.get(service_id, Decimal(0)).normalize(), locale),
        total=format_number(total.normalize(), locale),
        unit=f" {unit}" if unit else "",
    )


def _staff_time_weights(scenario: Scenario, result: ScenarioResult) -> dict[str, Decimal]:
    """Hours each service takes of the posts' paid time (pool time left out), as the engine does."""
    service_ids = {s.id for s in scenario.services}
    weights: dict[str, Decimal] = {s: Decimal(0) for s in service_ids}
    for post in scenario.staff:
        cost = _post_cost(result, post.id)
        if cost is None:
            continue
        for key, share in post.time.items():
            if key in service_ids:
                weights[key] += cost.headcount * cost.paid_hours_per_person * share
    return {k: v.quantize(Decimal(1), rounding=ROUND_HALF_UP) for k, v in weights.items()}


def _units_found(
    scenario: Scenario, result: ScenarioResult, service: ServiceResult, locale: str
) -> str:
    """How the planned units were found, in words."""
    model = _find(scenario.services, service.id)
    volume = model.volume if model else None
    if volume is None or volume.kind is VolumeKind.TYPED:
        return _("{units} {unit}s planned (typed in)").format(
            units=units_text(service.planned_units, locale), unit=service.unit
        )
    if volume.kind is VolumeKind.CAPACITY:
        return _("capacity {capacity} × occupancy {occupancy}").format(
            capacity=format_number((volume.capacity or Decimal(0)).normalize(), locale),
            occupancy=percent(volume.occupancy or Decimal(0), locale),
        )
    parts = []
    for post in scenario.staff:
        share = post.time.get(service.id)
        cost = _post_cost(result, post.id)
        if not post.delivers_units or not share or cost is None:
            continue
        off = sum(post.non_chargeable.values(), Decimal(0))
        parts.append(
            _(
                "{role}: {headcount} × {hours} paid hours × {share} × (1 − {off} non-chargeable)"
            ).format(
                role=post.role,
                headcount=format_number(cost.headcount.normalize(), locale),
                hours=format_number(cost.paid_hours_per_person.normalize(), locale),
                share=percent(share, locale),
                off=percent(off, locale),
            )
        )
    return _("from staff hours: ") + "; ".join(parts) if parts else _("from staff hours")


def _post_cost(result: ScenarioResult, post_id: str):
    return next((p for p in result.posts if p.post_id == post_id), None)


def _find(items, item_id: str):
    return next((item for item in items if item.id == item_id), None)
