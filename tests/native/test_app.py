"""The composition root: no Qt for CLI commands, a clean GUI start and stop, a clear
message for a broken database, and the single-instance hand-off."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import cli
from desktop.app import running, window_options
from desktop.ui.restore_controller import RestoreController
from desktop.ui.restore_dialog import RestoreDialog
from tests.fakes import ManualClock

REPO = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ASKWHY_DATA_DIR=str(tmp_path / "data"),
        ASKWHY_NOTIFIER="none",
        ASKWHY_LOG="info",
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--minimized"],
        ["--data-dir", "/tmp/a"],
        ["--data-dir=/tmp/a", "--minimized"],
        ["--minimized", "--data-dir", "a", "--data-dir", "b"],
        ["--minimized", "--minimized"],
        ["--data-dir", " x "],
    ],
)
def test_a_plain_start_reads_its_options_as_the_parser_does(argv: list[str]):
    # window_options spares a plain start the parser: what it takes, the parser takes alike.
    args = cli.parse_args(argv)
    assert window_options(argv) == (args.data_dir, args.minimized)
    assert args.command is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "  "],
        ["--data-dir="],
        ["--data-dir"],
        ["--data-dir", "--minimized"],
        ["--data-dir", "-x"],
        ["--data"],
        ["-h"],
        ["--help"],
        ["--version"],
        ["due"],
        ["--minimized", "log-rejection", "--company", "A", "--role", "R"],
        ["--", "--minimized"],
    ],
)
def test_anything_else_goes_to_the_parser(argv: list[str]):
    # A mistake, --help, or a command: the parser reads it, and explains what is wrong.
    assert window_options(argv) is None


def test_the_first_frame_loads_no_argument_parser():
    # A plain start builds no argument parser before its first paint (window_options).
    code = "import sys, desktop.app.first_frame; print('desktop.cli' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_cli_commands_never_import_qt(tmp_path: Path):
    code = textwrap.dedent(
        """
        import sys
        from desktop.app import main
        code = main(["due", "--json"])
        print("qt" if any(m.startswith("PySide6") for m in sys.modules) else "no-qt", code)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "no-qt 0", result.stderr


def test_bad_log_rejection_input_exits_2_before_any_window(tmp_path: Path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "log-rejection",
            "--company",
            "Acme",
            "--role",
            "R",
            "--notified-at",
            "yesterday-ish",
        ],
        cwd=REPO,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data" / "askwhy.sqlite3").exists()


def _wait_log(path: Path, text: str, process: subprocess.Popen[bytes], timeout: float = 30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = path.read_text(errors="replace") if path.exists() else ""
        if text in content:
            return content
        assert process.poll() is None, content
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not logged:\n{path.read_text(errors='replace')}")


def test_gui_starts_hands_over_a_second_launch_and_quits_on_sigterm(tmp_path: Path):
    env = _env(tmp_path)
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log:
        first = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--minimized"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_log(log_path, " is running (notifications:", first)
        second = subprocess.run(
            [sys.executable, "-m", "desktop"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert "handed show to the running AskWhy" in second.stderr
        _wait_log(log_path, "message from a second launch: show", first)
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(20)
    assert first.returncode == 0


def test_corrupt_database_is_a_message_not_a_traceback(qtbot: QtBot, tmp_path: Path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "askwhy.sqlite3").write_bytes(b"this is not a database" * 100)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.problem_label.text())
        dialog.reject()

    clock = ManualClock()
    QTimer.singleShot(0, answer)
    store, restored = running.open_store(
        data_dir, None, RestoreController(data_dir, clock.now), clock
    )
    assert (store, restored) == (None, "")
    assert len(seen) == 1
    assert "askwhy.sqlite3" in seen[0]
    # Never overwritten.
    assert (data_dir / "askwhy.sqlite3").read_bytes().startswith(b"this is not a database")
