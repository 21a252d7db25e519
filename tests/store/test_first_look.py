"""`summaries.first_look`: the applications read with plain sqlite3 before the store opens,
the same rows as the store's own load, and nothing at all whenever the store must look
first."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.model import ApplicationSummary, RejectionInput
from desktop.store.database import Database
from desktop.store.location import DB_FILENAME
from desktop.store.repository import Store
from desktop.store.summaries import first_look

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _without_reminder_times(rows: list[ApplicationSummary]) -> list[ApplicationSummary]:
    return [dataclasses.replace(row, next_reminder_at=None) for row in rows]


def _seeded(store: Store) -> None:
    apps = [store.add_application(c, "Engineer", now=NOW) for c in ("Acme", "Globex", "Initech")]
    store.add_contact(apps[0].id, "Dana Scully", email="dana@example.com")
    store.log_rejection(RejectionInput(company="Globex", role="Engineer", notified_at=NOW), now=NOW)
    store.set_archived(apps[2].id, True, now=NOW)


def test_it_reads_what_the_store_loads_but_the_reminder_times(
    store: Store, database: Database, data_dir: Path
) -> None:
    _seeded(store)
    loaded = store.list_summaries()
    database.close()  # a clean close: no -wal left beside the file
    looked = first_look(data_dir)
    assert looked is not None
    assert any(row.next_reminder_at is not None for row in loaded)  # the store knows them
    assert looked == _without_reminder_times(loaded)
    assert [row.application.company for row in looked] == ["Acme", "Globex"]


def test_it_writes_nothing(store: Store, database: Database, data_dir: Path) -> None:
    _seeded(store)
    database.close()
    before = {path.name: path.read_bytes() for path in data_dir.iterdir() if path.is_file()}
    first_look(data_dir)
    after = {path.name: path.read_bytes() for path in data_dir.iterdir() if path.is_file()}
    assert after == before


def test_no_file_is_no_first_look(tmp_path: Path) -> None:
    assert first_look(tmp_path) is None
    assert list(tmp_path.iterdir()) == []  # and none was made


def test_a_file_left_with_its_wal_waits_for_the_store(store: Store, data_dir: Path) -> None:
    _seeded(store)  # the database stays open: its -wal is beside it
    assert (data_dir / f"{DB_FILENAME}-wal").exists()
    assert first_look(data_dir) is None


def test_another_schema_waits_for_the_store(
    store: Store, database: Database, data_dir: Path
) -> None:
    _seeded(store)
    database.close()
    with sqlite3.connect(data_dir / DB_FILENAME) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    assert first_look(data_dir) is None


def test_what_is_not_a_database_waits_for_the_store(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DB_FILENAME).write_bytes(b"this is not a database" * 100)
    assert first_look(data_dir) is None


def test_it_needs_no_sqlalchemy() -> None:
    # The point of a first look: the window shows the data before SQLAlchemy is imported.
    code = (
        "import sys, desktop.store.summaries;"
        "sys.exit(1 if any(m.startswith('sqlalchemy') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
