"""One AskWhy per user and data dir: a second launch hands its request to the first.

The guard has two parts:

- a `QLockFile` decides who is first. It is race-free, and Qt detects a lock left by a
  killed process (it checks the PID), so a `kill -9` never blocks the next start;
- a `QLocalServer` carries the messages. Its socket may be left behind by a crash; the
  first instance removes it only after a connect to it failed, and never while it answers.

Both live in a folder that only this user can enter (see `instance_dir`): whoever can reach
the socket can read what a second launch hands over (a rejection names a company and a
contact) and answer in AskWhy's place. So never a shared folder such as /tmp, never an
abstract socket (any local user may bind one), and never a folder someone else made.

The names include a hash of the data dir, so two data dirs are two independent instances.
A message is one line of JSON, and so is the answer (see `desktop.core.handover`): the first
instance checks every message before its handler (see `set_handler`) sees it, and answers a
malformed one with an error.

`hand_over()` is the second launch's side. It needs no QApplication, so a second
`askwhy log-rejection` can hand its rejection over without starting a GUI or the store.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core import handover
from desktop.core.errors import InvalidInput, UserFacingError

log = logging.getLogger(__name__)

# Sun socket paths are limited to 108 bytes on Linux (104 on macOS).
_MAX_SOCKET_PATH = 100
_POSIX = os.name == "posix"
# Inside a runtime dir, and inside the data dir, when no runtime dir will do.
FOLDER_NAME = "askwhy"
DATA_DIR_FOLDER = "run"

# Takes a checked message, returns the answer; runs on the GUI thread.
MessageHandler = Callable[[handover.HandOver], dict[str, Any]]


class InstanceNotAnswering(Exception):
    """Another AskWhy holds this data dir but did not answer in time."""


class UnsafeInstanceDir(UserFacingError):
    """The folder for the lock and socket exists but is not private to this user."""


def instance_key(data_dir: Path) -> str:
    resolved = str(Path(data_dir).expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]


def private_dir_problem(path: Path) -> str | None:
    """Why `path` is not a folder private to this user, or None when it is.

    Not followed: a symbolic link is a problem in itself (it could point anywhere, and be
    changed after the check). OSError (FileNotFoundError) when nothing is at `path`.
    """
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a folder"
    if info.st_uid != os.getuid():
        return f"belongs to another user (uid {info.st_uid})"
    if info.st_mode & 0o077:
        return f"is open to other users (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def instance_dir(
    data_dir: Path, *, create: bool, environ: Mapping[str, str] = os.environ
) -> Path | None:
    """The private folder that holds the lock and socket for `data_dir`.

    In order: a valid `$XDG_RUNTIME_DIR` (ours, mode 0700), else `/run/user/<uid>` (so that a
    launch without the variable, from cron or a mail filter, still finds a running AskWhy),
    else a folder inside the data dir; a folder in the temp dir named after the user only
    when those paths are too long for a socket. The folder is checked whether it is new or
    not: UnsafeInstanceDir when it is not private. None when it does not exist and `create`
    is false: then no AskWhy runs on `data_dir`.
    """
    if not _POSIX:
        # Windows: the socket is a named pipe restricted to this user (see _listen), and the
        # lock sits in the data dir, inside the user's profile.
        return _private_folder(data_dir / DATA_DIR_FOLDER, create=create)
    key = instance_key(data_dir)
    for folder in _candidate_folders(data_dir, environ):
        if len(str(_socket_path(folder, key))) <= _MAX_SOCKET_PATH:
            return _private_folder(folder, create=create)
    return _private_folder(
        Path(tempfile.gettempdir()) / f"{FOLDER_NAME}-{os.getuid()}", create=create
    )


def _candidate_folders(data_dir: Path, environ: Mapping[str, str]) -> Iterator[Path]:
    runtime_dirs = [environ.get("XDG_RUNTIME_DIR", ""), f"/run/user/{os.getuid()}"]
    for runtime in runtime_dirs:
        if not runtime or not os.path.isabs(runtime):
            continue
        try:
            problem = private_dir_problem(Path(runtime))
        except OSError:
            continue
        if problem is None:
            yield Path(runtime) / FOLDER_NAME
        else:
            log.warning("not using the runtime dir %s: it %s", runtime, problem)
    yield Path(data_dir).expanduser() / DATA_DIR_FOLDER


def _private_folder(folder: Path, *, create: bool) -> Path | None:
    if not os.path.lexists(folder):
        if not create:
            return None
        # The data dir too may be new: made as prepare_data_dir makes it, 0700.
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # exist_ok: a launch racing this one may have made it; checked below all the same.
        folder.mkdir(mode=0o700, exist_ok=True)
    problem = private_dir_problem(folder) if _POSIX else None
    if problem is not None:
        raise UnsafeInstanceDir(
            f"AskWhy will not keep its instance lock and socket in {folder}: it {problem}. "
            f"Remove it (or, if it is yours, run: chmod 700 {folder}) and start AskWhy again."
        )
    return folder


def _socket_path(folder: Path, key: str) -> Path:
    return folder / f"{key}.sock"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "user"


def server_name(data_dir: Path, folder: Path) -> str:
    """The socket (POSIX, inside `folder`) or pipe (Windows) name for this data dir."""
    key = instance_key(data_dir)
    if _POSIX:
        return str(_socket_path(folder, key))
    return f"askwhy-{_user()}-{key}"


def _lock_path(data_dir: Path, folder: Path) -> Path:
    return folder / f"{instance_key(data_dir)}.lock"


class SingleInstance(QObject):
    """`acquire()` to become the instance; `send()` to talk to the one that is.

    Raises UnsafeInstanceDir when the folder for the lock and socket is not private.
    """

    def __init__(self, data_dir: Path, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = instance_dir(data_dir, create=True)
        assert folder is not None  # made when missing
        self._name = server_name(data_dir, folder)
        self._lock = _lock_file(_lock_path(data_dir, folder))
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._handler: MessageHandler | None = None
        # Messages that came before the handler, answered once it is set.
        self._waiting: list[tuple[QLocalSocket, handover.HandOver]] = []

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
        if not _POSIX:
            # A Windows pipe is visible to every user: restrict it to this one. A POSIX
            # socket is already inside a folder only this user can enter.
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            # The connect above failed, so what holds the name is a crashed instance's socket
            # (the folder is ours alone, so it is ours too).
            log.info("removing stale instance socket %s (connect failed)", self._name)
            QLocalServer.removeServer(self._name)
            if not server.listen(self._name):
                log.error("cannot listen on %s: %s", self._name, server.errorString())
                return
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        log.info("single instance listening on %s", self._name)

    def send(self, message: handover.HandOver, timeout_ms: int = 5000) -> dict[str, Any]:
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
        if socket not in self._buffers:
            return  # already answered
        data = self._buffers[socket] + bytes(socket.readAll().data())
        self._buffers[socket] = data
        line, newline, _rest = data.partition(b"\n")
        if not newline and len(data) <= handover.MAX_LINE_BYTES:
            return  # the rest of the line is on its way
        del self._buffers[socket]
        try:
            message = handover.decode(line)
        except InvalidInput as error:
            log.warning("refusing a malformed instance message: %s", error)
            self._reply(socket, {"ok": False, "error": str(error), "invalid_input": True})
            return
        log.info("message from a second launch: %s", message.command)
        if self._handler is None:
            # Still starting: the sender waits for the answer, so keep the socket open.
            self._waiting.append((socket, message))
            return
        self._answer(socket, message)

    def _answer(self, socket: QLocalSocket, message: handover.HandOver) -> None:
        assert self._handler is not None
        try:
            answer = self._handler(message)
        except Exception:
            # A bug in one handler must not take the running instance down with it.
            log.exception("handling a message from a second launch failed")
            answer = {"ok": False, "error": "The running AskWhy could not handle the request."}
        self._reply(socket, answer)

    @staticmethod
    def _reply(socket: QLocalSocket, answer: dict[str, Any]) -> None:
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
    data_dir: Path, message: handover.HandOver, *, timeout_ms: int = 5000
) -> dict[str, Any] | None:
    """The second launch's side: the running instance's answer, or None when none runs.

    No QApplication needed, and nothing is created: no folder means no instance. Raises
    InstanceNotAnswering when an instance holds the data dir but does not answer within
    `timeout_ms`, and UnsafeInstanceDir when the folder it would use is not private.
    """
    folder = instance_dir(data_dir, create=False)
    if folder is None:
        return None
    lock = _lock_file(_lock_path(data_dir, folder))
    if lock.tryLock(0):
        # Nobody holds the lock, so nobody runs: let the caller start one.
        lock.unlock()
        return None
    return _exchange(server_name(data_dir, folder), message, timeout_ms)


def _lock_file(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # 0: a lock is stale only when its process is gone, however old it is.
    lock.setStaleLockTime(0)
    return lock


def _exchange(name: str, message: handover.HandOver, timeout_ms: int) -> dict[str, Any]:
    """Sends one message line and reads one answer line."""
    payload = handover.encode(message)
    deadline = time.monotonic() + timeout_ms / 1000
    # The first instance takes the lock a moment before it listens: retry until then.
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(payload)
            socket.waitForBytesWritten(1000)
            answer = b""
            while (
                b"\n" not in answer
                and len(answer) <= handover.MAX_LINE_BYTES
                and socket.waitForReadyRead(max(1, int((deadline - time.monotonic()) * 1000)))
            ):
                answer += bytes(socket.readAll().data())
            socket.disconnectFromServer()
            line, newline, _rest = answer.partition(b"\n")
            if newline or len(answer) > handover.MAX_LINE_BYTES:
                return _decode_answer(line)
        if time.monotonic() > deadline:
            log.warning("the running instance did not answer on %s", name)
            raise InstanceNotAnswering(name)
        time.sleep(0.05)


def _decode_answer(line: bytes) -> dict[str, Any]:
    try:
        return handover.read_json_object(line)
    except InvalidInput:
        return {"ok": False, "error": "The running AskWhy sent an answer it cannot read."}


def _answers(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(500)
    socket.abort()
    return bool(alive)
