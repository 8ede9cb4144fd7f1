"""VAT by who supplies a service: its default treatment, and the warning when a choice differs.

The welfare exemption (VATA 1994 Sch 9 Group 7 item 9; HMRC VAT Notice 701/2) covers welfare
services supplied by a charity, a public body or a state-regulated provider such as a
CQC-registered one; anyone else charges the standard rate. Welfare advice or information by a
charity or a state-regulated provider is reduced-rated (Sch 7A Group 9). The rules and their
sources are in the rules file (`vat_rules`); DESIGN.md "The costing arithmetic, exactly".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from costready.costing.model import (
    OrganisationInfo,
    RegulatedActivity,
    Service,
    VatTreatment,
)
from costready.costing.rules import (
    Rule,
    legal_rule,
    standing_figures,
    vat_look_ahead_days,
    vat_rate,
)
from costready.i18n import _
from costready.money import format_money, format_percent
from costready.organisation import Organisation, is_charity
from costready.problems import Problem
from costready.rules_file import VAT_LABELS

#: treatments whose income counts as taxable turnover for the registration threshold
#: (exempt and outside-the-scope income does not count; zero-rated does)
TAXABLE = (VatTreatment.STANDARD, VatTreatment.REDUCED, VatTreatment.ZERO)


@dataclass(frozen=True)
class Supplier:
    """What VAT needs to know of the organisation supplying the services."""

    charity: bool = False
    cqc_registered: bool = False
    vat_registered: bool = False

    @classmethod
    def of(cls, org: Organisation | OrganisationInfo) -> Supplier:
        """The supplier facts of a stored profile or of a model file's organisation."""
        if isinstance(org, Organisation):
            return cls(is_charity(org), org.cqc_registered, org.vat_registered)
        return cls(org.charity, org.cqc_registered, org.vat_registered)


@dataclass(frozen=True)
class VatDefault:
    """A service's default treatment, why, and the published rule it follows."""

    treatment: VatTreatment
    reason: str
    rule: Rule


def default_treatment(supplier: Supplier, service: Service) -> VatDefault:
    """The treatment the law gives `service` when `supplier` supplies it (a welfare service
    unless marked as advice; the person may know better and choose otherwise)."""
    state_regulated = supplier.cqc_registered and (
        service.regulated_activity is not RegulatedActivity.NONE or service.welfare_advice
    )
    if service.welfare_advice and (supplier.charity or state_regulated):
        return VatDefault(
            VatTreatment.REDUCED,
            _(
                "welfare advice or information supplied by a charity or a CQC-registered "
                "provider is reduced-rated at {rate} (VATA 1994 Sch 7A Group 9)"
            ).format(rate=format_percent(vat_rate("reduced"), places=2)),
            legal_rule("vat_welfare_advice_reduced"),
        )
    exemption = legal_rule("vat_welfare_exemption")
    if supplier.charity:
        return VatDefault(
            VatTreatment.EXEMPT,
            _("welfare services supplied by a charity are exempt (VATA 1994 Sch 9 Group 7)"),
            exemption,
        )
    if state_regulated:
        return VatDefault(
            VatTreatment.EXEMPT,
            _(
                "welfare services supplied by a CQC-registered provider as a regulated "
                "activity are exempt (VATA 1994 Sch 9 Group 7)"
            ),
            exemption,
        )
    return VatDefault(
        VatTreatment.STANDARD,
        _(
            "the welfare exemption covers only charities, public bodies and state-regulated "
            "providers such as CQC-registered ones, so this is standard-rated "
            "(VATA 1994 Sch 9 Group 7)"
        ),
        exemption,
    )


def vat_warning(supplier: Supplier, service: Service) -> str | None:
    """A sentence naming the source when the service's treatment differs from its default; none
    when the organisation is not VAT registered (it charges no VAT, so nothing is mis-charged)."""
    default = default_treatment(supplier, service)
    if not charges_vat(supplier) or service.vat is default.treatment:
        return None
    return _(
        "{service}: VAT is “{chosen}”, but usually “{default}”: {reason}. Kept as chosen; "
        "check with {source}"
    ).format(
        service=service.name,
        chosen=_(VAT_LABELS[service.vat]),
        default=_(VAT_LABELS[default.treatment]),
        reason=default.reason,
        source=default.rule.source,
    )


def vat_warnings(supplier: Supplier, services: Iterable[Service]) -> list[Problem]:
    """Every service whose treatment differs from its default, by the service's VAT field
    (`vat_warning`: none when the organisation is not VAT registered)."""
    warnings = []
    for index, service in enumerate(services):
        text = vat_warning(supplier, service)
        if text is not None:
            warnings.append(Problem(f"$.services[{index}].vat", text))
    return warnings


def charges_vat(supplier: Supplier) -> bool:
    """Only a VAT-registered organisation charges VAT; otherwise no price includes any."""
    return supplier.vat_registered


def taxable_income(services: Iterable[Service], income: dict[str, Decimal]) -> Decimal:
    """Planned income that counts towards the registration threshold: net price x planned
    units of every standard-, reduced- or zero-rated service (`income` by service id)."""
    return sum(
        (income.get(service.id, Decimal(0)) for service in services if service.vat in TAXABLE),
        Decimal(0),
    )


@dataclass(frozen=True)
class ThresholdNote:
    """What an unregistered organisation reads beside its prices: the registration threshold,
    the look-ahead test and the menu's planned taxable income; `above` when it passes."""

    text: str
    above: bool
    taxable_income: Decimal


def threshold_note(
    services: Iterable[Service], income: dict[str, Decimal], locale: str = "en_GB"
) -> ThresholdNote:
    """The VAT registration note for an organisation that is not VAT registered (figures and
    source from the rules file: VATA 1994 Sch 1 para 1)."""
    threshold = standing_figures()["vat_registration_threshold"]
    planned = taxable_income(services, income)
    above = planned > threshold.value
    facts = {
        "threshold": format_money(threshold.value, locale),
        "days": vat_look_ahead_days(),
        "income": format_money(planned, locale),
        "source": threshold.source,
    }
    if above:
        text = _(
            "Warning: this menu's planned taxable income, {income} a year, is above the VAT "
            "registration threshold of {threshold}. An organisation must register when taxable "
            "turnover passes it in any rolling 12 months, or is expected to pass it in the next "
            "{days} days alone; prices would then carry VAT. Source: {source}"
        )
    else:
        text = _(
            "Not VAT registered: no VAT is added to any price. Registration is needed when "
            "taxable turnover passes {threshold} in any rolling 12 months, or is expected to "
            "pass it in the next {days} days alone. This menu's planned taxable income "
            "(standard-, reduced- and zero-rated services): {income} a year. Source: {source}"
        )
    return ThresholdNote(text.format(**facts), above, planned)
