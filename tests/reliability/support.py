"""Starting the real `askwhy` as a child process, and reading its database from outside.

The reliability tests treat the app as a black box wherever they can: they run the same
command a user types, in a private HOME and data dir, and check the file with plain sqlite3
(not with the store under test) so a bug in the store cannot hide itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DB_FILENAME = "askwhy.sqlite3"
DRIVER = Path(__file__).resolve().parent / "kill_driver.py"


def askwhy_argv(*args: str) -> list[str]:
    """`python -m desktop ...`: the entry point the installed `askwhy` command runs."""
    return [sys.executable, "-m", "desktop", *args]


def private_env(
    root: Path, *, tz: str = "UTC", extra: dict[str, str] | None = None
) -> dict[str, str]:
    """An environment that cannot touch the developer's settings, data or session bus."""
    env = dict(os.environ)
    for name in ("home", "config", "data", "cache", "state", "runtime", "tmp"):
        (root / name).mkdir(parents=True, exist_ok=True)
    (root / "runtime").chmod(0o700)
    env.update(
        HOME=str(root / "home"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_DATA_HOME=str(root / "data"),
        XDG_CACHE_HOME=str(root / "cache"),
        XDG_STATE_HOME=str(root / "state"),
        XDG_RUNTIME_DIR=str(root / "runtime"),
        TMPDIR=str(root / "tmp"),
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={root / 'no-bus'}",
        QT_QPA_PLATFORM="offscreen",
        PYTHONUNBUFFERED="1",
        TZ=tz,
    )
    env.pop("ASKWHY_DATA_DIR", None)
    if extra:
        env.update(extra)
    return env


def run_askwhy(
    env: dict[str, str],
    data_dir: Path,
    *args: str,
    umask: int | None = None,
    timeout: float = 90.0,
) -> subprocess.CompletedProcess[str]:
    argv = askwhy_argv("--data-dir", str(data_dir), *args)
    if umask is not None:
        argv = ["sh", "-c", f'umask {umask:03o}; exec "$@"', "sh", *argv]
    return subprocess.run(
        argv,
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n"
        f"{result.stderr}"
    )


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    """The failure message, after checking it is ONE line on stderr and not a traceback."""
    assert result.returncode != 0, describe(result)
    assert "Traceback" not in result.stdout + result.stderr, describe(result)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, describe(result)
    return lines[0]


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "\n".join(str(row[0]) for row in rows)


def query(path: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path, timeout=10)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digests_under(root: Path) -> set[str]:
    return {sha256(path) for path in root.rglob("*") if path.is_file()}


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def wait_until(
    condition: Callable[[], bool], *, timeout: float, interval: float = 0.02, what: str = ""
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what or condition}")
        time.sleep(interval)


def kill_group(proc: subprocess.Popen[Any]) -> None:
    """SIGKILL the child's process group (it was started with start_new_session) and reap."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@contextlib.contextmanager
def started(
    argv: Sequence[str], env: dict[str, str], **kwargs: Any
) -> Iterator[subprocess.Popen[str]]:
    """A child in its own process group, killed (with its children) however the test ends."""
    proc = subprocess.Popen(
        list(argv),
        env=env,
        cwd=REPO,
        text=True,
        start_new_session=True,
        **kwargs,
    )
    try:
        yield proc
    finally:
        kill_group(proc)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


class Lines:
    """Collects a child's stdout lines in a thread, so waiting for one never blocks forever."""

    def __init__(self, proc: subprocess.Popen[str], *, stderr: bool = False) -> None:
        stream = proc.stderr if stderr else proc.stdout
        assert stream is not None
        self._stream = stream
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        # The stream may be closed under this thread once the child is killed: that is EOF.
        with contextlib.suppress(ValueError, OSError):
            for line in self._stream:
                if line.endswith("\n"):  # a line cut by a kill is not a report
                    with self._lock:
                        self.lines.append(line.rstrip("\n"))

    def snapshot(self) -> list[str]:
        with self._lock:
            return list(self.lines)

    def wait_for(self, text: str, *, timeout: float) -> None:
        wait_until(lambda: text in self.snapshot(), timeout=timeout, what=repr(text))

    def finish(self, timeout: float = 30.0) -> list[str]:
        """All lines, once the child has exited and its stdout is drained."""
        self._thread.join(timeout)
        return self.snapshot()


def bulk_applications(data_dir: Path, count: int) -> None:
    """A migrated database holding `count` applications, inserted in one transaction."""
    from datetime import UTC, datetime, timedelta  # noqa: PLC0415

    from desktop.core.model import Stage  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.models import ApplicationRow, match_key  # noqa: PLC0415

    now = datetime.now(UTC)
    rows = []
    for index in range(count):
        company, role = f"Bulk Company {index:06d}", "Bulk Role"
        created = now - timedelta(minutes=index)
        rows.append(
            {
                "company": company,
                "role": role,
                "match_key": match_key(company, role),
                "stage": Stage.APPLIED,
                "created_at": created,
                "updated_at": created,
                "applied_at": created,
                "location": "Remote",
                "url": f"https://jobs.example.com/{index}",
                "source": "board",
                "notes": "A note long enough to give each row some weight. " * 3,
                "archived": False,
            }
        )
    with open_database(data_dir) as database, database.engine.begin() as connection:
        connection.execute(ApplicationRow.__table__.insert(), rows)


def _mount_read_only(directory: Path) -> Callable[[], None]:
    """Make `directory` read-only even for root (a read-only bind mount); returns the undo."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode & 0o777 for p in [directory, *directory.rglob("*")]}
        for p in modes:
            p.chmod(0o500 if p.is_dir() else 0o400)

        def undo_chmod() -> None:
            for p, m in modes.items():
                p.chmod(m)

        return undo_chmod
    steps = (
        ["mount", "--bind", str(directory), str(directory)],
        ["mount", "-o", "remount,bind,ro", str(directory)],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            subprocess.run(["umount", str(directory)], capture_output=True, check=False)
            pytest.skip(f"cannot make a read-only dir as root here: {done.stderr.strip()}")

    def unmount() -> None:
        subprocess.run(["umount", str(directory)], check=True)

    return unmount


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    undo = _mount_read_only(directory)
    try:
        probe = directory / "probe"
        with pytest.raises(
            OSError, match=r"(?i)read-only|permission"
        ):  # prove the set-up, or the test below proves nothing
            probe.write_text("x")
        yield
    finally:
        undo()
