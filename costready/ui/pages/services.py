"""The Services page: the menu of services, how each is counted, its surplus, VAT and price."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from PySide6.QtGui import QShowEvent

from costready.costing.explain import units_text
from costready.costing.model import (
    NEW_SERVICE_SURPLUS,
    REGULATED_ACTIVITY_LABELS,
    SURPLUS_LABELS,
    RegulatedActivity,
    Scenario,
    Service,
    Surplus,
    SurplusKind,
    VatTreatment,
    Volume,
    VolumeKind,
)
from costready.costing.results import ServiceResult
from costready.costing.scenarios import remove_service
from costready.costing.validate import validate_service
from costready.costing.vat import Supplier, default_treatment, vat_warning
from costready.i18n import N_, _
from costready.money import format_money, format_percent
from costready.problems import Problem
from costready.rules_file import VAT_LABELS
from costready.ui import edit_names
from costready.ui.editors.common import NewItemDialog
from costready.ui.pages._table_page import TablePage
from costready.ui.table_model import Column, ColumnKind

ZERO = Decimal(0)
ONE = Decimal(1)

VOLUME_LABELS = {
    VolumeKind.TYPED: N_("Typed in"),
    VolumeKind.FROM_STAFF_HOURS: N_("From staff hours"),
    VolumeKind.CAPACITY: N_("Capacity × occupancy"),
}
ROUNDING_STEPS = (
    (N_("1p"), Decimal("0.01")),
    (N_("5p"), Decimal("0.05")),
    (N_("10p"), Decimal("0.10")),
    (N_("50p"), Decimal("0.50")),
    (N_("£1"), Decimal("1.00")),
)


def _set_volume_kind(service: Service, kind: Any) -> Service:
    kind = VolumeKind(kind)
    old = service.volume
    if kind is VolumeKind.TYPED:
        units = old.units
        if units is None and old.capacity is not None:
            units = old.capacity * (old.occupancy or ONE)
        volume = Volume(kind, units=units or ZERO)
    elif kind is VolumeKind.CAPACITY:
        volume = Volume(
            kind, capacity=old.capacity or old.units or ZERO, occupancy=old.occupancy or ONE
        )
    else:
        volume = Volume(kind)
    return dataclasses.replace(service, volume=volume)


class _VolumeFigures(TypedDict, total=False):
    """The figures of a Volume a cell edits (its kind has a cell of its own)."""

    units: Decimal
    capacity: Decimal
    occupancy: Decimal


def _set_volume(service: Service, **changes: Unpack[_VolumeFigures]) -> Service:
    return dataclasses.replace(service, volume=dataclasses.replace(service.volume, **changes))


def _set_surplus_kind(service: Service, kind: Any) -> Service:
    kind = SurplusKind(kind)
    value = service.surplus.value
    # a percentage does not carry over to pounds (or back); start the new convention at zero
    if (kind is SurplusKind.FIXED_PER_UNIT) != (service.surplus.kind is SurplusKind.FIXED_PER_UNIT):
        value = ZERO
    return dataclasses.replace(service, surplus=Surplus(kind, value))


def _set_surplus_value(service: Service, value: Decimal) -> Service:
    return dataclasses.replace(service, surplus=Surplus(service.surplus.kind, value))


def _surplus_kind(service: Service) -> ColumnKind:
    if service.surplus.kind is SurplusKind.FIXED_PER_UNIT:
        return ColumnKind.MONEY
    return ColumnKind.PERCENT


def _surplus_text(service: Service) -> str:
    if service.surplus.kind is SurplusKind.FIXED_PER_UNIT:
        return _("{amount} a unit").format(amount=format_money(service.surplus.value))
    return format_percent(service.surplus.value)


def _rounding_text(service: Service) -> str:
    return next(
        (_(label) for label, step in ROUNDING_STEPS if step == service.price_rounding),
        format_money(service.price_rounding),
    )


class ServicesPage(TablePage):
    """Each service on the menu: how its units are counted, its surplus, VAT and price."""

    key = "services"
    title = N_("Services")
    subtitle = N_(
        "The menu of services you sell. Type in a cell to change it; prices follow at once."
    )
    empty_text = N_("No services yet — Add a service")
    add_text = N_("Add a service")
    has_editor = False
    _supplier_now: Supplier | None = None
    #: the guide asks VAT only of a VAT-registered organisation (the treatment is kept)
    vat_asked_only_when_registered = False

    # Rows ----------------------------------------------------------------------------------
    def rows_of(self, scenario: Scenario) -> tuple[Service, ...]:
        return scenario.services

    def with_rows(self, scenario: Scenario, rows: tuple[Any, ...]) -> Scenario:
        return dataclasses.replace(scenario, services=rows)

    def label_of(self, item: Any) -> str:
        return item.name

    def item_problems(self, item: Any, path: str) -> list[Problem]:
        return validate_service(item, path)

    def _supplier(self) -> Supplier:
        """The organisation's VAT facts (charity, CQC-registered, VAT registered), read once
        per change: cells ask for them on every paint."""
        if self._supplier_now is None:
            document = self.document
            org = document.workspace.organisation(document.organisation_id)
            self._supplier_now = Supplier.of(org)
        return self._supplier_now

    def _on_document_changed(self) -> None:
        self._supplier_now = None  # the profile may have changed too
        super()._on_document_changed()

    def showEvent(self, event: QShowEvent) -> None:
        # the Organisation page may have changed the profile since this page was last shown
        self._supplier_now = None
        self.model.refresh()
        if self.vat_asked_only_when_registered:
            hidden = not self._supplier().vat_registered
            self.view.setColumnHidden(self.model.column_index("vat"), hidden)
        super().showEvent(event)

    def _vat_text(self, service: Service) -> str:
        label = _(VAT_LABELS[service.vat])
        if vat_warning(self._supplier(), service) is None:  # the default, or no VAT charged
            return label
        default = default_treatment(self._supplier(), service).treatment
        return _("{label} ⚠ usually {default}").format(label=label, default=_(VAT_LABELS[default]))

    def _vat_tip(self, service: Service) -> str:
        warning = vat_warning(self._supplier(), service) or ""
        if service.vat is not VatTreatment.OUTSIDE_SCOPE:
            return warning
        # the one treatment whose name does not explain itself
        meaning = _(
            "Outside the scope of VAT: not a sale at all, such as a grant given with "
            "nothing in return."
        )
        return f"{warning}\n{meaning}" if warning else meaning

    def _following_vat(self, before: Service, after: Service) -> Service:
        """`after` with VAT moved to its new default, unless VAT was chosen against the old
        one (a choice against the default is kept)."""
        supplier = self._supplier()
        if before.vat is not default_treatment(supplier, before).treatment:
            return after
        return dataclasses.replace(after, vat=default_treatment(supplier, after).treatment)

    def _result(self, service: Service) -> ServiceResult | None:
        result = self.document.result
        if result is None:
            return None
        return next((s for s in result.services if s.id == service.id), None)

    def _result_value(self, service: Service, field: str) -> Decimal | None:
        found = self._result(service)
        return getattr(found, field) if found is not None else None

    def _units_text(self, service: Service) -> str:
        """Planned units as every screen and report shows them (922.5, never 923 here)."""
        units = self._result_value(service, "planned_units")
        return units_text(units) if units is not None else ""

    # Columns -------------------------------------------------------------------------------
    def build_columns(self) -> list[Column]:
        replace = dataclasses.replace
        return [
            Column("name", N_("Name"), lambda s: s.name, set=lambda s, v: replace(s, name=v)),
            Column(
                "unit",
                N_("Unit"),
                lambda s: s.unit,
                set=lambda s, v: replace(s, unit=v),
                help=N_("What one unit of the service is: hour, session, place-week, visit…"),
            ),
            Column(
                "price",
                N_("Price"),
                lambda s: self._result_value(s, "price"),
                ColumnKind.MONEY,
                bold=True,
                display=self._price_text,
                help=N_("Unit cost plus surplus, rounded up; before any VAT"),
            ),
            Column(
                "unit_cost",
                N_("Unit cost"),
                lambda s: self._result_value(s, "unit_cost"),
                ColumnKind.MONEY,
                help=N_("Full cost (direct costs and a share of overheads) ÷ planned units"),
            ),
            Column(
                "planned_units",
                N_("Planned units"),
                lambda s: self._result_value(s, "planned_units"),
                ColumnKind.NUMBER,
                display=self._units_text,
                help=N_("Units a year as worked out from how they are counted"),
            ),
            Column(
                "volume_kind",
                N_("Units counted"),
                lambda s: s.volume.kind,
                ColumnKind.CHOICE,
                set=_set_volume_kind,
                choices=lambda s: [(_(label), kind.value) for kind, label in VOLUME_LABELS.items()],
                help=N_(
                    "How planned units a year are counted: typed in, worked out from the hours "
                    "of staff who deliver the service, or capacity × occupancy."
                ),
                noun=N_("way of counting units"),
            ),
            Column(
                "units",
                N_("Units a year"),
                lambda s: s.volume.units,
                ColumnKind.NUMBER,
                display=lambda s: units_text(s.volume.units) if s.volume.units is not None else "",
                set=lambda s, v: _set_volume(s, units=v),
                editable_if=lambda s: s.volume.kind is VolumeKind.TYPED,
            ),
            Column(
                "capacity",
                N_("Capacity"),
                lambda s: s.volume.capacity,
                ColumnKind.NUMBER,
                set=lambda s, v: _set_volume(s, capacity=v),
                editable_if=lambda s: s.volume.kind is VolumeKind.CAPACITY,
                help=N_("Units a year if every place were filled"),
            ),
            Column(
                "occupancy",
                N_("Occupancy"),
                lambda s: s.volume.occupancy,
                ColumnKind.PERCENT,
                set=lambda s, v: _set_volume(s, occupancy=v),
                editable_if=lambda s: s.volume.kind is VolumeKind.CAPACITY,
                maximum=ONE,
                help=N_("The share of capacity you expect to fill (up to 100%)"),
            ),
            Column(
                "surplus_kind",
                N_("Surplus as"),
                lambda s: s.surplus.kind,
                ColumnKind.CHOICE,
                set=_set_surplus_kind,
                choices=lambda s: [
                    (_(label).capitalize(), k.value) for k, label in SURPLUS_LABELS.items()
                ],
                help=N_(
                    "Mark-up on cost: price = cost × (1 + surplus). Share of price: the surplus "
                    "is that share of the price. Fixed: a set amount added to each unit."
                ),
                noun=N_("surplus convention"),
            ),
            Column(
                "surplus",
                N_("Surplus"),
                lambda s: s.surplus.value,
                kind_of=_surplus_kind,
                set=_set_surplus_value,
                display=_surplus_text,
                minimum=None,
            ),
            Column(
                "regulated_activity",
                N_("CQC-regulated activity"),
                lambda s: s.regulated_activity,
                ColumnKind.CHOICE,
                set=lambda s, v: self._following_vat(
                    s, replace(s, regulated_activity=RegulatedActivity(v))
                ),
                choices=lambda s: [
                    (_(label), k.value) for k, label in REGULATED_ACTIVITY_LABELS.items()
                ],
                display=lambda s: _(REGULATED_ACTIVITY_LABELS[s.regulated_activity]),
                help=N_(
                    "The activity CQC registers you for, such as personal care in people's "
                    "homes. With a CQC registration, it makes the service exempt from VAT."
                ),
                noun=N_("CQC-regulated activity setting"),
            ),
            Column(
                "welfare_advice",
                N_("Welfare advice"),
                lambda s: s.welfare_advice,
                ColumnKind.BOOL,
                set=lambda s, v: self._following_vat(s, replace(s, welfare_advice=bool(v))),
                help=N_(
                    "Advice or information about the welfare of elderly, sick, distressed or "
                    "disabled people: from a charity it is charged VAT at the reduced rate "
                    "(5%), not exempt. Social prescribing link work may fall under it; advice "
                    "given only for one person's own circumstances does not. Tick it if yours "
                    "does."
                ),
                noun=N_("welfare advice setting"),
            ),
            Column(
                "vat",
                N_("VAT"),
                lambda s: s.vat,
                ColumnKind.CHOICE,
                set=lambda s, v: replace(s, vat=VatTreatment(v)),
                choices=lambda s: [(_(label), k.value) for k, label in VAT_LABELS.items()],
                display=self._vat_text,
                tooltip=self._vat_tip,
                help=N_(
                    "Exempt, standard (20%) or reduced (5%) follows who supplies the service: "
                    "welfare services are exempt only from a charity, a public body or a "
                    "CQC-registered provider. Outside the scope of VAT: not a sale at all, "
                    "such as a grant given with nothing in return. Not VAT registered: no VAT "
                    "is charged whatever is chosen here."
                ),
            ),
            Column(
                "rounding",
                N_("Round price up to"),
                lambda s: s.price_rounding,
                ColumnKind.CHOICE,
                set=lambda s, v: replace(s, price_rounding=v),
                choices=lambda s: [(_(label), step) for label, step in ROUNDING_STEPS],
                display=_rounding_text,
                noun=N_("price rounding"),
            ),
            Column(
                "description",
                N_("Description"),
                lambda s: s.description,
                set=lambda s, v: replace(s, description=v),
                required=False,
            ),
        ]

    def _price_text(self, service: Service) -> str:
        price = self._result_value(service, "price")
        if price is None:
            return ""
        return _("{price} per {unit}").format(price=format_money(price), unit=service.unit)

    # Actions -------------------------------------------------------------------------------
    def add(self) -> None:
        taken = {s.id for s in self.document.scenario.services}
        dialog = NewItemDialog(_("Add a service"), _("Service name"), taken, self)
        self.open_dialog(dialog, lambda: self._add_service(dialog.name, dialog.item_id))

    def _add_service(self, name: str, service_id: str) -> None:
        scenario = self.document.scenario
        service = Service(
            id=service_id,
            name=name,
            volume=Volume(VolumeKind.TYPED, units=ZERO),
            surplus=NEW_SERVICE_SURPLUS,  # the guide's suggestion, wherever a service is added
        )
        # VAT starts as the law usually has it for this organisation (costing/vat.py)
        service = dataclasses.replace(
            service, vat=default_treatment(self._supplier(), service).treatment
        )
        staff = scenario.staff
        if not scenario.services:
            # the first service: posts with no time split yet give it all their time
            staff = tuple(
                dataclasses.replace(post, time={service_id: ONE}) if not post.time else post
                for post in staff
            )
        new = dataclasses.replace(scenario, services=(*scenario.services, service), staff=staff)
        if self.apply(new, edit_names.Edit(edit_names.ADD_SERVICE, name=name)):
            row = len(new.services) - 1
            self.select_row(row)
            self.show_status(
                _("Added {name}. Give its planned units a year so it can be priced.").format(
                    name=name
                )
            )
            self.view.setFocus()

    def remove(self, row: int) -> None:
        """Remove the service by the app's one rule (costready.costing.scenarios), saying what
        went with it and what now needs putting right."""
        service = self.model.item(row)
        new, notes = remove_service(self.document.scenario, service.id)
        if not self.apply(new, edit_names.Edit(edit_names.REMOVE_SERVICE, name=service.name)):
            return
        parts = [_("Removed {name}.").format(name=service.name), *notes]
        parts.append(_("Press Ctrl+Z to bring it back."))
        self.show_status(" ".join(parts))
