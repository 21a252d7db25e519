"""Which tray AskWhy docks into, on each kind of desktop (issue 15, items 3 and 5).

No tray host at all; an XEmbed tray (trayer); a StatusNotifierWatcher on the session bus,
as KDE Plasma, GNOME's AppIndicator extension and XFCE run. `askwhy doctor` must name the
path Qt takes, and say whether the notification server shows buttons.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e import services

pytestmark = pytest.mark.e2e


@pytest.fixture
def watcher(desktop: services.Desktop) -> Path:
    """A recording StatusNotifierWatcher on the private bus; the path of its record."""
    record = desktop.workdir / "watcher.jsonl"
    process = desktop.processes.add(
        subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("sni_watcher.py")), str(record)],
            env=desktop.env,
            stdout=subprocess.PIPE,
            text=True,
        )
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return record


def _doctor(desktop: services.Desktop) -> dict[str, str]:
    result = desktop.run_cli("doctor")
    assert "Traceback" not in result.stderr, result.stderr
    lines = (line.partition(":") for line in result.stdout.splitlines())
    return {label: value.strip() for label, colon, value in lines if colon}


def test_doctor_says_there_is_no_tray_and_the_server_has_buttons(
    desktop: services.Desktop, recorder: Path
) -> None:
    report = _doctor(desktop)
    assert report["System tray"].startswith("none: after the window closes, AskWhy runs on")
    assert report["Notification buttons"].startswith("yes")


def test_doctor_names_the_xembed_tray(
    desktop: services.Desktop, trayer: subprocess.Popen[bytes]
) -> None:
    assert _doctor(desktop)["System tray"] == "XEmbed (an X11 system tray)"


def test_doctor_prefers_the_status_notifier_watcher_as_qt_does(
    desktop: services.Desktop, trayer: subprocess.Popen[bytes], watcher: Path
) -> None:
    assert _doctor(desktop)["System tray"] == (
        "StatusNotifierItem (a StatusNotifierWatcher is on the session bus)"
    )


def test_doctor_says_when_the_server_shows_no_buttons(desktop: services.Desktop) -> None:
    record = desktop.workdir / "notifications.jsonl"
    services.start_recording_server(desktop.processes, desktop.env, record, actions=False)
    assert _doctor(desktop)["Notification buttons"] == "no: the body says to open AskWhy instead"
