"""Where the pages sit: the page stack in a scroll area, so a small screen scrolls a page rather
than cutting it off, and the window can shrink to a 1024 × 600 laptop screen."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QWidget

#: the smallest screen every page is made to fit (a common small laptop)
SMALL_SCREEN = (1024, 600)

_IGNORED = QSizePolicy.Policy.Ignored


class PageArea(QScrollArea):
    """Shows `stack`, its current page at least at that page's least size (scroll bars come
    when the window is smaller). Only the page on screen counts toward that size: a stack
    otherwise takes the largest of all the pages built so far."""

    def __init__(self, stack: QStackedWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pageArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(stack)
        self.stack = stack
        self._policies: dict[int, QSizePolicy] = {}  # each page's own, while it is off screen
        stack.currentChanged.connect(self._on_stack_current_changed)

    @Slot(int)
    def _on_stack_current_changed(self, current: int) -> None:
        pages = [self.stack.widget(index) for index in range(self.stack.count())]
        alive = {id(page) for page in pages}
        for gone in [key for key in self._policies if key not in alive]:
            del self._policies[gone]  # a page taken off the stack (another workspace opened)
        for index, page in enumerate(pages):
            if page is None:
                continue
            key = id(page)
            if index == current:
                if key in self._policies:
                    page.setSizePolicy(self._policies.pop(key))
            elif key not in self._policies:
                self._policies[key] = page.sizePolicy()
                page.setSizePolicy(_IGNORED, _IGNORED)
        self.stack.updateGeometry()
