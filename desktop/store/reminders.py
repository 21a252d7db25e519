"""Reminders: the one definition of "pending", firing, missing and snoozing.

Life cycle, which every write keeps consistent:
- planned rows have `fired_at IS NULL`; "due" means `coalesce(snoozed_until, due_at) <= now`;
- `claim` sets `fired_at` with a conditional UPDATE, so only one caller ever wins;
- `mark_missed` claims too (and sets `missed`), so a stale reminder can never pop up later;
- sending, skipping, replying or expiring a request deletes its unfired reminders
  (`cancel`): the fired and missed ones stay as history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, select, update
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.core.model import (
    FiringReminder,
    FollowUpRequest,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    RequestStatus,
)
from desktop.core.reminders import plan_reminders
from desktop.core.windows import FollowUpWindow
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import ApplicationRow, FollowUpRequestRow, ReminderRow
from desktop.store.rows import record, request_row, table


def effective_due() -> Any:
    # coalesce keeps the UTCDateTime type of its first argument, so results come back aware.
    return func.coalesce(ReminderRow.snoozed_until, ReminderRow.due_at)


def is_pending() -> ColumnElement[bool]:
    """THE definition of a pending reminder: not fired, not missed, and its request still
    open. Every query about what is still to fire uses it (joined to its request)."""
    return and_(
        ReminderRow.fired_at.is_(None),
        ReminderRow.missed.is_(False),
        FollowUpRequestRow.status == RequestStatus.DRAFT,
    )


def _joined(query: Select[Any]) -> Select[Any]:
    return query.join(FollowUpRequestRow, FollowUpRequestRow.id == ReminderRow.request_id)


def pending() -> Select[tuple[ReminderRow]]:
    return _joined(select(ReminderRow)).where(is_pending())


def next_due_by_request(
    session: Session, application_ids: Sequence[int] | None = None
) -> dict[int, datetime]:
    """Each open request's next pending reminder time (of these applications only)."""
    query = _joined(select(ReminderRow.request_id, func.min(effective_due()))).where(is_pending())
    if application_ids is not None:
        query = query.where(FollowUpRequestRow.application_id.in_(application_ids))
    rows = session.execute(query.group_by(ReminderRow.request_id))
    # Not dict(rows): a Result has .keys(), so dict() would treat it as a mapping.
    return {request_id: due for request_id, due in rows.tuples()}  # noqa: C416


def next_per_request(session: Session) -> dict[int, Reminder]:
    """Each open request's next pending reminder."""
    found: dict[int, Reminder] = {}
    for row in session.scalars(pending().order_by(effective_due(), ReminderRow.id)):
        found.setdefault(row.request_id, record(Reminder, row))
    return found


def next_due(session: Session) -> datetime | None:
    due: datetime | None = session.scalar(
        _joined(select(func.min(effective_due())).select_from(ReminderRow)).where(is_pending())
    )
    return due


def _firing(session: Session, query: Select[Any]) -> list[FiringReminder]:
    return [
        FiringReminder(
            reminder=record(Reminder, reminder),
            request=record(FollowUpRequest, request),
            company=company,
            role=role,
        )
        for reminder, request, company, role in session.execute(query)
    ]


def _firing_query() -> Select[Any]:
    return _joined(
        select(ReminderRow, FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
    ).join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)


def due(session: Session, now: datetime) -> list[FiringReminder]:
    return _firing(
        session,
        _firing_query()
        .where(is_pending(), effective_due() <= now)
        .order_by(effective_due(), ReminderRow.id),
    )


def missed(session: Session) -> list[FiringReminder]:
    """Missed reminders of requests nobody acted on yet (still open, or expired)."""
    return _firing(
        session,
        _firing_query()
        .where(
            ReminderRow.missed.is_(True),
            FollowUpRequestRow.status.in_([RequestStatus.DRAFT, RequestStatus.EXPIRED]),
        )
        .order_by(ReminderRow.due_at, ReminderRow.id),
    )


def set_listed(
    session: Session, change: ChangeBuilder, reminder_ids: Sequence[int], listed: bool
) -> None:
    """Takes missed reminders off the missed list (or puts them back, for undo). They stay
    claimed either way, so they never fire. All or nothing: one that is not where it is
    expected to be (on the list to dismiss, off it to put back) refuses the whole change."""
    reminders = table(ReminderRow)
    result = session.execute(
        update(reminders)
        .where(
            reminders.c.id.in_(list(reminder_ids)),
            reminders.c.fired_at.is_not(None),
            reminders.c.missed.is_(not listed),
        )
        .values(missed=listed)
    )
    if result.rowcount != len(set(reminder_ids)):  # type: ignore[attr-defined]
        raise NotFound(
            "That reminder is on the missed list already."
            if listed
            else "That reminder is no longer on the missed list."
        )
    change.requests_of(_owners(session, reminder_ids), reminders=False)


def of_request(session: Session, request_id: int) -> list[Reminder]:
    request_row(session, request_id)
    return [
        record(Reminder, row)
        for row in session.scalars(
            select(ReminderRow)
            .where(ReminderRow.request_id == request_id)
            .order_by(ReminderRow.due_at, ReminderRow.id)
        )
    ]


def plan(
    session: Session, request: FollowUpRequestRow, policy: ReminderPolicy, tz: tzinfo, now: datetime
) -> list[ReminderRow]:
    """The reminders still ahead in the request's window, added."""
    window = FollowUpWindow(request.window_opens_at, request.window_closes_at)
    rows = [
        ReminderRow(
            request_id=request.id,
            kind=planned.kind,
            due_at=planned.due_at,
            fired_at=None,
            snoozed_until=None,
            missed=False,
        )
        for planned in plan_reminders(window, policy, tz, now=now)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def cancel(session: Session, request_ids: Sequence[int]) -> None:
    """Deletes the requests' unfired reminders; fired and missed ones stay as history."""
    if request_ids:
        session.execute(
            delete(ReminderRow).where(
                ReminderRow.request_id.in_(list(request_ids)), ReminderRow.fired_at.is_(None)
            )
        )


def _owners(session: Session, reminder_ids: Iterable[int]) -> list[tuple[int, int]]:
    """(application id, request id) of each reminder's request."""
    rows = session.execute(
        select(FollowUpRequestRow.application_id, FollowUpRequestRow.id)
        .join(ReminderRow, ReminderRow.request_id == FollowUpRequestRow.id)
        .where(ReminderRow.id.in_(list(reminder_ids)))
    )
    return [(application_id, request_id) for application_id, request_id in rows.tuples()]


def claim(session: Session, change: ChangeBuilder, reminder_id: int, fired_at: datetime) -> bool:
    """True for exactly one caller, across threads and processes: whoever sets `fired_at`
    first."""
    reminders = table(ReminderRow)
    result = session.execute(
        update(reminders)
        .where(reminders.c.id == reminder_id, reminders.c.fired_at.is_(None))
        .values(fired_at=fired_at)
    )
    won = bool(result.rowcount == 1)  # type: ignore[attr-defined]
    if won:
        change.requests_of(_owners(session, [reminder_id]))
    return won


def mark_missed(
    session: Session, change: ChangeBuilder, reminder_ids: Sequence[int], now: datetime
) -> None:
    """Too stale to pop up: claimed silently (so it can never fire) and listed as missed."""
    reminders = table(ReminderRow)
    unclaimed = list(
        session.scalars(
            select(reminders.c.id).where(
                reminders.c.id.in_(list(reminder_ids)), reminders.c.fired_at.is_(None)
            )
        )
    )
    session.execute(
        update(reminders).where(reminders.c.id.in_(unclaimed)).values(fired_at=now, missed=True)
    )
    change.requests_of(_owners(session, unclaimed))


def snooze_request(
    session: Session, change: ChangeBuilder, request_id: int, until: datetime
) -> list[Reminder]:
    """Remind again at `until`: the reminders due before then move to it, and if none was
    left before then, one is added so the snooze always brings the request back. Never past
    the window's close, where the "closed" notice takes over."""
    request = request_row(session, request_id)
    if request.status is not RequestStatus.DRAFT:
        raise InvalidInput("Only an unsent request can be snoozed.")
    until = min(until, request.window_closes_at)
    waiting = list(
        session.scalars(
            pending()
            .where(ReminderRow.request_id == request_id)
            .order_by(ReminderRow.due_at, ReminderRow.id)
        )
    )
    moved = [row for row in waiting if (row.snoozed_until or row.due_at) < until]
    for row in moved:
        row.snoozed_until = until
    if not moved and not any((row.snoozed_until or row.due_at) == until for row in waiting):
        fired_kinds = list(
            session.scalars(
                select(ReminderRow.kind)
                .where(ReminderRow.request_id == request_id, ReminderRow.fired_at.is_not(None))
                .order_by(ReminderRow.fired_at.desc())
            )
        )
        extra = ReminderRow(
            request_id=request_id,
            kind=fired_kinds[0] if fired_kinds else ReminderKind.NUDGE,
            due_at=until,
            fired_at=None,
            snoozed_until=None,
            missed=False,
        )
        session.add(extra)
        moved.append(extra)
    session.flush()
    change.request(request.application_id, request.id)
    return [record(Reminder, row) for row in moved]


def snooze_all(session: Session, change: ChangeBuilder, until: datetime) -> int:
    """Every pending reminder that would fire before `until` waits until then; returns how
    many requests that quietened."""
    rows = list(session.scalars(pending().where(effective_due() < until)))
    for row in rows:
        row.snoozed_until = until
    requests = {row.request_id for row in rows}
    owners = session.execute(
        select(FollowUpRequestRow.application_id, FollowUpRequestRow.id).where(
            FollowUpRequestRow.id.in_(list(requests))
        )
    )
    change.requests_of(owners.tuples())
    return len(requests)
