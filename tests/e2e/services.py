"""Starts the real parts the end-to-end tests need, each as a child process it cleans up.

Used by tests/e2e/conftest.py and by the scripts in tests/perf/.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

REPO = Path(__file__).resolve().parents[2]
APT_PACKAGES = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus-daemon",
    "dunst": "dunst",
    "trayer": "trayer",
    "xwininfo": "x11-utils",
    "xdotool": "xdotool",
}

# A session bus of our own: no <servicedir>, so nothing is auto-started on it, and no
# standard_session_servicedirs either.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def missing_binaries(*names: str) -> list[str]:
    return [name for name in names if shutil.which(name) is None]


def apt_line(names: list[str]) -> str:
    return "sudo apt-get install " + " ".join(sorted({APT_PACKAGES.get(n, n) for n in names}))


def wait_for(
    predicate: Callable[[], Any], timeout: float, what: str, interval: float = 0.05
) -> Any:
    """Polls with a deadline; the value is the predicate's first truthy result."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def stop(process: subprocess.Popen[Any], timeout: float = 5.0) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def log_to(path: Path) -> Any:
    """A file for a child's output; the parent's copy is closed once the child has it."""
    return path.open("ab")


@dataclass
class Processes:
    """Children to stop in reverse order, whatever happens in the test."""

    started: list[subprocess.Popen[Any]] = field(default_factory=list)

    def add(self, process: subprocess.Popen[Any]) -> subprocess.Popen[Any]:
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in reversed(self.started):
            with contextlib.suppress(Exception):
                stop(process)
        self.started.clear()


def start_xvfb(processes: Processes, workdir: Path, attempts: int = 3) -> str:
    """Xvfb on a free display number, checked to accept clients; returns DISPLAY."""
    for _attempt in range(attempts):
        read_fd, write_fd = os.pipe()
        command = ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24"]
        command += ["-nolisten", "tcp"]
        with log_to(workdir / "xvfb.log") as log:
            process = processes.add(
                subprocess.Popen(
                    command, pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=log
                )
            )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        display = f":{number}"
        # Another test's server can hold a socket with the same number (parallel runs):
        # only a display that answers counts.
        if number and _display_answers(display):
            return display
        stop(process)
    raise RuntimeError(f"Xvfb did not start a usable display; see {workdir / 'xvfb.log'}")


def _display_answers(display: str) -> bool:
    if shutil.which("xwininfo") is None:
        return True
    env = {**os.environ, "DISPLAY": display}
    result = subprocess.run(
        ["xwininfo", "-root"], env=env, capture_output=True, timeout=10, check=False
    )
    return result.returncode == 0


def start_bus(processes: Processes, workdir: Path) -> str:
    """A private dbus-daemon; returns its address."""
    config = workdir / "session.conf"
    config.write_text(BUS_CONFIG.format(socket=workdir / "bus"), encoding="utf-8")
    process = processes.add(
        subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            text=True,
        )
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    if not address:
        raise RuntimeError(f"dbus-daemon did not start (exit {process.poll()})")
    return address


def start_recording_server(
    processes: Processes, env: dict[str, str], record: Path, *, actions: bool = True
) -> subprocess.Popen[Any]:
    server = Path(__file__).with_name("notification_server.py")
    process = processes.add(
        subprocess.Popen(
            [sys.executable, str(server), str(record), *([] if actions else ["--no-actions"])],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
    )
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        raise RuntimeError("the recording notification server did not start")
    return process


def name_has_owner(address: str, name: str) -> bool:
    with open_dbus_connection(bus=address) as connection:
        reply = connection.send_and_get_reply(message_bus.NameHasOwner(name), timeout=2)
        return bool(reply.body[0])


def read_records(record: Path) -> list[dict[str, Any]]:
    if not record.exists():
        return []
    lines = record.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def askwhy_command() -> list[str]:
    script = Path(sys.executable).with_name("askwhy")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "desktop"]


@dataclass
class Desktop:
    """A display, a private session bus and the environment for apps to run in them."""

    workdir: Path
    display: str
    bus: str
    processes: Processes
    env: dict[str, str]

    def run_cli(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*askwhy_command(), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def start_app(self, *args: str, log_name: str = "app.log") -> subprocess.Popen[Any]:
        with log_to(self.workdir / log_name) as log:
            return self.processes.add(
                subprocess.Popen(
                    [*askwhy_command(), *args],
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )

    def app_log(self, log_name: str = "app.log") -> str:
        path = self.workdir / log_name
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def daytime_zone(local_hour: int = 14) -> str:
    """A fixed zone where it is about `local_hour` now, so default quiet hours (22:00-08:00)
    never move the reminders a test waits for."""
    from datetime import UTC, datetime  # noqa: PLC0415

    offset = (local_hour - datetime.now(UTC).hour) % 24
    if offset > 14:
        offset -= 24
    # POSIX-style Etc zones have the sign inverted: Etc/GMT-3 is UTC+3.
    if offset == 0:
        return "Etc/GMT"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


def base_env() -> dict[str, str]:
    """This environment without the developer's display and bus."""
    env = dict(os.environ)
    for name in (
        "QT_QPA_PLATFORM",
        "WAYLAND_DISPLAY",
        "XDG_SESSION_TYPE",
        "DISPLAY",
        "DBUS_SESSION_BUS_ADDRESS",
    ):
        env.pop(name, None)
    return env


@contextlib.contextmanager
def desktop(workdir: Path, *, data_dir: Path | None = None) -> Iterator[Desktop]:
    processes = Processes()
    try:
        display = start_xvfb(processes, workdir)
        bus = start_bus(processes, workdir)
        env = base_env()
        runtime = workdir / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env.update(
            DISPLAY=display,
            DBUS_SESSION_BUS_ADDRESS=bus,
            ASKWHY_DATA_DIR=str(data_dir or workdir / "data"),
            ASKWHY_LOG="debug",
            XDG_RUNTIME_DIR=str(runtime),
            XDG_CONFIG_HOME=str(workdir / "config"),
            HOME=str(workdir / "home"),
            QT_QPA_PLATFORM="xcb",
            PYTHONUNBUFFERED="1",
            TZ=daytime_zone(),
        )
        (workdir / "home").mkdir(exist_ok=True)
        yield Desktop(workdir, display, bus, processes, env)
    finally:
        processes.stop_all()


def shift_database_times(db_path: Path, delta_seconds: float) -> None:
    """Moves every stored instant by `delta_seconds`, as if that much time had passed
    (negative: into the past) while AskWhy was not running."""
    import sqlite3  # noqa: PLC0415
    from datetime import datetime, timedelta  # noqa: PLC0415

    delta = timedelta(seconds=delta_seconds)
    connection = sqlite3.connect(db_path)
    try:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if "DATETIME" in str(row[2]).upper()
            ]
            for column in columns:
                rows = connection.execute(
                    f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
                ).fetchall()
                for rowid, value in rows:
                    moved = datetime.fromisoformat(str(value)) + delta
                    connection.execute(
                        f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?',
                        (moved.isoformat(sep=" ", timespec="microseconds"), rowid),
                    )
        connection.commit()
    finally:
        connection.close()


def _x(env: dict[str, str], *command: str) -> str:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=10, check=False
    )
    return result.stdout


@dataclass(frozen=True)
class XWindow:
    id: str
    name: str
    x: int
    y: int
    width: int
    height: int


_TREE_LINE = re.compile(
    r"^(?P<indent>\s*)(?P<id>0x[0-9a-f]+) (?P<name>\"[^\"]*\"|\(has no name\)):? .*?"
    r"(?P<w>\d+)x(?P<h>\d+)[+-]-?\d+[+-]-?\d+\s+\+(?P<x>-?\d+)\+(?P<y>-?\d+)"
)


def start_trayer(desktop: Desktop) -> subprocess.Popen[bytes]:
    """trayer, a real system tray host, on the desktop's display; returns once it is up."""
    command = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel"]
    command += ["--width", "200", "--height", "32", "--SetDockType", "false"]
    with log_to(desktop.workdir / "trayer.log") as log:
        process = desktop.processes.add(
            subprocess.Popen(command, env=desktop.env, stdout=subprocess.DEVNULL, stderr=log)
        )
    wait_for(lambda: tray_manager_window(desktop.env), 10, "trayer's window")
    return process


def tray_manager_window(env: dict[str, str]) -> XWindow | None:
    """trayer's panel window, if it is up."""
    for line in _x(env, "xwininfo", "-root", "-tree").splitlines():
        if '("panel" "trayer")' in line:
            match = _TREE_LINE.match(line)
            if match:
                return _window(match)
    return None


def _window(match: re.Match[str]) -> XWindow:
    return XWindow(
        match["id"],
        match["name"].strip('"'),
        int(match["x"]),
        int(match["y"]),
        int(match["w"]),
        int(match["h"]),
    )


def docked_windows(env: dict[str, str]) -> list[XWindow]:
    """Named windows embedded (at any depth) in trayer's panel."""
    lines = _x(env, "xwininfo", "-root", "-tree").splitlines()
    docked: list[XWindow] = []
    panel_indent: int | None = None
    for line in lines:
        match = _TREE_LINE.match(line)
        if match is None:
            continue
        indent = len(match["indent"])
        if '("panel" "trayer")' in line:
            panel_indent = indent
            continue
        if panel_indent is not None:
            if indent <= panel_indent:
                panel_indent = None
            elif match["name"] != "(has no name)":
                docked.append(_window(match))
    return docked


def window_pid(env: dict[str, str], window_id: str) -> int | None:
    output = _x(env, "xprop", "-id", window_id, "_NET_WM_PID")
    found = re.search(r"=\s*(\d+)", output)
    return int(found.group(1)) if found else None


def right_click(env: dict[str, str], window: XWindow) -> None:
    x, y = window.x + window.width // 2, window.y + window.height // 2
    subprocess.run(
        ["xdotool", "mousemove", str(x), str(y), "click", "3"], env=env, timeout=10, check=True
    )


def click_notification(address: str, notification_id: int, action: str = "default") -> None:
    """Asks the recording server to act as if the user clicked the notification (or, with
    `action`, one of its buttons)."""
    from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]  # noqa: PLC0415

    target = DBusAddress(
        "/org/freedesktop/Notifications",
        bus_name="org.freedesktop.Notifications",
        interface="io.github.askwhy.Test",
    )
    with open_dbus_connection(bus=address) as connection:
        connection.send_and_get_reply(
            new_method_call(target, "Invoke", "us", (notification_id, action)), timeout=5
        )
