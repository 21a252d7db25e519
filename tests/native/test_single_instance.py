"""SingleInstance with real sockets and real processes (the second launch is a subprocess)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.native.single_instance import SingleInstance, server_name

REPO = Path(__file__).resolve().parents[2]


def _second_launch(data_dir: Path, runtime: Path, message: str) -> subprocess.Popen[str]:
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from desktop.native.single_instance import SingleInstance
        other = SingleInstance(Path({str(data_dir)!r}), runtime=Path({str(runtime)!r}))
        if other.acquire():
            print("first"); sys.exit(3)
        sys.exit(0 if other.send(json.loads({message!r})) else 1)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=env, text=True)


@pytest.fixture
def runtime(tmp_path: Path) -> Path:
    path = tmp_path / "run"
    path.mkdir(mode=0o700)
    return path


def test_second_launch_hands_its_message_over(qtbot: QtBot, tmp_path: Path, runtime: Path):
    first = SingleInstance(tmp_path / "data", runtime=runtime)
    try:
        assert first.acquire()
        with qtbot.waitSignal(first.message_received, timeout=10_000) as received:
            second = _second_launch(tmp_path / "data", runtime, '{"command": "show"}')
        assert received.args == [{"command": "show"}]
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=10_000)
        assert second.returncode == 0
    finally:
        first.release()


def test_same_process_second_guard_is_refused(tmp_path: Path, runtime: Path):
    first = SingleInstance(tmp_path / "data", runtime=runtime)
    second = SingleInstance(tmp_path / "data", runtime=runtime)
    try:
        assert first.acquire()
        assert not second.acquire()
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_data_dirs_are_separate_instances(tmp_path: Path, runtime: Path):
    assert server_name(tmp_path / "a", runtime) != server_name(tmp_path / "b", runtime)
    one = SingleInstance(tmp_path / "a", runtime=runtime)
    two = SingleInstance(tmp_path / "b", runtime=runtime)
    try:
        assert one.acquire()
        assert two.acquire()
    finally:
        one.release()
        two.release()


def test_stale_socket_after_kill_does_not_block(qtbot: QtBot, tmp_path: Path, runtime: Path):
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from desktop.native.single_instance import SingleInstance
        guard = SingleInstance(Path({str(tmp_path / "data")!r}), runtime=Path({str(runtime)!r}))
        assert guard.acquire()
        print("up", flush=True)
        time.sleep(60)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "up"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert process.stdout is not None
        process.stdout.close()
    name = server_name(tmp_path / "data", runtime)
    assert Path(name).exists(), "kill -9 leaves the socket behind"
    guard = SingleInstance(tmp_path / "data", runtime=runtime)
    try:
        assert guard.acquire()
        with qtbot.waitSignal(guard.message_received, timeout=10_000):
            second = _second_launch(tmp_path / "data", runtime, '{"command": "show"}')
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=10_000)
        assert second.returncode == 0
    finally:
        guard.release()


def test_a_live_socket_is_never_removed(tmp_path: Path, runtime: Path):
    name = server_name(tmp_path / "data", runtime)
    # Something alive answers on the name although nobody holds the lock.
    live = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    live.bind(name)
    live.listen(5)
    guard = SingleInstance(tmp_path / "data", runtime=runtime)
    try:
        assert guard.acquire()
        assert Path(name).exists()
        live.settimeout(2)
        connection, _ = live.accept()  # the probe connected to it, so it was left alone
        connection.close()
    finally:
        guard.release()
        live.close()
    assert Path(name).exists()


def test_unanswered_send_fails_cleanly(tmp_path: Path, runtime: Path):
    guard = SingleInstance(tmp_path / "data", runtime=runtime)
    assert guard.send({"command": "show"}, timeout_ms=300) is False
