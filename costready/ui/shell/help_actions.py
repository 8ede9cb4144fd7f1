"""The Help menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup

if TYPE_CHECKING:
    from costready.ui.main_window import MainWindow


class HelpActions(ActionGroup):
    """About CostReady."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&Help")
        self.about = self.add(
            _("&About CostReady"), self.show_about, "about", needs_workspace=False
        )
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def show_about(self) -> None:
        from costready.ui.dialogs.about import AboutDialog

        AboutDialog(self.window).exec()
