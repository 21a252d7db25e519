"""Lessons: what a reply (or the silence) taught."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import validation
from desktop.core.errors import InvalidInput
from desktop.core.model import Lesson, ReplyOutcome, RequestStatus
from desktop.store import reminders
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import LessonRow
from desktop.store.rows import application_row, lesson, request_row


def listed(session: Session) -> list[Lesson]:
    return [
        lesson(row)
        for row in session.scalars(select(LessonRow).order_by(LessonRow.recorded_at, LessonRow.id))
    ]


def add(
    session: Session,
    change: ChangeBuilder,
    application_id: int,
    outcome: ReplyOutcome,
    *,
    now: datetime,
    request_id: int | None,
    themes: tuple[str, ...],
    notes: str,
    action: str,
) -> Lesson:
    """A reply to a request marks it Replied and ends its reminders."""
    row = LessonRow(
        application_id=application_id,
        request_id=request_id,
        outcome=ReplyOutcome(outcome),
        recorded_at=now,
        themes=validation.unique_themes(themes),
        notes=validation.NOTES.clean(notes),
        action=validation.ACTION.clean(action),
        action_done=False,
    )
    application_row(session, application_id)
    if request_id is not None:
        request = request_row(session, request_id)
        if request.application_id != application_id:
            raise InvalidInput("That request belongs to another application.")
        if row.outcome is ReplyOutcome.REPLIED:
            request.status = RequestStatus.REPLIED
            reminders.cancel(session, [request.id])
            change.request(application_id, request.id)
    session.add(row)
    session.flush()
    change.lessons = True
    return lesson(row)


def update(session: Session, change: ChangeBuilder, edited: Lesson) -> Lesson:
    themes = validation.unique_themes(edited.themes)
    notes = validation.NOTES.clean(edited.notes)
    action = validation.ACTION.clean(edited.action)
    row = session.get(LessonRow, edited.id)
    if row is None:
        raise NotFound("That lesson no longer exists.")
    row.outcome = ReplyOutcome(edited.outcome)
    row.themes = themes
    row.notes = notes
    row.action = action
    row.action_done = edited.action_done
    session.flush()
    change.lessons = True
    return lesson(row)
