"""A recording `org.kde.StatusNotifierWatcher`, run as its own process.

    python tests/e2e/sni_watcher.py RECORD_FILE

What KDE Plasma, GNOME's AppIndicator extension and XFCE run: with it on the session bus
(and a host said to be registered), Qt shows a QSystemTrayIcon as a StatusNotifierItem
instead of docking into an XEmbed tray. It owns the name on the bus given by
DBUS_SESSION_BUS_ADDRESS, answers Qt's introspection and property reads, and appends one
JSON line to RECORD_FILE for each item that registers: `{"service": ..., "sender": ...}`, so a
test can then talk to the item itself (its properties, its com.canonical.dbusmenu menu).
It prints "ready" once it owns the name.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Any

from jeepney import (  # type: ignore[import-untyped]
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

NAME = "org.kde.StatusNotifierWatcher"
PATH = "/StatusNotifierWatcher"
INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="{NAME}">
    <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
    <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
  </interface>
  <interface name="org.freedesktop.DBus.Properties">
    <method name="Get">
      <arg name="interface" type="s" direction="in"/><arg name="name" type="s" direction="in"/>
      <arg name="value" type="v" direction="out"/>
    </method>
    <method name="GetAll">
      <arg name="interface" type="s" direction="in"/>
      <arg name="values" type="a{{sv}}" direction="out"/>
    </method>
  </interface>
  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect"><arg name="xml" type="s" direction="out"/></method>
  </interface>
</node>
"""


def serve(record: Path) -> None:
    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME, 4))
    if reply.body[0] != 1:
        sys.exit(f"could not own {NAME}: {reply.body}")
    print("ready", flush=True)
    items: list[str] = []
    while True:
        message = connection.receive()
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        properties: dict[str, tuple[str, Any]] = {
            "RegisteredStatusNotifierItems": ("as", items),
            "IsStatusNotifierHostRegistered": ("b", True),
            "ProtocolVersion": ("i", 0),
        }
        if member == "Introspect":
            connection.send(new_method_return(message, "s", (INTROSPECTION,)))
        elif member == "Get":
            _interface, name = message.body
            connection.send(new_method_return(message, "v", (properties[name],)))
        elif member == "GetAll":
            connection.send(new_method_return(message, "a{sv}", (properties,)))
        elif member == "RegisterStatusNotifierItem":
            (service,) = message.body
            sender = message.header.fields.get(HeaderFields.sender)
            items.append(service)
            with record.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps({"service": service, "sender": sender}) + "\n")
            connection.send(new_method_return(message))
            registered = new_signal(
                DBusAddress(PATH, interface=NAME), "StatusNotifierItemRegistered", "s", (service,)
            )
            connection.send(registered)
        elif member == "RegisterStatusNotifierHost":
            connection.send(new_method_return(message))
        else:
            connection.send(
                new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
            )


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    serve(Path(sys.argv[1]))


if __name__ == "__main__":
    main()
