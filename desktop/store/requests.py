"""Rejections and follow-up requests: logging a rejection, a request's life, what is due."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import stages, templates, validation
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    Contact,
    ContactRole,
    DueItem,
    FollowUpRequest,
    Interview,
    LoggedRejection,
    Rejection,
    RejectionInput,
    Reminder,
    RequestContext,
    RequestKind,
    RequestStatus,
    Settings,
    Stage,
)
from desktop.core.windows import FollowUpWindow, window_for
from desktop.store import applications, reminders
from desktop.store import settings as stored_settings
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import (
    ApplicationRow,
    ContactRow,
    FollowUpRequestRow,
    InterviewRow,
    RejectionRow,
    ReminderRow,
    StageEventRow,
    TemplateRow,
)
from desktop.store.rows import application_row, contact_of, record, request_row, stage_event
from desktop.store.templates import default_row

logger = logging.getLogger(__name__)

_OPEN = RequestStatus.DRAFT


def cleaned_rejection(rejection: RejectionInput, now: datetime) -> RejectionInput:
    """The rejection with every field cleaned by the rules, or InvalidInput."""
    known = rejection.application_id is not None
    return RejectionInput(
        company=rejection.company if known else validation.COMPANY.clean(rejection.company),
        role=rejection.role if known else validation.ROLE.clean(rejection.role),
        notified_at=validation.check_moment(rejection.notified_at, "The rejection date", now=now),
        stage_reached=rejection.stage_reached,
        channel=rejection.channel,
        contact_name=validation.PERSON_NAME.clean(rejection.contact_name),
        contact_email=validation.clean_email(
            rejection.contact_email, "The contact's email address"
        ),
        contact_id=rejection.contact_id,
        application_id=rejection.application_id,
        note=validation.NOTE.clean(rejection.note),
    )


def log_rejection(
    session: Session, change: ChangeBuilder, rejection: RejectionInput, *, now: datetime, tz: tzinfo
) -> LoggedRejection:
    """The whole of "log a rejection": the application (found by company and role, or
    created), the contact, the rejection, the stage event, and the feedback request with
    its text, window and reminders."""
    rejection = cleaned_rejection(rejection, now)
    settings = stored_settings.load(session)
    created = False
    if rejection.application_id is not None:
        app = application_row(session, rejection.application_id)
    else:
        found = applications.match(session, rejection.company, rejection.role)
        if found is None:
            app = _create_for_rejection(session, rejection, now)
            created = True
        else:
            app = found
    stages.check_move(app.stage, Stage.REJECTED)
    stage_reached = rejection.stage_reached or app.stage
    if stage_reached in stages.CLOSED_STAGES:
        raise InvalidInput(f"{Stage(stage_reached).label} isn't a stage a rejection comes from.")
    contact = _contact_for_rejection(session, app.id, rejection)
    rejection_row = RejectionRow(
        application_id=app.id,
        notified_at=rejection.notified_at,
        stage_reached=stage_reached,
        channel=rejection.channel,
        contact_id=None if contact is None else contact.id,
        note=rejection.note,
    )
    session.add(rejection_row)
    session.add(
        stage_event(app, app.stage, Stage.REJECTED, occurred_at=rejection.notified_at, now=now)
    )
    app.stage = Stage.REJECTED
    app.updated_at = now
    session.flush()
    request, planned = _new_request(
        session,
        app,
        RequestKind.FEEDBACK,
        window=window_for(RequestKind.FEEDBACK, rejection.notified_at, settings, tz),
        settings=settings,
        tz=tz,
        now=now,
        contact=contact,
        rejection=rejection_row,
        interview=None,
    )
    logger.info("Logged a rejection (application %d, request %d)", app.id, request.id)
    change.request(app.id, request.id)
    return LoggedRejection(
        application=record(Application, app),
        rejection=record(Rejection, rejection_row),
        request=record(FollowUpRequest, request),
        reminders=tuple(record(Reminder, row) for row in planned),
        contact=None if contact is None else record(Contact, contact),
        application_created=created,
    )


def _create_for_rejection(
    session: Session, rejection: RejectionInput, now: datetime
) -> ApplicationRow:
    # A rejection for an application never tracked: it got at least as far as applying.
    stage = rejection.stage_reached or Stage.APPLIED
    if stage in stages.CLOSED_STAGES:
        stage = Stage.APPLIED
    app = ApplicationRow(
        company=rejection.company,
        role=rejection.role,
        stage=stage,
        created_at=now,
        updated_at=now,
        applied_at=None,
        location="",
        url="",
        source="",
        notes="",
        archived=False,
    )
    session.add(app)
    session.flush()
    session.add(stage_event(app, None, stage, occurred_at=rejection.notified_at, now=now))
    return app


def _contact_for_rejection(
    session: Session, application_id: int, rejection: RejectionInput
) -> ContactRow | None:
    if rejection.contact_id is not None:
        return contact_of(session, rejection.contact_id, application_id)
    name, email = rejection.contact_name, rejection.contact_email
    if not name and not email:
        return None
    for row in session.scalars(
        select(ContactRow).where(ContactRow.application_id == application_id)
    ):
        same_email = email and row.email.casefold() == email.casefold()
        same_name = name and not email and row.name.casefold() == name.casefold()
        if same_email or same_name:
            if name and not row.name:
                row.name = name
            return row
    contact = ContactRow(
        application_id=application_id,
        name=name,
        email=email,
        role=ContactRole.RECRUITER,
        phone="",
        notes="",
    )
    session.add(contact)
    session.flush()
    return contact


def _new_request(
    session: Session,
    app: ApplicationRow,
    kind: RequestKind,
    *,
    window: FollowUpWindow,
    settings: Settings,
    tz: tzinfo,
    now: datetime,
    contact: ContactRow | None,
    rejection: RejectionRow | None,
    interview: InterviewRow | None,
) -> tuple[FollowUpRequestRow, list[ReminderRow]]:
    template = default_row(session, kind)
    draft = FollowUpRequest(
        id=0,
        application_id=app.id,
        kind=kind,
        status=_OPEN,
        subject="",
        body="",
        window_opens_at=window.opens_at,
        window_closes_at=window.closes_at,
        created_at=now,
    )
    context = RequestContext(
        request=draft,
        application=record(Application, app),
        profile=settings.profile,
        contact=None if contact is None else record(Contact, contact),
        interview=None if interview is None else record(Interview, interview),
        rejection=None if rejection is None else record(Rejection, rejection),
    )
    values = templates.merge_values(context, tz)
    request = FollowUpRequestRow(
        application_id=app.id,
        kind=kind,
        status=_OPEN,
        subject=templates.render(template.subject, values).text,
        body=templates.render(template.body, values).text,
        window_opens_at=window.opens_at,
        window_closes_at=window.closes_at,
        created_at=now,
        template_id=template.id,
        contact_id=None if contact is None else contact.id,
        rejection_id=None if rejection is None else rejection.id,
        interview_id=None if interview is None else interview.id,
        sent_at=None,
    )
    session.add(request)
    session.flush()
    planned = reminders.plan(session, request, settings.reminders, tz, now)
    return request, planned


def create_follow_up(
    session: Session,
    change: ChangeBuilder,
    application_id: int,
    kind: RequestKind,
    *,
    now: datetime,
    tz: tzinfo,
    interview_id: int | None,
    contact_id: int | None,
) -> FollowUpRequest:
    """A request of `kind` whose window starts at its natural moment: the rejection
    (feedback, stay in touch), the interview's end (thank you), the last activity
    (check-in)."""
    settings = stored_settings.load(session)
    app = application_row(session, application_id)
    contact = contact_of(session, contact_id, application_id)
    interview = None
    if interview_id is not None:
        interview = session.get(InterviewRow, interview_id)
        if interview is None or interview.application_id != application_id:
            raise InvalidInput("That interview doesn't belong to this application.")
    rejection = session.scalars(
        select(RejectionRow)
        .where(RejectionRow.application_id == application_id)
        .order_by(RejectionRow.notified_at.desc(), RejectionRow.id.desc())
    ).first()
    if kind is RequestKind.THANK_YOU and interview is None:
        interview = session.scalars(
            select(InterviewRow)
            .where(InterviewRow.application_id == application_id)
            .order_by(InterviewRow.scheduled_at.desc(), InterviewRow.id.desc())
        ).first()
        if interview is None:
            raise InvalidInput("Add the interview first: a thank-you note follows one.")
    if contact is None:
        contact = _default_contact(session, app, interview, rejection)
    start = _start_of(session, app, kind, now=now, interview=interview, rejection=rejection)
    request, _planned = _new_request(
        session,
        app,
        kind,
        window=window_for(kind, start, settings, tz),
        settings=settings,
        tz=tz,
        now=now,
        contact=contact,
        rejection=rejection if kind in (RequestKind.FEEDBACK, RequestKind.STAY_IN_TOUCH) else None,
        interview=interview,
    )
    change.request(app.id, request.id)
    return record(FollowUpRequest, request)


def _default_contact(
    session: Session,
    app: ApplicationRow,
    interview: InterviewRow | None,
    rejection: RejectionRow | None,
) -> ContactRow | None:
    for candidate in (
        None if interview is None else interview.contact_id,
        None if rejection is None else rejection.contact_id,
    ):
        if candidate is not None:
            return session.get(ContactRow, candidate)
    return session.scalars(
        select(ContactRow).where(ContactRow.application_id == app.id).order_by(ContactRow.id)
    ).first()


def _start_of(
    session: Session,
    app: ApplicationRow,
    kind: RequestKind,
    *,
    now: datetime,
    interview: InterviewRow | None,
    rejection: RejectionRow | None,
) -> datetime:
    if kind is RequestKind.THANK_YOU and interview is not None:
        return interview.scheduled_at + timedelta(minutes=interview.duration_minutes)
    if kind in (RequestKind.FEEDBACK, RequestKind.STAY_IN_TOUCH):
        return now if rejection is None else rejection.notified_at
    if kind is RequestKind.CLOSING_NOTE:
        return now  # the user just chose to write it
    # Check-in: counted from the last thing that happened on the application.
    moments = [app.created_at]
    if app.applied_at is not None:
        moments.append(app.applied_at)
    latest_event = session.scalar(
        select(func.max(StageEventRow.occurred_at)).where(StageEventRow.application_id == app.id)
    )
    if latest_event is not None:
        moments.append(latest_event)
    if interview is not None:
        moments.append(interview.scheduled_at + timedelta(minutes=interview.duration_minutes))
    return max(moments)


def context(session: Session, request_id: int) -> RequestContext:
    request = request_row(session, request_id)
    app = application_row(session, request.application_id)
    contact = None if request.contact_id is None else session.get(ContactRow, request.contact_id)
    interview = (
        None if request.interview_id is None else session.get(InterviewRow, request.interview_id)
    )
    rejection = (
        None if request.rejection_id is None else session.get(RejectionRow, request.rejection_id)
    )
    return RequestContext(
        request=record(FollowUpRequest, request),
        application=record(Application, app),
        profile=stored_settings.load(session).profile,
        contact=None if contact is None else record(Contact, contact),
        interview=None if interview is None else record(Interview, interview),
        rejection=None if rejection is None else record(Rejection, rejection),
    )


def save_text(
    session: Session,
    change: ChangeBuilder,
    request_id: int,
    *,
    subject: str,
    body: str,
    template_id: int | None,
) -> FollowUpRequest:
    subject = validation.SUBJECT.clean(subject)
    body = validation.MESSAGE.clean(body)
    row = request_row(session, request_id)
    if template_id is not None and session.get(TemplateRow, template_id) is None:
        raise NotFound("That template no longer exists.")
    row.subject, row.body, row.template_id = subject, body, template_id
    session.flush()
    change.request(row.application_id, row.id, reminders=False)
    return record(FollowUpRequest, row)


def set_recipient(
    session: Session, change: ChangeBuilder, request_id: int, contact_id: int | None
) -> FollowUpRequest:
    """Who the request is to: one of its own application's contacts, or nobody."""
    row = request_row(session, request_id)
    if contact_id is not None:
        contact = session.get(ContactRow, contact_id)
        if contact is None or contact.application_id != row.application_id:
            raise NotFound("That contact no longer exists.")
    row.contact_id = contact_id
    session.flush()
    change.request(row.application_id, row.id, reminders=False)
    return record(FollowUpRequest, row)


def mark_sent(
    session: Session, change: ChangeBuilder, request_id: int, sent_at: datetime
) -> FollowUpRequest:
    row = request_row(session, request_id)
    if row.status is RequestStatus.REPLIED:
        raise InvalidInput("This request already has a reply.")
    row.status = RequestStatus.SENT
    row.sent_at = sent_at
    reminders.cancel(session, [row.id])
    session.flush()
    change.request(row.application_id, row.id)
    return record(FollowUpRequest, row)


def skip(session: Session, change: ChangeBuilder, request_id: int) -> FollowUpRequest:
    row = request_row(session, request_id)
    if row.status not in (RequestStatus.DRAFT, RequestStatus.EXPIRED):
        raise InvalidInput(f"A {row.status.value} request can't be skipped.")
    row.status = RequestStatus.SKIPPED
    reminders.cancel(session, [row.id])
    session.flush()
    change.request(row.application_id, row.id)
    return record(FollowUpRequest, row)


def reopen(
    session: Session, change: ChangeBuilder, request_id: int, *, now: datetime, tz: tzinfo
) -> FollowUpRequest:
    """Back to draft; the reminders still ahead in its window are planned again."""
    row = request_row(session, request_id)
    if row.status is _OPEN:
        return record(FollowUpRequest, row)
    policy = stored_settings.load(session).reminders
    row.status = _OPEN
    row.sent_at = None
    reminders.cancel(session, [row.id])
    reminders.plan(session, row, policy, tz, now)
    session.flush()
    change.request(row.application_id, row.id)
    return record(FollowUpRequest, row)


def expire_overdue(session: Session, change: ChangeBuilder, now: datetime) -> list[FollowUpRequest]:
    """Open requests whose window has closed become Expired (their reminders end)."""
    rows = list(
        session.scalars(
            select(FollowUpRequestRow)
            .where(FollowUpRequestRow.status == _OPEN, FollowUpRequestRow.window_closes_at <= now)
            .order_by(FollowUpRequestRow.window_closes_at, FollowUpRequestRow.id)
        )
    )
    for row in rows:
        row.status = RequestStatus.EXPIRED
    reminders.cancel(session, [row.id for row in rows])
    session.flush()
    change.requests_of((row.application_id, row.id) for row in rows)
    return [record(FollowUpRequest, row) for row in rows]


def of_application(session: Session, application_id: int) -> list[FollowUpRequest]:
    application_row(session, application_id)
    return [
        record(FollowUpRequest, row)
        for row in session.scalars(
            select(FollowUpRequestRow)
            .where(FollowUpRequestRow.application_id == application_id)
            .order_by(FollowUpRequestRow.created_at, FollowUpRequestRow.id)
        )
    ]


def every_request(session: Session, limit: int) -> list[DueItem]:
    """Requests of any status with their application's name, the latest window first."""
    rows = session.execute(
        select(FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
        .join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)
        .order_by(FollowUpRequestRow.window_closes_at.desc(), FollowUpRequestRow.id.desc())
        .limit(limit)
    ).all()
    return [
        DueItem(request=record(FollowUpRequest, request), company=company, role=role)
        for request, company, role in rows
    ]


def due_items(session: Session) -> list[DueItem]:
    """Open requests, the soonest-closing first, each with its next reminder. A request
    whose window closed is still listed until it is expired: it is the most urgent."""
    rows = session.execute(
        select(FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
        .join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)
        .where(FollowUpRequestRow.status == _OPEN)
        .order_by(FollowUpRequestRow.window_closes_at, FollowUpRequestRow.id)
    ).all()
    next_by_request = reminders.next_per_request(session)
    return [
        DueItem(
            request=record(FollowUpRequest, request),
            company=company,
            role=role,
            next_reminder=next_by_request.get(request.id),
        )
        for request, company, role in rows
    ]
