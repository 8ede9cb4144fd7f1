"""Move whole models between model files and the workspace; validate before writing."""

from __future__ import annotations

from dataclasses import dataclass

from costready.costing.model import CostingModel, OrganisationInfo, Service
from costready.costing.results import CostingError
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import N_, _
from costready.organisation import Organisation
from costready.problems import Problem
from costready.storage.errors import NameTaken
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace


@dataclass(frozen=True)
class ServiceChange:
    """What importing a model would change in one of the organisation's services, which is
    one record shown by every scenario that has it."""

    service_id: str
    name: str
    changes: tuple[tuple[str, str, str], ...]  # (field, as stored, as imported)
    scenarios: tuple[str, ...]  # the names of the scenarios that show the service now

    def problem(self, index: int) -> Problem:
        """The change in words, at the model file's path of the service."""
        fields = "; ".join(
            _("{field} “{old}” becomes “{new}”").format(
                field=_(FIELD_LABELS[field]), old=old, new=new
            )
            for field, old, new in self.changes
        )
        where = ", ".join(f"“{name}”" for name in self.scenarios)
        return Problem(
            f"$.services[{index}]",
            _(
                "importing changes the service “{name}” in every scenario that has it ({where}): "
                "{fields}"
            ).format(name=self.name, where=where or _("none yet"), fields=fields),
        )


FIELD_LABELS = {"unit": N_("its unit"), "description": N_("its description")}


class ServicesWouldChange(CostingError):
    """An import that would change services other scenarios show, refused until allowed
    (`import_model(..., update_services=True)`); `changes` says what and where."""

    def __init__(self, changes: list[tuple[int, ServiceChange]]):
        self.changes = [change for _index, change in changes]
        super().__init__([change.problem(index) for index, change in changes])


def import_model(
    workspace: Workspace,
    model: CostingModel,
    organisation_id: int | None = None,
    *,
    update_services: bool = False,
) -> tuple[int, int]:
    """Store `model` (already validated by modelfile) as a new scenario, in one unit of work.

    With no `organisation_id` a new organisation is made from the model's organisation, named
    apart from every other (“Name (2)”), even when another import runs at the same time. Into an
    existing one, a service whose id the organisation already uses for a differently named
    service is refused (services are one record per organisation: importing it would rename the
    service in every other scenario and printed price list); one whose unit or description
    differs is refused with ServicesWouldChange (saying which scenarios it touches) unless
    `update_services`. Returns (organisation id, scenario id).
    """
    with workspace.writing() as uow:  # checked and written together: the organisation and
        return import_into(uow, model, organisation_id, update_services=update_services)


def service_changes(
    workspace: Workspace, model: CostingModel, organisation_id: int
) -> list[ServiceChange]:
    """What importing `model` into the organisation would change in its services (the window
    asks before importing with `update_services=True`); empty when nothing would."""
    with workspace.reading() as uow:
        return [change for _index, change in _changed_services(uow, organisation_id, model)]


def import_into(
    uow: UnitOfWork,
    model: CostingModel,
    organisation_id: int | None = None,
    *,
    update_services: bool = False,
) -> tuple[int, int]:
    """`import_model` within a unit of work the caller opened (to write more beside it)."""
    if organisation_id is None:
        organisation_id = _new_organisation(uow, model.organisation)
    else:
        uow.organisations.lock(organisation_id)  # no other writer adds services meanwhile
        problems = _clashing_services(uow, organisation_id, model)
        if problems:
            raise CostingError(problems)
        if not update_services:
            changes = _changed_services(uow, organisation_id, model)
            if changes:
                raise ServicesWouldChange(changes)
    scenario_id = uow.scenarios.create(organisation_id, model.scenario)
    return organisation_id, scenario_id


def _new_organisation(uow: UnitOfWork, info: OrganisationInfo) -> int:
    """A new organisation named apart from the others (the database refuses a name another
    writer took meanwhile: then the next number is tried)."""
    taken = {org.name.casefold() for org in uow.organisations.all()}
    while True:
        name = unique_name(info.name, taken)
        try:
            org = uow.organisations.save(
                Organisation(
                    name=name,
                    vat_registered=info.vat_registered,
                    locale=info.locale,
                    cqc_registered=info.cqc_registered,
                )
            )
        except NameTaken:
            taken.add(name.casefold())
            continue
        assert org.id is not None
        return org.id


def _stored_services(
    uow: UnitOfWork, organisation_id: int
) -> dict[str, tuple[Service, list[ScenarioSummary]]]:
    return {
        service.id: (service, users)
        for service, users in uow.scenarios.service_uses(organisation_id)
    }


def _clashing_services(uow: UnitOfWork, organisation_id: int, model: CostingModel) -> list[Problem]:
    known = _stored_services(uow, organisation_id)
    return [
        Problem(
            f"$.services[{index}].id",
            _(
                "“{id}” is already this organisation's service “{known}”; "
                "give “{name}” another id, or import it as a new organisation"
            ).format(id=service.id, known=known[service.id][0].name, name=service.name),
        )
        for index, service in enumerate(model.scenario.services)
        if service.id in known and known[service.id][0].name != service.name
    ]


def _changed_services(
    uow: UnitOfWork, organisation_id: int, model: CostingModel
) -> list[tuple[int, ServiceChange]]:
    """Each of the model's services (with its index) whose unit or description differs from
    the organisation's service of the same id, with the scenarios that show that service."""
    known = _stored_services(uow, organisation_id)
    found = []
    for index, service in enumerate(model.scenario.services):
        if service.id not in known:
            continue
        stored, users = known[service.id]
        changes = tuple(
            (field, getattr(stored, field), getattr(service, field))
            for field in FIELD_LABELS
            if getattr(stored, field) != getattr(service, field)
        )
        if changes:
            found.append(
                (
                    index,
                    ServiceChange(
                        service.id, stored.name, changes, tuple(user.name for user in users)
                    ),
                )
            )
    return found


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or “name (2)”, “name (3)”... so two organisations never share a name (`taken`
    holds the names in use, casefolded: names differing only in case are the same name)."""
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def export_model(workspace: Workspace, organisation_id: int, scenario_id: int) -> CostingModel:
    """The scenario and its organisation as a model ready for `modelfile.save_model_file`."""
    with workspace.reading() as uow:
        org = uow.organisations.get(organisation_id)
        scenario = uow.scenarios.get(scenario_id)
    return CostingModel(
        organisation=OrganisationInfo(
            name=org.name,
            vat_registered=org.vat_registered,
            locale=org.locale,
            charity=org.registered_charity,
            cqc_registered=org.cqc_registered,
        ),
        scenario=scenario,
    )
