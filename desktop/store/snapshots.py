"""An application with everything that hangs off it, taken whole and put back whole.

This is how undo is exact: a command takes a snapshot of the application before it changes
it and puts that snapshot back on undo (and the snapshot taken after it on redo), so the
timeline, the requests, the reminders and the lessons are what they were, with the same
ids. Nothing is left behind to count (no "Undo" event in the timeline for Insights to see).

The rows all applications share, the templates and the settings, are taken the same way
(`SharedSnapshot`): a JSON import replaces them and its undo puts them back; a template
saved or deleted is undone from the templates' snapshot.

Functions over a `Session`; `Store` owns the transactions and says what changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, TableClause, column, delete, insert, select, update
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.core.model import Application
from desktop.store.changes import ChangeBuilder
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
    SettingRow,
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


# The rows every application shares; requests refer to templates, so templates come first.
SHARED_TABLES: tuple[type[Base], ...] = (TemplateRow, SettingRow)

Rows = list[dict[str, object]]


@dataclass(frozen=True, slots=True)
class ApplicationSnapshot:
    """Everything one application holds, so that undo can put it back with the same ids."""

    application: Application
    payload: dict[str, Rows]

    @property
    def application_id(self) -> int:
        return self.application.id

    @property
    def request_ids(self) -> tuple[int, ...]:
        return _ids(self.payload, FollowUpRequestRow)


@dataclass(frozen=True, slots=True)
class SharedSnapshot:
    """Rows of the shared tables (the templates, the settings, or both) as they stood, to
    be put back exactly."""

    payload: dict[str, Rows]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote, and what its undo needs: the applications it added, and the
    templates and settings as they stood before it."""

    summary: str
    added: frozenset[int]
    shared_before: SharedSnapshot


@dataclass(frozen=True, slots=True)
class ImportSnapshot:
    """What undoing an import took away: every row of the applications it added, table by
    table as `ApplicationSnapshot.payload` holds one application's, and the templates and
    settings as they stood with them. Redo puts them back."""

    payload: dict[str, Rows]
    shared: SharedSnapshot


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _stored(model: type[Base]) -> TableClause:
    table = _table(model)
    return sql_table(table.name, *(column(spec.name) for spec in table.columns))


# The snapshot tables with untyped columns: their rows are read and written as SQLite
# stores them, with no conversion either way. So a snapshot puts back exactly what was
# there (a date from before the rules stays as it was, where a typed read clamps it), and
# reading 100,000 applications' rows takes half the time that converting every value did.
_STORED: dict[type[Base], TableClause] = {model: _stored(model) for model in SNAPSHOT_TABLES}


def _ids(payload: Mapping[str, Rows], model: type[Base]) -> tuple[int, ...]:
    return tuple(cast("int", item["id"]) for item in payload.get(_STORED[model].name, []))


# Ids per statement, well under SQLite's bound-parameter limit; rows per INSERT, so that
# the parameter lists SQLAlchemy builds stay small.
_ID_CHUNK = 500
_INSERT_SLICE = 2_000


def _rows_of(session: Session, application_ids: Sequence[int]) -> dict[str, Rows]:
    """Every row the applications hold, table by table, as stored: a few statements per
    500 applications, however many rows hang off each."""
    payload: dict[str, Rows] = {_STORED[model].name: [] for model in SNAPSHOT_TABLES}
    requests = _STORED[FollowUpRequestRow]
    for start in range(0, len(application_ids), _ID_CHUNK):
        chunk = application_ids[start : start + _ID_CHUNK]
        for model in SNAPSHOT_TABLES:
            table = _STORED[model]
            if model is ApplicationRow:
                condition = table.c.id.in_(chunk)
            elif model is ReminderRow:
                of_chunk = select(requests.c.id).where(requests.c.application_id.in_(chunk))
                condition = table.c.request_id.in_(of_chunk)
            else:
                condition = table.c.application_id.in_(chunk)
            payload[table.name].extend(
                dict(item._mapping)
                for item in session.execute(select(table).where(condition).order_by(table.c.id))
            )
    return payload


def take(session: Session, application_id: int, application: Application) -> ApplicationSnapshot:
    """Every row of `application_id`, as plain dicts (nothing is changed)."""
    return ApplicationSnapshot(application=application, payload=_rows_of(session, [application_id]))


def remove(session: Session, application_id: int) -> None:
    """Deletes the application; its children go with it through ON DELETE CASCADE."""
    table = _table(ApplicationRow)
    result = session.execute(delete(table).where(table.c.id == application_id))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFound("That application no longer exists.")


def insert_rows(session: Session, snapshot: ApplicationSnapshot) -> None:
    """Writes the snapshot's rows; the application must not exist (ids are never reused)."""
    _insert(session, snapshot.payload)


def _insert(session: Session, payload: Mapping[str, Rows]) -> None:
    template_ids = set(session.scalars(select(TemplateRow.id)))
    for model in SNAPSHOT_TABLES:
        table = _STORED[model]
        rows = payload.get(table.name, [])
        if model is FollowUpRequestRow:
            # A template deleted since then must not break the undo.
            rows = [
                item if item.get("template_id") in template_ids else {**item, "template_id": None}
                for item in rows
            ]
        for start in range(0, len(rows), _INSERT_SLICE):
            session.execute(insert(table), rows[start : start + _INSERT_SLICE])


def take_away(
    session: Session, change: ChangeBuilder, application_ids: Sequence[int]
) -> dict[str, Rows]:
    """Deletes the applications and everything hanging off them, as a set: the rows are
    read and deleted a chunk of ids at a time, not one application at a time (an import's
    undo removes up to 100,000). Returns the rows `bring_back` needs (the
    `ImportSnapshot.payload`)."""
    payload = _rows_of(session, application_ids)
    applications = _table(ApplicationRow)
    for start in range(0, len(application_ids), _ID_CHUNK):
        chunk = application_ids[start : start + _ID_CHUNK]
        # Their children go with them through ON DELETE CASCADE.
        session.execute(delete(applications).where(applications.c.id.in_(chunk)))
    request_ids = _ids(payload, FollowUpRequestRow)
    change.removed_applications.update(_ids(payload, ApplicationRow))
    change.requests.update(request_ids)
    change.reminders = change.reminders or bool(request_ids)
    return payload


def bring_back(session: Session, change: ChangeBuilder, payload: Mapping[str, Rows]) -> None:
    """Undoes `take_away`: the rows go back with the same ids (ids are never reused)."""
    applications = _table(ApplicationRow)
    application_ids = _ids(payload, ApplicationRow)
    for start in range(0, len(application_ids), _ID_CHUNK):
        chunk = application_ids[start : start + _ID_CHUNK]
        if session.scalar(select(applications.c.id).where(applications.c.id.in_(chunk)).limit(1)):
            raise InvalidInput("Those applications are already back.")
    _insert(session, payload)
    request_ids = _ids(payload, FollowUpRequestRow)
    change.applications.update(application_ids)
    change.requests.update(request_ids)
    change.reminders = change.reminders or bool(request_ids)


def put_back(session: Session, snapshot: ApplicationSnapshot) -> list[int]:
    """Replaces the application (if it still exists) with `snapshot`; returns the ids of
    the requests it had before (some may be gone now).

    A reminder that fired or was marked missed since the snapshot keeps that state: undo
    must not make a notification pop up a second time ("at most once" holds across undo).
    """
    application_id = snapshot.application_id
    # As stored, like the snapshot's rows they go into.
    reminders = _STORED[ReminderRow]
    requests = _STORED[FollowUpRequestRow]
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


def _rows(session: Session, table: Table) -> Rows:
    ordered = select(table).order_by(*table.primary_key)
    return [dict(item._mapping) for item in session.execute(ordered)]


def take_shared(session: Session, tables: tuple[type[Base], ...] = SHARED_TABLES) -> SharedSnapshot:
    """Every row of the shared `tables` (all: the templates and the settings), as plain
    dicts (nothing is changed)."""
    return SharedSnapshot({_table(model).name: _rows(session, _table(model)) for model in tables})


def put_back_shared(session: Session, change: ChangeBuilder, snapshot: SharedSnapshot) -> None:
    """Makes the shared tables the snapshot holds (templates, settings) exactly what it
    holds.

    Row by row on the primary key rather than emptied and filled again: deleting a template
    clears the reference of every request written with it, so one that stays must stay.
    """
    for model in SHARED_TABLES:
        table = _table(model)
        if table.name not in snapshot.payload:
            continue
        (key,) = table.primary_key.columns
        wanted = {item[key.name]: item for item in snapshot.payload[table.name]}
        present = {item[key.name]: item for item in _rows(session, table)}
        if present == wanted:
            continue
        if model is TemplateRow:
            change.templates = True
        else:
            # Reminder times follow the policy, and drafts the profile.
            change.settings = change.reminders = True
        gone = [value for value in present if value not in wanted]
        if gone:
            session.execute(delete(table).where(key.in_(gone)))
        for value, item in wanted.items():
            if value not in present:
                session.execute(insert(table).values(item))
            elif present[value] != item:
                session.execute(update(table).where(key == value).values(item))


def relink_requests(session: Session, links: Mapping[int, int]) -> list[tuple[int, int]]:
    """Puts back the template references a template's deletion cleared ({request id:
    template id}), where the request still exists, still has none, and the template is back.
    Returns the (application id, request id) of the requests it changed."""
    requests = _table(FollowUpRequestRow)
    templates = set(session.scalars(select(TemplateRow.id)))
    changed: list[tuple[int, int]] = []
    for request_id, template_id in links.items():
        if template_id not in templates:
            continue
        application_id = session.scalar(
            update(requests)
            .where(requests.c.id == request_id, requests.c.template_id.is_(None))
            .values(template_id=template_id)
            .returning(requests.c.application_id)
        )
        if application_id is not None:
            changed.append((application_id, request_id))
    return changed
