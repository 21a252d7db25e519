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

from desktop.native.single_instance import (
    InstanceNotAnswering,
    SingleInstance,
    hand_over,
    server_name,
)

REPO = Path(__file__).resolve().parents[2]


def _second_launch(data_dir: Path, runtime: Path, message: str) -> subprocess.Popen[str]:
    """A second launch as `askwhy log-rejection` makes it: `hand_over`, no QApplication.
    It prints the answer; exit 4 means "no instance runs", 1 "no answer"."""
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from desktop.native.single_instance import InstanceNotAnswering, hand_over
        try:
            answer = hand_over(
                Path({str(data_dir)!r}), json.loads({message!r}), runtime=Path({str(runtime)!r})
            )
        except InstanceNotAnswering:
            sys.exit(1)
        if answer is None:
            sys.exit(4)
        print(json.dumps(answer))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
    )


class Recorder:
    """A handler that keeps every message and answers with what it got."""

    def __init__(self) -> None:
        self.messages: list[dict[str, object]] = []

    def __call__(self, message: dict[str, object]) -> dict[str, object]:
        self.messages.append(message)
        return {"ok": True, "got": message.get("command")}


def _answer(qtbot: QtBot, second: subprocess.Popen[str]) -> tuple[int, str]:
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=10_000)
    assert second.stdout is not None
    with second.stdout:
        return second.returncode, second.stdout.read().strip()


@pytest.fixture
def runtime(tmp_path: Path) -> Path:
    path = tmp_path / "run"
    path.mkdir(mode=0o700)
    return path


def test_second_launch_hands_its_message_over(qtbot: QtBot, tmp_path: Path, runtime: Path):
    first = SingleInstance(tmp_path / "data", runtime=runtime)
    recorder = Recorder()
    try:
        assert first.acquire()
        first.set_handler(recorder)
        second = _second_launch(tmp_path / "data", runtime, '{"command": "show"}')
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "show"}')
        assert recorder.messages == [{"command": "show"}]
    finally:
        first.release()


def test_a_message_before_the_handler_waits_for_it(qtbot: QtBot, tmp_path: Path, runtime: Path):
    # The GUI listens from before its first paint but answers only once its store is open.
    first = SingleInstance(tmp_path / "data", runtime=runtime)
    recorder = Recorder()
    try:
        assert first.acquire()
        second = _second_launch(tmp_path / "data", runtime, '{"command": "early"}')
        qtbot.wait(1500)
        assert second.poll() is None, "the second launch waits for the answer"
        first.set_handler(recorder)
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "early"}')
    finally:
        first.release()


def test_a_failing_handler_answers_an_error_and_keeps_serving(
    qtbot: QtBot, tmp_path: Path, runtime: Path
):
    first = SingleInstance(tmp_path / "data", runtime=runtime)
    calls: list[object] = []

    def flaky(message: dict[str, object]) -> dict[str, object]:
        calls.append(message)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return {"ok": True}

    try:
        assert first.acquire()
        first.set_handler(flaky)
        code, text = _answer(qtbot, _second_launch(tmp_path / "data", runtime, '{"n": 1}'))
        assert code == 0
        assert '"ok": false' in text
        assert "could not handle" in text
        assert _answer(qtbot, _second_launch(tmp_path / "data", runtime, '{"n": 2}')) == (
            0,
            '{"ok": true}',
        )
    finally:
        first.release()


def test_hand_over_without_an_instance_is_none_at_once(tmp_path: Path, runtime: Path):
    assert hand_over(tmp_path / "data", {"command": "show"}, runtime=runtime) is None


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
    # The dead process's lock is stale, so a second launch knows nobody runs.
    assert hand_over(tmp_path / "data", {"command": "show"}, runtime=runtime) is None
    guard = SingleInstance(tmp_path / "data", runtime=runtime)
    try:
        assert guard.acquire()
        guard.set_handler(Recorder())
        second = _second_launch(tmp_path / "data", runtime, '{"command": "show"}')
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "show"}')
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
    with pytest.raises(InstanceNotAnswering):
        guard.send({"command": "show"}, timeout_ms=300)
