"""What a screen reader finds, read through AT-SPI for real: at-spi2-core on the private
session bus, the app started with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, and its tree walked
over D-Bus (tests/e2e/atspi.py) for the main window and the request editor."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from jeepney.io.blocking import DBusConnection, open_dbus_connection  # type: ignore[import-untyped]

from tests.e2e import atspi, services
from tests.e2e.conftest import require

pytestmark = pytest.mark.e2e

DEADLINE = 30.0
# Roles a user operates; each needs a name a screen reader can say.
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "spin button",
    "button menu",
    "page tab",
    "list",
    "table",
    "slider",
}


def welcomed(data_dir: Path) -> None:
    """A data dir past the first-run welcome, so the window is what the test looks at."""
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    with open_database(data_dir) as database:
        store = Store(database)
        store.save_settings(dataclasses.replace(store.load_settings(), asked_about_autostart=True))


def app_tree(connection: DBusConnection) -> list[atspi.Node]:
    [(_name, bus, path)] = [a for a in atspi.applications(connection) if a[0] == "AskWhy"]
    return list(atspi.walk(connection, bus, path))


def window(nodes: list[atspi.Node], role: str, name_start: str) -> list[atspi.Node]:
    """The nodes of the top-level window (depth 1) whose name starts with `name_start`."""
    start = next(
        i
        for i, n in enumerate(nodes)
        if n.depth == 1 and n.role == role and n.name.startswith(name_start)
    )
    end = next((i for i in range(start + 1, len(nodes)) if nodes[i].depth <= 1), len(nodes))
    return nodes[start:end]


def unnamed(nodes: list[atspi.Node]) -> list[str]:
    return [
        f"{n.role} at {n.path}" for n in nodes if n.showing and n.role in INTERACTIVE and not n.name
    ]


@pytest.fixture
def running(desktop: services.Desktop) -> subprocess.Popen[bytes]:
    require("Xvfb", "dbus-daemon", str(atspi.BUS_LAUNCHER))
    atspi.start_registry(desktop)
    welcomed(Path(desktop.env["ASKWHY_DATA_DIR"]))
    desktop.env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    app = desktop.start_app()
    services.wait_for(
        lambda: " is running (notifications:" in desktop.app_log(), DEADLINE, "the app to start"
    )
    return app


def test_the_main_window_and_the_editor_name_what_they_show(
    desktop: services.Desktop, running: subprocess.Popen[bytes]
) -> None:
    logged = desktop.run_cli("log-rejection", "--company", "AT&T — R&D", "--role", "Engineer")
    assert logged.returncode == 0, logged.stderr
    services.wait_for(lambda: "opening request 1" in desktop.app_log(), DEADLINE, "the editor")
    with open_dbus_connection(bus=atspi.a11y_bus(desktop.bus)) as connection:

        def editor_shown() -> list[atspi.Node]:
            nodes = app_tree(connection)
            return nodes if any(n.name.startswith("Feedback request") for n in nodes) else []

        nodes = services.wait_for(editor_shown, DEADLINE, "the editor in the AT-SPI tree")
        main = window(nodes, "frame", "AskWhy")
        # A window, not a "filler": the editor is announced as what it is.
        editor = window(nodes, "frame", "Feedback request")
        assert unnamed(main) == []
        assert unnamed(editor) == []
        names = {n.name for n in main}
        assert "Rejected: 1 application" in names  # a board column, read as words
        assert {"Copy both", "Mark sent", "Skip"} <= {n.name for n in editor}

        # Typed into, the search box shows its clear button, and that has a name too.
        [search] = [n for n in main if n.role == "text" and n.name == "Search"]
        atspi.set_text(connection, search, "Acme")
        searched = services.wait_for(
            lambda: [
                n
                for n in window(app_tree(connection), "frame", "AskWhy")
                if n.name == "Clear search" and n.showing
            ],
            DEADLINE,
            "the clear button",
        )
        assert searched[0].role == "push button"
    services.stop(running, timeout=10)
