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
        #: (action, icon name) not yet given their icons: see give_icons
        self._icons_wanted: list[tuple[QAction, str]] = []

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
        action = QAction(text, self.window)
        if icon_name:
            self._icons_wanted.append((action, icon_name))
        action.triggered.connect(lambda _checked=False: slot())
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        self.entries.append(action)
        if needs_workspace:
            self.need_workspace.append(action)
        return action

    def give_icons(self, *actions: QAction) -> None:
        """Give `actions` (default: all this group's) their icons, once. Menu entries get
        theirs when their menu first opens: making some forty icons costs start-up about 3 ms,
        and nothing shows them before then."""
        wanted = [(a, name) for a, name in self._icons_wanted if not actions or a in actions]
        for action, name in wanted:
            action.setIcon(icon(name))
        self._icons_wanted = [pair for pair in self._icons_wanted if pair not in wanted]

    def separator(self) -> None:
        self.entries.append(None)
