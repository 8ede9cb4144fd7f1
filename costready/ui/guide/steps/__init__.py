"""The guide's steps on screen, one file each, in the order of costready.app.guide.STEPS."""

from __future__ import annotations

from costready.app import guide as flow
from costready.ui.guide.steps.base import GuideStep
from costready.ui.guide.steps.costs import CostsStep
from costready.ui.guide.steps.organisation import OrganisationStep
from costready.ui.guide.steps.review import ReviewStep
from costready.ui.guide.steps.services import ServicesStep
from costready.ui.guide.steps.staff import StaffStep

STEP_CLASSES: dict[str, type[GuideStep]] = {
    flow.ORGANISATION: OrganisationStep,
    flow.SERVICES: ServicesStep,
    flow.STAFF: StaffStep,
    flow.COSTS: CostsStep,
    flow.REVIEW: ReviewStep,
}

__all__ = ["STEP_CLASSES", "GuideStep"]
