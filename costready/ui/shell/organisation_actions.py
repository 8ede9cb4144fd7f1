"""The Organisation menu, and renaming and deleting scenarios: each asks, then calls `app`.

A delete names exactly what goes and takes a backup of the workspace first (File › Restore
from backup brings it back); after deleting the open organisation the window opens the one
`app/opening.py` chooses, or the welcome screen when none is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup
from costready.ui.widgets import as_typed

if TYPE_CHECKING:
    from pathlib import Path

    from costready.app.organisations import OrganisationRemoval, ScenarioRemoval
    from costready.ui.main_window import MainWindow


class OrganisationActions(ActionGroup):
    """Rename and delete the open organisation (and, for the Scenario menu, its scenario)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&Organisation")
        self.rename = self.add(_("&Rename organisation…"), self.rename_organisation, "edit")
        self.delete = self.add(_("&Delete organisation…"), self.delete_organisation, "remove")
        self.delete.setToolTip(
            _("Delete this organisation with its scenarios and price lists (a backup is taken)")
        )

    # Organisations ---------------------------------------------------------------------------
    def rename_organisation(self) -> None:
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.app.organisations import rename_organisation
        from costready.ui.dialogs.rename import RenameDialog

        organisation_id = document.organisation_id
        current = workspace.organisation(organisation_id).name
        dialog = RenameDialog(
            _("Rename organisation"),
            _("What should “{name}” be called?").format(name=current),
            current,
            lambda name: rename_organisation(workspace, organisation_id, name),
            self.window,
        )
        if self.run_dialog(dialog):
            self.window.reload_workspace(
                _("Renamed the organisation to “{name}”").format(name=dialog.name_edit.text())
            )
            self.window.opening.edited()

    def delete_organisation(self) -> None:
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.app import organisations

        organisation_id = document.organisation_id
        removal = organisations.organisation_removal(workspace, organisation_id)
        if not self.confirm(*organisation_question(removal)):
            return
        try:
            deleted = organisations.delete_organisation(workspace, organisation_id)
        except Exception as error:  # no backup, or the delete failed: nothing was deleted
            self._report(_("Not deleted"), error)
            return
        self.window.opening.show_again()  # the next organisation, or the welcome screen
        self.window.opening.edited()
        self.window.show_status(_deleted_message(deleted.name, deleted.backup), 15000)

    # Scenarios (in the Scenario menu) ------------------------------------------------------
    def rename_scenario(self) -> None:
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.app.organisations import rename_scenario
        from costready.ui.dialogs.rename import RenameDialog

        scenario_id, current = document.scenario_id, document.scenario.name
        dialog = RenameDialog(
            _("Rename scenario"),
            _("What should the scenario “{name}” be called?").format(name=current),
            current,
            lambda name: rename_scenario(workspace, scenario_id, name),
            self.window,
        )
        if self.run_dialog(dialog):
            self.window.reload_workspace(
                _("Renamed the scenario to “{name}”").format(name=dialog.name_edit.text().strip())
            )
            self.window.opening.edited()

    def delete_scenario(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.app import organisations
        from costready.app.scenarios import scenario_to_show

        scenario_id, organisation_id = document.scenario_id, document.organisation_id
        removal = organisations.scenario_removal(workspace, scenario_id)
        if removal.only_one:
            QMessageBox.information(
                self.window,
                _("Scenario kept"),
                as_typed(
                    _(
                        "“{name}” is this organisation's only scenario, so it is kept. Make "
                        "another scenario first (Scenario › Copy scenario), or delete the "
                        "organisation."
                    ).format(name=removal.name)
                ),
            )
            return
        if not self.confirm(*scenario_question(removal)):
            return
        try:
            deleted = organisations.delete_scenario(workspace, scenario_id)
        except Exception as error:  # no backup, or the delete failed: nothing was deleted
            self._report(_("Not deleted"), error)
            return
        self.window.switch_scenario(scenario_to_show(workspace, organisation_id))
        self.window.opening.edited()
        self.window.show_status(_deleted_message(deleted.name, deleted.backup), 15000)

    # Asking --------------------------------------------------------------------------------
    def run_dialog(self, dialog: object) -> bool:
        """Show a dialog modally; True when accepted (tests answer it in their place)."""
        from PySide6.QtWidgets import QDialog

        assert isinstance(dialog, QDialog)
        return bool(dialog.exec())

    def confirm(self, title: str, text: str, details: str, button: str) -> bool:
        """Ask before deleting: what goes, in words; Cancel is the default."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(details)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names are the user's words, not markup
        delete = box.addButton(button, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is delete

    def _report(self, title: str, error: BaseException) -> None:
        from costready.ui.dialogs.error import report_error

        report_error(self.window, title, error)


def organisation_question(removal: OrganisationRemoval) -> tuple[str, str, str, str]:
    """(title, question, what goes, button) for deleting an organisation."""
    names = ", ".join(f"“{name}”" for name in removal.scenarios) or _("none")
    goes = [
        _("its scenarios ({count}): {names}").format(count=len(removal.scenarios), names=names),
        _("its published price lists ({count}), with their history").format(
            count=removal.price_lists
        ),
        _("its services ({count}) and its settings").format(count=removal.services),
    ]
    details = (
        _("This deletes:")
        + "\n"
        + "\n".join(f"• {line}" for line in goes)
        + "\n\n"
        + _(
            "A backup of the workspace is taken first; File › Restore from backup brings "
            "everything back."
        )
    )
    return (
        _("Delete organisation"),
        _("Delete the organisation “{name}”?").format(name=removal.name),
        details,
        _("Delete organisation"),
    )


def scenario_question(removal: ScenarioRemoval) -> tuple[str, str, str, str]:
    """(title, question, what goes and what stays, button) for deleting a scenario."""
    lines = [_("This deletes the scenario's staff, costs and service settings.")]
    if removal.price_lists:
        lines.append(
            _(
                "The price lists it published ({count}) are kept, as history: they still show "
                "the prices as adopted."
            ).format(count=removal.price_lists)
        )
    if removal.adopted:
        lines.append(
            _(
                "It is the adopted scenario: after it goes, no scenario is adopted until you "
                "adopt another's prices."
            )
        )
    lines.append(
        _("A backup of the workspace is taken first; File › Restore from backup brings it back.")
    )
    return (
        _("Delete scenario"),
        _("Delete the scenario “{name}”?").format(name=removal.name),
        "\n\n".join(lines),
        _("Delete scenario"),
    )


def _deleted_message(name: str, backup: Path | None) -> str:
    if backup is None:
        return _("Deleted “{name}”").format(name=name)
    return _("Deleted “{name}”; a backup was taken first: {file}").format(
        name=name, file=backup.name
    )
