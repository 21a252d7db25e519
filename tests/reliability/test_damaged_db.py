"""A damaged, read-only or locked database: a clear message, never a traceback, nothing lost.

Everything runs through the real `askwhy` command line in a child process. The damaged file's
bytes are hashed first: whatever the app does, those exact bytes must still exist in the
data dir afterwards (left in place or moved aside, never overwritten), and the newest backup
must come back in one step.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.reliability.support import (
    Lines,
    askwhy_argv,
    db_path,
    describe,
    digests_under,
    integrity,
    one_clear_line,
    read_only,
    run_askwhy,
    sha256,
    started,
    wait_until,
)

SAVED = "Backed Up Company"
LATER = "Not Yet Backed Up Company"
DAMAGE_WORDS = re.compile(
    r"damaged|corrupt|malformed|not an askwhy database|not a database", re.IGNORECASE
)


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, describe(result)
    return result


def _companies(env: dict[str, str], data_dir: Path) -> set[str]:
    result = _ok(run_askwhy(env, data_dir, "due", "--json"))
    return {item["company"] for item in json.loads(result.stdout)}


@pytest.fixture
def populated(env: dict[str, str], data_dir: Path) -> Path:
    """A data dir with one backed-up rejection and one logged after the backup."""
    _ok(
        run_askwhy(
            env, data_dir, "log-rejection", "--company", SAVED, "--role", "Analyst", "--no-gui"
        )
    )
    _ok(run_askwhy(env, data_dir, "backup"))
    _ok(
        run_askwhy(
            env, data_dir, "log-rejection", "--company", LATER, "--role", "Analyst", "--no-gui"
        )
    )
    assert _companies(env, data_dir) == {SAVED, LATER}
    return data_dir


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size or 8192))


def _scribble(path: Path) -> None:
    # A valid header and first page, then noise: only a real check of the b-trees sees it.
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    data[page:] = os.urandom(len(data) - page)
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "garbage": _garbage,
    "scribbled": _scribble,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_database_is_reported_kept_and_restorable(
    damage: str, populated: Path, env: dict[str, str]
) -> None:
    from desktop.store.backups import Backups  # noqa: PLC0415

    path = db_path(populated)
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)  # a clean shutdown leaves none; be sure no WAL heals it
    DAMAGE[damage](path)
    broken = sha256(path)
    latest = Backups(populated).latest()
    assert latest is not None

    doctor = run_askwhy(env, populated, "doctor")
    output = doctor.stdout + doctor.stderr
    assert doctor.returncode != 0, describe(doctor)
    assert "Traceback" not in output, describe(doctor)
    assert DAMAGE_WORDS.search(output), describe(doctor)
    assert latest.path.name in output, "doctor should name the backup to restore\n" + output
    assert broken in digests_under(populated)

    for command in (
        ["due"],
        ["due", "--json"],
        ["log-rejection", "--company", "Written Into A Broken File", "--role", "X", "--no-gui"],
        ["backup"],
        ["export", str(populated.parent / "out.json")],
    ):
        result = run_askwhy(env, populated, *command)
        line = one_clear_line(result)
        assert DAMAGE_WORDS.search(line), f"{command}: {line}"
        assert broken in digests_under(populated), f"{command} overwrote the damaged file"

    # One step back to the newest backup; the damaged file is moved aside, not deleted.
    aside = Backups(populated).restore(latest.path).aside
    assert sha256(aside) == broken
    assert integrity(path) == "ok"
    assert _companies(env, populated) == {SAVED}


def test_read_only_data_dir_with_a_database(
    populated: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """Read-only media or a mounted backup: what only reads works, and says so once."""
    before = digests_under(populated)
    with read_only(populated):
        write = run_askwhy(
            env, populated, "log-rejection", "--company", "Nope", "--role", "X", "--no-gui"
        )
        line = one_clear_line(write)
        assert "read-only" in line, line
        due = _ok(run_askwhy(env, populated, "due", "--json"))
        assert {item["company"] for item in json.loads(due.stdout)} == {SAVED, LATER}
        assert "opened for reading only" in one_line_on_stderr(due)
        export = _ok(run_askwhy(env, populated, "export", str(tmp_path / "out.json")))
        assert "opened for reading only" in one_line_on_stderr(export)
        assert (tmp_path / "out.json").stat().st_size > 0
        for command in (["backup"], ["doctor"]):
            result = run_askwhy(env, populated, *command)
            assert "Traceback" not in result.stdout + result.stderr, describe(result)
            if result.returncode != 0 and command != ["doctor"]:
                assert "read-only" in one_clear_line(result)
    assert digests_under(populated) == before
    assert _companies(env, populated) == {SAVED, LATER}


def one_line_on_stderr(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, describe(result)
    return lines[0]


def test_gui_in_a_read_only_data_dir_says_read_only(populated: Path, env: dict[str, str]) -> None:
    with (
        read_only(populated),
        started(
            askwhy_argv("--data-dir", str(populated)),
            {**env, "ASKWHY_LOG": "info"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ) as app,
    ):
        lines = Lines(app, stderr=True)
        wait_until(
            lambda: (
                any("cannot open the database" in line for line in lines.snapshot())
                or app.poll() is not None
            ),
            timeout=60,
            what="the recovery message",
        )
        seen = [line for line in lines.snapshot() if "cannot open the database" in line]
    assert seen, "\n".join(lines.snapshot())
    assert "read-only" in seen[0]
    assert "Errno" not in seen[0]
    assert "free some space" not in seen[0].lower()


def test_read_only_empty_data_dir(data_dir: Path, env: dict[str, str]) -> None:
    data_dir.mkdir()
    with read_only(data_dir):
        result = run_askwhy(
            env, data_dir, "log-rejection", "--company", "Nope", "--role", "X", "--no-gui"
        )
        line = one_clear_line(result)
        assert str(data_dir) in line or "data folder" in line, line
    assert list(data_dir.iterdir()) == []


HOLD_WRITE_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


def test_database_locked_by_another_writer(populated: Path, env: dict[str, str]) -> None:
    path = db_path(populated)
    with started(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)],
        env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as holder:
        Lines(holder).wait_for("LOCKED", timeout=30)
        write = run_askwhy(
            env, populated, "log-rejection", "--company", "Blocked Co", "--role", "X", "--no-gui"
        )
        line = one_clear_line(write)
        assert re.search(r"busy|locked|another", line, re.IGNORECASE), line
        read = run_askwhy(env, populated, "due", "--json")
        assert "Traceback" not in read.stdout + read.stderr, describe(read)
        if read.returncode != 0:
            one_clear_line(read)
        assert holder.stdin is not None
        holder.stdin.close()  # release the lock
        holder.wait(timeout=30)
    assert "Blocked Co" not in _companies(env, populated)


def test_gui_start_on_a_damaged_database_asks_and_keeps_the_file(
    populated: Path, env: dict[str, str]
) -> None:
    """The window's recovery path: a message offering the latest backup, not a crash."""
    path = db_path(populated)
    _truncate(path)
    broken = sha256(path)
    with started(
        askwhy_argv("--data-dir", str(populated)),
        {**env, "ASKWHY_LOG": "info"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as app:
        lines = Lines(app, stderr=True)
        wait_until(
            lambda: (
                any("cannot open the database" in line for line in lines.snapshot())
                or app.poll() is not None
            ),
            timeout=60,
            what="the recovery message",
        )
        assert app.poll() is None, "\n".join(lines.snapshot())  # waiting on the user
        seen = lines.snapshot()
    log = "\n".join(seen)
    assert "Traceback" not in log, log
    assert DAMAGE_WORDS.search(log), log
    assert broken in digests_under(populated)


@contextlib.contextmanager
def small_disk(directory: Path, size_kb: int) -> Iterator[None]:
    """A tiny tmpfs at `directory` (root only): a disk that fills up for real."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    directory.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(directory)], check=True)


def _fill(directory: Path) -> Path:
    filler = directory / "filler"
    with filler.open("wb", buffering=0) as stream, contextlib.suppress(OSError):
        while True:  # unbuffered: the write that fails is the one that finds the disk full
            stream.write(b"\0" * 1024)
    return filler


def test_full_disk_gives_a_clear_message_and_loses_nothing(
    tmp_path: Path, env: dict[str, str]
) -> None:
    disk = tmp_path / "disk"
    with small_disk(disk, 1024):
        data_dir = disk / "data"
        _ok(
            run_askwhy(
                env, data_dir, "log-rejection", "--company", SAVED, "--role", "A", "--no-gui"
            )
        )
        filler = _fill(disk)
        failures = []
        for index in range(40):  # enough rows to need a new page whatever space was left
            result = run_askwhy(
                env,
                data_dir,
                "log-rejection",
                "--company",
                f"Disk Full Co {index:02d} " + "x" * 150,
                "--role",
                "A",
                "--no-gui",
            )
            if result.returncode != 0:
                failures.append(result)
                break
        assert failures, "the disk never filled up: the test proved nothing"
        line = one_clear_line(failures[0])
        assert re.search(r"full|space|write", line, re.IGNORECASE), line
        filler.unlink()
        assert integrity(db_path(data_dir)) == "ok"
        companies = _companies(env, data_dir)
        assert SAVED in companies
        _ok(
            run_askwhy(
                env,
                data_dir,
                "log-rejection",
                "--company",
                "After Space Freed",
                "--role",
                "A",
                "--no-gui",
            )
        )
        assert "After Space Freed" in _companies(env, data_dir)
