"""Which tray AskWhy docks into, on each kind of desktop (issue 15, items 3 and 5).

No tray host at all; an XEmbed tray (trayer); a StatusNotifierWatcher on the session bus,
as KDE Plasma, GNOME's AppIndicator extension and XFCE run. `askwhy doctor` must name the
path Qt takes, and say whether the notification server shows buttons.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, MessageType, new_method_call  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

from desktop.core.user_text import isolate
from tests.e2e import services, x11
from tests.e2e.conftest import require
from tests.e2e.test_reminders_e2e import NOTIFY_DEADLINE, log_rejection, quit_app, wait_running

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
    # And Qt does prefer it: the app's icon registers with the watcher, not in trayer.
    app = desktop.start_app("--minimized")
    services.wait_for(lambda: services.read_records(watcher), NOTIFY_DEADLINE, "registration")
    assert services.docked_windows(desktop.env) == []
    quit_app(desktop, app)


def test_doctor_says_when_the_server_shows_no_buttons(desktop: services.Desktop) -> None:
    record = desktop.workdir / "notifications.jsonl"
    services.start_recording_server(desktop.processes, desktop.env, record, actions=False)
    assert _doctor(desktop)["Notification buttons"] == "no: the body says to open AskWhy instead"


# -- the StatusNotifierItem path: the item, its menu over com.canonical.dbusmenu -------------

ITEM_PATH = "/StatusNotifierItem"
ITEM_INTERFACE = "org.kde.StatusNotifierItem"
MENU_INTERFACE = "com.canonical.dbusmenu"


def _call(
    desktop: services.Desktop,
    target: DBusAddress,
    method: str,
    signature: str = "",
    body: tuple[Any, ...] = (),
) -> Any:
    """One method call on the app's own bus connection, as a tray host makes it."""
    with open_dbus_connection(bus=desktop.bus) as connection:
        reply = connection.send_and_get_reply(
            new_method_call(target, method, signature, body), timeout=5
        )
    assert reply.header.message_type is MessageType.method_return, reply.body
    return reply.body


def _item(desktop: services.Desktop, sender: str) -> dict[str, Any]:
    properties = DBusAddress(ITEM_PATH, sender, "org.freedesktop.DBus.Properties")
    (values,) = _call(desktop, properties, "GetAll", "s", (ITEM_INTERFACE,))
    return {name: value for name, (_signature, value) in values.items()}


def _menu(desktop: services.Desktop, menu: DBusAddress) -> dict[str, int]:
    """The menu's visible entries, label -> id, as a host lays it out before showing it."""
    _call(desktop, menu, "AboutToShow", "i", (0,))
    _revision, layout = _call(desktop, menu, "GetLayout", "iias", (0, -1, []))
    entries: dict[str, int] = {}

    def walk(node: tuple[int, dict[str, Any], list[Any]]) -> None:
        node_id, properties, children = node
        label = properties.get("label", ("s", ""))[1]
        if label and properties.get("visible", ("b", True))[1]:
            entries[label.replace("_", "")] = node_id
        for _signature, child in children:
            walk(child)

    walk(layout)
    return entries


def test_status_notifier_item_registers_with_its_state_menu_and_activation(
    desktop: services.Desktop, recorder: Path, watcher: Path
) -> None:
    require("xdotool", "xwininfo")
    log_rejection(desktop, "Acme", timedelta(hours=3))
    app = desktop.start_app("--minimized")
    wait_running(desktop, app)
    [registered] = services.wait_for(
        lambda: services.read_records(watcher), NOTIFY_DEADLINE, "the item to register"
    )
    sender = registered["sender"]
    item = _item(desktop, sender)
    assert item["Status"] == "Active"
    assert item["Title"] == "AskWhy"
    _icon, _pixmaps, tooltip, _text = item["ToolTip"]
    # Names are bidi-isolated wherever they sit in a sentence (core.user_text).
    acme, engineer = re.escape(isolate("Acme")), re.escape(isolate("Engineer"))
    assert re.fullmatch(rf"AskWhy: ask {acme} why, 1 d 2\d h left", tooltip), tooltip
    # The due state: the icon with the red badge (the idle icon has no red at all).
    width, height, argb = max(item["IconPixmap"])
    pixels = [argb[i : i + 4] for i in range(0, width * height * 4, 4)]
    assert sum(a == 255 and r > 200 and g < 80 for a, r, g, _b in pixels) > 10

    menu_address = DBusAddress(item["Menu"], sender, MENU_INTERFACE)
    menu = _menu(desktop, menu_address)
    assert list(menu)[:2] == ["Open AskWhy", "Log rejection…"]
    assert any(re.fullmatch(rf"{acme} — {engineer}: 1 d 2\d h left", label) for label in menu), menu
    assert "Quit AskWhy" in menu

    # Activating the item (a left click in the host) shows the window.
    _call(desktop, DBusAddress(ITEM_PATH, sender, ITEM_INTERFACE), "Activate", "ii", (0, 0))
    services.wait_for(
        lambda: any(
            x11.window_name(desktop.env, window) == "AskWhy"
            for window in x11.visible_windows(desktop.env, app.pid)
        ),
        10,
        "the window to show",
    )
    # And "Quit" in the menu, chosen over com.canonical.dbusmenu, quits cleanly.
    event = (menu["Quit AskWhy"], "clicked", ("s", ""), 0)
    _call(desktop, menu_address, "Event", "isvu", event)
    services.wait_for(lambda: app.poll() is not None, 15, "the app to quit")
    assert app.returncode == 0, desktop.app_log()
