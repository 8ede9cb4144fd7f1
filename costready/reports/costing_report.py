"""The trustees' costing report PDF: every figure of a priced scenario and where it came from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from costready.costing import rules
from costready.costing.allowance import allowance_check
from costready.costing.explain import (
    change_text,
    sensitivity_rows,
    surplus_words,
    units_text,
)
from costready.costing.model import (
    NiKind,
    PensionBase,
    Scenario,
)
from costready.costing.plausibility import tax_year_warning
from costready.costing.reference_prices import homecare_comparisons
from costready.costing.results import ScenarioResult, ServiceResult
from costready.costing.rules import (
    AgeBand,
    Figure,
    Rule,
    TaxYearRules,
    Unit,
    UnknownTaxYear,
    rules_for,
)
from costready.costing.vat import Supplier, vat_warnings
from costready.i18n import _, ngettext
from costready.money import format_exact_money
from costready.organisation import Organisation
from costready.reports import fonts, styles
from costready.reports.charts import cost_buildup_drawing
from costready.reports.styles import LANDSCAPE, NEGATIVE, PORTRAIT, PathOrFile, para
from costready.reports.tables import ApportionedLine, ReportRows
from costready.rules_file import VAT_LABELS

ZERO = Decimal(0)
SERVICES_PER_TABLE = 7  # services across one landscape apportionment table
SERVICES_PER_CHART = 25
MAX_APPORTION_ROWS = 40  # past this many lines the apportionment table groups them
VAT_ORDER = ("standard", "reduced", "zero", "exempt", "outside_scope")
MAX_OVERHEAD_ROWS = 15  # a service's build-up lists overheads by category past this
HEAD_CHARS = 120  # a service's name in a table header: 12 lines of a money column


def write_costing_report(
    target: PathOrFile, organisation: Organisation, scenario: Scenario, result: ScenarioResult
) -> None:
    """Write the costing report for trustees: facts, assumptions, staff on-costs, overhead
    apportionment, each service's build-up, volume sensitivity and the cost build-up chart."""
    # Text past the input bounds (an old workspace, a hand-edited file) is cut, not laid out.
    organisation, scenario, result = _clipped(organisation, scenario, result)
    report = _Report(organisation, scenario, result)
    story = [
        *report.title_page(),
        PageBreak(),
        *report.assumptions(),
        NextPageTemplate("landscape"),
        PageBreak(),
        *report.staff_table(),
        CondPageBreak(60 * mm),
        *report.apportionment(),
        NextPageTemplate("portrait"),
        PageBreak(),
        *report.build_ups(),
        PageBreak(),
        *report.sensitivity(),
        CondPageBreak(90 * mm),
        *report.charts(),
    ]
    footer = _("{name} · Costing report · {scenario}").format(
        name=organisation.name, scenario=scenario.name
    )
    styles.build(
        target,
        story,
        title=_("Costing report: {scenario}").format(scenario=scenario.name),
        author=organisation.name,
        footer=footer,
    )


class _Report:
    """Builds each section's flowables from one scenario and its result."""

    def __init__(self, org: Organisation, scenario: Scenario, result: ScenarioResult) -> None:
        self.org = org
        self.scenario = scenario
        self.result = result
        self.locale = org.locale
        # the rows of every table, shared with the spreadsheet export (reports/tables.py)
        self.rows = ReportRows(org, scenario, result)
        self.explain = self.rows.explain
        self.overhead_label = self.rows.overhead_label
        self.basis_of = self.rows.basis_of

    # -- small formatters -------------------------------------------------------------------
    def money(self, amount: Decimal) -> str:
        return styles.money(amount, self.locale)

    def exact_money(self, amount: Decimal) -> str:
        """Four places, half-up, for a figure rounded in the next step (as the screen shows it)."""
        return format_exact_money(amount, self.locale)

    def surplus_words(self, service: ServiceResult) -> str:
        """The convention in words: '5% mark-up on cost', '£1.00 per unit'."""
        return surplus_words(service.surplus_convention, service.surplus_value, self.locale)

    # -- sections ---------------------------------------------------------------------------
    def title_page(self) -> list[Flowable]:
        sc, res = self.scenario, self.result
        facts = [
            (_("Organisation"), self.org.name),
            (_("Scenario"), sc.name),
            (
                _("Period"),
                _("{start} to {end}").format(
                    start=styles.long_day(sc.period_start, self.locale),
                    end=styles.long_day(sc.period_end, self.locale),
                ),
            ),
            (_("Tax year"), res.tax_year),
            (_("Produced on"), styles.long_day(date.today(), self.locale)),
            (_("Services"), str(len(res.services))),
            (_("Total cost"), self.money(res.total_cost)),
            (_("Income at planned volumes"), self.money(res.total_income)),
            (_("Surplus at planned volumes"), self.money(res.total_surplus)),
        ]
        rows = [[para(k, "cell_bold"), para(v, "cell")] for k, v in facts]
        facts_table = styles.table(
            [[para(_("About this report"), "head"), ""], *rows], [150, 300], numeric_from=2
        )
        return [
            Spacer(1, 12 * mm),
            para(self.org.name, "h1"),
            para(_("Costing report"), "title"),
            para(sc.name, "h2"),
            Spacer(1, 8 * mm),
            facts_table,
            Spacer(1, 8 * mm),
            para(
                _(
                    "This report shows how each price was built: what each post costs, how the "
                    "overheads are shared between services, each service's full cost and unit "
                    "cost, the surplus added, and what happens if volumes change. Every figure "
                    "can be worked out by hand from the lines above it."
                ),
                "body",
            ),
            para(_("Prices at a glance"), "h2"),
            self._glance_table(),
        ]

    def _glance_table(self) -> Flowable:
        width = styles.frame_width()
        widths = [width - 70 - 4 * 80, 70, 80, 80, 80, 80]
        rows: list[list] = [
            [
                para(_("Service"), "head"),
                para(_("Unit"), "head"),
                para(_("Planned units"), "head_num"),
                para(_("Unit cost"), "head_num"),
                para(_("Price"), "head_num"),
                para(_("Surplus at planned volume"), "head_num"),
            ]
        ]
        for s in self.result.services:
            rows.append(
                [
                    styles.cell(s.name, widths[0]),
                    styles.cell(s.unit, widths[1]),
                    units_text(s.planned_units, self.locale),
                    self.money(s.unit_cost),
                    self.money(s.price),
                    self.money(s.surplus_at_planned_volume),
                ]
            )
        rows.append(
            [
                _("Total surplus at planned volumes"),
                "",
                "",
                "",
                "",
                self.money(self.result.total_surplus),
            ]
        )
        return styles.table(
            rows,
            widths,
            numeric_from=2,
            total_rows=[len(rows) - 1],
            extra=[("ALIGN", (1, 0), (1, -1), "LEFT")],
        )

    def assumptions(self) -> list[Flowable]:
        flow: list[Flowable] = [para(_("Assumptions"), "h1"), *self._tax_year_facts()]
        flow += self._figure_sources()
        flow += self._reference_prices()
        flow += self._vat_warnings()
        flow += [para(_("Staff on-cost settings"), "h2")]
        flow += [para(line, "body") for line in self._post_settings()]
        flow += [para(_("Planned volumes"), "h2"), self._volumes_table()]
        warnings = [warning.message for warning in self.result.warnings]
        missing_year = tax_year_warning(self.result.tax_year)
        warnings += [missing_year] if missing_year else []
        if warnings:  # a warning never goes unseen, in print as on screen
            flow += [para(_("Warnings"), "h2")]
            flow += [para(warning, "body") for warning in warnings]
        return flow

    def _tax_year_facts(self) -> list[Flowable]:
        try:
            rules: TaxYearRules | None = rules_for(self.result.tax_year)
        except UnknownTaxYear:
            rules = None
        if rules is None:
            return [
                para(
                    _("No published figures are held for tax year {year}.").format(
                        year=self.result.tax_year
                    ),
                    "body",
                )
            ]
        allowance = (
            _(
                "Claimed: up to {amount} off the organisation's employer NI, shared over posts in "
                "proportion to their NI."
            ).format(amount=self.money(rules.employment_allowance))
            if self.scenario.claims_employment_allowance
            else _("Not claimed.")
        )
        check = allowance_check(self.scenario, self.org.registered_charity)
        if not check.may_claim:  # why not, or what is still to check, with the source
            allowance = f"{allowance} {check.text}"
        facts = [
            (
                _("Tax year"),
                _("{year} ({start} to {end})").format(
                    year=rules.tax_year,
                    start=styles.day(rules.starts, self.locale),
                    end=styles.day(rules.ends, self.locale),
                ),
            ),
            (
                _("Employer National Insurance"),
                _("{rate} of pay above {threshold} a year for each employee").format(
                    rate=styles.percent(rules.employer_ni_rate, self.locale),
                    threshold=self.money(rules.employer_ni_secondary_threshold),
                ),
            ),
            (
                _("Pension qualifying earnings"),
                _("{lower} to {upper} a year").format(
                    lower=self.money(rules.pension_qualifying_lower),
                    upper=self.money(rules.pension_qualifying_upper),
                ),
            ),
            (_("Employment Allowance"), allowance),
            (_("Figures checked"), styles.day(rules.checked, self.locale)),
        ]
        rows = [[para(k, "cell_bold"), para(v, "cell")] for k, v in facts]
        return [
            para(_("The tax year's figures"), "h2"),
            styles.table(
                [[para(_("Figure"), "head"), para(_("Value"), "head")], *rows],
                [150, styles.frame_width() - 150],
                numeric_from=2,
            ),
        ]

    def _vat_warnings(self) -> list[Flowable]:
        """Each service whose VAT treatment was chosen against its default, with the source."""
        warnings = vat_warnings(Supplier.of(self.org), self.scenario.services)
        if not warnings:
            return []
        return [
            para(_("VAT chosen against the usual treatment"), "h2"),
            *(para(warning.message, "body") for warning in warnings),
        ]

    def _figure_sources(self) -> list[Flowable]:
        """Each published figure the costing used, with the day it applies from, the day it
        was checked and its source (numbered, as several figures share one page)."""
        try:
            used = self._figures_used()
        except UnknownTaxYear:
            return []  # _tax_year_facts already says no figures are held
        numbers: dict[str, int] = {}
        width = styles.frame_width()
        widths = [width - 260, 82, 64, 64, 50]
        rows: list[list] = [
            [
                para(_("Figure"), "head"),
                para(_("Value"), "head_num"),
                para(_("Applies from"), "head_num"),
                para(_("Checked"), "head_num"),
                para(_("Source"), "head_num"),
            ]
        ]
        for entry in used:
            number = numbers.setdefault(entry.source, len(numbers) + 1)
            rows.append(
                [
                    styles.cell(entry.label, widths[0]),
                    self._figure_value(entry) if isinstance(entry, Figure) else _("a rule"),
                    styles.day(entry.applies_from, self.locale),
                    styles.day(entry.checked, self.locale),
                    f"[{number}]",
                ]
            )
        official = {e.source: getattr(e, "official", True) for e in used}
        sources = [
            para(
                f"[{number}] {source}"
                + ("" if official[source] else " " + _("(not a government source)")),
                "small",
            )
            for source, number in numbers.items()
        ]
        return [
            para(_("Published figures used and their sources"), "h2"),
            *self._sick_pay_fact(),
            styles.table(rows, widths, numeric_from=1),
            Spacer(1, 3),
            *sources,
        ]

    def _reference_prices(self) -> list[Flowable]:
        """Hourly personal care beside the Homecare Association's minimum price, where held."""
        lines = homecare_comparisons(self.scenario, self.result)
        if not lines:
            return []
        return [para(_("Reference prices"), "h2"), *(para(line, "body") for line in lines)]

    def _sick_pay_fact(self) -> list[Flowable]:
        held = rules.statutory_sick_pay(self.result.tax_year)
        if held is None or not self.scenario.staff:
            return []
        weekly, share = held
        return [
            para(
                _(
                    "Statutory Sick Pay from {day}: paid from the first full day of sickness, "
                    "the lower of {amount} a week or {share} of average weekly earnings."
                ).format(
                    day=styles.long_day(weekly.applies_from, self.locale),
                    amount=self.money(weekly.value),
                    share=styles.percent(share.value, self.locale),
                ),
                "body",
            )
        ]

    def _figures_used(self) -> list[Figure | Rule]:
        """The rules file's entries this scenario's costing rests on, in report order."""
        year, scenario = self.result.tax_year, self.scenario
        figures = rules.year_figures(year)
        keys: list[str] = []
        posts = list(scenario.staff)
        if any(post.employer_ni.kind == NiKind.AUTO for post in posts):
            keys += ["employer_ni_rate", "employer_ni_secondary_threshold"]
        if scenario.claims_employment_allowance:
            keys.append("employment_allowance")
        if any(
            post.pension is not None
            and post.pension.rate
            and post.pension.on == PensionBase.QUALIFYING_EARNINGS
            for post in posts
        ):
            keys += ["pension_qualifying_lower", "pension_qualifying_upper"]
        # The band each post's pay is compared with (21 and over unless the post says so).
        bands = {AgeBand(getattr(post, "age_band", AgeBand.default())) for post in posts}
        keys += [f"minimum_hourly_{band.value}" for band in AgeBand if band in bands]
        if posts:
            keys += ["ssp_weekly_rate", "ssp_earnings_share"]
        keys.append("homecare_minimum_price")  # a reference figure, where one is held
        used: list[Figure | Rule] = [figures[key] for key in keys if key in figures]
        if scenario.claims_employment_allowance:
            used += rules.employment_allowance_rules()
        return used + self._standing_used()

    def _standing_used(self) -> list[Figure]:
        """Holiday and sickness when posts have them; VAT rates when registered, else the
        registration threshold and its look-ahead test."""
        standing = rules.standing_figures()
        kinds = {
            kind for post in self.scenario.staff for kind, s in post.non_chargeable.items() if s
        }
        keys = [
            key
            for key, kind in (
                ("statutory_holiday_weeks", "holiday"),
                ("sickness_default_share", "sickness"),
            )
            if kind in kinds
        ]
        if self.org.vat_registered:
            treatments = {service.vat.value for service in self.scenario.services}
            keys += [f"vat_rate_{t}" for t in VAT_ORDER if t in treatments]
        else:
            keys += ["vat_registration_threshold", "vat_look_ahead_days"]
        return [standing[key] for key in keys]

    def _figure_value(self, figure: Figure) -> str:
        value = figure.value
        if figure.unit == Unit.SHARE:
            return styles.percent(value, self.locale)
        if figure.unit == Unit.HOURLY:
            return _("{amount} an hour").format(amount=self.money(value))
        if figure.unit == Unit.WEEKLY:
            return _("{amount} a week").format(amount=self.money(value))
        if figure.unit == Unit.DAYS:
            return ngettext("{n} day", "{n} days", int(value)).format(n=int(value))
        if figure.unit == Unit.WEEKS:
            return _("{n} weeks").format(n=styles.number(value, self.locale, places=1))
        return self.money(value)

    def _post_settings(self) -> Iterator[str]:
        for post in self.scenario.staff:
            if post.employer_ni.kind == NiKind.AUTO:
                ni = _("employer NI from the tax year's figures")
            elif post.employer_ni.kind == NiKind.RATE and post.employer_ni.rate is not None:
                ni = _("employer NI at {rate} of pay").format(
                    rate=styles.percent(post.employer_ni.rate, self.locale)
                )
            else:
                ni = _("no employer NI")
            if post.pension is None or post.pension.rate == 0:
                pension = _("no employer pension")
            elif post.pension.on == PensionBase.QUALIFYING_EARNINGS:
                pension = _("pension {rate} of qualifying earnings").format(
                    rate=styles.percent(post.pension.rate, self.locale)
                )
            else:
                pension = _("pension {rate} of total pay").format(
                    rate=styles.percent(post.pension.rate, self.locale)
                )
            yield _("{role}: {ni}; {pension}.").format(role=post.role, ni=ni, pension=pension)

    def _volumes_table(self) -> Flowable:
        width = styles.frame_width()
        widths = [150, 80, 70, width - 300]
        rows: list[list] = [
            [
                para(_("Service"), "head"),
                para(_("Planned units"), "head_num"),
                para(_("Unit"), "head"),
                para(_("How it was found"), "head"),
            ]
        ]
        for service in self.result.services:
            rows.append(
                [
                    styles.cell(service.name, widths[0]),
                    units_text(service.planned_units, self.locale),
                    styles.cell(service.unit, widths[2]),
                    styles.cell(_first_upper(self.explain.units_found(service)), widths[3]),
                ]
            )
        return styles.table(
            rows, widths, numeric_from=1, extra=[("ALIGN", (2, 0), (-1, -1), "LEFT")]
        )

    def staff_table(self) -> list[Flowable]:
        heads = self.rows.staff_table().headers  # the spreadsheet's columns, the same words
        width = styles.frame_width(LANDSCAPE)
        widths = [width - 8 * 76, *([76] * 8)]
        rows: list[list] = [
            [para(h, "head" if i == 0 else "head_num") for i, h in enumerate(heads)]
        ]
        posts, total = self.rows.staff()
        for post in [*posts, total]:
            rows.append(
                [
                    styles.cell(post.role, widths[0]) if post is not total else post.role,
                    styles.number(post.headcount, self.locale),
                    styles.number(post.paid_hours_each, self.locale) if post is not total else "",
                    *[
                        self.money(v)
                        for v in (post.pay, post.employer_ni, post.pension, post.other)
                    ],
                    self.money(post.allowance),
                    self.money(post.annual_cost),
                ]
            )
        return [
            para(_("Staff on-costs"), "h1"),
            styles.table(rows, widths, total_rows=[len(rows) - 1]),
            Spacer(1, 2 * mm),
            para(
                _(
                    "Pay, NI, pension and other on-costs are for all the people in the post "
                    "(headcount × each person's figure). Each post's annual cost is worked out "
                    "unrounded and rounded to the penny once, so a row may differ by a penny "
                    "from its parts shown here. The Employment Allowance reduces the cost."
                ),
                "small",
            ),
        ]

    def apportionment(self) -> list[Flowable]:
        flow: list[Flowable] = [
            para(_("Overhead apportionment"), "h1"),
            para(
                _(
                    "Each overhead line and overhead pool is shared between the services by the "
                    "basis named. Every penny is allocated, so each row adds up to its total."
                ),
                "body",
            ),
        ]
        lines = self.rows.apportioned_lines()
        if not lines:
            return [*flow, para(_("This scenario has no overheads to share."), "body")]
        if len(lines) < len(self.rows.overhead_keys()):
            flow.append(
                para(
                    _(
                        "This scenario has many overhead lines, so they are shown here "
                        "by category and basis; each pool is shown on its own."
                    ),
                    "body",
                )
            )
        services = list(self.result.services)
        for start in range(0, len(services), SERVICES_PER_TABLE):
            flow += [
                self._apportion_table(lines, services[start : start + SERVICES_PER_TABLE]),
                Spacer(1, 4 * mm),
            ]
        flow += self._pool_makeup()
        return flow

    def _apportion_table(
        self,
        lines: Sequence[ApportionedLine],
        services: Sequence[ServiceResult],
    ) -> Flowable:
        width = styles.frame_width(LANDSCAPE)
        money_width = 76.0
        label_width = width - 88 - money_width * (len(services) + 1)
        widths = [label_width, 88.0, *([money_width] * len(services)), money_width]
        head = [
            para(_("Overhead"), "head"),
            para(_("Basis"), "head"),
            # The header repeats on every page, so it cannot split: a name is cut to fit it.
            *[para(fonts.shortened(s.name, HEAD_CHARS, note=False), "head_num") for s in services],
            para(_("Total (all services)"), "head_num"),
        ]
        rows: list[list] = [head]
        for line in lines:
            rows.append(
                [
                    styles.cell(line.label, label_width),
                    styles.cell(line.basis, 88),
                    *[self.money(line.amounts.get(s.id, ZERO)) for s in services],
                    self.money(sum(line.amounts.values(), ZERO)),
                ]
            )
        grand = sum((s.overhead_total for s in self.result.services), ZERO)
        rows.append(
            [
                _("Total overheads"),
                "",
                *[self.money(s.overhead_total) for s in services],
                self.money(grand),
            ]
        )
        return styles.table(rows, widths, numeric_from=2, total_rows=[len(rows) - 1])

    def _pool_makeup(self) -> list[Flowable]:
        if not self.result.pools:
            return []
        width = styles.frame_width(LANDSCAPE)
        rows: list[list] = [
            [
                para(_("Overhead pool"), "head"),
                para(_("Made up of"), "head"),
                para(_("Amount"), "head_num"),
            ]
        ]
        makeup = self.rows.pool_makeup()
        shown = ""  # each pool's name on its first part only
        for pool, part, amount, total in makeup:
            rows.append([pool if total or pool != shown else "", part, self.money(amount)])
            shown = "" if total else pool
        totals = [i + 1 for i, row in enumerate(makeup) if row[3]]
        return [
            KeepTogether(
                [
                    para(_("What each overhead pool is made of"), "h2"),
                    styles.table(rows, [200, width - 300, 100], numeric_from=2, total_rows=totals),
                ]
            )
        ]

    def build_ups(self) -> list[Flowable]:
        flow: list[Flowable] = [para(_("How each price is built"), "h1")]
        for service in self.result.services:
            flow.append(KeepTogether([para(service.name, "h2"), self._build_up(service)]))
        return flow

    def _build_up(self, s: ServiceResult) -> Flowable:
        money = self.money
        rows: list[list] = [[para(_("Item"), "head"), para(_("Amount"), "head_num")]]
        rows += [[label, money(amount)] for label, amount in self.rows.cost_items(s)]
        bold = [len(rows)]
        rows.append([_("Full cost"), money(s.full_cost)])
        rounding = _("rounded up to the nearest {step}").format(step=money(s.price_rounding))
        vat_row = [_("VAT: none, as the organisation is not VAT registered"), ""]
        if self.org.vat_registered:
            vat = _(VAT_LABELS[s.vat])
            if s.vat_rate:
                vat = _("{label} {rate}").format(label=vat, rate=styles.percent(s.vat_rate))
            vat_row = [_("Price incl. VAT ({vat})").format(vat=vat), money(s.price_inc_vat)]
        break_even = (
            units_text(s.break_even_units, self.locale)
            if s.break_even_units is not None
            else _("no break-even: the price does not cover the variable cost of a unit")
        )
        rows += [
            [
                _("Planned units a year ({unit})").format(unit=s.unit),
                units_text(s.planned_units, self.locale),
            ],
            [_("Unit cost (full cost ÷ planned units)"), money(s.unit_cost)],
            [_("Surplus"), self.surplus_words(s)],
            [_("Price before rounding"), self.exact_money(s.price_before_rounding)],
        ]
        bold.append(len(rows))
        rows += [
            [_("Price ({rounding})").format(rounding=rounding), money(s.price)],
            vat_row,
            [_("Surplus a unit"), money(s.surplus_per_unit)],
            [
                _("Surplus at planned volume: {working}").format(
                    working=self.explain.surplus_year_working(s)
                ),
                money(s.surplus_at_planned_volume),
            ],
            [_("Fixed cost"), money(s.fixed_cost)],
            [_("Variable cost at planned volume"), money(s.variable_cost)],
            [_("Break-even volume ({unit})").format(unit=s.unit), break_even],
        ]
        rows = [[styles.cell(str(r[0]), 330) if i else r[0], r[1]] for i, r in enumerate(rows)]
        return styles.table(rows, [330, 170], total_rows=bold)

    def sensitivity(self) -> list[Flowable]:
        width = styles.frame_width(PORTRAIT)
        widths = [width - 4 * 90, 90, 90, 90, 90]
        rows: list[list] = [
            [
                para(_("Service"), "head"),
                para(_("Volume"), "head_num"),
                para(_("Units"), "head_num"),
                para(_("Unit cost"), "head_num"),
                para(_("Surplus"), "head_num"),
            ]
        ]
        extra: list[tuple] = []
        for s in self.result.services:
            cases = sensitivity_rows(s)
            if not cases:
                continue  # a hand-made result may carry none; the engine always gives them
            first = len(rows)
            for case in cases:
                rows.append(
                    [
                        "",
                        change_text(case.change, self.locale),
                        units_text(case.units, self.locale),
                        self.money(case.unit_cost),
                        self.money(case.surplus),
                    ]
                )
                if case.surplus < 0:
                    extra.append(("TEXTCOLOR", (4, len(rows) - 1), (4, len(rows) - 1), NEGATIVE))
            rows[first][0] = styles.cell(s.name, widths[0], "cell_bold")
            extra.append(("LINEABOVE", (0, first), (-1, first), 0.4, styles.RULE))
        return [
            para(_("If volumes change"), "h1"),
            para(
                _(
                    "Unit cost and surplus at the same price if the units delivered fall or rise. "
                    "Fixed costs stay the same; variable costs move with the units. A negative "
                    "surplus (shown in red with a minus sign) is a loss."
                ),
                "body",
            ),
            *self._hours_worked_note(),
            styles.table(rows, widths, extra=extra),
        ]

    def _hours_worked_note(self) -> list[Flowable]:
        """One sentence on posts paid only for hours worked, when there are any."""
        roles = [post.role for post in self.scenario.staff if post.paid_for_hours_worked]
        if not roles:
            return []
        return [
            para(
                _(
                    "Paid only for hours worked ({roles}): their cost on each service varies "
                    "with its units, here and in break-even, as if employer National Insurance "
                    "were a fixed share of pay (the threshold below which none is paid is "
                    "ignored)."
                ).format(roles=", ".join(roles)),
                "body",
            )
        ]

    def charts(self) -> list[Flowable]:
        flow: list[Flowable] = [
            para(_("Cost build-up of each price"), "h1"),
            para(
                _(
                    "Each bar is a service's price a unit, built up from direct staff, other "
                    "direct costs, overheads and the surplus."
                ),
                "body",
            ),
        ]
        ids = [s.id for s in self.result.services]
        width = styles.frame_width(PORTRAIT)
        for start in range(0, len(ids), SERVICES_PER_CHART):
            flow += [
                cost_buildup_drawing(
                    self.result,
                    ids[start : start + SERVICES_PER_CHART],
                    width=width,
                    locale=self.locale,
                ),
                Spacer(1, 6 * mm),
            ]
        return flow


def _clipped(
    org: Organisation, scenario: Scenario, result: ScenarioResult
) -> tuple[Organisation, Scenario, ScenarioResult]:
    """Copies with every name, unit, role and label cut to fonts.NAME_CHARS."""
    clip = fonts.clipped
    scenario = replace(
        clip(scenario, "name"),
        services=tuple(clip(s, "name", "unit") for s in scenario.services),
        staff=tuple(clip(p, "role") for p in scenario.staff),
        pools=tuple(clip(p, "name") for p in scenario.pools),
        costs=tuple(clip(c, "name") for c in scenario.costs),
    )
    result = replace(
        clip(result, "scenario_name"),
        services=tuple(clip(s, "name", "unit") for s in result.services),
        posts=tuple(clip(p, "role") for p in result.posts),
        pools=tuple(clip(p, "label") for p in result.pools),
    )
    return clip(org, "name"), scenario, result


def _first_upper(text: str) -> str:
    """A sentence the screen shows mid-line ("capacity 40 × ...") opening a table cell."""
    return text[:1].upper() + text[1:]
