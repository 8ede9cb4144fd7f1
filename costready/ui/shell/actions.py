"""A menu's actions, made in one place and switched on when a workspace is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from costready.ui.widgets import icon

if TYPE_CHECKING:
    from costready.ui.main_window import MainWindow

#: A key sequence as QKeySequence takes it ("Ctrl+Q", or a standard key).
Keys = str | QKeySequence.StandardKey | None


class ActionGroup(QObject):
    """The actions of one menu; `entries` lists them in menu order (None: a separator)."""

    #: the menu's title, with its Alt key marked
    title = ""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.entries: list[QAction | None] = []
        #: actions that need an open workspace (off until one is open)
        self.need_workspace: list[QAction] = []

    def add(
        self,
        text: str,
        slot: Callable[[], object],
        icon_name: str = "",
        keys: Keys = None,
        *,
        needs_workspace: bool = True,
    ) -> QAction:
        """An action in this menu doing `slot`."""
        action = QAction(icon(icon_name), text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        self.entries.append(action)
        if needs_workspace:
            self.need_workspace.append(action)
        return action

    def separator(self) -> None:
        self.entries.append(None)
