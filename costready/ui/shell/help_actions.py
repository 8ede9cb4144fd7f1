"""The Help menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup

if TYPE_CHECKING:
    from costready.ui.dialogs.help import HelpDialog
    from costready.ui.main_window import MainWindow


class HelpActions(ActionGroup):
    """Getting started, what full cost recovery means, and About CostReady."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&Help")
        #: the help page open now (tests reach it here)
        self.dialog: HelpDialog | None = None
        self.getting_started = self.add(
            _("&Getting started"),
            lambda: self.show_help(_("Getting started"), "getting-started.md"),
            "",
            QKeySequence.StandardKey.HelpContents,
            needs_workspace=False,
        )
        self.full_cost_recovery = self.add(
            _("What &full cost recovery means"),
            lambda: self.show_help(_("What full cost recovery means"), "full-cost-recovery.md"),
            needs_workspace=False,
        )
        self.separator()
        self.about = self.add(
            _("&About CostReady"), self.show_about, "about", needs_workspace=False
        )
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def show_help(self, title: str, name: str) -> None:
        """Show the shipped help page `name` beside the window."""
        from costready.ui.dialogs.help import HelpDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = HelpDialog(title, name, self.window)
        self.dialog.show()

    def show_about(self) -> None:
        from costready.ui.dialogs.about import AboutDialog

        AboutDialog(self.window).exec()
