"""When Qt's xcb plugin cannot load, `costready` prints the apt line instead of Qt's abort."""

from __future__ import annotations

import pytest

from costready.__main__ import main
from costready.ui import platform_check


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_xcb_is_checked_only_where_qt_will_use_it(environ, platform, expected):
    assert platform_check.xcb_will_be_used(environ, platform) is expected


def test_a_plugin_that_cannot_load_gives_the_apt_line(tmp_path):
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not a shared library")
    message = platform_check.problem({"QT_QPA_PLATFORM": "xcb"}, broken)
    assert message is not None
    assert "sudo apt install libxcb-cursor0" in message


def test_no_message_when_qt_will_not_use_xcb_or_has_no_such_plugin(tmp_path):
    assert platform_check.problem({"QT_QPA_PLATFORM": "offscreen"}, tmp_path / "x.so") is None
    assert platform_check.problem({"QT_QPA_PLATFORM": "xcb"}, tmp_path / "absent.so") is None


def test_costready_prints_the_line_and_exits_instead_of_aborting(monkeypatch, tmp_path, capsys):
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"")
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: broken)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert main(["--database", f"sqlite:///{tmp_path / 'w.sqlite'}"]) == 1
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err
