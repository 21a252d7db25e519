"""Applications and their timelines: what the board and the table show."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import stages, validation
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    ApplicationSummary,
    FollowUpRequest,
    RequestStatus,
    Stage,
    StageEvent,
)
from desktop.store import reminders, snapshots
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import (
    ApplicationRow,
    FollowUpRequestRow,
    StageEventRow,
    match_key,
)
from desktop.store.rows import application_row, record, stage_event
from desktop.store.snapshots import ApplicationSnapshot

# -- the summaries the window loads ------------------------------------------------------

_APPLICATION_SQL = (
    "SELECT id, company, role, stage, created_at, updated_at, applied_at, location, url,"
    " source, notes, archived FROM applications"
)
_STAGES: dict[str, Stage] = {stage.value: stage for stage in Stage}
# The stored text of the rules' first and last instants: a value outside (from a database
# older than the rules) is read as the nearest one, so that no reader overflows on it.
_EARLIEST = validation.EARLIEST.replace(tzinfo=None).isoformat(" ")
_LATEST = validation.LATEST.replace(tzinfo=None).isoformat(" ")


def _instant(text: str, parse: Callable[[str], datetime]) -> datetime:
    if text < _EARLIEST:
        return validation.EARLIEST
    if text > _LATEST:
        return validation.LATEST
    return parse(text + "+00:00")


def _summaries_from_tuples(
    rows: Iterable[Any],
    names: dict[int, list[str]],
    open_requests: dict[int, FollowUpRequest],
    next_due: dict[int, datetime],
    _parse: Callable[[str], datetime] = datetime.fromisoformat,
) -> list[ApplicationSummary]:
    """The summaries of `_APPLICATION_SQL` rows. Runs once per application when the window
    loads, so it favours speed and memory: one loop, no helper call per row."""
    # Roles, locations, sources and often companies repeat from row to row; sqlite3 hands
    # out a new string for each, and 100,000 rows would hold 100,000 copies of each.
    shared: dict[str, str] = {}
    share = shared.setdefault
    summaries: list[ApplicationSummary] = []
    append = summaries.append
    low, high = _EARLIEST, _LATEST
    for (app_id, company, role, stage, created, updated, applied, location, url, source, notes,
         archived) in rows:  # fmt: skip
        # The stored text is naive UTC, and appending the offset parses several times faster
        # than .replace(tzinfo=UTC) after. A row never edited since it was added has the
        # same text in several columns: one datetime object serves them all.
        # Text outside the rules' range (a database older than them) is read as the nearest
        # instant inside: string comparisons, so the common case costs no call.
        if low <= created <= high:
            created_at = _parse(created + "+00:00")
        else:
            created_at = _instant(created, _parse)
        if updated == created:
            updated_at = created_at
        elif low <= updated <= high:
            updated_at = _parse(updated + "+00:00")
        else:
            updated_at = _instant(updated, _parse)
        if applied is None:
            applied_at = None
        elif applied == created:
            applied_at = created_at
        elif low <= applied <= high:
            applied_at = _parse(applied + "+00:00")
        else:
            applied_at = _instant(applied, _parse)
        request = open_requests.get(app_id)
        contact_names = names.get(app_id)
        append(
            ApplicationSummary(
                Application(
                    app_id,
                    share(company, company),
                    share(role, role),
                    _STAGES[stage],
                    created_at,
                    updated_at,
                    applied_at,
                    share(location, location),
                    url,
                    share(source, source),
                    notes,
                    bool(archived),
                ),
                () if contact_names is None else tuple(contact_names),
                request,
                None if request is None else next_due.get(request.id),
            )
        )
    return summaries


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pauses Python's cyclic garbage collector for a bulk load.

    Building 100,000 summaries allocates hundreds of thousands of container objects, none
    of them garbage; each allocation burst would otherwise trigger collections that walk the
    growing heap again and again (measured: 0.1 to 0.4 s at 100,000 applications).
    Reference counting still frees everything as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def summaries(
    session: Session, ids: Sequence[int] | None, *, include_archived: bool
) -> list[ApplicationSummary]:
    """Every application (`ids` None) or those of `ids` that exist, each with its contacts'
    names, its most urgent open request and that request's next reminder. Four queries
    however many rows."""
    # A short list of ids goes into the SQL as bound parameters (far below SQLite's limit:
    # a change names a handful).
    only = "" if ids is None else f" IN ({','.join('?' * len(ids))})"
    params: Sequence[int] = () if ids is None else ids
    # The two big reads skip ORM row processing: at 100,000 applications building ORM
    # objects costs seconds, plain tuples a fraction of that. They use the driver's own
    # cursor, inside this session's transaction.
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    names: dict[int, list[str]] = {}
    for app_id, name in raw.execute(
        "SELECT application_id, name FROM contacts"
        + ("" if ids is None else f" WHERE application_id{only}")
        + " ORDER BY id",
        params,
    ):
        names.setdefault(app_id, []).append(name)
    query = select(FollowUpRequestRow).where(FollowUpRequestRow.status == RequestStatus.DRAFT)
    if ids is not None:
        query = query.where(FollowUpRequestRow.application_id.in_(ids))
    open_requests: dict[int, FollowUpRequest] = {}
    for row in session.scalars(
        query.order_by(FollowUpRequestRow.window_closes_at, FollowUpRequestRow.id)
    ):
        open_requests.setdefault(row.application_id, record(FollowUpRequest, row))
    next_due = reminders.next_due_by_request(session, ids)
    # "+archived" keeps SQLite off the (archived, updated_at) index: nearly every row
    # matches, and reading through the index means sorting them all by id after.
    conditions = ([] if include_archived else ["+archived = 0"]) + (
        [] if ids is None else [f"id{only}"]
    )
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    # Iterated, not fetchall(): each row's tuple and its timestamp strings are freed as
    # soon as its summary is built, instead of all 100,000 living at once.
    with _collector_paused():
        return _summaries_from_tuples(
            raw.execute(_APPLICATION_SQL + where + " ORDER BY id", params),
            names,
            open_requests,
            next_due,
        )


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
