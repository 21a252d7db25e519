"""Contacts and interviews of an application."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import validation
from desktop.core.errors import InvalidInput
from desktop.core.model import Contact, ContactRole, Interview
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import ContactRow, InterviewRow
from desktop.store.rows import application_row, contact_of, record


def of_application(session: Session, application_id: int) -> list[Contact]:
    application_row(session, application_id)
    return [
        record(Contact, row)
        for row in session.scalars(
            select(ContactRow)
            .where(ContactRow.application_id == application_id)
            .order_by(ContactRow.id)
        )
    ]


def cleaned(contact: Contact) -> Contact:
    """The contact with its fields cleaned by the rules, or InvalidInput."""
    name = validation.PERSON_NAME.clean(contact.name)
    email = validation.clean_email(contact.email)
    if not name and not email:
        raise InvalidInput("A contact needs a name or an email address.")
    return Contact(
        id=contact.id,
        application_id=contact.application_id,
        name=name,
        email=email,
        role=ContactRole(contact.role),
        phone=validation.PHONE.clean(contact.phone),
        notes=validation.NOTES.clean(contact.notes),
    )


def add(session: Session, change: ChangeBuilder, contact: Contact) -> Contact:
    fresh = cleaned(contact)
    application_row(session, fresh.application_id)
    row = ContactRow(
        application_id=fresh.application_id,
        name=fresh.name,
        email=fresh.email,
        role=fresh.role,
        phone=fresh.phone,
        notes=fresh.notes,
    )
    session.add(row)
    session.flush()
    change.application(row.application_id)
    return record(Contact, row)


def update(session: Session, change: ChangeBuilder, contact: Contact) -> Contact:
    fresh = cleaned(contact)
    row = session.get(ContactRow, contact.id)
    if row is None:
        raise NotFound("That contact no longer exists.")
    row.name, row.email, row.role = fresh.name, fresh.email, fresh.role
    row.phone, row.notes = fresh.phone, fresh.notes
    session.flush()
    change.application(row.application_id)
    return record(Contact, row)


def delete(session: Session, change: ChangeBuilder, contact_id: int) -> None:
    row = session.get(ContactRow, contact_id)
    if row is None:
        raise NotFound("That contact no longer exists.")
    session.delete(row)
    change.application(row.application_id)


def interviews(session: Session, application_id: int) -> list[Interview]:
    application_row(session, application_id)
    return [
        record(Interview, row)
        for row in session.scalars(
            select(InterviewRow)
            .where(InterviewRow.application_id == application_id)
            .order_by(InterviewRow.scheduled_at, InterviewRow.id)
        )
    ]


def _duration(minutes: int) -> int:
    if not 1 <= minutes <= 24 * 60:
        raise InvalidInput("An interview lasts between 1 minute and 24 hours.")
    return minutes


def _cleaned_interview(interview: Interview) -> dict[str, object]:
    """The interview's columns by the rules every write applies (adding and editing alike)."""
    return {
        "scheduled_at": validation.check_moment(interview.scheduled_at, "The interview time"),
        "duration_minutes": _duration(interview.duration_minutes),
        "kind": validation.INTERVIEW_KIND.clean(interview.kind) or "video",
        "contact_id": interview.contact_id,
        "notes": validation.NOTES.clean(interview.notes),
    }


def add_interview(session: Session, change: ChangeBuilder, interview: Interview) -> Interview:
    row = InterviewRow(application_id=interview.application_id, **_cleaned_interview(interview))
    application_row(session, interview.application_id)
    contact_of(session, interview.contact_id, interview.application_id)
    session.add(row)
    session.flush()
    change.application(row.application_id)
    return record(Interview, row)


def update_interview(session: Session, change: ChangeBuilder, interview: Interview) -> Interview:
    fresh = _cleaned_interview(interview)
    row = session.get(InterviewRow, interview.id)
    if row is None:
        raise NotFound("That interview no longer exists.")
    contact_of(session, interview.contact_id, row.application_id)
    for column, value in fresh.items():
        setattr(row, column, value)
    session.flush()
    change.application(row.application_id)
    return record(Interview, row)


def delete_interview(session: Session, change: ChangeBuilder, interview_id: int) -> None:
    row = session.get(InterviewRow, interview_id)
    if row is None:
        raise NotFound("That interview no longer exists.")
    session.delete(row)
    change.application(row.application_id)
