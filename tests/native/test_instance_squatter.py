"""Two real users: a squatter prepares every shared path the old guard used, and AskWhy
never talks to it (issue 11: the single-instance socket could be hijacked).

The squatter pre-creates Qt's fallback runtime dir for the victim (which made Qt's runtime
location empty), listens on the old fallback socket names in the shared temp dir, leaves a
dead lock there, and squats the temp folder AskWhy falls back to for over-long paths. The
victim then starts an instance and hands a rejection over: it must reach the victim's own
instance, and the squatter must receive nothing. Where the victim's data dir itself was
prepared by the squatter, the hand-over must fail loudly instead.

Needs root (to create the users and switch to them); skipped otherwise.
"""

from __future__ import annotations

import json
import os
import pwd
import queue
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from desktop.native.single_instance import DATA_DIR_FOLDER, instance_key

REPO = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "as_user.py"
VICTIM, SQUATTER = "askwhy-victim", "askwhy-squatter"

pytestmark = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("useradd") is None,
    reason="two real users need root and useradd (run as root to create them)",
)


class User(NamedTuple):
    name: str
    uid: int
    gid: int


def _ensure_user(name: str) -> User:
    """The user `name`, created once (a system user without a home or a login shell)."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        created = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            capture_output=True,
            text=True,
            check=False,
        )
        # 9: another test run created it in the meantime.
        assert created.returncode in {0, 9}, created.stderr
        entry = pwd.getpwnam(name)
    return User(name, entry.pw_uid, entry.pw_gid)


class Process:
    """A driver role running as `user`, its output lines read as they come."""

    def __init__(self, user: User, role: str, *args: str, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(user.uid), str(user.gid), role, *args],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def line(self, prefix: str, timeout: float = 20) -> str:
        """The next output line that starts with `prefix` (other lines are Qt's warnings)."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} line within {timeout} s") from None
            if line.startswith(prefix):
                return line

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


class Scene(NamedTuple):
    victim: User
    squatter: User
    shared_tmp: Path  # the victim's TMPDIR: sticky and open to all, like /tmp
    victim_home: Path
    squatter_log: Path
    env: dict[str, str]


@pytest.fixture
def scene() -> Iterator[Scene]:
    victim, squatter = _ensure_user(VICTIM), _ensure_user(SQUATTER)
    # Not under pytest's tmp_path: that is private to root, and both users must reach it.
    root = Path(tempfile.mkdtemp(prefix="askwhy-two-users-"))
    try:
        root.chmod(0o755)
        shared = root / "tmp"
        shared.mkdir()
        shared.chmod(0o1777)
        home = root / "victim"
        home.mkdir(mode=0o700)
        os.chown(home, victim.uid, victim.gid)
        squatter_dir = root / "squatter"
        squatter_dir.mkdir(mode=0o755)
        os.chown(squatter_dir, squatter.uid, squatter.gid)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"XDG_RUNTIME_DIR", "ASKWHY_DATA_DIR"}
        }
        env.update(
            HOME=str(home),
            TMPDIR=str(shared),
            QT_QPA_PLATFORM="offscreen",
            PYTHONPATH=str(REPO),
            PYTHONUNBUFFERED="1",
        )
        assert not Path(f"/run/user/{victim.uid}").exists(), "the victim must have no runtime dir"
        yield Scene(victim, squatter, shared, home, squatter_dir / "received.log", env)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _squat(scene: Scene, *items: str) -> Process:
    scene.squatter_log.touch()
    os.chown(scene.squatter_log, scene.squatter.uid, scene.squatter.gid)
    squatter = Process(scene.squatter, "squatter", str(scene.squatter_log), *items, env=scene.env)
    squatter.line("ready")
    return squatter


def _old_fallbacks(scene: Scene, data_dir: Path) -> list[str]:
    """Every shared path the guard used or could fall back to for `data_dir`."""
    key, shared = instance_key(data_dir), scene.shared_tmp
    return [
        # Qt's runtime dir for the victim, taken first: Qt's runtime location was then empty.
        f"private:{shared / f'runtime-{VICTIM}'}",
        # The old socket and lock in the temp dir, and Qt's bare-name socket there.
        str(shared / f"askwhy-{key}.sock"),
        f"file:{shared / f'askwhy-{key}.lock'}",
        str(shared / f"askwhy-{VICTIM}-{key}"),
        # The per-user temp folder AskWhy now uses only for over-long paths.
        f"dir:{shared / f'askwhy-{scene.victim.uid}'}",
        str(shared / f"askwhy-{scene.victim.uid}" / f"{key}.sock"),
    ]


def test_the_hand_over_reaches_the_victims_instance_never_the_squatter(scene: Scene):
    data_dir = scene.victim_home / "data"
    squatter = _squat(scene, *_old_fallbacks(scene, data_dir))
    instance = Process(scene.victim, "instance", str(data_dir), env=scene.env)
    try:
        name = Path(instance.line("NAME ").removeprefix("NAME "))
        assert name == data_dir / DATA_DIR_FOLDER / f"{instance_key(data_dir)}.sock"
        folder = name.parent.lstat()
        assert (folder.st_uid, stat.S_IMODE(folder.st_mode)) == (scene.victim.uid, 0o700)

        second = Process(scene.victim, "hand-over", str(data_dir), env=scene.env)
        try:
            assert json.loads(second.line("{")) == {"ok": True}
            assert second.proc.wait(20) == 0
        finally:
            second.stop()
        assert instance.line("GOT ") == "GOT log-rejection Victim Corp"
    finally:
        instance.stop()
        squatter.stop()
    assert scene.squatter_log.read_text() == "", "the squatter received a connection"


def test_a_data_dir_prepared_by_the_squatter_fails_loudly(scene: Scene):
    data_dir = scene.shared_tmp / "shared-data"
    folder = data_dir / DATA_DIR_FOLDER
    squatter = _squat(
        scene,
        f"dir:{data_dir}",
        f"dir:{folder}",
        str(folder / f"{instance_key(data_dir)}.sock"),
        *_old_fallbacks(scene, data_dir),
    )
    try:
        for role in ("hand-over", "instance"):
            process = Process(scene.victim, role, str(data_dir), env=scene.env)
            try:
                refused = process.line("REFUSED ")
                assert process.proc.wait(20) == 3
            finally:
                process.stop()
            assert f"{folder}: it belongs to another user (uid {scene.squatter.uid})" in refused
    finally:
        squatter.stop()
    assert scene.squatter_log.read_text() == "", "the squatter received a connection"
