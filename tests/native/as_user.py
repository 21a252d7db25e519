"""Runs one side of tests/native/test_instance_squatter.py as another user.

Started as root, it imports everything it needs, then drops to the given user with
`os.setuid`: the interpreter lives under /root, which other users cannot read, so the
imports must come first. Each role prints one line when it is ready.

    as_user.py UID GID squatter LOG ITEM...   make each ITEM: "dir:PATH" a folder open to all,
                                              "private:PATH" a folder of its own (0700),
                                              "file:PATH" a file (a dead lock), "PATH" a
                                              socket anyone may connect to; then log what
                                              arrives and answer "ok" like an attacker
    as_user.py UID GID instance DATA_DIR      become AskWhy's instance for DATA_DIR; print
                                              "NAME <socket>" then "GOT <command> <company>"
    as_user.py UID GID hand-over DATA_DIR     hand a rejection over; print the answer as JSON
"""

from __future__ import annotations

import json
import os
import selectors
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.core import handover
from desktop.core.model import RejectionInput
from desktop.native.single_instance import SingleInstance, UnsafeInstanceDir, hand_over


def _become(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    assert os.getuid() == uid


def _squat(log_path: Path, items: list[str]) -> None:
    selector = selectors.DefaultSelector()
    for item in items:
        kind, _, path = item.rpartition(":")
        if kind == "dir":
            os.mkdir(path)
            os.chmod(path, 0o777)
            continue
        if kind == "private":
            os.mkdir(path, 0o700)
            continue
        if kind == "file":
            Path(path).write_text("99999\n")
            os.chmod(path, 0o666)
            continue
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)
        os.chmod(path, 0o777)  # anyone may connect: the victim is meant to
        listener.listen(5)
        selector.register(listener, selectors.EVENT_READ)
    print("ready", flush=True)
    with log_path.open("a", encoding="utf-8") as log:
        while True:
            for key, _events in selector.select():
                listener = key.fileobj
                assert isinstance(listener, socket.socket)
                connection, _ = listener.accept()
                connection.settimeout(2)
                try:
                    received = connection.recv(65536)
                    connection.sendall(b'{"ok": true}\n')
                except OSError:
                    received = b""
                connection.close()
                log.write(f"{listener.getsockname()} {received!r}\n")
                log.flush()


def _instance(data_dir: Path) -> int:
    app = QCoreApplication([])
    try:
        guard = SingleInstance(data_dir)
    except UnsafeInstanceDir as error:
        print(f"REFUSED {error}", flush=True)
        return 3
    assert guard.acquire()

    def handle(message: handover.HandOver) -> dict[str, object]:
        company = message.rejection.company if isinstance(message, handover.LogRejection) else ""
        print(f"GOT {message.command} {company}", flush=True)
        return {"ok": True}

    guard.set_handler(handle)
    print(f"NAME {guard.name}", flush=True)
    return int(app.exec())


def _hand_over(data_dir: Path) -> int:
    rejection = RejectionInput(
        "Victim Corp",
        "Analyst",
        datetime.now(UTC),
        contact_name="Dana Private",
        contact_email="dana@victim.example",
    )
    try:
        answer = hand_over(data_dir, handover.LogRejection(rejection))
    except UnsafeInstanceDir as error:
        print(f"REFUSED {error}", flush=True)
        return 3
    print(json.dumps(answer), flush=True)
    return 0


def main(argv: list[str]) -> int:
    uid, gid, role, *rest = argv
    _become(int(uid), int(gid))
    if role == "squatter":
        _squat(Path(rest[0]), rest[1:])
        return 0
    if role == "instance":
        return _instance(Path(rest[0]))
    return _hand_over(Path(rest[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
