"""An application with everything that hangs off it, taken whole and put back whole.

This is how undo is exact: a command takes a snapshot of the application before it changes
it and puts that snapshot back on undo (and the snapshot taken after it on redo), so the
timeline, the requests, the reminders and the lessons are what they were, with the same
ids. Nothing is left behind to count (no "Undo" event in the timeline for Insights to see).

Functions over a `Session`; `Store` owns the transactions and says what changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.model import Application
from desktop.store.errors import NotFound
from desktop.store.models import (
    ApplicationRow,
    Base,
    ContactRow,
    FollowUpRequestRow,
    InterviewRow,
    LessonRow,
    RejectionRow,
    ReminderRow,
    StageEventRow,
    TemplateRow,
)

# Ordered so that putting a snapshot back inserts parents before children.
SNAPSHOT_TABLES: tuple[type[Base], ...] = (
    ApplicationRow,
    ContactRow,
    InterviewRow,
    RejectionRow,
    FollowUpRequestRow,
    ReminderRow,
    StageEventRow,
    LessonRow,
)


@dataclass(frozen=True, slots=True)
class ApplicationSnapshot:
    """Everything one application holds, so that undo can put it back with the same ids."""

    application: Application
    payload: dict[str, object]

    @property
    def application_id(self) -> int:
        return self.application.id

    @property
    def request_ids(self) -> tuple[int, ...]:
        rows = self.payload.get(_table(FollowUpRequestRow).name, [])
        assert isinstance(rows, list)
        return tuple(int(item["id"]) for item in rows)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def take(session: Session, application_id: int, application: Application) -> ApplicationSnapshot:
    """Every row of `application_id`, as plain dicts (nothing is changed)."""
    request_ids = list(
        session.scalars(
            select(FollowUpRequestRow.id).where(FollowUpRequestRow.application_id == application_id)
        )
    )
    payload: dict[str, object] = {}
    for model in SNAPSHOT_TABLES:
        table = _table(model)
        if model is ApplicationRow:
            condition = table.c.id == application_id
        elif model is ReminderRow:
            condition = table.c.request_id.in_(request_ids)
        else:
            condition = table.c.application_id == application_id
        payload[table.name] = [
            dict(item._mapping)
            for item in session.execute(select(table).where(condition).order_by(table.c.id))
        ]
    return ApplicationSnapshot(application=application, payload=payload)


def remove(session: Session, application_id: int) -> None:
    """Deletes the application; its children go with it through ON DELETE CASCADE."""
    table = _table(ApplicationRow)
    result = session.execute(delete(table).where(table.c.id == application_id))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFound("That application no longer exists.")


def insert_rows(session: Session, snapshot: ApplicationSnapshot) -> None:
    """Writes the snapshot's rows; the application must not exist (ids are never reused)."""
    template_ids = set(session.scalars(select(TemplateRow.id)))
    for model in SNAPSHOT_TABLES:
        table = _table(model)
        rows = snapshot.payload.get(table.name, [])
        if not isinstance(rows, list) or not rows:
            continue
        if model is FollowUpRequestRow:
            # A template deleted since then must not break the undo.
            rows = [
                item if item.get("template_id") in template_ids else {**item, "template_id": None}
                for item in rows
            ]
        session.execute(insert(table), rows)


def put_back(session: Session, snapshot: ApplicationSnapshot) -> list[int]:
    """Replaces the application (if it still exists) with `snapshot`; returns the ids of
    the requests it had before (some may be gone now).

    A reminder that fired or was marked missed since the snapshot keeps that state: undo
    must not make a notification pop up a second time ("at most once" holds across undo).
    """
    application_id = snapshot.application_id
    reminders = _table(ReminderRow)
    requests = _table(FollowUpRequestRow)
    fired = {
        row.id: (row.fired_at, row.missed)
        for row in session.execute(
            select(reminders.c.id, reminders.c.fired_at, reminders.c.missed)
            .join(requests, requests.c.id == reminders.c.request_id)
            .where(requests.c.application_id == application_id, reminders.c.fired_at.is_not(None))
        )
    }
    replaced = list(
        session.scalars(select(requests.c.id).where(requests.c.application_id == application_id))
    )
    applications = _table(ApplicationRow)
    if session.scalar(select(applications.c.id).where(applications.c.id == application_id)):
        remove(session, application_id)
    if fired:
        rows = snapshot.payload.get(reminders.name, [])
        assert isinstance(rows, list)
        payload = dict(snapshot.payload)
        payload[reminders.name] = [
            {**item, "fired_at": fired[item["id"]][0], "missed": fired[item["id"]][1]}
            if item["id"] in fired
            else item
            for item in rows
        ]
        snapshot = ApplicationSnapshot(application=snapshot.application, payload=payload)
    insert_rows(session, snapshot)
    return replaced
