"""Backups: consistent snapshots, private files, the thinning policy, and restore."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.store.backups import Backups, check_file
from desktop.store.database import Database, open_database
from desktop.store.errors import DatabaseClosed, DatabaseCorrupt, DatabaseLocked
from desktop.store.location import DB_FILENAME
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def companies(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [
            row[0] for row in connection.execute("SELECT company FROM applications ORDER BY id")
        ]
    finally:
        connection.close()


def test_backup_is_a_checked_private_snapshot_including_uncheckpointed_writes(
    store: Store, database: Database, data_dir: Path
) -> None:
    old_umask = os.umask(0o022)
    try:
        store.add_application("Acme", "Analyst", now=NOW)
        # The write is still only in the WAL while the database is open.
        assert (data_dir / f"{DB_FILENAME}-wal").stat().st_size > 0
        path = Backups(data_dir).create(database, "Manual backup!", now=NOW)
    finally:
        os.umask(old_umask)
    assert path.parent == data_dir / "backups"
    assert path.name == "askwhy-20260310T120000.000000Z-manual-backup.sqlite3"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert check_file(path) == "ok"
    assert companies(path) == ["Acme"]
    # A backup is a plain closed file: no WAL left beside it.
    assert not Path(f"{path}-wal").exists()


def test_list_and_latest_read_names_and_ignore_strangers(
    database: Database, data_dir: Path
) -> None:
    backups = Backups(data_dir)
    assert backups.list() == []
    assert backups.latest() is None
    first = backups.create(database, "daily", now=NOW - timedelta(days=1))
    second = backups.create(database, "manual", now=NOW)
    same_moment = backups.create(database, "manual", now=NOW)
    (data_dir / "backups" / "notes.txt").write_text("not a backup")
    listed = backups.list()
    assert [info.path for info in listed] == [first, second, same_moment]
    assert listed[0].created_at == NOW - timedelta(days=1)
    assert listed[0].reason == "daily"
    latest = backups.latest()
    assert latest is not None
    assert latest.path == same_moment


def test_thinning_keeps_day_week_month_and_drops_the_rest(
    database: Database, data_dir: Path
) -> None:
    backups = Backups(data_dir)
    ages = [
        timedelta(hours=1),
        timedelta(hours=5),
        timedelta(hours=23),  # last 24 h: all three stay
        timedelta(days=2, hours=1),
        timedelta(days=2, hours=3),  # same day: only the newer stays
        timedelta(days=6),
        timedelta(days=15),
        timedelta(days=15, hours=2),  # same ISO week: one stays
        timedelta(days=60),
        timedelta(days=61),  # same month (January): one stays
        timedelta(days=400),  # older than a year: goes
    ]
    made = {age: backups.create(database, "daily", now=NOW - age) for age in ages}
    deleted = set(backups.thin(NOW))
    expected_deleted = {
        made[timedelta(days=2, hours=3)],
        made[timedelta(days=15, hours=2)],
        made[timedelta(days=61)],
        made[timedelta(days=400)],
    }
    assert deleted == expected_deleted
    assert {info.path for info in backups.list()} == set(made.values()) - expected_deleted
    # Thinning again changes nothing.
    assert backups.thin(NOW) == []


def test_thinning_never_deletes_the_only_backup(database: Database, data_dir: Path) -> None:
    backups = Backups(data_dir)
    only = backups.create(database, "manual", now=NOW - timedelta(days=900))
    assert backups.thin(NOW) == []
    assert [info.path for info in backups.list()] == [only]


def test_automatic_backup_at_most_once_per_day(database: Database, data_dir: Path) -> None:
    backups = Backups(data_dir)
    assert backups.auto(database, now=NOW) is not None
    assert backups.auto(database, now=NOW + timedelta(hours=3)) is None
    assert backups.auto(database, now=NOW + timedelta(days=1)) is not None
    assert [info.reason for info in backups.list()] == ["daily", "daily"]


def test_restore_moves_the_current_file_aside_and_puts_the_backup_in_place(
    data_dir: Path,
) -> None:
    database = open_database(data_dir)
    store = Store(database)
    store.add_application("Before", "Analyst", now=NOW)
    backup = Backups(data_dir).create(database, "manual", now=NOW)
    store.add_application("After", "Analyst", now=NOW)
    database.close()
    current_bytes = (data_dir / DB_FILENAME).read_bytes()

    aside = Backups(data_dir).restore(backup, now=NOW).aside

    assert aside.name == f"{DB_FILENAME}.replaced-20260310T120000.000000Z"
    assert aside.read_bytes() == current_bytes
    assert companies(aside) == ["Before", "After"]
    assert backup.exists()  # the backup itself stays available
    if os.name == "posix":
        assert stat.S_IMODE((data_dir / DB_FILENAME).stat().st_mode) == 0o600
    reopened = open_database(data_dir)
    try:
        assert [s.application.company for s in Store(reopened).list_summaries()] == ["Before"]
    finally:
        reopened.close()
    # Restoring twice at the same moment never overwrites the first aside file.
    second = Backups(data_dir).restore(backup, now=NOW).aside
    assert second != aside
    assert aside.exists()
    assert second.exists()


def test_restore_moves_a_stale_wal_aside_too(data_dir: Path) -> None:
    """A WAL left beside a restored file would be replayed into it."""
    database = open_database(data_dir)
    Store(database).add_application("Kept", "Analyst", now=NOW)
    backup = Backups(data_dir).create(database, "manual", now=NOW)
    database.close()
    wal = data_dir / f"{DB_FILENAME}-wal"
    wal.write_bytes(b"pretend this is a live WAL")
    aside = Backups(data_dir).restore(backup, now=NOW).aside
    assert not wal.exists()
    assert Path(f"{aside}-wal").read_bytes() == b"pretend this is a live WAL"


def test_damaged_backup_is_not_restored(data_dir: Path) -> None:
    database = open_database(data_dir)
    database.close()
    before = (data_dir / DB_FILENAME).read_bytes()
    bad = data_dir / "backups" / "askwhy-20260310T120000.000000Z-manual.sqlite3"
    bad.parent.mkdir(mode=0o700)
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        Backups(data_dir).restore(bad)
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_recovering_from_a_corrupt_database_in_one_step(data_dir: Path) -> None:
    """The recovery path: the broken file goes aside untouched, the newest backup returns."""
    database = open_database(data_dir)
    Store(database).add_application("Acme", "Analyst", now=NOW)
    Backups(data_dir).create(database, "daily", now=NOW)
    database.close()
    (data_dir / DB_FILENAME).write_bytes(b"\x00garbage" * 512)
    with pytest.raises(DatabaseCorrupt):
        open_database(data_dir)
    latest = Backups(data_dir).latest()
    assert latest is not None
    aside = Backups(data_dir).restore(latest.path, aside_reason="damaged", now=NOW).aside
    assert aside.read_bytes() == b"\x00garbage" * 512
    reopened = open_database(data_dir)
    try:
        assert [s.application.company for s in Store(reopened).list_summaries()] == ["Acme"]
    finally:
        reopened.close()


def test_backup_of_a_corrupt_database_fails_and_leaves_no_file(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / DB_FILENAME
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(DatabaseCorrupt):
        Backups(data_dir).create_from_file(path, "manual", now=NOW)
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000
    assert list((data_dir / "backups").iterdir()) == []


def test_unfinished_snapshots_are_never_listed_and_old_ones_are_cleaned(
    database: Database, data_dir: Path
) -> None:
    """What a kill during a backup leaves behind: a partial file under a temporary name."""
    backups = Backups(data_dir)
    first = backups.create(database, "manual", now=NOW)
    old = data_dir / "backups" / ".partial-123-old"
    young = data_dir / "backups" / ".partial-456-young"
    for path in (old, young):
        path.write_bytes(b"SQLite format 3\x00 half written")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert [info.path for info in backups.list()] == [first]
    second = backups.create(database, "manual", now=NOW + timedelta(seconds=1))
    assert not old.exists()
    assert young.exists()  # may be another process's backup in progress
    assert [info.path for info in backups.list()] == [first, second]


def damage_schema(path: Path) -> None:
    """A schema name that is not UTF-8: sqlite3 then raises UnicodeDecodeError."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET name = CAST(X'6170706cff' AS TEXT) "
            "WHERE name = 'applications'"
        )
    finally:
        connection.close()


def scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))


def test_a_damaged_schema_is_an_answer_not_an_exception(database: Database, data_dir: Path) -> None:
    path = Backups(data_dir).create(database, "manual", now=NOW)
    damage_schema(path)
    with pytest.raises(UnicodeDecodeError):  # what the old check let through
        sqlite3.connect(path).execute("PRAGMA integrity_check").fetchall()
    assert check_file(path) != "ok"
    [check] = Backups(data_dir).checked()
    assert not check.ok
    assert "damaged" in check.problem
    with pytest.raises(DatabaseCorrupt, match="not restored"):
        Backups(data_dir).restore(path)


def test_checked_is_newest_first_and_latest_good_skips_a_damaged_newest(
    store: Store, database: Database, data_dir: Path
) -> None:
    backups = Backups(data_dir)
    empty = backups.create(database, "daily", now=NOW - timedelta(days=2))
    store.add_application("Acme", "Analyst", now=NOW)
    good = backups.create(database, "manual", now=NOW - timedelta(days=1))
    newest = backups.create(database, "manual", now=NOW)
    scribble(newest)
    checks = list(backups.checked())
    assert [check.info.path for check in checks] == [newest, good, empty]
    assert [check.ok for check in checks] == [False, True, True]
    assert [check.applications for check in checks] == [None, 1, 0]
    latest_good = backups.latest_good()
    assert latest_good is not None
    assert latest_good.info.path == good
    database.close()
    before = (data_dir / DB_FILENAME).read_bytes()
    with pytest.raises(DatabaseCorrupt, match="nothing was changed"):
        backups.restore(newest)
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_restore_refuses_while_the_database_is_open_and_changes_nothing(
    store: Store, database: Database, data_dir: Path
) -> None:
    """Another Database (another AskWhy, a command) holds the folder's lock shared."""
    store.add_application("Acme", "Analyst", now=NOW)
    backup = Backups(data_dir).create(database, "manual", now=NOW)
    store.add_application("Globex", "Analyst", now=NOW)
    with pytest.raises(DatabaseLocked, match="Another AskWhy"):
        Backups(data_dir).restore(backup, wait_s=0.2)
    assert [s.application.company for s in store.list_summaries()] == ["Acme", "Globex"]
    assert not list(data_dir.glob(f"{DB_FILENAME}.replaced-*"))


def test_a_closed_database_refuses_and_never_creates_an_empty_file(
    store: Store, database: Database, data_dir: Path
) -> None:
    store.add_application("Acme", "Analyst", now=NOW)
    database.close()
    path = data_dir / DB_FILENAME
    moved = path.rename(data_dir / "elsewhere.sqlite3")
    with pytest.raises(DatabaseClosed):
        store.list_summaries()
    with pytest.raises(DatabaseClosed):
        database.integrity_check()
    assert not path.exists()
    moved.rename(path)
    database.reopen()
    assert [s.application.company for s in store.list_summaries()] == ["Acme"]


def test_partials_of_a_killed_backup_go_at_the_next_start_but_a_live_ones_stay(
    database: Database, data_dir: Path, tmp_path: Path
) -> None:
    """A killed backup leaves `.partial-*`; a running one holds an flock on its own."""
    backups = Backups(data_dir)
    backups.create(database, "daily", now=NOW)  # today's is done: auto() makes none
    killed = data_dir / "backups" / ".partial-999999-killed"
    live = data_dir / "backups" / ".partial-4242-live"
    for path in (killed, live):
        path.write_bytes(b"SQLite format 3\x00 half written" * 1000)
        a_minute_ago = time.time() - 60
        os.utime(path, (a_minute_ago, a_minute_ago))
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
            str(live),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdin is not None
        try:
            assert holder.stdout.readline().strip() == "held"
            assert backups.partials() == sorted([killed, live])
            assert backups.auto(database, now=NOW + timedelta(hours=1)) is None
            assert not killed.exists()
            assert live.exists()
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)
    assert backups.remove_stale_partials() == 1
    assert backups.partials() == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes")
def test_links_among_the_backups_are_not_listed(database: Database, data_dir: Path) -> None:
    backups = Backups(data_dir)
    real = backups.create(database, "manual", now=NOW)
    link = data_dir / "backups" / "askwhy-20260311T120000.000000Z-manual.sqlite3"
    link.symlink_to(real)
    assert [info.path for info in backups.list()] == [real]
    with pytest.raises(DatabaseCorrupt, match="symbolic link"):
        backups.restore(link)
