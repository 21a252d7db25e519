"""A screen reader's view of a running app: AT-SPI over D-Bus, with jeepney (no pyatspi).

`start_registry` starts at-spi2-core's bus launcher on the test's private session bus: it
owns org.a11y.Bus there and runs the accessibility bus and the registry. An app started
with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 then registers its tree, which `walk` reads the way
Orca does: org.a11y.atspi.Accessible's GetChildren, GetRoleName, Name and Description.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]
from jeepney.io.blocking import DBusConnection, open_dbus_connection  # type: ignore[import-untyped]

from tests.e2e import services

BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
REGISTRY = "org.a11y.atspi.Registry"
ROOT_PATH = "/org/a11y/atspi/accessible/root"
ACCESSIBLE = "org.a11y.atspi.Accessible"
STATE_SHOWING = 25  # AtspiStateType: ATSPI_STATE_SHOWING


@dataclass(frozen=True)
class Node:
    role: str
    name: str
    description: str
    showing: bool
    bus: str
    path: str
    depth: int


def start_registry(desktop: services.Desktop) -> None:
    with services.log_to(desktop.workdir / "at-spi.log") as log:
        desktop.processes.add(
            subprocess.Popen(
                [str(BUS_LAUNCHER), "--launch-immediately"],
                env=desktop.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        )
    services.wait_for(
        lambda: services.name_has_owner(desktop.bus, "org.a11y.Bus"), 10, "org.a11y.Bus"
    )


def a11y_bus(session_bus: str) -> str:
    with open_dbus_connection(bus=session_bus) as connection:
        address = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
        reply = connection.send_and_get_reply(new_method_call(address, "GetAddress"), timeout=5)
        return str(reply.body[0])


def _call(
    connection: DBusConnection,
    name: str,
    path: str,
    interface: str,
    method: str,
    *,
    signature: str | None = None,
    body: tuple[Any, ...] = (),
) -> tuple[Any, ...]:
    address = DBusAddress(path, bus_name=name, interface=interface)
    message = new_method_call(address, method, signature, body)
    reply = connection.send_and_get_reply(message, timeout=5)
    return tuple(reply.body)


def _property(connection: DBusConnection, name: str, path: str, key: str) -> str:
    (value,) = _call(
        connection,
        name,
        path,
        "org.freedesktop.DBus.Properties",
        "Get",
        signature="ss",
        body=(ACCESSIBLE, key),
    )
    return str(value[1])


def applications(connection: DBusConnection) -> list[tuple[str, str, str]]:
    """(application name, bus name, path) of every app registered with the registry."""
    (children,) = _call(connection, REGISTRY, ROOT_PATH, ACCESSIBLE, "GetChildren")
    return [(_property(connection, bus, path, "Name"), bus, path) for bus, path in children]


def walk(connection: DBusConnection, bus: str, path: str, depth: int = 0) -> Iterator[Node]:
    (role,) = _call(connection, bus, path, ACCESSIBLE, "GetRoleName")
    (states,) = _call(connection, bus, path, ACCESSIBLE, "GetState")
    showing = bool(states[STATE_SHOWING // 32] & (1 << (STATE_SHOWING % 32)))
    yield Node(
        role=str(role),
        name=_property(connection, bus, path, "Name"),
        description=_property(connection, bus, path, "Description"),
        showing=showing,
        bus=bus,
        path=path,
        depth=depth,
    )
    (children,) = _call(connection, bus, path, ACCESSIBLE, "GetChildren")
    for child_bus, child_path in children:
        yield from walk(connection, child_bus, child_path, depth + 1)


def set_text(connection: DBusConnection, node: Node, text: str) -> None:
    """Types `text` into an editable node, as an assistive tool does (EditableText)."""
    _call(
        connection,
        node.bus,
        node.path,
        "org.a11y.atspi.EditableText",
        "SetTextContents",
        signature="s",
        body=(text,),
    )
