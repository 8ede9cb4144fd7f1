"""Before Qt starts on X11: name the system packages to install when its xcb plugin cannot load.

Qt 6.5+ needs libxcb-cursor0 and other libxcb-* libraries that many Linux desktops lack; without
them Qt aborts the process with a message few people can act on. Loading the plugin first, as Qt
would, tells us in time to print the one line that fixes it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from costready.i18n import _

#: The Debian/Ubuntu packages Qt's xcb platform plugin loads (Qt's own list for Qt 6.5+).
XCB_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
)
APT_LINE = "sudo apt install " + " ".join(XCB_PACKAGES)


def xcb_will_be_used(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt will start on X11: Linux, and the platform is xcb by choice or by default."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path:
    """Where PySide6 keeps Qt's xcb platform plugin."""
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def load_error(plugin: Path) -> str | None:
    """Why the plugin cannot be loaded (the missing library, as the loader says), or None."""
    if not plugin.exists():
        return None  # a Qt built another way: let Qt itself decide
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return str(error)
    return None


def problem(environ: Mapping[str, str] | None = None, plugin: Path | None = None) -> str | None:
    """The message to print instead of Qt's abort, or None when Qt can start."""
    if not xcb_will_be_used(os.environ if environ is None else environ):
        return None
    error = load_error(plugin or xcb_plugin())
    if error is None:
        return None
    return _(
        "CostReady cannot open its window: Qt's X11 support needs system libraries that are "
        "missing ({error}).\nOn Debian or Ubuntu, install them with:\n  {command}"
    ).format(error=error, command=APT_LINE)
