"""Shared helpers for the benchmarks in tests/perf, and the bare-PySide6 floor they compare to.

Every benchmark script is run as `python tests/perf/<name>.py [--runs N]`, prints its figures
for people, and ends with one or more machine-readable lines (see README.md):

    RESULT {"name": "...", "median": 1.23, "unit": "ms", "target": "<= 100 ms", "met": true}

Other scripts import this module as `import baseline` (the script's own folder is first on
sys.path when it runs). Nothing here asserts: figures are printed, and judged by people.

The floor: a bare `QMainWindow` started the same way as the app (a fresh interpreter, the same
display, the same environment), measured in the same run as the app so that a busy machine
moves both figures alike.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
RESULT_PREFIX = "RESULT "
# The app's own paint hook (desktop/app/first_frame.py): print "PAINTED <time.monotonic()>"
# after the main window's first paint, "LOADED <time.monotonic()>" once its data is shown, then
# quit.
PAINT_HOOK_ENV = "ASKWHY_PERF_EXIT_AFTER_PAINT"
_PAINTED_RE = re.compile(r"PAINTED\s+([0-9]+(?:\.[0-9]+)?)")
_LOADED_RE = re.compile(r"LOADED\s+([0-9]+(?:\.[0-9]+)?)")
_READY_RE = re.compile(r"READY\s+([0-9]+(?:\.[0-9]+)?)")


# -- arguments and results -------------------------------------------------------------


def argument_parser(
    description: str, *, default_runs: int = 5, child: bool = False
) -> argparse.ArgumentParser:
    """`--runs`, and for scripts that measure in a child process (`run_child`) the hidden
    `--child DATA_DIR` that process is started with."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--runs",
        type=int,
        default=default_runs,
        help=f"repetitions; the figure is their median (default {default_runs})",
    )
    if child:
        parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    return parser


def parse_args(
    description: str, *, default_runs: int = 5, child: bool = False
) -> argparse.Namespace:
    return argument_parser(description, default_runs=default_runs, child=child).parse_args()


# -- in the child: Qt is imported there only ----------------------------------------------


def settle(seconds: float) -> None:
    """Lets Qt's event loop run for `seconds` (layouts, deferred deletes, paints)."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()


class NullClipboard:
    """The app's clipboard interface; the benchmarks copy nothing."""

    def set_text(self, text: str) -> None:
        return None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): a value that was actually measured."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def emit(
    name: str,
    value: float,
    unit: str,
    target: str,
    met: bool | None,
    **extra: Any,
) -> None:
    """Print the machine-readable line `run_all.py` collects (one per figure)."""
    record: dict[str, Any] = {
        "name": name,
        "median": None if math.isnan(value) else round(value, 3),
        "unit": unit,
        "target": target,
        "met": met,
    }
    record.update(extra)
    print(RESULT_PREFIX + json.dumps(record, ensure_ascii=False), flush=True)


def describe(label: str, values: Sequence[float], unit: str) -> str:
    if not values:
        return f"{label}: no figures"
    shown = ", ".join(f"{v:.1f}" for v in values)
    return f"{label}: median {median(values):.1f} {unit} (runs: {shown})"


# -- display and environment -------------------------------------------------------------


@contextlib.contextmanager
def display_env() -> Iterator[dict[str, str]]:
    """An environment with a display for Qt: the caller's, a private Xvfb, or offscreen.

    A real X server (even a virtual one) makes the app load the xcb plugin, fonts and the
    window-system integration it loads for users; offscreen is the fallback without Xvfb.
    """
    env = dict(os.environ)
    if env.get("QT_QPA_PLATFORM") == "offscreen" or (
        env.get("DISPLAY") and env.get("QT_QPA_PLATFORM", "xcb") == "xcb"
    ):
        yield env
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
        yield env
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # Same process group as this script: when run_all's watchdog kills the script's
        # group, the server goes with it instead of living on as an orphan.
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "r") as stream:
            number = stream.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not report a display number")
        env["DISPLAY"] = f":{number}"
        env["QT_QPA_PLATFORM"] = "xcb"
        yield env
    finally:
        server.kill()
        server.wait(timeout=10)


def isolated_env(base: dict[str, str], root: Path) -> dict[str, str]:
    """A private home: no real settings, no autostart entry, no single-instance neighbour.

    TMPDIR matters: QLocalServer puts its socket in the temp dir, so a benchmark's app never
    hands over to a developer's running AskWhy (or another helper's test).
    """
    env = dict(base)
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
        # No session bus: notification back-ends fail fast instead of reaching a real one.
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={root / 'no-bus'}",
        PYTHONUNBUFFERED="1",
    )
    env.pop("ASKWHY_DATA_DIR", None)
    # An installed AskWhy runs from compiled bytecode (pip compiles site-packages, the bundle
    # ships .pyc): a shell that forbids writing it would make every start recompile the
    # project's modules, a cost no user pays. The warm-up runs write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextlib.contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=f"askwhy-perf-{prefix}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# -- processes ---------------------------------------------------------------------------


class Proc:
    """A child in its own process group whose stdout lines are timestamped as they arrive."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: Path = REPO) -> None:
        self.started = time.monotonic()
        self.popen = subprocess.Popen(
            list(argv),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.stderr: list[str] = []
        self._threads = [
            threading.Thread(target=self._pump_out, daemon=True),
            threading.Thread(target=self._pump_err, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    @property
    def pid(self) -> int:
        return self.popen.pid

    def _pump_out(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def _pump_err(self) -> None:
        assert self.popen.stderr is not None
        for line in self.popen.stderr:
            self.stderr.append(line.rstrip("\n"))

    def wait_line(self, pattern: str | re.Pattern[str], timeout: float) -> tuple[float, str]:
        """The first stdout line matching `pattern`: (arrival time, line)."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(self._explain(f"no line matching {regex.pattern!r}"))
            try:
                arrived, line = self.lines.get(timeout=min(left, 0.5))
            except queue.Empty:
                if self.popen.poll() is not None and self.lines.empty():
                    raise RuntimeError(
                        self._explain(f"exited {self.popen.returncode} before {regex.pattern!r}")
                    ) from None
                continue
            if regex.search(line):
                return arrived, line

    def _explain(self, what: str) -> str:
        tail = "\n".join(self.stderr[-15:])
        return f"{what}; stderr tail:\n{tail}"

    def stop(self) -> None:
        stop(self.popen)


def stop(popen: subprocess.Popen[Any]) -> None:
    """Kill the child's whole process group (it was started in its own session) and reap."""
    if popen.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(popen.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        popen.wait(timeout=10)


def status_kb(pid: int, field: str) -> int:
    """A `/proc/<pid>/status` figure in kB, e.g. VmHWM (peak RSS) or VmRSS."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_cpu_settled(pid: int, *, quiet_for: float = 1.5, timeout: float = 120.0) -> float:
    """Wait until the process used (almost) no CPU for `quiet_for` seconds: loading is over.

    Returns the seconds waited. Peak RSS (VmHWM) read after this covers the whole load.
    """
    start = time.monotonic()
    last = cpu_seconds(pid)
    quiet_since = time.monotonic()
    while time.monotonic() - start < timeout:
        time.sleep(0.1)
        now_cpu = cpu_seconds(pid)
        if now_cpu - last > 0.02:
            quiet_since = time.monotonic()
        last = now_cpu
        if time.monotonic() - quiet_since >= quiet_for:
            break
    return time.monotonic() - start


# -- the bare floor ----------------------------------------------------------------------

# A bare window that reports its own first paint, like the app's hook does.
BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not Window.painted:
            Window.painted = True
            # After this paint pass has been flushed to the window.
            QTimer.singleShot(0, report)

def report():
    print(f"PAINTED {time.monotonic():.6f}", flush=True)
    if "--exit" in sys.argv:
        app.quit()

app = QApplication(sys.argv[:1])
window = Window()
window.setWindowTitle("bare")
window.resize(1100, 720)
window.show()
sys.exit(app.exec())
"""

# The same bare window without its own hook, for runs where the app is watched by PROBE.
BARE_WINDOW_PLAIN = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 720)
window.show()
sys.exit(app.exec())
"""

# Watches any PySide6 program from outside its code: when the program itself imports
# PySide6.QtWidgets, QApplication is swapped for a subclass with an application-wide event
# filter. After the first paint that follows a top-level window being shown (or its very
# first paint), once that paint pass is done, it prints "PROBE paint <class> <t>", and
# "PAINTED <t>" for the first QMainWindow. Import order is left exactly as the program has
# it (DESIGN.md: PySide6's import hook slows every import made after it).
PROBE = r"""
import importlib.abc, importlib.util, os, runpy, sys, time

def _patch(qtw):
    from PySide6.QtCore import QEvent, QObject, QTimer
    import shiboken6

    base = qtw.QApplication
    seen = set()
    pending = set()
    state = {"main": False}
    paint, show = QEvent.Type.Paint, QEvent.Type.Show

    def report(name, is_main):
        now = time.monotonic()
        print(f"PROBE paint {name} {now:.6f}", flush=True)
        if is_main and not state["main"]:
            state["main"] = True
            print(f"PAINTED {now:.6f}", flush=True)

    class _Probe(QObject):
        def eventFilter(self, obj, event):
            kind = event.type()
            if kind == show:
                if obj.isWidgetType() and obj.isWindow():
                    pending.add(shiboken6.getCppPointer(obj)[0])
            elif kind == paint and obj.isWidgetType():
                window = obj.window()
                key = shiboken6.getCppPointer(window)[0]
                if key in pending or key not in seen:
                    pending.discard(key)
                    seen.add(key)
                    is_main = isinstance(window, qtw.QMainWindow)
                    name = type(window).__name__
                    QTimer.singleShot(0, lambda: report(name, is_main))
            return False

    class ProbedApplication(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._askwhy_probe = _Probe()
            self.installEventFilter(self._askwhy_probe)

    ProbedApplication.__name__ = base.__name__
    qtw.QApplication = ProbedApplication


class _Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            _patch(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _Hook())
target = sys.argv[1]
sys.argv = sys.argv[1:]
if target == "-c":
    code = sys.argv[1]
    sys.argv = ["-c", *sys.argv[2:]]
    exec(compile(code, "<probe-target>", "exec"), {"__name__": "__main__"})
else:
    sys.argv[0] = target
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


def app_paint_hook_available() -> bool:
    """True when desktop/app/first_frame.py honours PAINT_HOOK_ENV (the app measures its
    own paint)."""
    app_py = REPO / "desktop" / "app" / "first_frame.py"
    return app_py.exists() and PAINT_HOOK_ENV in app_py.read_text(encoding="utf-8")


def askwhy_argv(*args: str, probe: bool = False) -> list[str]:
    """How to start the real app: `python -m desktop ...`, optionally watched by PROBE."""
    if probe:
        return [PYTHON, "-c", PROBE, "desktop", *args]
    return [PYTHON, "-m", "desktop", *args]


def paint_time(proc: Proc, timeout: float = 60.0) -> float:
    """Seconds from the process start to the first paint it reported."""
    return _reported_time(proc, _PAINTED_RE, timeout)


def loaded_time(proc: Proc, timeout: float = 60.0) -> float:
    """Seconds from the process start to the app's report that its data is shown."""
    return _reported_time(proc, _LOADED_RE, timeout)


def ready_time(proc: Proc, timeout: float = 60.0) -> float:
    """Seconds from the process start to the app's report that its store and services run
    (it quits by itself after that: a clean quit, as a user's, leaves no -wal behind)."""
    ready = _reported_time(proc, _READY_RE, timeout)
    proc.popen.wait(timeout)
    return ready


def _reported_time(proc: Proc, pattern: re.Pattern[str], timeout: float) -> float:
    _, line = proc.wait_line(pattern, timeout)
    match = pattern.search(line)
    assert match is not None
    return float(match.group(1)) - proc.started


def bare_cold_start(env: dict[str, str], *, probe: bool = False) -> float:
    """Seconds from `python` start to a bare QMainWindow's first paint."""
    argv = (
        [PYTHON, "-c", PROBE, "-c", BARE_WINDOW_PLAIN]
        if probe
        else [PYTHON, "-c", BARE_WINDOW, "--exit"]
    )
    proc = Proc(argv, env)
    try:
        return paint_time(proc)
    finally:
        proc.stop()


def bare_idle_process(env: dict[str, str]) -> Proc:
    """A bare window that stays up (for idle and memory floors); the caller stops it."""
    proc = Proc([PYTHON, "-c", BARE_WINDOW], env)
    paint_time(proc)
    return proc


def bare_peak_rss_mb(env: dict[str, str]) -> float:
    """Peak RSS of a bare QMainWindow once shown and settled, in MB."""
    proc = bare_idle_process(env)
    try:
        wait_cpu_settled(proc.pid)
        return status_kb(proc.pid, "VmHWM") / 1024
    finally:
        proc.stop()


def bare_idle_cpu(env: dict[str, str], seconds: float) -> tuple[float, int]:
    """CPU seconds and voluntary context switches of a bare window idling `seconds`."""
    proc = bare_idle_process(env)
    try:
        wait_cpu_settled(proc.pid, quiet_for=1.0)
        cpu0, switches0 = cpu_seconds(proc.pid), status_kb(proc.pid, "voluntary_ctxt_switches")
        time.sleep(seconds)
        cpu1, switches1 = cpu_seconds(proc.pid), status_kb(proc.pid, "voluntary_ctxt_switches")
        return cpu1 - cpu0, switches1 - switches0
    finally:
        proc.stop()


# -- data sets ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seeded:
    data_dir: Path
    applications: int
    seconds: float


def seed(data_dir: Path, applications: int, *, rejections: int = 40) -> Seeded:
    """A data dir whose database holds `applications` applications, made fast.

    `rejections` of them are logged through the app's own Store (requests, reminders,
    contacts, the real code path); the rest are bulk-inserted in ONE transaction through the
    store's engine, each with one stage event, spread over the stages as a real search is.
    Runs in this process; the database is migrated by the real scripts.
    """
    from desktop.core.model import RejectionInput, Stage  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.models import ApplicationRow, StageEventRow, match_key  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    started = time.monotonic()
    now = datetime.now(UTC)
    database = open_database(data_dir)
    try:
        store = Store(database)
        logged = min(rejections, applications)
        for index in range(logged):
            store.log_rejection(
                RejectionInput(
                    company=f"Rejecting Company {index:05d}",
                    role="Backend Engineer",
                    notified_at=now - timedelta(hours=index % 40),
                    contact_name=f"Alex Recruiter {index}",
                    contact_email=f"alex{index}@example.com",
                ),
                now=now,
            )
        stages = [
            Stage.SAVED,
            Stage.APPLIED,
            Stage.APPLIED,
            Stage.APPLIED,
            Stage.SCREENING,
            Stage.INTERVIEWING,
            Stage.REJECTED,
            Stage.GHOSTED,
            Stage.OFFER,
        ]
        roles = [
            "Backend Engineer",
            "Data Analyst",
            "Product Designer",
            "QA Engineer",
            "Site Reliability Engineer",
            "Frontend Developer",
            "Support Specialist",
        ]
        rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        bulk = applications - logged
        with database.engine.begin() as connection:
            first_id = (
                int(
                    connection.exec_driver_sql(
                        "SELECT COALESCE(MAX(id), 0) FROM applications"
                    ).scalar_one()
                )
                + 1
            )
            for index in range(bulk):
                company = (
                    f"Company {index:06d} {('Acme', 'Globex', 'Initech', 'Umbrella')[index % 4]}"
                )
                role = roles[index % len(roles)]
                stage = stages[index % len(stages)]
                created = now - timedelta(minutes=index)
                rows.append(
                    {
                        "id": first_id + index,
                        "company": company,
                        "role": role,
                        "match_key": match_key(company, role),
                        "stage": stage,
                        "created_at": created,
                        "updated_at": created,
                        "applied_at": None if stage is Stage.SAVED else created,
                        "location": ("Remote", "Berlin", "Lisbon", "Toronto")[index % 4],
                        "url": f"https://jobs.example.com/{index}",
                        "source": "board",
                        "notes": "",
                        "archived": False,
                    }
                )
                events.append(
                    {
                        "application_id": first_id + index,
                        "from_stage": None,
                        "to_stage": stage,
                        "occurred_at": created,
                        "recorded_at": created,
                        "note": "",
                    }
                )
            if rows:
                connection.execute(ApplicationRow.__table__.insert(), rows)
                connection.execute(StageEventRow.__table__.insert(), events)
    finally:
        database.close()
    return Seeded(data_dir, applications, time.monotonic() - started)


# -- measuring in a child process -----------------------------------------------------------
# A script that measures inside a Qt process re-runs itself with `--child DATA_DIR` and prints
# one `RUN_PREFIX` JSON line per run; the parent collects them with `run_child`.
RUN_PREFIX = "RUN "


def print_run(record: dict[str, Any]) -> None:
    print(RUN_PREFIX + json.dumps(record), flush=True)


def run_child(
    script: str, data_dir: Path, runs: int, env: dict[str, str], *, timeout: float
) -> list[dict[str, Any]] | None:
    """The child's per-run records, or None (its stderr printed) when it measured nothing."""
    result = subprocess.run(
        [sys.executable, script, "--child", str(data_dir), "--runs", str(runs)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    records = [
        json.loads(line[len(RUN_PREFIX) :])
        for line in result.stdout.splitlines()
        if line.startswith(RUN_PREFIX)
    ]
    if result.returncode != 0 or not records:
        print(result.stderr[-3000:], file=sys.stderr)
        return None
    return records


def timed(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started
