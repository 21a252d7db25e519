"""Opening the database: pragmas, privacy, and refusing files it must not touch."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.store.database import Database, open_database
from desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    DataDirReadOnly,
    DataDirUnsafe,
    DataDirUnusable,
)
from desktop.store.folder import LOCK_FILENAME, private_files
from desktop.store.location import DB_FILENAME, resolve_data_dir
from desktop.store.migrate import HEAD_REVISION, KNOWN_REVISIONS, script_heads, script_revisions
from desktop.store.models import ApplicationRow, Base, UTCDateTime
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_resolve_data_dir_prefers_argument_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASKWHY_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "arg")) == tmp_path / "arg"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv("ASKWHY_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None).parent == tmp_path / "xdg"


def test_every_connection_has_wal_normal_sync_foreign_keys_and_busy_timeout(
    database: Database,
) -> None:
    # Several connections from the pool at once: each must have been set up.
    connections = [database.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            values = [
                connection.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            ]
            assert values == ["wal", 1, 1, 5000]
    finally:
        for connection in connections:
            connection.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_data_dir_is_0700_and_database_files_0600(data_dir: Path) -> None:
    old_umask = os.umask(0o022)  # the common default, which would give 0644 files
    try:
        database = open_database(data_dir)
        store = Store(database)
        store.add_application("Acme", "Analyst", now=NOW)
        assert mode(data_dir) == 0o700
        for path in private_files(database.path):
            assert path.exists(), path  # WAL and SHM exist while a connection is open
            assert mode(path) == 0o600, path
        database.close()
    finally:
        os.umask(old_umask)


def test_fresh_database_is_at_head_and_passes_integrity_check(database: Database) -> None:
    assert database.schema_revision() == HEAD_REVISION
    assert database.integrity_check() == "ok"


def test_head_constant_matches_the_scripts() -> None:
    assert script_heads() == [HEAD_REVISION]
    assert tuple(script_revisions()) == KNOWN_REVISIONS


def test_models_match_the_migrations(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_every_foreign_key_column_is_indexed(database: Database) -> None:
    with database.engine.connect() as connection:
        tables = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            fk_columns = {
                row[3] for row in connection.exec_driver_sql(f"PRAGMA foreign_key_list({table})")
            }
            leading = set()
            for index in connection.exec_driver_sql(f"PRAGMA index_list({table})"):
                columns = list(connection.exec_driver_sql(f"PRAGMA index_info({index[1]})"))
                leading.add(columns[0][2])
            assert fk_columns <= leading, (table, fk_columns - leading)


def test_second_open_does_not_import_alembic(data_dir: Path) -> None:
    open_database(data_dir).close()
    code = (
        "import sys; from desktop.store.database import open_database; "
        f"open_database({str(data_dir)!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_naive_datetimes_are_refused_and_results_are_aware_utc() -> None:
    kind = UTCDateTime()
    with pytest.raises(ValueError, match="naive"):
        kind.process_bind_param(datetime(2026, 1, 1, 12, 0), None)  # type: ignore[arg-type]
    plus_two = timezone(timedelta(hours=2))
    stored = kind.process_bind_param(datetime(2026, 1, 1, 14, 0, tzinfo=plus_two), None)  # type: ignore[arg-type]
    assert stored == datetime(2026, 1, 1, 12, 0)
    loaded = kind.process_result_value(stored, None)  # type: ignore[arg-type]
    assert loaded == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert loaded is not None
    assert loaded.tzinfo is UTC


def test_naive_datetime_never_reaches_the_file(database: Database) -> None:
    with pytest.raises(Exception, match="naive"), database.transaction(write=True) as session:
        session.add(
            ApplicationRow(
                company="A",
                role="B",
                stage="applied",
                created_at=datetime(2026, 1, 1),
                updated_at=NOW,
                applied_at=None,
                location="",
                url="",
                source="",
                notes="",
                archived=False,
            )
        )
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM applications").scalar() == 0


def test_foreign_keys_cascade_when_an_application_is_deleted(store: Store) -> None:
    app = store.add_application("Acme", "Analyst", now=NOW)
    store.add_contact(app.id, "Dana")
    store.delete_application(app.id)
    with store.database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM stage_events").scalar() == 0


# -- files it must refuse, untouched ----------------------------------------------------


def _make_too_new(data_dir: Path) -> Path:
    database = open_database(data_dir)
    Store(database).add_application("Acme", "Analyst", now=NOW)
    database.close()
    path = data_dir / DB_FILENAME
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    return path


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in data_dir.iterdir() if path.is_file()}


def test_newer_database_is_refused_and_left_byte_identical(data_dir: Path) -> None:
    path = _make_too_new(data_dir)
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer AskWhy") as caught:
        open_database(data_dir)
    assert "untouched" in str(caught.value)
    assert path.read_bytes() == before
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").iterdir())


def test_database_with_branches_is_treated_as_too_new(data_dir: Path) -> None:
    path = _make_too_new(data_dir)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.execute("INSERT INTO alembic_version VALUES ('abcd')")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseTooNew):
        open_database(data_dir)


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all\n" * 100,
        b"\x00" * 4096,
        b"SQLite format 3",  # a header cut short
    ],
    ids=["text", "zeros", "short-header"],
)
def test_garbage_file_is_refused_and_left_untouched(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(DatabaseCorrupt, match="left as it is"):
        open_database(data_dir)
    assert path.read_bytes() == content
    # Only the (empty) lock file that any open holds while it looks at the file.
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILENAME, LOCK_FILENAME]


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_database_is_refused_and_left_untouched(data_dir: Path, keep: float) -> None:
    database = open_database(data_dir)
    store = Store(database)
    for index in range(300):
        store.add_application(f"Company {index}", "Role " + "x" * 150, now=NOW, notes="n" * 500)
    database.close()
    path = data_dir / DB_FILENAME
    content = path.read_bytes()
    cut = content[: int(len(content) * keep)]
    path.write_bytes(cut)
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        open_database(data_dir)
    assert path.read_bytes() == cut


def test_foreign_sqlite_file_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / DB_FILENAME
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="not an AskWhy database"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_data_dir_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirUnusable, match="--data-dir"):
        open_database(blocker / "data")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_read_only_data_dir_is_reported(tmp_path: Path) -> None:
    """Root ignores permission bits; as root the child drops CAP_DAC_OVERRIDE so it doesn't."""
    data_dir = tmp_path / "ro"
    data_dir.mkdir()
    data_dir.chmod(0o555)
    code = (
        "from desktop.store.database import open_database\n"
        "from desktop.store.errors import DataDirUnusable\n"
        "try:\n"
        f"    open_database({str(data_dir)!r})\n"
        "except DataDirUnusable as error:\n"
        "    print('refused:', error)\n"
    )
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux) to drop privileges")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    result = subprocess.run(
        [*prefix, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.startswith("refused:"), result.stderr
    assert "read-only" in result.stdout or "Permission denied" in result.stdout
    assert "Traceback" not in result.stderr
    assert list(data_dir.iterdir()) == []


@pytest.fixture
def writer_holding_lock(database: Database) -> Iterator[sqlite3.Connection]:
    other = sqlite3.connect(database.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    yield other
    other.execute("ROLLBACK")
    other.close()


def test_locked_database_gives_a_clear_error_and_writes_nothing(
    data_dir: Path, database: Database, writer_holding_lock: sqlite3.Connection
) -> None:
    impatient = open_database(data_dir, busy_timeout_ms=100)
    try:
        store = Store(impatient)
        with pytest.raises(DatabaseLocked, match="busy"):
            store.add_application("Acme", "Analyst", now=NOW)
        # Readers are not blocked by a writer in WAL mode.
        assert store.list_summaries() == []
    finally:
        impatient.close()


def test_lock_released_in_time_lets_the_write_through(database: Database) -> None:
    other = sqlite3.connect(database.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.2, lambda: other.execute("COMMIT"))
    timer.start()
    try:
        Store(database).add_application("Acme", "Analyst", now=NOW)
    finally:
        timer.join()
        other.close()
    assert len(Store(database).list_summaries()) == 1


def test_first_starts_racing_in_threads_create_one_schema_and_one_set_of_templates(
    data_dir: Path,
) -> None:
    start = threading.Barrier(4)
    errors: list[BaseException] = []
    opened: list[Database] = []

    def first_start() -> None:
        start.wait()
        try:
            opened.append(open_database(data_dir))
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=first_start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    try:
        kinds = [template.kind for template in Store(opened[0]).templates()]
        assert sorted(kinds) == sorted(set(kinds))
    finally:
        for database in opened:
            database.close()


FIRST_START = """
import sys, time
from desktop.store.database import open_database
start_at = float(sys.argv[2])
while time.time() < start_at:
    time.sleep(0.001)
open_database(sys.argv[1]).close()
"""


def test_first_starts_racing_in_processes_create_one_schema_and_one_set_of_templates(
    data_dir: Path,
) -> None:
    start_at = time.time() + 2.0
    children = [
        subprocess.Popen(
            [sys.executable, "-c", FIRST_START, str(data_dir), str(start_at)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    database = open_database(data_dir)
    try:
        assert database.schema_revision() == HEAD_REVISION
        kinds = [template.kind for template in Store(database).templates()]
        assert sorted(kinds) == sorted(set(kinds))
        assert len(kinds) == len(set(kinds)) > 0
    finally:
        database.close()


def test_database_errors_never_carry_the_values_written(database: Database) -> None:
    """Logs and crash reports quote errors; they must not quote a letter or an address."""
    insert = text("INSERT INTO settings (key, value) VALUES ('k', :v)")
    with database.transaction(write=True) as session:
        session.execute(insert, {"v": '"a@b.example"'})
    with (
        pytest.raises(IntegrityError, match="UNIQUE") as caught,
        database.transaction(write=True) as session,
    ):
        session.execute(insert, {"v": '"a@b.example"'})
    assert "a@b.example" not in str(caught.value)


# -- the data folder: whose it is, links, side files that are not ours, read-only media --

CRASH_AFTER_A_WRITE = """
import os, sys
from datetime import UTC, datetime
from desktop.store.database import open_database
from desktop.store.repository import Store
database = open_database(sys.argv[1])
Store(database).add_application(sys.argv[2], "Analyst", now=datetime.now(UTC))
os._exit(0)  # no close: the -wal and -shm stay, as after a crash
"""


def crash_after_a_write(data_dir: Path, company: str) -> None:
    subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_A_WRITE, str(data_dir), company],
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert (data_dir / f"{DB_FILENAME}-wal").stat().st_size > 0


def companies_in(data_dir: Path) -> list[str]:
    with open_database(data_dir) as database:
        return [s.application.company for s in Store(database).list_summaries()]


def test_our_own_wal_after_a_crash_is_applied(data_dir: Path) -> None:
    open_database(data_dir).close()
    crash_after_a_write(data_dir, "Written before the crash")
    assert companies_in(data_dir) == ["Written before the crash"]


@pytest.mark.parametrize("ours_crashed", [False, True], ids=["closed-cleanly", "after-a-crash"])
def test_another_databases_wal_beside_the_file_is_refused_not_applied(
    tmp_path: Path, data_dir: Path, ours_crashed: bool
) -> None:
    other = tmp_path / "other"
    open_database(other).close()
    crash_after_a_write(other, "Planted")
    open_database(data_dir).close()
    if ours_crashed:
        crash_after_a_write(data_dir, "Ours")
    path = data_dir / DB_FILENAME
    before = path.read_bytes()
    shutil.copyfile(other / f"{DB_FILENAME}-wal", data_dir / f"{DB_FILENAME}-wal")
    with pytest.raises(DatabaseCorrupt, match="does not belong"):
        open_database(data_dir)
    assert path.read_bytes() == before
    (data_dir / f"{DB_FILENAME}-wal").unlink()
    (data_dir / f"{DB_FILENAME}-shm").unlink(missing_ok=True)
    assert "Planted" not in companies_in(data_dir)


@pytest.mark.skipif(os.name != "posix", reason="owners and modes")
def test_a_data_dir_someone_else_owns_or_may_write_is_refused(tmp_path: Path) -> None:
    theirs = tmp_path / "pre-created"
    theirs.mkdir()
    theirs.chmod(0o777)
    if os.geteuid() == 0:
        os.chown(theirs, 12345, 12345)
        with pytest.raises(DataDirUnsafe, match="another user"):
            open_database(theirs)
        os.chown(theirs, 0, 0)
    with pytest.raises(DataDirUnsafe, match="chmod 700"):
        open_database(theirs)
    assert list(theirs.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_links_for_the_database_and_its_side_files_are_refused(
    tmp_path: Path, data_dir: Path, suffix: str
) -> None:
    open_database(data_dir).close()
    target = tmp_path / "somewhere-else"
    target.write_bytes(b"")
    link = data_dir / f"{DB_FILENAME}{suffix}"
    link.unlink(missing_ok=True)
    link.symlink_to(target)
    with pytest.raises(DataDirUnsafe, match="symbolic link"):
        open_database(data_dir)
    assert target.read_bytes() == b""


def test_a_read_only_folder_opens_read_only_when_asked(data_dir: Path) -> None:
    from tests.reliability.support import read_only  # noqa: PLC0415

    with open_database(data_dir) as database:
        Store(database).add_application("Acme", "Analyst", now=NOW)
    with read_only(data_dir):
        with pytest.raises(DataDirReadOnly, match="read-only"):
            open_database(data_dir)
        with open_database(data_dir, read_only_fallback=True) as database:
            assert database.read_only
            store = Store(database)
            assert [s.application.company for s in store.list_summaries()] == ["Acme"]
            with pytest.raises(DataDirReadOnly, match="nothing was saved"):
                store.add_application("Globex", "Analyst", now=NOW)
