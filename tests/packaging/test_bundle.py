"""Smoke test of the frozen app: build the PyInstaller bundle, then run it as a user would.

The bundle comes from, in order:
- `ASKWHY_BUNDLE` (a built `askwhy/` folder), for running these against a given build;
- `dist/askwhy` when it is newer than every source file it was built from (`make dist`);
- otherwise a fresh build into a temporary folder, reusing PyInstaller's cache in `build/`
  (20-50 s here, depending on the load).

Each scenario gets its own HOME, runtime dir and ASKWHY_DATA_DIR, so nothing touches the
developer's data and scenarios cannot see each other's single-instance socket.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import desktop

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
# What the bundle is built from; a bundle older than any of these is stale.
SOURCES = (
    "desktop",
    "resources",
    "packaging/askwhy.spec",
    "packaging/appmeta.py",
    "packaging/askwhy_entry.py",
    "packaging/pyinstaller-hooks",
)
GUI_START_TIMEOUT = 30.0
GUI_QUIT_TIMEOUT = 15.0


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(p.stat().st_mtime for p in files if "__pycache__" not in p.parts)])
    return newest


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen `askwhy` executable."""
    explicit = os.environ.get("ASKWHY_BUNDLE")
    if explicit:
        executable = Path(explicit) / "askwhy"
        assert executable.is_file(), f"ASKWHY_BUNDLE={explicit} holds no askwhy executable"
        return executable
    built = ROOT / "dist" / "askwhy" / "askwhy"
    if built.is_file() and built.stat().st_mtime > _newest_source():
        return built
    dist = tmp_path_factory.mktemp("dist")
    command = [
        sys.executable,
        str(ROOT / "packaging" / "build.py"),
        f"--dist={dist}",
        f"--work={ROOT / 'build'}",
        "--no-tarball",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return dist / "askwhy" / "askwhy"


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A fresh user: own home, runtime dir and data dir; offscreen Qt; no session bus."""
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    return {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TZ": "Europe/Berlin",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "ASKWHY_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def run_frozen(
    executable: Path, env: dict[str, str], *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_version(frozen_app: Path, user_env: dict[str, str]) -> None:
    result = run_frozen(frozen_app, user_env, "--version")
    assert result.returncode == 0, result.stderr
    assert desktop.__version__ in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's LD_DEBUG")
@pytest.mark.parametrize("command", [["--version"], ["due", "--json"]], ids=" ".join)
def test_commands_without_a_window_never_load_qt(
    frozen_app: Path, user_env: dict[str, str], command: list[str]
) -> None:
    # The CLI promises not to pay for Qt; PyInstaller's stock PySide6 run-time hook would
    # load it at every start (packaging/pyinstaller-hooks/rthooks/ replaces that hook).
    result = run_frozen(frozen_app, {**user_env, "LD_DEBUG": "files"}, *command)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "libpython" in result.stderr, "LD_DEBUG printed nothing to check"
    assert "libQt6Core" not in result.stderr
    assert "libshiboken6" not in result.stderr


def test_doctor_on_a_fresh_data_dir(frozen_app: Path, user_env: dict[str, str]) -> None:
    result = run_frozen(frozen_app, user_env, "doctor")
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert desktop.__version__ in report
    assert user_env["ASKWHY_DATA_DIR"] in report
    # The frozen app must load its own Qt, not one from the build machine's venv.
    assert ".venv" not in report


def test_log_rejection_then_due(frozen_app: Path, user_env: dict[str, str]) -> None:
    notified = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(time.time() - 3600))
    logged = run_frozen(
        frozen_app,
        user_env,
        "log-rejection",
        "--company=Frozen Fjord AB",
        "--role=Packaging Engineer",
        "--contact-name=Ada Lovelace",
        "--contact-email=ada@example.org",
        f"--notified-at={notified}",
        "--no-gui",
    )
    assert logged.returncode == 0, logged.stderr
    # The migrations ran from the bundled Alembic scripts.
    assert (Path(user_env["ASKWHY_DATA_DIR"])).is_dir()

    due = run_frozen(frozen_app, user_env, "due", "--json")
    assert due.returncode == 0, due.stderr
    items = json.loads(due.stdout)
    assert isinstance(items, list)
    (item,) = [i for i in items if i["company"] == "Frozen Fjord AB"]
    assert item["role"] == "Packaging Engineer"
    for key in ("kind", "status", "window_closes_at", "next_reminder_at"):
        assert key in item
    assert item["window_closes_at"][-6] in "+-", "times carry an offset"

    # Exports and backups import their libraries lazily: the kind a bundle forgets.
    exported = Path(user_env["HOME"])
    for name in ("deadlines.ics", "all.json", "table.csv"):
        result = run_frozen(frozen_app, user_env, "export", str(exported / name))
        assert result.returncode == 0, result.stderr
    assert "BEGIN:VCALENDAR" in (exported / "deadlines.ics").read_text()
    assert "Frozen Fjord AB" in (exported / "all.json").read_text()
    backup = run_frozen(frozen_app, user_env, "backup")
    assert backup.returncode == 0, backup.stderr


def test_bundle_carries_its_data(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    assert (internal / "resources" / "icons" / "askwhy-tray-due.png").is_file()
    assert (internal / "desktop" / "store" / "migrations" / "env.py").is_file()
    # The zone database for systems without one: deadlines across DST depend on it.
    assert (internal / "tzdata" / "zoneinfo" / "Europe" / "Berlin").is_file()
    # Pruned: Qt's QML stack, the GTK theme and the translations the app never loads.
    assert not list(internal.rglob("libQt6Qml*"))
    assert not list(internal.rglob("libqgtk3*"))
    assert not list(internal.rglob("qt_*.qm"))


def test_bad_input_exits_2_with_one_line(frozen_app: Path, user_env: dict[str, str]) -> None:
    result = run_frozen(frozen_app, user_env, "log-rejection", "--company=", "--no-gui")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _wait_until_idle(process: subprocess.Popen[str], data_dir: Path) -> None:
    """Waits for the GUI to open its database and then stop using CPU: it sits in its loop.

    The app opens the database after the window is shown, from inside the event loop, so
    the file appearing and the CPU going quiet together mean the loop is running.
    """
    deadline = time.monotonic() + GUI_START_TIMEOUT
    quiet_since: float | None = None
    last = -1
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the GUI exited early with {process.returncode}")
        ticks = _cpu_ticks(process.pid)
        opened = any(data_dir.glob("*.sqlite*")) or any(data_dir.glob("*.db"))
        now = time.monotonic()
        if ticks != last or not opened:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since > 1.0:
            return
        last = ticks
        time.sleep(0.2)
    pytest.fail("the GUI did not settle into its event loop")


@pytest.fixture
def gui(frozen_app: Path, user_env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [str(frozen_app)],
        env=user_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=10)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_gui_reaches_its_event_loop_and_quits_on_sigterm(
    frozen_app: Path, gui: subprocess.Popen[str], user_env: dict[str, str]
) -> None:
    _wait_until_idle(gui, Path(user_env["ASKWHY_DATA_DIR"]))
    # Only a running event loop answers a second launch, which then hands over and exits.
    second = run_frozen(frozen_app, user_env, timeout=GUI_START_TIMEOUT)
    assert second.returncode == 0, second.stderr
    assert gui.poll() is None, "the first instance died when the second one called"
    gui.send_signal(signal.SIGTERM)
    try:
        _, stderr = gui.communicate(timeout=GUI_QUIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("the GUI ignored SIGTERM")
    assert gui.returncode == 0, f"exit {gui.returncode}:\n{stderr}"
    assert "Traceback" not in stderr, stderr
