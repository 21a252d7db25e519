"""A recording `org.freedesktop.Notifications` server, run as its own process.

    python tests/e2e/notification_server.py RECORD_FILE [--no-actions]

It owns the name on the bus given by DBUS_SESSION_BUS_ADDRESS, answers Notify with an id (the
same id when it replaces one), and appends one JSON line per call to RECORD_FILE (with the
wall time it was received), so a test in another process can see exactly what the app sent.
A test can make it emit ActionInvoked (as if the user clicked the notification, action
"default", or one of its buttons) by calling `io.github.askwhy.Test.Invoke(u id, s action)`.
With --no-actions its capabilities leave out "actions", as some servers' do.
It prints "ready" once it owns the name.
"""

from __future__ import annotations

import json
import signal
import sys
import time
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

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TEST_INTERFACE = "io.github.askwhy.Test"


def _plain(value: Any) -> Any:
    # Hints arrive as (signature, value) variants; keep only JSON-friendly values.
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return _plain(value[1])
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def serve(record: Path, *, actions: bool) -> None:
    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME, 4))
    if reply.body[0] != 1:
        sys.exit(f"could not own {NAME}: {reply.body}")
    print("ready", flush=True)
    next_id = 1
    while True:
        message = connection.receive()
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        interface = message.header.fields.get(HeaderFields.interface)
        if interface == TEST_INTERFACE and member == "Invoke":
            notification_id, action = message.body
            emitter = new_signal(_address(), "ActionInvoked", "us", (notification_id, action))
            connection.send(emitter)
            connection.send(new_method_return(message))
            continue
        if member == "GetServerInformation":
            connection.send(
                new_method_return(message, "ssss", ("askwhy-recorder", "AskWhy tests", "1", "1.2"))
            )
        elif member == "GetCapabilities":
            capabilities = ["actions"] * actions + ["body", "body-markup"]
            connection.send(new_method_return(message, "as", (capabilities,)))
        elif member == "Notify":
            app_name, replaces_id, icon, summary, body, buttons, hints, timeout = message.body
            notification_id = replaces_id or next_id
            next_id += not replaces_id
            entry = {
                "id": notification_id,
                "received_at": time.time(),
                "app_name": app_name,
                "replaces_id": replaces_id,
                "app_icon": icon,
                "summary": summary,
                "body": body,
                "actions": list(buttons),
                "hints": _plain(hints),
                "expire_timeout": timeout,
            }
            with record.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")
            connection.send(new_method_return(message, "u", (notification_id,)))
        elif member == "CloseNotification":
            connection.send(new_method_return(message))
        else:
            connection.send(
                new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
            )


def _address() -> Any:
    return DBusAddress(PATH, interface=NAME)


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    serve(Path(sys.argv[1]), actions="--no-actions" not in sys.argv[2:])


if __name__ == "__main__":
    main()
