"""The store's public face: every user action is one method and one SQLite transaction.

Methods take and return the plain records of `desktop.core.model`; no ORM object leaves
this module. Each method opens its own short session, so a worker thread can use the same
`Store` (SQLite connections are per thread through the engine's pool).

Reminder life cycle, which every method here keeps consistent:
- planned rows have `fired_at IS NULL`; "due" means `coalesce(snoozed_until, due_at) <= now`;
- `claim_reminder` sets `fired_at` with a conditional UPDATE, so only one caller ever wins;
- `mark_missed` claims too (and sets `missed`), so a stale reminder can never pop up later;
- sending, skipping, replying or expiring a request deletes its unfired reminders: the
  fired and missed ones stay as history.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from desktop.core import stages, templates
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    ApplicationSummary,
    Contact,
    ContactRole,
    DueItem,
    FiringReminder,
    FollowUpRequest,
    Interview,
    Lesson,
    LoggedRejection,
    Profile,
    Rejection,
    RejectionInput,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReplyOutcome,
    RequestContext,
    RequestKind,
    RequestStatus,
    Settings,
    Stage,
    StageEvent,
    Template,
)
from desktop.core.reminders import plan_reminders
from desktop.core.windows import FollowUpWindow, window_for
from desktop.core.zones import system_zone
from desktop.store import snapshots
from desktop.store.changes import Change, ChangeBuilder, ChangeFeed
from desktop.store.database import Database
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
    match_key,
)
from desktop.store.snapshots import ApplicationSnapshot

if TYPE_CHECKING:
    from desktop.store.exchange import ImportPlan

logger = logging.getLogger(__name__)

# A notification time "a little in the future" is a clock skew between devices, not a lie.
FUTURE_TOLERANCE = timedelta(minutes=5)
MAX_NAME = 200
MAX_TEXT = 100_000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_OPEN = RequestStatus.DRAFT
R = TypeVar("R")
_NOTHING = Change()


# -- validation --------------------------------------------------------------------------------


def _required(value: str, what: str, limit: int = MAX_NAME) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(f"{what} can't be empty.")
    if len(cleaned) > limit:
        raise InvalidInput(f"{what} is too long (at most {limit} characters).")
    return cleaned


def _optional(value: str, what: str, limit: int = MAX_TEXT) -> str:
    if len(value) > limit:
        raise InvalidInput(f"{what} is too long (at most {limit} characters).")
    return value.strip()


def _email(value: str, what: str = "The email address") -> str:
    cleaned = value.strip()
    if cleaned and (len(cleaned) > 320 or not _EMAIL.fullmatch(cleaned)):
        raise InvalidInput(f"{what} doesn't look like an email address (name@example.org).")
    return cleaned


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(f"{what} needs a time zone.")
    return moment.astimezone(UTC)


def _not_future(moment: datetime, now: datetime, what: str) -> datetime:
    moment = _aware(moment, what)
    if moment > _aware(now, "now") + FUTURE_TOLERANCE:
        raise InvalidInput(f"{what} can't be in the future.")
    return moment


def _themes(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        cleaned = " ".join(str(value).split())[:60]
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return list(seen.values())


def _check_template_text(text: str, what: str) -> str:
    _optional(text, what)
    problems = templates.check(text)
    if problems:
        raise InvalidInput(f"{what}: {problems[0].message}")
    return text


# -- rows to records -----------------------------------------------------------------------------


def _stage_event(
    application: ApplicationRow,
    from_stage: Stage | None,
    to_stage: Stage,
    *,
    occurred_at: datetime,
    now: datetime,
    note: str = "",
) -> StageEventRow:
    """A timeline entry; `occurred_at` may be backdated, `recorded_at` is always now."""
    return StageEventRow(
        application_id=application.id,
        from_stage=from_stage,
        to_stage=to_stage,
        occurred_at=occurred_at,
        recorded_at=now,
        note=note,
    )


def _record(record_type: type[R], row: object) -> R:
    """The plain record for an ORM row: the row's attributes are named like its fields."""
    names = (item.name for item in fields(record_type))  # type: ignore[arg-type]
    return record_type(**{name: getattr(row, name) for name in names})


_APPLICATION_SQL = (
    "SELECT id, company, role, stage, created_at, updated_at, applied_at, location, url,"
    " source, notes, archived FROM applications"
)
_STAGES: dict[str, Stage] = {stage.value: stage for stage in Stage}


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
    for (app_id, company, role, stage, created, updated, applied, location, url, source, notes,
         archived) in rows:  # fmt: skip
        # The stored text is naive UTC, and appending the offset parses several times faster
        # than .replace(tzinfo=UTC) after. A row never edited since it was added has the
        # same text in several columns: one datetime object serves them all.
        created_at = _parse(created + "+00:00")
        updated_at = created_at if updated == created else _parse(updated + "+00:00")
        if applied is None:
            applied_at = None
        else:
            applied_at = created_at if applied == created else _parse(applied + "+00:00")
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


def _lesson(row: LessonRow) -> Lesson:
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


# -- settings as key/value JSON ------------------------------------------------------------------


def _encode(value: object) -> object:
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value


def _decode(raw: object, annotation: str) -> object:
    """`raw` as the field's declared type; raises ValueError/TypeError when it does not fit.

    Goes by the annotation, not the default's type: `nudge_after_hours: float = 2`.
    """
    kind = annotation.replace(" ", "")
    if kind == "bool" and isinstance(raw, bool):
        return raw
    if kind == "int" and isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if kind == "float" and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if kind == "str" and isinstance(raw, str):
        return raw
    if kind == "time" and isinstance(raw, str):
        return time.fromisoformat(raw)
    if kind == "datetime|None":
        return None if raw is None else _aware(datetime.fromisoformat(str(raw)), "time")
    raise TypeError(f"unexpected {type(raw).__name__} for {annotation}")


def _load_dataclass(cls: type[R], stored: object, key: str) -> R:
    base = cls()
    if not isinstance(stored, dict):
        return base
    values: dict[str, Any] = {}
    for item in fields(cls):  # type: ignore[arg-type]
        if item.name not in stored:
            continue
        try:
            values[item.name] = _decode(stored[item.name], str(item.type))
        except (TypeError, ValueError, InvalidInput):
            # A hand-edited or damaged value falls back to the default rather than stopping
            # the app; the rest of the settings still load.
            logger.warning("Ignoring a bad stored setting %s.%s", key, item.name)
    return replace(base, **values)  # type: ignore[type-var]


def _validate_settings(settings: Settings) -> None:
    policy = settings.reminders
    if policy.window_hours < 1:
        raise InvalidInput("The follow-up window must be at least 1 hour.")
    for value, what in (
        (policy.nudge_after_hours, "The nudge"),
        (policy.closing_before_hours, "The closing reminder"),
        (policy.last_call_before_hours, "The last call"),
        (policy.stale_after_hours, "The missed-reminder cut-off"),
    ):
        if value < 0 or value > policy.window_hours * 10:
            raise InvalidInput(f"{what} time is out of range.")
    if settings.thank_you_window_hours < 1:
        raise InvalidInput("The thank-you window must be at least 1 hour.")
    if settings.check_in_business_days < 1:
        raise InvalidInput("The check-in wait must be at least 1 business day.")
    if settings.stay_in_touch_weeks < 1:
        raise InvalidInput("The stay-in-touch wait must be at least 1 week.")
    _optional(settings.profile.name, "Your name", MAX_NAME)
    _optional(settings.profile.signature, "Your signature", 5000)
    _email(settings.profile.email, "Your email address")
    if settings.reminders_paused_until is not None:
        _aware(settings.reminders_paused_until, "The pause end")


class Store:
    """All reads and writes of the app. Safe to share between threads."""

    def __init__(self, database: Database, *, local_tz: Callable[[], tzinfo] | None = None) -> None:
        self._database = database
        # Asked on every use: the machine's zone can change while the app runs.
        self._local_tz = local_tz or system_zone
        self.changes = ChangeFeed()

    @contextmanager
    def _write(self) -> Iterator[tuple[Session, ChangeBuilder]]:
        """One write transaction; what it noted is published once it has committed.

        An error rolls it back and publishes nothing; a write that changed nothing
        publishes nothing either.
        """
        builder = ChangeBuilder()
        with self._database.transaction(write=True) as session:
            yield session, builder
        change = builder.build()
        if change != _NOTHING:
            self.changes.publish(change)

    @property
    def database(self) -> Database:
        return self._database

    # -- settings ------------------------------------------------------------------
    def load_settings(self) -> Settings:
        with self._database.transaction() as session:
            return self._settings(session)

    def save_settings(self, settings: Settings) -> None:
        _validate_settings(settings)
        rows: dict[str, object] = {
            "profile": {f.name: getattr(settings.profile, f.name) for f in fields(Profile)},
            "reminders": {
                f.name: _encode(getattr(settings.reminders, f.name)) for f in fields(ReminderPolicy)
            },
        }
        for item in fields(Settings):
            if item.name not in rows:
                rows[item.name] = _encode(getattr(settings, item.name))
        with self._write() as (session, change):
            for key, value in rows.items():
                session.merge(SettingRow(key=key, value=value))
            # Reminder times follow the policy, and drafts the profile.
            change.settings = True

    def _settings(self, session: Session) -> Settings:
        stored = {row.key: row.value for row in session.scalars(select(SettingRow))}
        base = Settings()
        values: dict[str, Any] = {
            "profile": _load_dataclass(Profile, stored.get("profile"), "profile"),
            "reminders": _load_dataclass(ReminderPolicy, stored.get("reminders"), "reminders"),
        }
        for item in fields(Settings):
            if item.name in values or item.name not in stored:
                continue
            raw = stored[item.name]
            try:
                values[item.name] = _decode(raw, str(item.type))
            except (TypeError, ValueError, InvalidInput):
                logger.warning("Ignoring a bad stored setting %s", item.name)
        return replace(base, **values)

    # -- import --------------------------------------------------------------------
    def apply_import(self, plan: ImportPlan, *, now: datetime) -> str:
        """Writes a validated import (`exchange.parse_import`) in one transaction; returns
        what was imported, for the user. Ids may all be new: listeners reload."""
        from desktop.store import exchange  # noqa: PLC0415 - exchange imports this module

        with self._write() as (session, change):
            summary = exchange.apply_import(session, plan, now=_aware(now, "now"))
            change.everything = True
            return summary

    # -- applications --------------------------------------------------------------
    def list_summaries(self, *, include_archived: bool = False) -> list[ApplicationSummary]:
        """Every application with its contacts' names, its most urgent open request and
        that request's next reminder. Four queries however many rows: this feeds the board
        and the table at start."""
        return self._summaries(None, include_archived=include_archived)

    def summaries_for(
        self, application_ids: Collection[int], *, include_archived: bool = False
    ) -> list[ApplicationSummary]:
        """`list_summaries` for these applications only (those that still exist): what a
        view needs to update the rows a change named, without reading the rest."""
        if not application_ids:
            return []
        return self._summaries(sorted(application_ids), include_archived=include_archived)

    def _summaries(
        self, ids: Sequence[int] | None, *, include_archived: bool
    ) -> list[ApplicationSummary]:
        # `ids` None: every application. A short list of ids goes into the SQL as bound
        # parameters (far below SQLite's limit: a change names a handful).
        only = "" if ids is None else f" IN ({','.join('?' * len(ids))})"
        params: Sequence[int] = () if ids is None else ids
        with self._database.transaction() as session:
            # The two big reads skip ORM row processing: at 100,000 applications building
            # ORM objects costs seconds, plain tuples a fraction of that. They use the
            # driver's own cursor, inside this session's transaction.
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
            query = select(FollowUpRequestRow).where(FollowUpRequestRow.status == _OPEN)
            if ids is not None:
                query = query.where(FollowUpRequestRow.application_id.in_(ids))
            open_requests: dict[int, FollowUpRequest] = {}
            for row in session.scalars(
                query.order_by(FollowUpRequestRow.window_closes_at, FollowUpRequestRow.id)
            ):
                open_requests.setdefault(row.application_id, _record(FollowUpRequest, row))
            next_due = self._next_due_by_request(session, ids)
            # "+archived" keeps SQLite off the (archived, updated_at) index: nearly every row
            # matches, and reading through the index means sorting them all by id after.
            conditions = ([] if include_archived else ["+archived = 0"]) + (
                [] if ids is None else [f"id{only}"]
            )
            where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
            # Iterated, not fetchall(): each row's tuple and its timestamp strings are freed
            # as soon as its summary is built, instead of all 100,000 living at once.
            with _collector_paused():
                return _summaries_from_tuples(
                    raw.execute(_APPLICATION_SQL + where + " ORDER BY id", params),
                    names,
                    open_requests,
                    next_due,
                )

    def get_application(self, application_id: int) -> Application:
        with self._database.transaction() as session:
            return _record(Application, self._application_row(session, application_id))

    def find_application(self, company: str, role: str) -> Application | None:
        with self._database.transaction() as session:
            row = self._match(session, company, role)
            return None if row is None else _record(Application, row)

    def add_application(
        self,
        company: str,
        role: str,
        *,
        now: datetime,
        stage: Stage = Stage.APPLIED,
        applied_at: datetime | None = None,
        location: str = "",
        url: str = "",
        source: str = "",
        notes: str = "",
    ) -> Application:
        now = _aware(now, "now")
        row = ApplicationRow(
            company=_required(company, "The company"),
            role=_required(role, "The role"),
            stage=Stage(stage),
            created_at=now,
            updated_at=now,
            applied_at=None if applied_at is None else _not_future(applied_at, now, "Applied"),
            location=_optional(location, "The location", MAX_NAME),
            url=_optional(url, "The link", 2000),
            source=_optional(source, "The source", MAX_NAME),
            notes=_optional(notes, "The notes"),
            archived=False,
        )
        with self._write() as (session, change):
            session.add(row)
            session.flush()
            session.add(
                _stage_event(row, None, row.stage, occurred_at=row.applied_at or now, now=now)
            )
            change.application(row.id)
            return _record(Application, row)

    def update_application(self, application: Application, *, now: datetime) -> Application:
        """Saves the editable fields; a changed stage goes through `check_move` and the
        timeline, like `move_stage`."""
        now = _aware(now, "now")
        company = _required(application.company, "The company")
        role = _required(application.role, "The role")
        applied_at = application.applied_at
        if applied_at is not None:
            applied_at = _not_future(applied_at, now, "Applied")
        with self._write() as (session, change):
            row = self._application_row(session, application.id)
            if application.stage is not row.stage:
                stages.check_move(row.stage, application.stage)
                session.add(
                    _stage_event(row, row.stage, application.stage, occurred_at=now, now=now)
                )
                row.stage = application.stage
            row.company = company
            row.role = role
            row.applied_at = applied_at
            row.location = _optional(application.location, "The location", MAX_NAME)
            row.url = _optional(application.url, "The link", 2000)
            row.source = _optional(application.source, "The source", MAX_NAME)
            row.notes = _optional(application.notes, "The notes")
            row.archived = application.archived
            row.updated_at = now
            session.flush()
            change.application(row.id)
            return _record(Application, row)

    def move_stage(
        self,
        application_id: int,
        to_stage: Stage,
        *,
        occurred_at: datetime,
        now: datetime,
        note: str = "",
    ) -> StageEvent:
        now = _aware(now, "now")
        occurred_at = _not_future(occurred_at, now, "The date of the change")
        with self._write() as (session, change):
            row = self._application_row(session, application_id)
            stages.check_move(row.stage, to_stage)
            event = _stage_event(
                row,
                row.stage,
                to_stage,
                occurred_at=occurred_at,
                now=now,
                note=_optional(note, "The note"),
            )
            session.add(event)
            row.stage = to_stage
            row.updated_at = now
            if to_stage is Stage.APPLIED and row.applied_at is None:
                row.applied_at = occurred_at
            session.flush()
            change.application(row.id)
            return _record(StageEvent, event)

    def set_archived(self, application_id: int, archived: bool, *, now: datetime) -> None:
        now = _aware(now, "now")
        with self._write() as (session, change):
            row = self._application_row(session, application_id)
            row.archived = archived
            row.updated_at = now
            change.application(row.id)

    def delete_application(self, application_id: int) -> ApplicationSnapshot:
        """Deletes the application and everything hanging off it; the snapshot undoes it."""
        return self.delete_applications([application_id])[0]

    def delete_applications(self, application_ids: Iterable[int]) -> list[ApplicationSnapshot]:
        """Deletes several in one transaction (undoing an import); all or nothing."""
        with self._write() as (session, change):
            taken = []
            for application_id in application_ids:
                row = self._application_row(session, application_id)
                taken.append(snapshots.take(session, application_id, _record(Application, row)))
            session.expunge_all()  # the rows go below, outside the ORM's sight
            for snapshot in taken:
                snapshots.remove(session, snapshot.application_id)
                change.removed_applications.add(snapshot.application_id)
                change.requests.update(snapshot.request_ids)
                change.reminders = change.reminders or bool(snapshot.request_ids)
            return taken

    def restore_application(self, snapshot: ApplicationSnapshot) -> None:
        """Puts a deleted application back with the same ids (ids are never reused)."""
        self.restore_applications([snapshot])

    def restore_applications(self, taken: Sequence[ApplicationSnapshot]) -> None:
        with self._write() as (session, change):
            for snapshot in taken:
                if session.get(ApplicationRow, snapshot.application_id) is not None:
                    raise InvalidInput("That application is already back.")
                snapshots.insert_rows(session, snapshot)
                change.request(snapshot.application_id, *snapshot.request_ids)

    # -- undo: an application put back exactly as a snapshot holds it ---------------
    def snapshot_application(self, application_id: int) -> ApplicationSnapshot:
        with self._database.transaction() as session:
            row = self._application_row(session, application_id)
            return snapshots.take(session, application_id, _record(Application, row))

    def put_back_application(self, snapshot: ApplicationSnapshot) -> None:
        """Undo and redo of a change to one application: it becomes `snapshot` again."""
        with self._write() as (session, change):
            replaced = snapshots.put_back(session, snapshot)
            change.request(snapshot.application_id, *replaced, *snapshot.request_ids)

    def application_ids(self) -> frozenset[int]:
        """Every application's id (an import's undo removes the ids it added)."""
        with self._database.transaction() as session:
            return frozenset(session.scalars(select(ApplicationRow.id)))

    def timeline(self, application_id: int) -> list[StageEvent]:
        with self._database.transaction() as session:
            self._application_row(session, application_id)
            return [
                _record(StageEvent, row)
                for row in session.scalars(
                    select(StageEventRow)
                    .where(StageEventRow.application_id == application_id)
                    .order_by(StageEventRow.occurred_at, StageEventRow.id)
                )
            ]

    def set_event_time(self, event_id: int, occurred_at: datetime) -> StageEvent:
        """Backdates (or corrects) when a stage change happened."""
        occurred_at = _aware(occurred_at, "The date of the change")
        with self._write() as (session, change):
            row = session.get(StageEventRow, event_id)
            if row is None:
                raise NotFound("That timeline entry no longer exists.")
            if occurred_at > row.recorded_at + FUTURE_TOLERANCE:
                raise InvalidInput("The date of the change can't be after it was recorded.")
            row.occurred_at = occurred_at
            session.flush()
            change.application(row.application_id)
            return _record(StageEvent, row)

    # -- contacts and interviews ---------------------------------------------------
    def contacts(self, application_id: int) -> list[Contact]:
        with self._database.transaction() as session:
            self._application_row(session, application_id)
            return [
                _record(Contact, row)
                for row in session.scalars(
                    select(ContactRow)
                    .where(ContactRow.application_id == application_id)
                    .order_by(ContactRow.id)
                )
            ]

    def add_contact(
        self,
        application_id: int,
        name: str,
        *,
        email: str = "",
        role: ContactRole = ContactRole.RECRUITER,
        phone: str = "",
        notes: str = "",
    ) -> Contact:
        row = self._new_contact(application_id, name, email, role=role, phone=phone, notes=notes)
        with self._write() as (session, change):
            self._application_row(session, application_id)
            session.add(row)
            session.flush()
            change.application(row.application_id)
            return _record(Contact, row)

    @staticmethod
    def _new_contact(
        application_id: int,
        name: str,
        email: str,
        *,
        role: ContactRole,
        phone: str,
        notes: str,
    ) -> ContactRow:
        cleaned_email = _email(email)
        cleaned_name = " ".join(name.split())
        if not cleaned_name and not cleaned_email:
            raise InvalidInput("A contact needs a name or an email address.")
        return ContactRow(
            application_id=application_id,
            name=_optional(cleaned_name, "The name", MAX_NAME),
            email=cleaned_email,
            role=ContactRole(role),
            phone=_optional(phone, "The phone number", 64),
            notes=_optional(notes, "The notes"),
        )

    def update_contact(self, contact: Contact) -> Contact:
        fresh = self._new_contact(
            contact.application_id,
            contact.name,
            contact.email,
            role=contact.role,
            phone=contact.phone,
            notes=contact.notes,
        )
        with self._write() as (session, change):
            row = session.get(ContactRow, contact.id)
            if row is None:
                raise NotFound("That contact no longer exists.")
            row.name, row.email, row.role = fresh.name, fresh.email, fresh.role
            row.phone, row.notes = fresh.phone, fresh.notes
            session.flush()
            change.application(row.application_id)
            return _record(Contact, row)

    def delete_contact(self, contact_id: int) -> None:
        with self._write() as (session, change):
            row = session.get(ContactRow, contact_id)
            if row is None:
                raise NotFound("That contact no longer exists.")
            session.delete(row)
            change.application(row.application_id)

    def interviews(self, application_id: int) -> list[Interview]:
        with self._database.transaction() as session:
            self._application_row(session, application_id)
            return [
                _record(Interview, row)
                for row in session.scalars(
                    select(InterviewRow)
                    .where(InterviewRow.application_id == application_id)
                    .order_by(InterviewRow.scheduled_at, InterviewRow.id)
                )
            ]

    def add_interview(
        self,
        application_id: int,
        scheduled_at: datetime,
        *,
        duration_minutes: int = 60,
        kind: str = "video",
        contact_id: int | None = None,
        notes: str = "",
    ) -> Interview:
        row = InterviewRow(
            application_id=application_id,
            scheduled_at=_aware(scheduled_at, "The interview time"),
            duration_minutes=_duration(duration_minutes),
            kind=_optional(kind, "The kind of interview", 64) or "video",
            contact_id=contact_id,
            notes=_optional(notes, "The notes"),
        )
        with self._write() as (session, change):
            self._application_row(session, application_id)
            self._check_contact(session, contact_id, application_id)
            session.add(row)
            session.flush()
            change.application(row.application_id)
            return _record(Interview, row)

    def update_interview(self, interview: Interview) -> Interview:
        scheduled_at = _aware(interview.scheduled_at, "The interview time")
        duration = _duration(interview.duration_minutes)
        with self._write() as (session, change):
            row = session.get(InterviewRow, interview.id)
            if row is None:
                raise NotFound("That interview no longer exists.")
            self._check_contact(session, interview.contact_id, row.application_id)
            row.scheduled_at = scheduled_at
            row.duration_minutes = duration
            row.kind = _optional(interview.kind, "The kind of interview", 64) or "video"
            row.contact_id = interview.contact_id
            row.notes = _optional(interview.notes, "The notes")
            session.flush()
            change.application(row.application_id)
            return _record(Interview, row)

    def delete_interview(self, interview_id: int) -> None:
        with self._write() as (session, change):
            row = session.get(InterviewRow, interview_id)
            if row is None:
                raise NotFound("That interview no longer exists.")
            session.delete(row)
            change.application(row.application_id)

    # -- rejections and follow-up requests -----------------------------------------
    def log_rejection(self, rejection: RejectionInput, *, now: datetime) -> LoggedRejection:
        """The whole of "log a rejection" in one transaction: the application (found by
        company and role, or created), the contact, the rejection, the stage event, and the
        feedback request with its text, window and reminders. Bad input writes nothing."""
        now = _aware(now, "now")
        notified_at = _not_future(rejection.notified_at, now, "The rejection date")
        contact_email = _email(rejection.contact_email, "The contact's email address")
        contact_name = _optional(" ".join(rejection.contact_name.split()), "The name", MAX_NAME)
        note = _optional(rejection.note, "The note")
        if rejection.application_id is None:
            company = _required(rejection.company, "The company")
            role = _required(rejection.role, "The role")
        tz = self._local_tz()
        with self._write() as (session, change):
            settings = self._settings(session)
            created = False
            if rejection.application_id is not None:
                app = self._application_row(session, rejection.application_id)
            else:
                found = self._match(session, company, role)
                if found is None:
                    app = self._create_for_rejection(session, company, role, rejection, now)
                    created = True
                else:
                    app = found
            stages.check_move(app.stage, Stage.REJECTED)
            stage_reached = rejection.stage_reached or app.stage
            if stage_reached in stages.CLOSED_STAGES:
                raise InvalidInput(
                    f"{Stage(stage_reached).label} isn't a stage a rejection comes from."
                )

            contact = self._contact_for_rejection(
                session, app.id, rejection.contact_id, contact_name, contact_email
            )
            rejection_row = RejectionRow(
                application_id=app.id,
                notified_at=notified_at,
                stage_reached=stage_reached,
                channel=rejection.channel,
                contact_id=None if contact is None else contact.id,
                note=note,
            )
            session.add(rejection_row)
            session.add(
                _stage_event(app, app.stage, Stage.REJECTED, occurred_at=notified_at, now=now)
            )
            app.stage = Stage.REJECTED
            app.updated_at = now
            session.flush()
            request_row, reminder_rows = self._new_request(
                session,
                app,
                RequestKind.FEEDBACK,
                window=window_for(RequestKind.FEEDBACK, notified_at, settings, tz),
                settings=settings,
                tz=tz,
                now=now,
                contact=contact,
                rejection=rejection_row,
                interview=None,
            )
            logger.info("Logged a rejection (application %d, request %d)", app.id, request_row.id)
            change.request(app.id, request_row.id)
            return LoggedRejection(
                application=_record(Application, app),
                rejection=_record(Rejection, rejection_row),
                request=_record(FollowUpRequest, request_row),
                reminders=tuple(_record(Reminder, row) for row in reminder_rows),
                contact=None if contact is None else _record(Contact, contact),
                application_created=created,
            )

    def _create_for_rejection(
        self, session: Session, company: str, role: str, rejection: RejectionInput, now: datetime
    ) -> ApplicationRow:
        # A rejection for an application never tracked: it got at least as far as applying.
        stage = rejection.stage_reached or Stage.APPLIED
        if stage in stages.CLOSED_STAGES:
            stage = Stage.APPLIED
        app = ApplicationRow(
            company=company,
            role=role,
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
        session.add(
            _stage_event(
                app,
                None,
                stage,
                occurred_at=_aware(rejection.notified_at, "The rejection date"),
                now=now,
            )
        )
        return app

    def _contact_for_rejection(
        self,
        session: Session,
        application_id: int,
        contact_id: int | None,
        name: str,
        email: str,
    ) -> ContactRow | None:
        if contact_id is not None:
            row = session.get(ContactRow, contact_id)
            if row is None or row.application_id != application_id:
                raise InvalidInput("That contact doesn't belong to this application.")
            return row
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
        self,
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
        template = self._default_template_row(session, kind)
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
            application=_record(Application, app),
            profile=settings.profile,
            contact=None if contact is None else _record(Contact, contact),
            interview=None if interview is None else _record(Interview, interview),
            rejection=None if rejection is None else _record(Rejection, rejection),
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
        reminders = self._plan(session, request, settings.reminders, tz, now)
        return request, reminders

    @staticmethod
    def _plan(
        session: Session,
        request: FollowUpRequestRow,
        policy: ReminderPolicy,
        tz: tzinfo,
        now: datetime,
    ) -> list[ReminderRow]:
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

    def create_follow_up(
        self,
        application_id: int,
        kind: RequestKind,
        *,
        now: datetime,
        interview_id: int | None = None,
        contact_id: int | None = None,
    ) -> FollowUpRequest:
        """A request of `kind` whose window starts at its natural moment: the rejection
        (feedback, stay in touch), the interview's end (thank you), the last activity
        (check-in)."""
        now = _aware(now, "now")
        tz = self._local_tz()
        with self._write() as (session, change):
            settings = self._settings(session)
            app = self._application_row(session, application_id)
            contact = None
            if contact_id is not None:
                contact = session.get(ContactRow, contact_id)
                if contact is None or contact.application_id != application_id:
                    raise InvalidInput("That contact doesn't belong to this application.")
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
                contact = self._default_contact(session, app, interview, rejection)
            start = self._start_of(
                session, app, kind, now=now, interview=interview, rejection=rejection
            )
            request, _reminders = self._new_request(
                session,
                app,
                kind,
                window=window_for(kind, start, settings, tz),
                settings=settings,
                tz=tz,
                now=now,
                contact=contact,
                rejection=rejection
                if kind in (RequestKind.FEEDBACK, RequestKind.STAY_IN_TOUCH)
                else None,
                interview=interview,
            )
            change.request(app.id, request.id)
            return _record(FollowUpRequest, request)

    @staticmethod
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

    @staticmethod
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
        # Check-in: counted from the last thing that happened on the application.
        moments = [app.created_at]
        if app.applied_at is not None:
            moments.append(app.applied_at)
        latest_event = session.scalar(
            select(func.max(StageEventRow.occurred_at)).where(
                StageEventRow.application_id == app.id
            )
        )
        if latest_event is not None:
            moments.append(latest_event)
        if interview is not None:
            moments.append(interview.scheduled_at + timedelta(minutes=interview.duration_minutes))
        return max(moments)

    def get_request(self, request_id: int) -> FollowUpRequest:
        with self._database.transaction() as session:
            return _record(FollowUpRequest, self._request_row(session, request_id))

    def request_context(self, request_id: int) -> RequestContext:
        with self._database.transaction() as session:
            request = self._request_row(session, request_id)
            app = self._application_row(session, request.application_id)
            contact = (
                None if request.contact_id is None else session.get(ContactRow, request.contact_id)
            )
            interview = (
                None
                if request.interview_id is None
                else session.get(InterviewRow, request.interview_id)
            )
            rejection = (
                None
                if request.rejection_id is None
                else session.get(RejectionRow, request.rejection_id)
            )
            return RequestContext(
                request=_record(FollowUpRequest, request),
                application=_record(Application, app),
                profile=self._settings(session).profile,
                contact=None if contact is None else _record(Contact, contact),
                interview=None if interview is None else _record(Interview, interview),
                rejection=None if rejection is None else _record(Rejection, rejection),
            )

    def save_request_text(
        self, request_id: int, subject: str, body: str, template_id: int | None
    ) -> FollowUpRequest:
        subject = _optional(subject, "The subject", 2000)
        if len(body) > MAX_TEXT:
            raise InvalidInput(f"The message is too long (at most {MAX_TEXT} characters).")
        with self._write() as (session, change):
            row = self._request_row(session, request_id)
            if template_id is not None and session.get(TemplateRow, template_id) is None:
                raise NotFound("That template no longer exists.")
            row.subject = subject
            row.body = body
            row.template_id = template_id
            session.flush()
            change.request(row.application_id, row.id, reminders=False)
            return _record(FollowUpRequest, row)

    def mark_sent(self, request_id: int, *, sent_at: datetime) -> FollowUpRequest:
        sent_at = _aware(sent_at, "The time it was sent")
        with self._write() as (session, change):
            row = self._request_row(session, request_id)
            if row.status is RequestStatus.REPLIED:
                raise InvalidInput("This request already has a reply.")
            row.status = RequestStatus.SENT
            row.sent_at = sent_at
            self._cancel_reminders(session, [row.id])
            session.flush()
            change.request(row.application_id, row.id)
            return _record(FollowUpRequest, row)

    def skip_request(self, request_id: int, *, now: datetime) -> FollowUpRequest:
        _aware(now, "now")
        with self._write() as (session, change):
            row = self._request_row(session, request_id)
            if row.status not in (RequestStatus.DRAFT, RequestStatus.EXPIRED):
                raise InvalidInput(f"A {row.status.value} request can't be skipped.")
            row.status = RequestStatus.SKIPPED
            self._cancel_reminders(session, [row.id])
            session.flush()
            change.request(row.application_id, row.id)
            return _record(FollowUpRequest, row)

    def reopen_request(self, request_id: int, *, now: datetime) -> FollowUpRequest:
        """Back to draft; the reminders still ahead in its window are planned again."""
        now = _aware(now, "now")
        tz = self._local_tz()
        with self._write() as (session, change):
            row = self._request_row(session, request_id)
            if row.status is _OPEN:
                return _record(FollowUpRequest, row)
            policy = self._settings(session).reminders
            row.status = _OPEN
            row.sent_at = None
            self._cancel_reminders(session, [row.id])
            self._plan(session, row, policy, tz, now)
            session.flush()
            change.request(row.application_id, row.id)
            return _record(FollowUpRequest, row)

    def expire_overdue(self, *, now: datetime) -> list[FollowUpRequest]:
        """Open requests whose window has closed become Expired.

        Call it after firing what `reminders_due` returned: an expired request's "window
        closed" reminder is cancelled with the rest.
        """
        now = _aware(now, "now")
        with self._write() as (session, change):
            rows = list(
                session.scalars(
                    select(FollowUpRequestRow)
                    .where(
                        FollowUpRequestRow.status == _OPEN,
                        FollowUpRequestRow.window_closes_at <= now,
                    )
                    .order_by(FollowUpRequestRow.window_closes_at, FollowUpRequestRow.id)
                )
            )
            for row in rows:
                row.status = RequestStatus.EXPIRED
            self._cancel_reminders(session, [row.id for row in rows])
            session.flush()
            change.requests_of((row.application_id, row.id) for row in rows)
            return [_record(FollowUpRequest, row) for row in rows]

    def requests_for(self, application_id: int) -> list[FollowUpRequest]:
        with self._database.transaction() as session:
            self._application_row(session, application_id)
            return [
                _record(FollowUpRequest, row)
                for row in session.scalars(
                    select(FollowUpRequestRow)
                    .where(FollowUpRequestRow.application_id == application_id)
                    .order_by(FollowUpRequestRow.created_at, FollowUpRequestRow.id)
                )
            ]

    def due_items(self, *, now: datetime) -> list[DueItem]:
        """Open requests, the soonest-closing first, each with its next reminder.

        A request whose window closed before `now` is still listed until it is expired:
        it is the most urgent thing there is.
        """
        _aware(now, "now")
        with self._database.transaction() as session:
            rows = session.execute(
                select(FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
                .join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)
                .where(FollowUpRequestRow.status == _OPEN)
                .order_by(FollowUpRequestRow.window_closes_at, FollowUpRequestRow.id)
            ).all()
            next_by_request: dict[int, Reminder] = {}
            for reminder in session.scalars(
                self._pending_reminders().order_by(_effective_due(), ReminderRow.id)
            ):
                next_by_request.setdefault(reminder.request_id, _record(Reminder, reminder))
            return [
                DueItem(
                    request=_record(FollowUpRequest, request),
                    company=company,
                    role=role,
                    next_reminder=next_by_request.get(request.id),
                )
                for request, company, role in rows
            ]

    def follow_ups(self, *, limit: int = 1000) -> list[DueItem]:
        """Every request whatever its status (the Follow-ups view), the latest window first;
        `next_reminder` is not looked up here."""
        with self._database.transaction() as session:
            rows = session.execute(
                select(FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
                .join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)
                .order_by(FollowUpRequestRow.window_closes_at.desc(), FollowUpRequestRow.id.desc())
                .limit(limit)
            ).all()
            return [
                DueItem(request=_record(FollowUpRequest, request), company=company, role=role)
                for request, company, role in rows
            ]

    # -- reminders -----------------------------------------------------------------
    def next_reminder_due(self) -> datetime | None:
        """The effective due time of the earliest reminder still to fire, if any."""
        with self._database.transaction() as session:
            due: datetime | None = session.scalar(
                select(func.min(_effective_due()))
                .select_from(ReminderRow)
                .join(FollowUpRequestRow, FollowUpRequestRow.id == ReminderRow.request_id)
                .where(
                    ReminderRow.fired_at.is_(None),
                    ReminderRow.missed.is_(False),
                    FollowUpRequestRow.status == _OPEN,
                )
            )
            return due

    def reminders_due(self, *, now: datetime) -> list[FiringReminder]:
        now = _aware(now, "now")
        with self._database.transaction() as session:
            return self._firing(
                session,
                select(ReminderRow, FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
                .join(FollowUpRequestRow, FollowUpRequestRow.id == ReminderRow.request_id)
                .join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)
                .where(
                    ReminderRow.fired_at.is_(None),
                    ReminderRow.missed.is_(False),
                    FollowUpRequestRow.status == _OPEN,
                    _effective_due() <= now,
                )
                .order_by(_effective_due(), ReminderRow.id),
            )

    def claim_reminder(self, reminder_id: int, *, fired_at: datetime) -> bool:
        """True for exactly one caller, across threads and processes: whoever sets
        `fired_at` first. Notify only after winning."""
        fired_at = _aware(fired_at, "The firing time")
        table = _table(ReminderRow)
        with self._write() as (session, change):
            result = session.execute(
                update(table)
                .where(table.c.id == reminder_id, table.c.fired_at.is_(None))
                .values(fired_at=fired_at)
            )
            won = bool(result.rowcount == 1)  # type: ignore[attr-defined]
            if won:
                change.requests_of(self._owners(session, [reminder_id]))
            return won

    def mark_missed(self, reminder_ids: list[int], *, now: datetime) -> None:
        """Too stale to pop up: claimed silently (so it can never fire) and listed as missed."""
        now = _aware(now, "now")
        if not reminder_ids:
            return
        table = _table(ReminderRow)
        with self._write() as (session, change):
            unclaimed = list(
                session.scalars(
                    select(table.c.id).where(
                        table.c.id.in_(list(reminder_ids)), table.c.fired_at.is_(None)
                    )
                )
            )
            session.execute(
                update(table).where(table.c.id.in_(unclaimed)).values(fired_at=now, missed=True)
            )
            change.requests_of(self._owners(session, unclaimed))

    def missed_reminders(self) -> list[FiringReminder]:
        """Missed reminders of requests nobody acted on yet (still open, or expired)."""
        with self._database.transaction() as session:
            return self._firing(
                session,
                select(ReminderRow, FollowUpRequestRow, ApplicationRow.company, ApplicationRow.role)
                .join(FollowUpRequestRow, FollowUpRequestRow.id == ReminderRow.request_id)
                .join(ApplicationRow, ApplicationRow.id == FollowUpRequestRow.application_id)
                .where(
                    ReminderRow.missed.is_(True),
                    FollowUpRequestRow.status.in_([_OPEN, RequestStatus.EXPIRED]),
                )
                .order_by(ReminderRow.due_at, ReminderRow.id),
            )

    def dismiss_missed(self, reminder_id: int) -> None:
        """Off the missed list: the reminder stays claimed, so it never fires."""
        table = _table(ReminderRow)
        with self._write() as (session, change):
            owner = session.execute(
                select(FollowUpRequestRow.application_id, FollowUpRequestRow.id)
                .join(ReminderRow, ReminderRow.request_id == FollowUpRequestRow.id)
                .where(ReminderRow.id == reminder_id)
            ).first()
            session.execute(
                update(table)
                .where(table.c.id == reminder_id, table.c.fired_at.is_not(None))
                .values(missed=False)
            )
            if owner is not None:
                change.request(owner[0], owner[1], reminders=False)

    def snooze_request(self, request_id: int, until: datetime) -> list[Reminder]:
        """Remind again at `until`: the reminders due before then move to it, and if none
        was left before then, one is added so the snooze always brings the request back.
        Never past the window's close, where the "closed" notice takes over."""
        until = _aware(until, "The snooze time")
        with self._write() as (session, change):
            request = self._request_row(session, request_id)
            if request.status is not _OPEN:
                raise InvalidInput("Only an unsent request can be snoozed.")
            until = min(until, request.window_closes_at)
            pending = list(
                session.scalars(
                    select(ReminderRow)
                    .where(
                        ReminderRow.request_id == request_id,
                        ReminderRow.fired_at.is_(None),
                        ReminderRow.missed.is_(False),
                    )
                    .order_by(ReminderRow.due_at, ReminderRow.id)
                )
            )
            moved = [row for row in pending if (row.snoozed_until or row.due_at) < until]
            for row in moved:
                row.snoozed_until = until
            if not moved and not any((row.snoozed_until or row.due_at) == until for row in pending):
                fired_kinds = list(
                    session.scalars(
                        select(ReminderRow.kind)
                        .where(
                            ReminderRow.request_id == request_id, ReminderRow.fired_at.is_not(None)
                        )
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
            return [_record(Reminder, row) for row in moved]

    def snooze_all(self, until: datetime, *, now: datetime) -> int:
        """Every reminder that would fire before `until` waits until then; returns how many
        requests that quietened."""
        until = _aware(until, "The snooze time")
        if until <= _aware(now, "now"):
            raise InvalidInput("A snooze must end in the future.")
        with self._write() as (session, change):
            rows = list(session.scalars(self._pending_reminders().where(_effective_due() < until)))
            for row in rows:
                row.snoozed_until = until
            request_ids = {row.request_id for row in rows}
            change.requests_of(self._owners_of_requests(session, request_ids))
            return len(request_ids)

    def reminders_for(self, request_id: int) -> list[Reminder]:
        with self._database.transaction() as session:
            self._request_row(session, request_id)
            return [
                _record(Reminder, row)
                for row in session.scalars(
                    select(ReminderRow)
                    .where(ReminderRow.request_id == request_id)
                    .order_by(ReminderRow.due_at, ReminderRow.id)
                )
            ]

    # -- templates -----------------------------------------------------------------
    def templates(self, kind: RequestKind | None = None) -> list[Template]:
        with self._database.transaction() as session:
            query = select(TemplateRow).order_by(TemplateRow.kind, TemplateRow.id)
            if kind is not None:
                query = query.where(TemplateRow.kind == kind)
            return [_record(Template, row) for row in session.scalars(query)]

    def default_template(self, kind: RequestKind) -> Template:
        with self._write() as (session, _change):
            return _record(Template, self._default_template_row(session, kind))

    def save_template(self, template: Template) -> Template:
        """Inserts when `template.id` is 0, updates otherwise. Refuses text with unknown
        fields or unbalanced braces, so a saved template always renders as intended."""
        name = _required(template.name, "The template name")
        subject = _check_template_text(template.subject, "The subject")
        body = _check_template_text(template.body, "The message")
        with self._write() as (session, change):
            if template.id == 0:
                row = TemplateRow(kind=RequestKind(template.kind), is_default=False)
                session.add(row)
            else:
                found = session.get(TemplateRow, template.id)
                if found is None:
                    raise NotFound("That template no longer exists.")
                row = found
                if row.kind is not template.kind:
                    raise InvalidInput("A template can't change its kind; make a new one.")
            row.name, row.subject, row.body = name, subject, body
            session.flush()
            if template.is_default:
                session.execute(
                    update(TemplateRow)
                    .where(TemplateRow.kind == row.kind, TemplateRow.id != row.id)
                    .values(is_default=False)
                )
                row.is_default = True
            elif row.is_default:
                # Unmarking the default leaves the kind without one; the oldest takes over.
                row.is_default = False
                session.flush()
                self._default_template_row(session, row.kind)
            session.flush()
            session.refresh(row)
            change.templates = True
            return _record(Template, row)

    def delete_template(self, template_id: int) -> None:
        with self._write() as (session, change):
            row = session.get(TemplateRow, template_id)
            if row is None:
                raise NotFound("That template no longer exists.")
            siblings = session.scalar(
                select(func.count()).select_from(TemplateRow).where(TemplateRow.kind == row.kind)
            )
            if (siblings or 0) <= 1:
                raise InvalidInput("This is the only template of its kind; edit it instead.")
            kind, was_default = row.kind, row.is_default
            session.delete(row)
            session.flush()
            if was_default:
                self._default_template_row(session, kind)
            change.templates = True

    @staticmethod
    def _default_template_row(session: Session, kind: RequestKind) -> TemplateRow:
        """The default of `kind`; promotes the oldest, or restores the built-in text, so a
        new request always has a template."""
        rows = list(
            session.scalars(
                select(TemplateRow)
                .where(TemplateRow.kind == kind)
                .order_by(TemplateRow.is_default.desc(), TemplateRow.id)
            )
        )
        if rows:
            if not rows[0].is_default:
                rows[0].is_default = True
                session.flush()
            return rows[0]
        name, subject, body = templates.DEFAULT_TEMPLATES[kind]
        row = TemplateRow(kind=kind, name=name, subject=subject, body=body, is_default=True)
        session.add(row)
        session.flush()
        return row

    # -- lessons -------------------------------------------------------------------
    def lessons(self) -> list[Lesson]:
        with self._database.transaction() as session:
            return [
                _lesson(row)
                for row in session.scalars(
                    select(LessonRow).order_by(LessonRow.recorded_at, LessonRow.id)
                )
            ]

    def add_lesson(
        self,
        application_id: int,
        outcome: ReplyOutcome,
        *,
        now: datetime,
        request_id: int | None = None,
        themes: tuple[str, ...] = (),
        notes: str = "",
        action: str = "",
    ) -> Lesson:
        """Records what a reply (or the silence) taught. A reply to a request marks it
        Replied and ends its reminders."""
        now = _aware(now, "now")
        row = LessonRow(
            application_id=application_id,
            request_id=request_id,
            outcome=ReplyOutcome(outcome),
            recorded_at=now,
            themes=_themes(themes),
            notes=_optional(notes, "The notes"),
            action=_optional(action, "The action"),
            action_done=False,
        )
        with self._write() as (session, change):
            self._application_row(session, application_id)
            if request_id is not None:
                request = self._request_row(session, request_id)
                if request.application_id != application_id:
                    raise InvalidInput("That request belongs to another application.")
                if row.outcome is ReplyOutcome.REPLIED:
                    request.status = RequestStatus.REPLIED
                    self._cancel_reminders(session, [request.id])
            session.add(row)
            session.flush()
            change.lessons = True
            if request_id is not None and row.outcome is ReplyOutcome.REPLIED:
                change.request(application_id, request_id)
            return _lesson(row)

    def update_lesson(self, lesson: Lesson) -> Lesson:
        themes = _themes(lesson.themes)
        notes = _optional(lesson.notes, "The notes")
        action = _optional(lesson.action, "The action")
        with self._write() as (session, change):
            row = session.get(LessonRow, lesson.id)
            if row is None:
                raise NotFound("That lesson no longer exists.")
            row.outcome = ReplyOutcome(lesson.outcome)
            row.themes = themes
            row.notes = notes
            row.action = action
            row.action_done = lesson.action_done
            session.flush()
            change.lessons = True
            return _lesson(row)

    # -- helpers -------------------------------------------------------------------
    @staticmethod
    def _application_row(session: Session, application_id: int) -> ApplicationRow:
        row = session.get(ApplicationRow, application_id)
        if row is None:
            raise NotFound("That application no longer exists.")
        return row

    @staticmethod
    def _request_row(session: Session, request_id: int) -> FollowUpRequestRow:
        row = session.get(FollowUpRequestRow, request_id)
        if row is None:
            raise NotFound("That follow-up request no longer exists.")
        return row

    @staticmethod
    def _check_contact(session: Session, contact_id: int | None, application_id: int) -> None:
        if contact_id is None:
            return
        contact = session.get(ContactRow, contact_id)
        if contact is None or contact.application_id != application_id:
            raise InvalidInput("That contact doesn't belong to this application.")

    @staticmethod
    def _match(session: Session, company: str, role: str) -> ApplicationRow | None:
        """Same company and role, ignoring case and spacing; an open one wins over a
        closed one, then the most recently touched."""
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

    @staticmethod
    def _cancel_reminders(session: Session, request_ids: Sequence[int]) -> None:
        if request_ids:
            session.execute(
                delete(ReminderRow).where(
                    ReminderRow.request_id.in_(list(request_ids)), ReminderRow.fired_at.is_(None)
                )
            )

    @staticmethod
    def _pending_reminders() -> Any:
        return (
            select(ReminderRow)
            .join(FollowUpRequestRow, FollowUpRequestRow.id == ReminderRow.request_id)
            .where(
                ReminderRow.fired_at.is_(None),
                ReminderRow.missed.is_(False),
                FollowUpRequestRow.status == _OPEN,
            )
        )

    @staticmethod
    def _owners(session: Session, reminder_ids: Sequence[int]) -> list[tuple[int, int]]:
        """(application id, request id) of each reminder's request."""
        if not reminder_ids:
            return []
        rows = session.execute(
            select(FollowUpRequestRow.application_id, FollowUpRequestRow.id)
            .join(ReminderRow, ReminderRow.request_id == FollowUpRequestRow.id)
            .where(ReminderRow.id.in_(list(reminder_ids)))
        )
        return [(application_id, request_id) for application_id, request_id in rows.tuples()]

    @staticmethod
    def _owners_of_requests(session: Session, request_ids: Iterable[int]) -> list[tuple[int, int]]:
        rows = session.execute(
            select(FollowUpRequestRow.application_id, FollowUpRequestRow.id).where(
                FollowUpRequestRow.id.in_(list(request_ids))
            )
        )
        return [(application_id, request_id) for application_id, request_id in rows.tuples()]

    @staticmethod
    def _next_due_by_request(
        session: Session, application_ids: Sequence[int] | None = None
    ) -> dict[int, datetime]:
        query = (
            select(ReminderRow.request_id, func.min(_effective_due()))
            .join(FollowUpRequestRow, FollowUpRequestRow.id == ReminderRow.request_id)
            .where(
                ReminderRow.fired_at.is_(None),
                ReminderRow.missed.is_(False),
                FollowUpRequestRow.status == _OPEN,
            )
        )
        if application_ids is not None:
            query = query.where(FollowUpRequestRow.application_id.in_(application_ids))
        rows = session.execute(query.group_by(ReminderRow.request_id))
        # Not dict(rows): a Result has .keys(), so dict() would treat it as a mapping.
        return {request_id: due for request_id, due in rows.tuples()}  # noqa: C416

    @staticmethod
    def _firing(session: Session, query: Any) -> list[FiringReminder]:
        return [
            FiringReminder(
                reminder=_record(Reminder, reminder),
                request=_record(FollowUpRequest, request),
                company=company,
                role=role,
            )
            for reminder, request, company, role in session.execute(query)
        ]


def _effective_due() -> Any:
    # coalesce keeps the UTCDateTime type of its first argument, so results come back aware.
    return func.coalesce(ReminderRow.snoozed_until, ReminderRow.due_at)


def _duration(minutes: int) -> int:
    if not 1 <= minutes <= 24 * 60:
        raise InvalidInput("An interview lasts between 1 minute and 24 hours.")
    return minutes


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


__all__ = ["ApplicationSnapshot", "Store"]
