"""What every area of the store shares: rows to records, and finding a row or saying so."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop.core import stages
from desktop.core.errors import InvalidInput
from desktop.core.model import Lesson, Stage
from desktop.store.errors import NotFound
from desktop.store.models import (
    ApplicationRow,
    Base,
    ContactRow,
    FollowUpRequestRow,
    LessonRow,
    StageEventRow,
)

R = TypeVar("R")


def record(record_type: type[R], row: object) -> R:
    """The plain record for an ORM row: the row's attributes are named like its fields."""
    names = (item.name for item in fields(record_type))  # type: ignore[arg-type]
    return record_type(**{name: getattr(row, name) for name in names})


def lesson(row: LessonRow) -> Lesson:
    return Lesson(
        id=row.id,
        application_id=row.application_id,
        outcome=row.outcome,
        recorded_at=row.recorded_at,
        request_id=row.request_id,
        themes=tuple(str(theme) for theme in (row.themes or ())),
        notes=row.notes,
        action=row.action,
        action_done=row.action_done,
    )


def table(model: type[Base]) -> Table:
    found = model.__table__
    assert isinstance(found, Table)
    return found


def application_row(session: Session, application_id: int) -> ApplicationRow:
    row = session.get(ApplicationRow, application_id)
    if row is None:
        raise NotFound("That application no longer exists.")
    return row


def request_row(session: Session, request_id: int) -> FollowUpRequestRow:
    row = session.get(FollowUpRequestRow, request_id)
    if row is None:
        raise NotFound("That follow-up request no longer exists.")
    return row


def contact_of(session: Session, contact_id: int | None, application_id: int) -> ContactRow | None:
    """The contact `contact_id`, which must belong to the application; None for None."""
    if contact_id is None:
        return None
    contact = session.get(ContactRow, contact_id)
    if contact is None or contact.application_id != application_id:
        raise InvalidInput("That contact doesn't belong to this application.")
    return contact


def stage_event(
    application: ApplicationRow,
    from_stage: Stage | None,
    to_stage: Stage,
    *,
    occurred_at: datetime,
    now: datetime,
    note: str = "",
) -> StageEventRow:
    """A timeline entry; `occurred_at` may be backdated, `recorded_at` is always now.

    A move into a stage that means the application was sent dates an undated application,
    on every path that moves one (drag, rejection, edit). A creation event does not: the
    moment a record is added or imported says nothing about when the application went out.
    """
    if from_stage is not None and to_stage in stages.SENT_STAGES and application.applied_at is None:
        application.applied_at = occurred_at
    return StageEventRow(
        application_id=application.id,
        from_stage=from_stage,
        to_stage=to_stage,
        occurred_at=occurred_at,
        recorded_at=now,
        note=note,
    )
