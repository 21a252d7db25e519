"""Every frozen database in tests/store/fixtures upgrades to head with its data, and the backup
made before the upgrade opens as the old file did.

STORE keeps one small fixture per schema revision there, and tests/store/test_migrations.py
checks their meaning (and a simulated next revision, its backup and a failed upgrade). This
test adds a schema-blind check that picks up new fixtures by itself: read with plain sqlite3
before and after, no row of any table disappears, no shared column changes value, and the
pre-upgrade backup holds exactly the old rows. A fixture already at head has nothing to
upgrade and is skipped.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.support import REPO, integrity

FIXTURES = REPO / "tests" / "store" / "fixtures"
SQLITE_HEADER = b"SQLite format 3\x00"


def _fixtures() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(
        path
        for path in FIXTURES.rglob("*")
        if path.is_file() and path.read_bytes()[:16] == SQLITE_HEADER
    )


def _contents(path: Path) -> tuple[str | None, dict[str, list[tuple[object, ...]]]]:
    """(alembic revision, every row of every table, sorted) of a closed database file."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
            if table != "alembic_version"
        }
        revision = None
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if found is None else str(found[0])
        return revision, rows
    finally:
        connection.close()


def _column_rows(path: Path, table: str, columns: list[str]) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = ", ".join(f'"{column}"' for column in columns)
        return sorted(connection.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr)
    finally:
        connection.close()


FIXTURE_FILES = _fixtures()


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=[p.name for p in FIXTURE_FILES])
def test_fixture_upgrades_with_its_data_and_a_backup_that_opens(
    fixture: Path, tmp_path: Path
) -> None:
    from desktop.store.backups import Backups  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.location import DB_FILENAME  # noqa: PLC0415
    from desktop.store.migrate import HEAD_REVISION  # noqa: PLC0415

    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    target = data_dir / DB_FILENAME
    shutil.copyfile(fixture, target)
    revision, before = _contents(target)
    assert any(before.values()), f"{fixture.name} holds no rows: it cannot show data survives"

    with open_database(data_dir) as database:
        assert database.schema_revision() == HEAD_REVISION
        assert database.integrity_check() == "ok"
    after_revision, after = _contents(target)
    assert after_revision == HEAD_REVISION
    for table, rows in before.items():
        if table not in after:
            continue  # a revision may fold a table into another; the columns check below
        assert len(after[table]) >= len(rows), f"{table}: rows lost in the upgrade"
        # Columns that exist on both sides must keep their values.
        connection = sqlite3.connect(target)
        try:
            new_columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        finally:
            connection.close()
        connection = sqlite3.connect(f"{fixture.resolve().as_uri()}?mode=ro", uri=True)
        try:
            old_columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        finally:
            connection.close()
        shared = [column for column in old_columns if column in new_columns]
        old_values = _column_rows(fixture, table, shared)
        new_values = _column_rows(target, table, shared)
        assert all(value in new_values for value in old_values), f"{table}: values changed"

    backups = Backups(data_dir).list()
    if revision == HEAD_REVISION:
        assert backups == [], "no upgrade was due, so no backup should have been made"
        pytest.skip(f"{fixture.name} is already at head: nothing to upgrade")
    [backup] = backups
    assert backup.path.stat().st_mode & 0o777 == 0o600
    assert integrity(backup.path) == "ok"
    assert _contents(backup.path) == (revision, before), "the backup is not the old file"
    # The backup opens with the app as well: restoring it and upgrading again works.
    second = tmp_path / "from-backup"
    second.mkdir(mode=0o700)
    shutil.copyfile(backup.path, second / DB_FILENAME)
    with open_database(second) as database:
        assert database.schema_revision() == HEAD_REVISION
