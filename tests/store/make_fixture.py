"""Builds the frozen database of a schema revision: `python -m tests.store.make_fixture`.

Run it once when a revision is added (with that revision as head), commit the file, and
never regenerate old ones: they stand for the databases users already have on disk.
`test_migrations.py` upgrades each to head and checks the data below is still there.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.core.model import (
    Channel,
    ContactRole,
    Profile,
    RejectionInput,
    ReplyOutcome,
    RequestKind,
    Settings,
    Stage,
)
from desktop.store.database import open_database
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import HEAD_REVISION
from desktop.store.repository import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Fixed instants so the frozen file's content is known exactly.
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def fixture_path(revision: str) -> Path:
    return FIXTURES / f"askwhy-{revision}.sqlite3"


def populate(store: Store) -> None:
    """One of every record; the same calls for every revision's fixture."""
    store.save_settings(
        Settings(profile=Profile(name="Sam Doe", email="sam@example.org"), stay_in_touch_weeks=8)
    )
    acme = store.add_application("Acme", "Data Analyst", now=T0, applied_at=T0)
    store.add_contact(acme.id, "Dana Reyes", email="dana@acme.example")
    store.add_interview(acme.id, T0 + timedelta(days=3), duration_minutes=45)
    store.move_stage(
        acme.id, Stage.INTERVIEWING, occurred_at=T0 + timedelta(days=3), now=T0 + timedelta(days=3)
    )
    logged = store.log_rejection(
        RejectionInput(
            company="acme ",
            role="data analyst",
            notified_at=T0 + timedelta(days=5),
            channel=Channel.EMAIL,
            contact_name="Dana Reyes",
            contact_email="dana@acme.example",
        ),
        now=T0 + timedelta(days=5, hours=1),
    )
    store.claim_reminder(logged.reminders[0].id, fired_at=T0 + timedelta(days=5, hours=3))
    store.mark_sent(logged.request.id, sent_at=T0 + timedelta(days=5, hours=4))
    store.add_lesson(
        acme.id,
        ReplyOutcome.REPLIED,
        now=T0 + timedelta(days=7),
        request_id=logged.request.id,
        themes=("SQL depth", "communication"),
        action="Practise window functions",
    )
    globex = store.add_application("Globex", "Analyst — BI 📊", now=T0, stage=Stage.SCREENING)
    store.add_contact(globex.id, "رنا", role=ContactRole.HIRING_MANAGER)
    store.create_follow_up(globex.id, RequestKind.CHECK_IN, now=T0 + timedelta(days=1))


def main() -> int:
    target = fixture_path(HEAD_REVISION)
    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(Path(scratch))
        populate(Store(database, local_tz=lambda: BERLIN))
        database.close()  # checkpoints the WAL into the main file
        FIXTURES.mkdir(exist_ok=True)
        shutil.copyfile(Path(scratch) / DB_FILENAME, target)
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
