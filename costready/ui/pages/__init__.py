"""The window's pages, one QWidget each, in sidebar order (see PAGES)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: Page keys in sidebar order; Ctrl+1.. switch to them in this order.
PAGE_KEYS: tuple[str, ...] = ("home", "organisation", "services", "staff", "costs", "prices")


def page_classes() -> dict[str, type[QWidget]]:
    """Each key's page class. Imported when the workspace opens, after the window is shown;
    plain imports (not by name) so a bundled app (PyInstaller) carries every page."""
    from costready.ui.pages.costs import CostsPage
    from costready.ui.pages.home import HomePage
    from costready.ui.pages.organisation import OrganisationPage
    from costready.ui.pages.prices import PricesPage
    from costready.ui.pages.services import ServicesPage
    from costready.ui.pages.staff import StaffPage

    return {
        "home": HomePage,
        "organisation": OrganisationPage,
        "services": ServicesPage,
        "staff": StaffPage,
        "costs": CostsPage,
        "prices": PricesPage,
    }
