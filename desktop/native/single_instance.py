"""One AskWhy per user and data dir: a second launch hands its request to the first.

The guard has two parts:

- a `QLockFile` decides who is first. It is race-free, and Qt detects a lock left by a
  killed process (it checks the PID), so a `kill -9` never blocks the next start;
- a `QLocalServer` carries the messages. Its socket may be left behind by a crash; the
  first instance removes it only after a connect to it failed, and never while it answers.

The name includes a hash of the data dir, so two data dirs are two independent instances.
A message is one line of JSON, and so is the answer: the first instance's handler (see
`set_handler`) returns it, e.g. `{"ok": true}` or what a handed-over rejection became.

`hand_over()` is the second launch's side. It needs no QApplication, so a second
`askwhy log-rejection` can hand its rejection over without starting a GUI or the store.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QStandardPaths
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

# Sun socket paths are limited to 108 bytes on Linux (104 on macOS).
_MAX_SOCKET_PATH = 100
_MAX_MESSAGE = 1 << 20

# Takes a message, returns the answer; runs on the GUI thread.
MessageHandler = Callable[[dict[str, Any]], dict[str, Any]]


class InstanceNotAnswering(Exception):
    """Another AskWhy holds this data dir but did not answer in time."""


def instance_key(data_dir: Path) -> str:
    resolved = str(Path(data_dir).expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]


def runtime_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return Path(location) if location else Path(tempfile.gettempdir())


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(data_dir: Path, runtime: Path | None = None) -> str:
    """The socket (POSIX) or pipe (Windows) name for this user and data dir."""
    key = instance_key(data_dir)
    if sys.platform != "win32":
        base = runtime or runtime_dir()
        path = base / f"askwhy-{key}.sock"
        # The per-user runtime dir keeps other users out; too long a path falls back to a
        # name in Qt's temp dir that carries the user instead.
        if len(str(path)) <= _MAX_SOCKET_PATH:
            return str(path)
    return f"askwhy-{_user()}-{key}"


def _lock_path(data_dir: Path, runtime: Path) -> Path:
    return runtime / f"askwhy-{instance_key(data_dir)}.lock"


class SingleInstance(QObject):
    """`acquire()` to become the instance; `send()` to talk to the one that is."""

    def __init__(
        self, data_dir: Path, *, runtime: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        base = runtime or runtime_dir()
        self._name = server_name(data_dir, base)
        base.mkdir(parents=True, exist_ok=True)
        self._lock = _lock_file(_lock_path(data_dir, base))
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._handler: MessageHandler | None = None
        # Messages that came before the handler, answered once it is set.
        self._waiting: list[tuple[QLocalSocket, dict[str, Any]]] = []

    @property
    def name(self) -> str:
        return self._name

    def acquire(self) -> bool:
        """True: this process is the instance and listens. False: another one runs."""
        if not self._lock.tryLock(100):
            error = self._lock.error()
            if error is QLockFile.LockError.LockFailedError:
                return False
            # No permission or similar: better two instances than none.
            log.warning("cannot take the instance lock (%s); running without it", error)
        self._listen()
        return True

    def _listen(self) -> None:
        # Probe first: with socket options set, Qt binds in a temp dir and renames over the
        # name, which would silently replace even a live socket.
        if _answers(self._name):
            log.error(
                "instance socket %s is in use by a live process; not replacing it", self._name
            )
            return
        server = QLocalServer(self)
        if not Path(self._name).is_absolute():
            # A bare name lives in a shared temp dir (or is a Windows pipe): restrict it to
            # this user. A path is already inside the private runtime dir.
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            # The connect above failed, so what holds the name is a crashed instance's socket.
            log.info("removing stale instance socket %s (connect failed)", self._name)
            QLocalServer.removeServer(self._name)
            if not server.listen(self._name):
                log.error("cannot listen on %s: %s", self._name, server.errorString())
                return
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        log.info("single instance listening on %s", self._name)

    def send(self, message: dict[str, Any], timeout_ms: int = 5000) -> dict[str, Any]:
        """Hands `message` to the running instance and returns its answer.

        Raises InstanceNotAnswering when none comes within `timeout_ms`.
        """
        return _exchange(self._name, message, timeout_ms)

    def set_handler(self, handler: MessageHandler) -> None:
        """Answer every message with `handler` from now on, the waiting ones first."""
        self._handler = handler
        waiting, self._waiting = self._waiting, []
        for socket, message in waiting:
            self._answer(socket, message)

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(data) > _MAX_MESSAGE:
            log.warning("dropping an oversized instance message")
            socket.abort()
            return
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line)
            if not isinstance(message, dict):
                raise ValueError("not an object")
        except ValueError as error:
            log.warning("ignoring a malformed instance message: %s", error)
            socket.abort()
            return
        log.info("message from a second launch: %s", message.get("command"))
        if self._handler is None:
            # Still starting: the sender waits for the answer, so keep the socket open.
            self._waiting.append((socket, message))
            return
        self._answer(socket, message)

    def _answer(self, socket: QLocalSocket, message: dict[str, Any]) -> None:
        assert self._handler is not None
        try:
            answer = self._handler(message)
        except Exception:
            # A bug in one handler must not take the running instance down with it.
            log.exception("handling a message from a second launch failed")
            answer = {"ok": False, "error": "The running AskWhy could not handle the request."}
        socket.write(json.dumps(answer).encode("utf-8") + b"\n")
        socket.flush()
        socket.disconnectFromServer()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


def hand_over(
    data_dir: Path,
    message: dict[str, Any],
    *,
    runtime: Path | None = None,
    timeout_ms: int = 5000,
) -> dict[str, Any] | None:
    """The second launch's side: the running instance's answer, or None when none runs.

    No QApplication needed. Raises InstanceNotAnswering when an instance holds the data dir
    but does not answer within `timeout_ms`.
    """
    base = runtime or runtime_dir()
    lock = _lock_file(_lock_path(data_dir, base))
    if lock.tryLock(0):
        # Nobody holds the lock, so nobody runs: let the caller start one.
        lock.unlock()
        return None
    return _exchange(server_name(data_dir, base), message, timeout_ms)


def _lock_file(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # 0: a lock is stale only when its process is gone, however old it is.
    lock.setStaleLockTime(0)
    return lock


def _exchange(name: str, message: dict[str, Any], timeout_ms: int) -> dict[str, Any]:
    """Sends one message line and reads one answer line."""
    payload = json.dumps(message).encode("utf-8") + b"\n"
    deadline = time.monotonic() + timeout_ms / 1000
    # The first instance takes the lock a moment before it listens: retry until then.
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(payload)
            socket.waitForBytesWritten(1000)
            answer = b""
            while b"\n" not in answer and socket.waitForReadyRead(
                max(1, int((deadline - time.monotonic()) * 1000))
            ):
                answer += bytes(socket.readAll().data())
            socket.disconnectFromServer()
            if b"\n" in answer:
                return _decode_answer(answer.split(b"\n", 1)[0])
        if time.monotonic() > deadline:
            log.warning("the running instance did not answer on %s", name)
            raise InstanceNotAnswering(name)
        time.sleep(0.05)


def _decode_answer(line: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(line)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        return {"ok": False, "error": "The running AskWhy sent an answer it cannot read."}
    return answer


def _answers(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(500)
    socket.abort()
    return bool(alive)
