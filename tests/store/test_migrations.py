"""Schema upgrades: frozen databases of every revision reach head with their data, the file
is backed up first, and a failed upgrade puts the backup back.

Later revisions are simulated with a copy of the real scripts plus one extra script, run
through the same `open_database` path the app uses.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.model import ReminderKind, ReplyOutcome, RequestKind, RequestStatus, Stage
from desktop.store.backups import Backups, check_file
from desktop.store.database import open_database
from desktop.store.errors import DatabaseLocked, MigrationFailed
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import KNOWN_REVISIONS, SCRIPT_LOCATION, Schema
from desktop.store.repository import Store
from tests.store.make_fixture import BERLIN, T0, fixture_path


def install_fixture(revision: str, data_dir: Path) -> Path:
    data_dir.mkdir(mode=0o700)
    target = data_dir / DB_FILENAME
    shutil.copyfile(fixture_path(revision), target)
    target.chmod(0o600)
    return target


def assert_fixture_data(store: Store) -> None:
    """The records `make_fixture.populate` wrote, as the current code reads them."""
    summaries = {s.application.company: s for s in store.list_summaries()}
    assert set(summaries) == {"Acme", "Globex"}
    acme = summaries["Acme"].application
    assert acme.stage is Stage.REJECTED
    assert acme.applied_at == T0
    assert summaries["Acme"].contact_names == ("Dana Reyes",)
    assert summaries["Globex"].application.role == "Analyst — BI 📊"
    assert summaries["Globex"].contact_names == ("رنا",)
    assert [e.to_stage for e in store.timeline(acme.id)] == [
        Stage.APPLIED,
        Stage.INTERVIEWING,
        Stage.REJECTED,
    ]
    (interview,) = store.interviews(acme.id)
    assert interview.scheduled_at == T0 + timedelta(days=3)
    assert interview.duration_minutes == 45
    (feedback,) = store.requests_for(acme.id)
    assert feedback.kind is RequestKind.FEEDBACK
    assert feedback.status is RequestStatus.REPLIED
    assert feedback.sent_at == T0 + timedelta(days=5, hours=4)
    assert feedback.window_closes_at == T0 + timedelta(days=7)
    assert "Acme" in feedback.body
    fired = [r for r in store.reminders_for(feedback.id) if r.fired_at is not None]
    assert [r.fired_at for r in fired] == [T0 + timedelta(days=5, hours=3)]
    (lesson,) = store.lessons()
    assert lesson.outcome is ReplyOutcome.REPLIED
    assert lesson.themes == ("SQL depth", "communication")
    (check_in,) = store.requests_for(summaries["Globex"].application.id)
    assert check_in.kind is RequestKind.CHECK_IN
    assert store.reminders_for(check_in.id)
    settings = store.load_settings()
    assert settings.profile.name == "Sam Doe"
    assert settings.stay_in_touch_weeks == 8
    assert {t.kind for t in store.templates()} == set(RequestKind)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_frozen_database_of_every_revision_upgrades_with_data_intact(
    revision: str, data_dir: Path
) -> None:
    install_fixture(revision, data_dir)
    database = open_database(data_dir)
    try:
        assert database.integrity_check() == "ok"
        assert_fixture_data(Store(database, local_tz=lambda: BERLIN))
    finally:
        database.close()


def test_every_known_revision_has_a_frozen_fixture() -> None:
    for revision in KNOWN_REVISIONS:
        assert fixture_path(revision).is_file(), "run python -m tests.store.make_fixture"


def test_upgrade_to_0003_dates_moves_into_a_sent_stage(data_dir: Path) -> None:
    path = install_fixture("0002", data_dir)
    connection = sqlite3.connect(path)
    try:
        with connection:
            # Acme has the date the user gave: kept. Globex was added at Screening with no
            # date and never moved: the day it was added says nothing about when it was sent.
            connection.executemany(
                "INSERT INTO applications (id, company, role, match_key, stage, created_at,"
                " updated_at, location, url, source, notes, archived)"
                " VALUES (?, ?, 'R', ?, ?, '2026-03-01 08:00:00.000000',"
                " '2026-03-01 08:00:00.000000', '', '', '', '', 0)",
                [
                    (3, "Back", "back\x1fr", "saved"),
                    (4, "Dropped", "dropped\x1fr", "withdrawn"),
                    (5, "Moved", "moved\x1fr", "interviewing"),
                    (6, "Turned", "turned\x1fr", "rejected"),
                    (7, "Imported", "imported\x1fr", "rejected"),
                ],
            )
            connection.executemany(
                "INSERT INTO stage_events (application_id, from_stage, to_stage, occurred_at,"
                " recorded_at, note) VALUES (?, ?, ?, ?, '2026-03-09 08:00:00.000000', '')",
                [
                    # Sent, then dragged back to Saved: still saved, so no date.
                    (3, None, "saved", "2026-03-01 08:00:00.000000"),
                    (3, "saved", "applied", "2026-03-02 08:00:00.000000"),
                    (3, "applied", "saved", "2026-03-03 08:00:00.000000"),
                    # Dropped before sending.
                    (4, None, "saved", "2026-03-01 08:00:00.000000"),
                    (4, "saved", "withdrawn", "2026-03-03 08:00:00.000000"),
                    # Straight to Screening (backdated), then Interviewing: the first counts.
                    (5, None, "saved", "2026-03-01 08:00:00.000000"),
                    (5, "saved", "screening", "2026-02-20 08:00:00.000000"),
                    (5, "screening", "interviewing", "2026-03-06 08:00:00.000000"),
                    # A rejection logged for a saved posting.
                    (6, None, "saved", "2026-03-01 08:00:00.000000"),
                    (6, "saved", "rejected", "2026-03-07 08:00:00.000000"),
                    # Imported at Rejected with no date: only a creation event.
                    (7, None, "rejected", "2026-03-01 08:00:00.000000"),
                ],
            )
    finally:
        connection.close()
    database = open_database(data_dir)
    try:
        assert database.schema_revision() == KNOWN_REVISIONS[-1]
        applied = {
            s.application.company: s.application.applied_at
            for s in Store(database, local_tz=lambda: BERLIN).list_summaries(include_archived=True)
        }
    finally:
        database.close()
    assert applied == {
        "Acme": T0,
        "Globex": None,
        "Back": None,
        "Dropped": None,
        "Moved": datetime(2026, 2, 20, 8, tzinfo=UTC),
        "Turned": datetime(2026, 3, 7, 8, tzinfo=UTC),
        "Imported": None,
    }


def test_first_open_seeds_one_default_template_per_kind(store: Store) -> None:
    templates = store.templates()
    assert sorted(t.kind for t in templates) == sorted(RequestKind)
    assert all(t.is_default for t in templates)
    assert (
        "{{ role }}"
        in next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).subject
    )


# -- a simulated next revision -------------------------------------------------------------

HEAD_REVISION = KNOWN_REVISIONS[-1]
NEXT_REVISION = "9999"  # a script this build does not have, following its head

GOOD_NEXT = '''
"""Add a column (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "{next}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("salary", sa.Integer(), nullable=True))
    op.execute("UPDATE applications SET salary = 1")


def downgrade() -> None:
    pass
'''

FAILING_NEXT = '''
"""Changes data, rebuilds a parent table, then fails (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "{next}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE applications SET company = 'CLOBBERED'")
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("salary", sa.Integer(), nullable=True))
    raise RuntimeError("simulated failure halfway through an upgrade")


def downgrade() -> None:
    pass
'''


def scripts_with(tmp_path: Path, extra: str) -> Schema:
    location = tmp_path / "scripts"
    shutil.copytree(
        SCRIPT_LOCATION, location, ignore=shutil.ignore_patterns("__pycache__", "__init__.py")
    )
    script = extra.replace("{next}", NEXT_REVISION).replace("{head}", HEAD_REVISION)
    (location / "versions" / f"{NEXT_REVISION}_test.py").write_text(script)
    return Schema(script_location=location, known_revisions=(*KNOWN_REVISIONS, NEXT_REVISION))


def test_upgrade_backs_up_first_and_keeps_the_data(tmp_path: Path, data_dir: Path) -> None:
    install_fixture(HEAD_REVISION, data_dir)
    database = open_database(data_dir, schema=scripts_with(tmp_path, GOOD_NEXT))
    try:
        assert database.schema_revision() == NEXT_REVISION
        with database.engine.connect() as connection:
            salaries = connection.exec_driver_sql("SELECT salary FROM applications").all()
            # The data survived the table rebuild, and the cascade did not fire.
            assert salaries == [(1,), (1,)]
            assert connection.exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 2
            assert connection.exec_driver_sql("SELECT count(*) FROM reminders").scalar() > 0
    finally:
        database.close()
    (backup,) = Backups(data_dir).list()
    assert backup.reason == f"before-upgrade-from-{HEAD_REVISION}"
    assert check_file(backup.path) == "ok"
    # The backup opens with the current code and holds the pre-upgrade data.
    restored_dir = tmp_path / "from-backup"
    restored_dir.mkdir(mode=0o700)
    shutil.copyfile(backup.path, restored_dir / DB_FILENAME)
    reopened = open_database(restored_dir)
    try:
        assert reopened.schema_revision() == HEAD_REVISION
        assert_fixture_data(Store(reopened, local_tz=lambda: BERLIN))
    finally:
        reopened.close()


def test_failed_upgrade_puts_the_backup_back(tmp_path: Path, data_dir: Path) -> None:
    install_fixture(HEAD_REVISION, data_dir)
    with pytest.raises(MigrationFailed, match="put back from the backup") as caught:
        open_database(data_dir, schema=scripts_with(tmp_path, FAILING_NEXT))
    assert "simulated failure" in str(caught.value)
    # The file in place is the pre-upgrade data at the old revision...
    database = open_database(data_dir)
    try:
        assert database.schema_revision() == HEAD_REVISION
        assert database.integrity_check() == "ok"
        assert_fixture_data(Store(database, local_tz=lambda: BERLIN))
    finally:
        database.close()
    # ...and the failed file was moved aside, not deleted.
    aside = [p for p in data_dir.iterdir() if p.name.startswith(f"{DB_FILENAME}.failed-upgrade-")]
    assert len(aside) == 1
    connection = sqlite3.connect(aside[0])
    assert connection.execute("SELECT count(*) FROM applications").fetchone() == (2,)
    connection.close()


def test_migration_runs_with_foreign_keys_off_so_rebuilds_do_not_cascade(
    tmp_path: Path, data_dir: Path
) -> None:
    # A rebuild of the parent table with foreign keys on would delete every child row.
    install_fixture(HEAD_REVISION, data_dir)
    open_database(data_dir, schema=scripts_with(tmp_path, GOOD_NEXT)).close()
    connection = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("stage_events", "rejections", "follow_up_requests", "lessons")
        ]
        assert all(count > 0 for count in counts), counts
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_reminder_kinds_in_fixture_are_known() -> None:
    connection = sqlite3.connect(fixture_path(KNOWN_REVISIONS[0]))
    try:
        kinds = {row[0] for row in connection.execute("SELECT kind FROM reminders")}
    finally:
        connection.close()
    assert kinds <= {kind.value for kind in ReminderKind}


def test_upgrade_while_another_process_writes_is_locked_not_restored(
    tmp_path: Path, data_dir: Path
) -> None:
    path = install_fixture(HEAD_REVISION, data_dir)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked, match="busy"):
            open_database(data_dir, schema=scripts_with(tmp_path, GOOD_NEXT), busy_timeout_ms=100)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Nothing was swapped under the other process's feet.
    assert not [p for p in data_dir.iterdir() if ".failed-upgrade-" in p.name]
    database = open_database(data_dir)
    try:
        assert database.schema_revision() == HEAD_REVISION
    finally:
        database.close()
