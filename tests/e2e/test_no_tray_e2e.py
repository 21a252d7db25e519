"""No tray at all (vanilla GNOME, many tiling desktops): closing the window must not end
the reminders (issue 15, item 1).

The display has no XEmbed tray host and the private bus no StatusNotifierWatcher. The window
is closed the way a window manager's close button closes it, by a WM_DELETE_WINDOW message.
"""

from __future__ import annotations

import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.app.running import KEEPS_RUNNING
from tests.e2e import services, x11
from tests.e2e.conftest import require
from tests.e2e.test_reminders_e2e import NOTIFY_DEADLINE, log_rejection, wait_running

pytestmark = pytest.mark.e2e

# Long enough for a loaded machine to start the app and close its window first.
CLOSES_IN = 30


def _main_window(desktop: services.Desktop, app: subprocess.Popen[bytes]) -> str:
    """The main window's id, once the first-run question (a dialog) is answered with a
    close, as a user would dismiss it."""

    def windows() -> list[str]:
        assert app.poll() is None, desktop.app_log()
        return x11.visible_windows(desktop.env, app.pid)

    services.wait_for(
        lambda: any(x11.is_dialog(desktop.env, w) for w in windows()), 20, "the question"
    )
    for window in windows():
        if x11.is_dialog(desktop.env, window):
            x11.close_window(desktop.display, window)
    found = services.wait_for(
        lambda: (
            [w for w in windows() if not x11.is_dialog(desktop.env, w)] == windows() and windows()
        ),
        10,
        "the question to close",
    )
    [window] = found
    return str(window)


def _no_tray(desktop: services.Desktop) -> None:
    require("xdotool", "xwininfo", "xprop")
    assert not services.name_has_owner(desktop.bus, "org.kde.StatusNotifierWatcher")


def _summaries(recorder: Path) -> list[str]:
    return [record["summary"] for record in services.read_records(recorder)]


def test_closed_window_keeps_reminding_then_quits_by_itself(
    desktop: services.Desktop, recorder: Path
) -> None:
    _no_tray(desktop)
    # The follow-up window closes CLOSES_IN seconds from now: its "closed" notice is the
    # reminder that must arrive after the window was closed.
    log_rejection(desktop, "Acme", timedelta(hours=48) - timedelta(seconds=CLOSES_IN))
    app = desktop.start_app()
    wait_running(desktop, app)
    assert "no system tray" in desktop.app_log()
    window = _main_window(desktop, app)

    x11.close_window(desktop.display, window)
    services.wait_for(lambda: not x11.is_viewable(desktop.env, window), 10, "the window to go away")
    told = services.wait_for(
        lambda: [r for r in services.read_records(recorder) if r["body"] == KEEPS_RUNNING],
        NOTIFY_DEADLINE,
        "the app to say it keeps running",
    )
    assert told[0]["summary"] == "AskWhy is still running"
    assert app.poll() is None, "closing the window ended the reminders"

    # Launching again shows the window (the second launch hands over and exits).
    again = desktop.run_cli()
    assert again.returncode == 0, again.stderr
    services.wait_for(lambda: x11.is_viewable(desktop.env, window), 10, "the window to return")
    x11.close_window(desktop.display, window)
    services.wait_for(
        lambda: not x11.is_viewable(desktop.env, window), 10, "the window to go away again"
    )

    closed = services.wait_for(
        lambda: [s for s in _summaries(recorder) if s.endswith("has closed")],
        CLOSES_IN + NOTIFY_DEADLINE,
        "the reminder due after the close",
    )
    assert closed == ["The window to ask Acme why has closed"]
    # Nothing is left to remind: AskWhy quits by itself, cleanly.
    services.wait_for(lambda: app.poll() is not None, 15, "the app to quit by itself")
    assert app.returncode == 0, desktop.app_log()
    assert "nothing left to remind: quitting" in desktop.app_log()
    assert sum(r["body"] == KEEPS_RUNNING for r in services.read_records(recorder)) == 1


def test_closing_with_nothing_to_remind_quits(desktop: services.Desktop, recorder: Path) -> None:
    _no_tray(desktop)
    app = desktop.start_app()
    wait_running(desktop, app)
    window = _main_window(desktop, app)
    started = time.monotonic()
    x11.close_window(desktop.display, window)
    services.wait_for(lambda: app.poll() is not None, 15, "the app to quit")
    assert app.returncode == 0, desktop.app_log()
    assert time.monotonic() - started < 15
    assert _summaries(recorder) == []
