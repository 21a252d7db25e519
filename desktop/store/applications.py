"""Applications and their timelines: what the board and the table show."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import stages, validation
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    ApplicationSummary,
    Stage,
    StageEvent,
)
from desktop.store import applied_to, reminders, snapshots
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import (
    ApplicationRow,
    StageEventRow,
    match_key,
)
from desktop.store.rows import application_row, record, stage_event
from desktop.store.snapshots import ApplicationSnapshot
from desktop.store.summaries import read as read_summaries

# -- the summaries the window loads ------------------------------------------------------


def summaries(
    session: Session, ids: Sequence[int] | None, *, include_archived: bool
) -> list[ApplicationSummary]:
    """Every application (`ids` None) or those of `ids` that exist, each with its contacts'
    names and addresses, its most urgent open request and that request's next reminder."""
    # The big reads skip ORM row processing (store.summaries): they use the driver's own
    # cursor, inside this session's transaction.
    # The sqlite dialect's driver connection is the sqlite3 module's.
    raw = cast(sqlite3.Connection, session.connection().connection.dbapi_connection)
    next_due = reminders.next_due_by_request(session, ids)
    return read_summaries(raw, ids, include_archived=include_archived, next_due=next_due)


# -- one application ---------------------------------------------------------------------


def match(session: Session, company: str, role: str) -> ApplicationRow | None:
    """Same company and role, ignoring case and spacing; an open one wins over a closed
    one, then the most recently touched."""
    candidates = list(
        session.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.match_key == match_key(company, role))
            .order_by(ApplicationRow.updated_at.desc(), ApplicationRow.id.desc())
        )
    )
    for row in candidates:
        if row.stage in stages.OPEN_STAGES:
            return row
    return candidates[0] if candidates else None


def add(
    session: Session,
    change: ChangeBuilder,
    company: str,
    role: str,
    *,
    now: datetime,
    stage: Stage,
    applied_at: datetime | None,
    location: str,
    url: str,
    source: str,
    notes: str,
) -> Application:
    row = ApplicationRow(
        company=validation.COMPANY.clean(company),
        role=validation.ROLE.clean(role),
        stage=Stage(stage),
        created_at=now,
        updated_at=now,
        applied_at=None
        if applied_at is None
        else validation.check_moment(applied_at, "Applied", now=now),
        location=validation.LOCATION.clean(location),
        url=validation.LINK.clean(url),
        source=validation.SOURCE.clean(source),
        notes=validation.NOTES.clean(notes),
        archived=False,
    )
    session.add(row)
    session.flush()
    session.add(stage_event(row, None, row.stage, occurred_at=row.applied_at or now, now=now))
    change.application(row.id)
    return record(Application, row)


def update(
    session: Session, change: ChangeBuilder, application: Application, *, now: datetime
) -> Application:
    """Saves the editable fields; a changed stage goes through `check_move` and the
    timeline, like `move_stage`."""
    company = validation.COMPANY.clean(application.company)
    role = validation.ROLE.clean(application.role)
    applied_at = application.applied_at
    if applied_at is not None:
        applied_at = validation.check_moment(applied_at, "Applied", now=now)
    location = validation.LOCATION.clean(application.location)
    url = validation.LINK.clean(application.url)
    source = validation.SOURCE.clean(application.source)
    notes = validation.NOTES.clean(application.notes)
    row = application_row(session, application.id)
    if application.stage is not row.stage:
        stages.check_move(row.stage, application.stage)
        session.add(stage_event(row, row.stage, application.stage, occurred_at=now, now=now))
        row.stage = application.stage
    row.company, row.role, row.applied_at = company, role, applied_at
    row.location, row.url, row.source, row.notes = location, url, source, notes
    row.archived = application.archived
    row.updated_at = now
    session.flush()
    change.application(row.id)
    return record(Application, row)


def move_stage(
    session: Session,
    change: ChangeBuilder,
    application_id: int,
    to_stage: Stage,
    *,
    occurred_at: datetime,
    now: datetime,
    note: str,
) -> StageEvent:
    occurred_at = validation.check_moment(occurred_at, "The date of the change", now=now)
    note = validation.NOTE.clean(note)
    row = application_row(session, application_id)
    stages.check_move(row.stage, to_stage)
    event = stage_event(row, row.stage, to_stage, occurred_at=occurred_at, now=now, note=note)
    session.add(event)
    row.stage = to_stage
    row.updated_at = now
    session.flush()
    change.application(row.id)
    return record(StageEvent, event)


def set_archived(
    session: Session, change: ChangeBuilder, application_id: int, archived: bool, now: datetime
) -> None:
    row = application_row(session, application_id)
    row.archived = archived
    row.updated_at = now
    change.application(row.id)


def delete(
    session: Session, change: ChangeBuilder, application_ids: Iterable[int]
) -> list[ApplicationSnapshot]:
    """Deletes the applications and everything hanging off them; the snapshots undo it."""
    taken = [
        snapshots.take(
            session, application_id, record(Application, application_row(session, application_id))
        )
        for application_id in application_ids
    ]
    session.expunge_all()  # the rows go below, outside the ORM's sight
    for snapshot in taken:
        snapshots.remove(session, snapshot.application_id)
        change.removed_applications.add(snapshot.application_id)
        change.requests.update(snapshot.request_ids)
        change.reminders = change.reminders or bool(snapshot.request_ids)
    return taken


def restore(session: Session, change: ChangeBuilder, taken: Iterable[ApplicationSnapshot]) -> None:
    """Puts deleted applications back with the same ids (ids are never reused)."""
    for snapshot in taken:
        if session.get(ApplicationRow, snapshot.application_id) is not None:
            raise InvalidInput("That application is already back.")
        snapshots.insert_rows(session, snapshot)
        change.request(snapshot.application_id, *snapshot.request_ids)


def snapshot(session: Session, application_id: int) -> ApplicationSnapshot:
    row = application_row(session, application_id)
    return snapshots.take(session, application_id, record(Application, row))


def put_back(session: Session, change: ChangeBuilder, snapshot: ApplicationSnapshot) -> None:
    """Undo and redo of a change to one application: it becomes `snapshot` again."""
    replaced = snapshots.put_back(session, snapshot)
    change.request(snapshot.application_id, *replaced, *snapshot.request_ids)


def companies(session: Session) -> list[str]:
    """Every company the user applied to, each once: what mail is matched against."""
    raw = cast(sqlite3.Connection, session.connection().connection.dbapi_connection)
    return applied_to.companies(raw)


def ids(session: Session) -> frozenset[int]:
    return frozenset(session.scalars(select(ApplicationRow.id)))


def timeline(session: Session, application_id: int) -> list[StageEvent]:
    application_row(session, application_id)
    return [
        record(StageEvent, row)
        for row in session.scalars(
            select(StageEventRow)
            .where(StageEventRow.application_id == application_id)
            .order_by(StageEventRow.occurred_at, StageEventRow.id)
        )
    ]


def set_event_time(
    session: Session, change: ChangeBuilder, event_id: int, occurred_at: datetime
) -> StageEvent:
    """Backdates (or corrects) when a stage change happened."""
    occurred_at = validation.check_moment(occurred_at, "The date of the change")
    row = session.get(StageEventRow, event_id)
    if row is None:
        raise NotFound("That timeline entry no longer exists.")
    if occurred_at > row.recorded_at + validation.FUTURE_TOLERANCE:
        raise InvalidInput("The date of the change can't be after it was recorded.")
    row.occurred_at = occurred_at
    session.flush()
    change.application(row.application_id)
    return record(StageEvent, row)
