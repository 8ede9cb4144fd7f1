"""The window's pages, one QWidget each, in sidebar order (see PAGES)."""

from __future__ import annotations

#: (key, module, class name) in sidebar order; Ctrl+1.. switch to them in this order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("home", "costready.ui.pages.home", "HomePage"),
    ("organisation", "costready.ui.pages.organisation", "OrganisationPage"),
    ("services", "costready.ui.pages.services", "ServicesPage"),
    ("staff", "costready.ui.pages.staff", "StaffPage"),
    ("costs", "costready.ui.pages.costs", "CostsPage"),
    ("prices", "costready.ui.pages.prices", "PricesPage"),
)
