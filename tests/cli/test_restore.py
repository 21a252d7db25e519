"""`askwhy restore`, `doctor`'s backup lines and `import`'s reading, driven in-process."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop import cli
from desktop.cli.import_file import MAX_IMPORT_BYTES
from desktop.store.backups import Backups
from desktop.store.database import Database, open_database
from desktop.store.location import DB_FILENAME
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


class Run:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code = code
        self.stdout = stdout
        self.stderr = stderr


def run(data_dir: Path, *argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        args = cli.parse_args(["--data-dir", str(data_dir), *argv], stderr=err)
    except SystemExit as exit_:
        return Run(int(exit_.code or 0), out.getvalue(), err.getvalue())
    code = cli.run_command(args, now=NOW, tz=BERLIN, stdout=out, stderr=err)
    return Run(code, out.getvalue(), err.getvalue())


def one_line(result: Run) -> str:
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def companies(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{data_dir / DB_FILENAME}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT company FROM applications")]
    finally:
        connection.close()


def scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))


@pytest.fixture
def history(data_dir: Path) -> list[Path]:
    """Three backups, oldest first: empty, one application, and a damaged newest one."""
    with open_database(data_dir) as database:
        store, backups = Store(database), Backups(data_dir)
        empty = backups.create(database, "daily", now=NOW - timedelta(days=2))
        store.add_application("Acme", "Analyst", now=NOW)
        good = backups.create(database, "manual", now=NOW - timedelta(days=1))
        store.add_application("Globex", "Analyst", now=NOW)
        newest = backups.create(database, "manual", now=NOW)
    scribble(newest)
    return [empty, good, newest]


def test_list_json_is_newest_first_with_what_each_holds(
    data_dir: Path, history: list[Path]
) -> None:
    result = run(data_dir, "restore", "--list", "--json")
    assert result.code == 0, result.stderr
    items = json.loads(result.stdout)
    assert [item["path"] for item in items] == [str(path) for path in reversed(history)]
    assert [item["ok"] for item in items] == [False, True, True]
    assert [item["applications"] for item in items] == [None, 1, 0]
    assert set(items[0]) == {"path", "created_at", "size", "applications", "ok"}
    assert datetime.fromisoformat(items[1]["created_at"]) == NOW - timedelta(days=1)
    assert all(item["size"] > 0 for item in items)


def test_list_as_text_names_the_damaged_one(data_dir: Path, history: list[Path]) -> None:
    result = run(data_dir, "restore", "--list")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Made")
    assert "damaged" in lines[1]
    assert history[1].name in lines[2]


def test_latest_skips_the_damaged_newest_and_keeps_the_current_file(
    data_dir: Path, history: list[Path]
) -> None:
    current = (data_dir / DB_FILENAME).read_bytes()
    result = run(data_dir, "restore", "--latest")
    assert result.code == 0, result.stderr
    assert history[1].name in result.stdout
    assert "1 application," in result.stdout
    assert "skipped 1 newer backup(s)" in one_line(result)
    assert companies(data_dir) == ["Acme"]
    [aside] = data_dir.glob(f"{DB_FILENAME}.replaced-*")
    assert aside.read_bytes() == current


def test_a_damaged_file_is_refused_and_the_database_is_unchanged(
    data_dir: Path, history: list[Path]
) -> None:
    before = (data_dir / DB_FILENAME).read_bytes()
    result = run(data_dir, "restore", str(history[2]))
    assert result.code == cli.EXIT_BROKEN
    assert "not restored" in one_line(result)
    assert (data_dir / DB_FILENAME).read_bytes() == before
    assert not list(data_dir.glob(f"{DB_FILENAME}.replaced-*"))


def test_a_damaged_schema_is_listed_not_a_traceback(data_dir: Path, history: list[Path]) -> None:
    connection = sqlite3.connect(history[1], isolation_level=None)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET name = CAST(X'6170706cff' AS TEXT) WHERE name = 'applications'"
    )
    connection.close()
    result = run(data_dir, "restore", "--list", "--json")
    assert result.code == 0, result.stderr
    assert [item["ok"] for item in json.loads(result.stdout)] == [False, False, True]


def test_a_chosen_file_from_anywhere_is_restored(
    data_dir: Path, history: list[Path], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "copied-from-another-machine.sqlite3"
    elsewhere.write_bytes(history[1].read_bytes())
    result = run(data_dir, "restore", str(elsewhere))
    assert result.code == 0, result.stderr
    assert companies(data_dir) == ["Acme"]


def test_restore_refuses_while_another_askwhy_has_the_database_open(
    data_dir: Path, history: list[Path]
) -> None:
    before = companies(data_dir)
    with open_database(data_dir) as running:  # what a running window holds
        assert isinstance(running, Database)
        started = time.monotonic()
        result = run(data_dir, "restore", str(history[1]))
        assert time.monotonic() - started < 30
    assert result.code == cli.EXIT_BROKEN
    assert "Another AskWhy" in one_line(result)
    assert companies(data_dir) == before


def test_latest_with_no_good_backup_says_so_in_one_line(
    data_dir: Path, history: list[Path]
) -> None:
    for path in history[:2]:
        scribble(path)
    before = (data_dir / DB_FILENAME).read_bytes()
    result = run(data_dir, "restore", "--latest")
    assert result.code == cli.EXIT_BROKEN
    assert "no backup" in one_line(result)
    assert (data_dir / DB_FILENAME).read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["restore", "--latest", "--json"], "--json goes with --list"),
        (["restore"], "is required"),
        (["restore", "--list", "--latest"], "not allowed"),
        (["restore", "no-such-backup.sqlite3"], "no such file"),
    ],
)
def test_bad_usage_exits_2_with_one_line_and_creates_nothing(
    data_dir: Path, argv: list[str], words: str
) -> None:
    result = run(data_dir, *argv)
    assert result.code == cli.EXIT_USAGE
    assert words in one_line(result)
    assert not data_dir.exists()


def test_doctor_reports_unfinished_backups(data_dir: Path, history: list[Path]) -> None:
    partial = data_dir / "backups" / ".partial-999999-killed"
    partial.write_bytes(b"\0" * 2**20)
    result = run(data_dir, "doctor")
    assert "Unfinished backups:" in result.stdout
    assert "1 (1.0 MB)" in result.stdout
    assert ".partial-*" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs")
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_import_refuses_what_is_not_a_regular_file(
    data_dir: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "export.json"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path)
    started = time.monotonic()
    result = run(data_dir, "import", str(path))
    assert time.monotonic() - started < 30
    assert result.code == cli.EXIT_USAGE
    assert "not a regular file" in one_line(result)
    assert not data_dir.exists()


def test_import_stops_reading_past_the_limit(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no real disk used
    result = run(data_dir, "import", str(path))
    assert result.code == cli.EXIT_USAGE
    assert "larger than" in one_line(result)
