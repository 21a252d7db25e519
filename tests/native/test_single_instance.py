"""SingleInstance with real sockets and real processes (the second launch is a subprocess)."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core import handover
from desktop.native.single_instance import (
    DATA_DIR_FOLDER,
    FOLDER_NAME,
    InstanceNotAnswering,
    SingleInstance,
    UnsafeInstanceDir,
    hand_over,
    instance_dir,
    server_name,
)

REPO = Path(__file__).resolve().parents[2]
SHOW = '{"command": "show"}'


def _second_launch(data_dir: Path, line: str) -> subprocess.Popen[str]:
    """A second launch as `askwhy log-rejection` makes it: `hand_over`, no QApplication.
    It prints the answer; exit 4 means "no instance runs", 1 "no answer"."""
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from desktop.core.handover import decode
        from desktop.native.single_instance import InstanceNotAnswering, hand_over
        try:
            answer = hand_over(Path({str(data_dir)!r}), decode({line.encode()!r}))
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
        self.messages: list[handover.HandOver] = []

    def __call__(self, message: handover.HandOver) -> dict[str, object]:
        self.messages.append(message)
        return {"ok": True, "got": type(message).__name__}


def _answer(qtbot: QtBot, second: subprocess.Popen[str]) -> tuple[int, str]:
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=10_000)
    assert second.stdout is not None
    with second.stdout:
        return second.returncode, second.stdout.read().strip()


def test_second_launch_hands_its_message_over(qtbot: QtBot, tmp_path: Path):
    first = SingleInstance(tmp_path / "data")
    recorder = Recorder()
    try:
        assert first.acquire()
        first.set_handler(recorder)
        second = _second_launch(tmp_path / "data", SHOW)
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "ShowWindow"}')
        assert recorder.messages == [handover.ShowWindow()]
    finally:
        first.release()


def test_a_message_before_the_handler_waits_for_it(qtbot: QtBot, tmp_path: Path):
    # The GUI listens from before its first paint but answers only once its store is open.
    first = SingleInstance(tmp_path / "data")
    recorder = Recorder()
    try:
        assert first.acquire()
        second = _second_launch(tmp_path / "data", '{"command": "show", "minimized": true}')
        qtbot.wait(1500)
        assert second.poll() is None, "the second launch waits for the answer"
        first.set_handler(recorder)
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "ShowWindow"}')
        assert recorder.messages == [handover.ShowWindow(minimized=True)]
    finally:
        first.release()


def test_a_failing_handler_answers_an_error_and_keeps_serving(qtbot: QtBot, tmp_path: Path):
    first = SingleInstance(tmp_path / "data")
    calls: list[object] = []

    def flaky(message: dict[str, object]) -> dict[str, object]:
        calls.append(message)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return {"ok": True}

    try:
        assert first.acquire()
        first.set_handler(flaky)
        code, text = _answer(qtbot, _second_launch(tmp_path / "data", SHOW))
        assert code == 0
        assert '"ok": false' in text
        assert "could not handle" in text
        assert _answer(qtbot, _second_launch(tmp_path / "data", SHOW)) == (
            0,
            '{"ok": true}',
        )
    finally:
        first.release()


def test_hand_over_without_an_instance_is_none_at_once_and_creates_nothing(tmp_path: Path):
    assert hand_over(tmp_path / "data", handover.ShowWindow()) is None
    assert not (tmp_path / "data").exists()


def test_same_process_second_guard_is_refused(tmp_path: Path):
    first = SingleInstance(tmp_path / "data")
    second = SingleInstance(tmp_path / "data")
    try:
        assert first.acquire()
        assert not second.acquire()
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_data_dirs_are_separate_instances(tmp_path: Path):
    assert server_name(tmp_path / "a", tmp_path) != server_name(tmp_path / "b", tmp_path)
    one = SingleInstance(tmp_path / "a")
    two = SingleInstance(tmp_path / "b")
    try:
        assert one.acquire()
        assert two.acquire()
    finally:
        one.release()
        two.release()


def test_stale_socket_after_kill_does_not_block(qtbot: QtBot, tmp_path: Path):
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from desktop.native.single_instance import SingleInstance
        guard = SingleInstance(Path({str(tmp_path / "data")!r}))
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
    name = SingleInstance(tmp_path / "data").name
    assert Path(name).exists(), "kill -9 leaves the socket behind"
    # The dead process's lock is stale, so a second launch knows nobody runs.
    assert hand_over(tmp_path / "data", handover.ShowWindow()) is None
    guard = SingleInstance(tmp_path / "data")
    try:
        assert guard.acquire()
        guard.set_handler(Recorder())
        second = _second_launch(tmp_path / "data", SHOW)
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "ShowWindow"}')
    finally:
        guard.release()


def test_a_live_socket_is_never_removed(tmp_path: Path):
    name = SingleInstance(tmp_path / "data").name
    # Something alive answers on the name although nobody holds the lock.
    live = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    live.bind(name)
    live.listen(5)
    guard = SingleInstance(tmp_path / "data")
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


def test_unanswered_send_fails_cleanly(tmp_path: Path):
    guard = SingleInstance(tmp_path / "data")
    with pytest.raises(InstanceNotAnswering):
        guard.send(handover.ShowWindow(), timeout_ms=300)


def _raw_exchange(name: str, payload: bytes) -> bytes:
    """What a hand-written client gets back for `payload` (run off the GUI thread)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(5)
        client.connect(name)
        client.sendall(payload)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
        return answer


@pytest.mark.parametrize(
    "payload",
    [
        b'{"command": "open-request", "request_id": ' + b"1" * 40 + b"}\n",
        b"[" * 100_000 + b"]" * 100_000 + b"\n",
        b'{"command": "show", "minimized": 1}\n',
        b"not json\n",
        b"x" * (handover.MAX_LINE_BYTES + 10),  # no line end at all: refused at the cap
    ],
    ids=["40-digit id", "deep nest", "wrong type", "not json", "oversized"],
)
def test_a_malformed_message_is_answered_with_an_error_at_once(
    qtbot: QtBot, tmp_path: Path, payload: bytes
):
    guard = SingleInstance(tmp_path / "data")
    recorder = Recorder()
    try:
        assert guard.acquire()
        guard.set_handler(recorder)
        with ThreadPoolExecutor(1) as pool:
            answer = pool.submit(_raw_exchange, guard.name, payload)
            qtbot.waitUntil(answer.done, timeout=3000)
            reply = json.loads(answer.result())
        assert reply["ok"] is False
        assert reply["invalid_input"] is True
        assert reply["error"]
        assert recorder.messages == [], "nothing malformed reaches the handler"
        # And the instance keeps serving.
        second = _second_launch(tmp_path / "data", SHOW)
        assert _answer(qtbot, second) == (0, '{"ok": true, "got": "ShowWindow"}')
    finally:
        guard.release()


# -- the folder of the lock and the socket --------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_without_a_runtime_dir_it_is_a_private_folder_in_the_data_dir(tmp_path: Path):
    data = tmp_path / "data"
    folder = instance_dir(data, create=True, environ={})
    assert folder == data / DATA_DIR_FOLDER
    assert _mode(folder) == 0o700
    assert _mode(data) == 0o700


def test_a_private_runtime_dir_comes_first(tmp_path: Path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    folder = instance_dir(tmp_path / "data", create=True, environ={"XDG_RUNTIME_DIR": str(runtime)})
    assert folder == runtime / FOLDER_NAME
    assert _mode(folder) == 0o700
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("mode", [0o755, 0o770, 0o701])
def test_a_runtime_dir_open_to_others_is_passed_over(tmp_path: Path, mode: int):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    runtime.chmod(mode)
    folder = instance_dir(tmp_path / "data", create=True, environ={"XDG_RUNTIME_DIR": str(runtime)})
    assert folder == tmp_path / "data" / DATA_DIR_FOLDER
    assert not (runtime / FOLDER_NAME).exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_runtime_dir_of_another_user_is_passed_over(tmp_path: Path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    os.chown(runtime, 54321, 54321)
    folder = instance_dir(tmp_path / "data", create=True, environ={"XDG_RUNTIME_DIR": str(runtime)})
    assert folder == tmp_path / "data" / DATA_DIR_FOLDER


@pytest.mark.parametrize("mode", [0o755, 0o707, 0o777])
def test_an_open_instance_folder_is_refused_with_the_fix(tmp_path: Path, mode: int):
    folder = tmp_path / "data" / DATA_DIR_FOLDER
    folder.mkdir(parents=True)
    folder.chmod(mode)
    for attempt in (
        lambda: instance_dir(tmp_path / "data", create=True, environ={}),
        lambda: hand_over(tmp_path / "data", handover.ShowWindow()),
        lambda: SingleInstance(tmp_path / "data"),
    ):
        with pytest.raises(UnsafeInstanceDir, match=f"chmod 700 {folder}"):
            attempt()
    assert _mode(folder) == mode, "refused, not silently changed"


def test_a_symlinked_instance_folder_is_refused(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / DATA_DIR_FOLDER).symlink_to(elsewhere)
    with pytest.raises(UnsafeInstanceDir, match="symbolic link"):
        instance_dir(tmp_path / "data", create=False, environ={})


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_an_instance_folder_of_another_user_is_refused(tmp_path: Path):
    folder = tmp_path / "data" / DATA_DIR_FOLDER
    folder.mkdir(parents=True, mode=0o700)
    os.chown(folder, 54321, 54321)
    with pytest.raises(UnsafeInstanceDir, match="another user"):
        instance_dir(tmp_path / "data", create=True, environ={})


def test_a_data_dir_too_deep_for_a_socket_uses_a_private_temp_folder(tmp_path: Path):
    deep = tmp_path / ("d" * 120)
    expected = Path(tempfile.gettempdir()) / f"{FOLDER_NAME}-{os.getuid()}"
    existed = expected.exists()
    try:
        folder = instance_dir(deep, create=True, environ={})
        assert folder == expected
        assert _mode(folder) == 0o700
        assert len(server_name(deep, folder)) <= 100
    finally:
        if not existed:
            expected.rmdir()
