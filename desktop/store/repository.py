"""The store's public face: every user action is one method and one SQLite transaction.

`Store` owns the transactions and announces what each one changed (`Store.changes`); the
work itself lives in one module per area, as functions over a Session: `applications`
(and timelines), `contacts` (and interviews), `requests` (rejections and follow-ups),
`reminders`, `templates`, `lessons`, `settings`, and `exchange` for imports and exports.

Methods take and return the plain records of `desktop.core.model`; no ORM object leaves the
store. Each method opens its own short session, so a worker thread can use the same `Store`
(SQLite connections are per thread through the engine's pool). Every write checks its input
with `desktop.core.validation` whatever the caller, so no way in can bypass the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.core import validation
from desktop.core.company_history import PastApplication
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
    RejectionInput,
    Reminder,
    ReplyOutcome,
    RequestContext,
    RequestKind,
    Settings,
    Stage,
    StageEvent,
    Template,
)
from desktop.core.zones import system_zone
from desktop.store import (
    applications,
    company_history,
    contacts,
    lessons,
    reminders,
    requests,
    settings,
    snapshots,
    templates,
)
from desktop.store.changes import Change, ChangeBuilder, ChangeFeed
from desktop.store.database import Database
from desktop.store.models import TemplateRow
from desktop.store.rows import application_row, record, request_row
from desktop.store.snapshots import (
    ApplicationSnapshot,
    ImportResult,
    ImportSnapshot,
    SharedSnapshot,
)

if TYPE_CHECKING:
    from desktop.store.exchange import ExportResult, ImportPlan

_NOTHING = Change()


def _now(moment: datetime) -> datetime:
    return validation.check_moment(moment, "now")


class Store:
    """All reads and writes of the app. Safe to share between threads."""

    def __init__(self, database: Database, *, local_tz: Callable[[], tzinfo] | None = None) -> None:
        self._database = database
        # Asked on every use: the machine's zone can change while the app runs.
        self._local_tz = local_tz or system_zone
        self.changes = ChangeFeed()

    @property
    def database(self) -> Database:
        return self._database

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._database.transaction() as session:
            yield session

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

    # -- settings ------------------------------------------------------------------
    def load_settings(self) -> Settings:
        with self._read() as session:
            return settings.load(session)

    def save_settings(self, new: Settings) -> None:
        with self._write() as (session, change):
            settings.save(session, new)
            # Reminder times follow the policy, and drafts the profile.
            change.settings = True

    # -- import and export -----------------------------------------------------------
    def apply_import(self, plan: ImportPlan, *, now: datetime) -> str:
        """Writes a validated import (`imports.parse_import`) in one transaction; returns
        what was imported, for the user. Ids may all be new: listeners reload."""
        return self.import_undoably(plan, now=now).summary

    def import_undoably(self, plan: ImportPlan, *, now: datetime) -> ImportResult:
        """`apply_import`, with what `take_back_import` needs to undo it."""
        from desktop.store import exchange  # noqa: PLC0415 - only imports pay for it

        with self._write() as (session, change):
            before = applications.ids(session)
            shared = snapshots.take_shared(session)
            summary = exchange.apply_import(session, plan, now=_now(now))
            change.everything = True
            return ImportResult(summary, applications.ids(session) - before, shared)

    def take_back_import(self, added: Iterable[int], shared: SharedSnapshot) -> ImportSnapshot:
        """Undo of an import, in one transaction: deletes the applications it added and puts
        the templates and settings back as `shared` holds them. Returns what redo needs."""
        with self._write() as (session, change):
            after = snapshots.take_shared(session)
            removed = snapshots.take_away(session, change, sorted(added))
            snapshots.put_back_shared(session, change, shared)
            return ImportSnapshot(removed, after)

    def put_back_import(self, taken: ImportSnapshot) -> None:
        """Redo of an import that `take_back_import` undid, in one transaction."""
        with self._write() as (session, change):
            # Templates first: the requests put back refer to them.
            snapshots.put_back_shared(session, change, taken.shared)
            snapshots.bring_back(session, change, taken.payload)

    def export_file(self, path: Path, *, now: datetime, tz: tzinfo | None = None) -> ExportResult:
        """Export by the file's suffix: .json (everything), .csv (table) or .ics (deadlines)."""
        from desktop.store import exchange  # noqa: PLC0415 - only exports pay for it

        with self._read() as session:
            snapshot = exchange.read_all(session)
        return exchange.write_export(snapshot, path, now=now, tz=tz or self._local_tz())

    # -- applications --------------------------------------------------------------
    def list_summaries(self, *, include_archived: bool = False) -> list[ApplicationSummary]:
        """Every application with its contacts' names, its most urgent open request and
        that request's next reminder: this feeds the board and the table at start."""
        with self._read() as session:
            return applications.summaries(session, None, include_archived=include_archived)

    def summaries_for(
        self, application_ids: Collection[int], *, include_archived: bool = False
    ) -> list[ApplicationSummary]:
        """`list_summaries` for these applications only (those that still exist): what a
        view needs to update the rows a change named, without reading the rest."""
        if not application_ids:
            return []
        with self._read() as session:
            return applications.summaries(
                session, sorted(application_ids), include_archived=include_archived
            )

    def applied_companies(self) -> list[str]:
        """Every company the user applied to, each once, as typed: what mail is matched
        against."""
        with self._read() as session:
            return applications.companies(session)

    def get_application(self, application_id: int) -> Application:
        with self._read() as session:
            return record(Application, application_row(session, application_id))

    def find_application(self, company: str, role: str) -> Application | None:
        with self._read() as session:
            row = applications.match(session, company, role)
            return None if row is None else record(Application, row)

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
        with self._write() as (session, change):
            return applications.add(
                session,
                change,
                company,
                role,
                now=_now(now),
                stage=stage,
                applied_at=applied_at,
                location=location,
                url=url,
                source=source,
                notes=notes,
            )

    def update_application(self, application: Application, *, now: datetime) -> Application:
        """Saves the editable fields; a changed stage goes through the timeline."""
        with self._write() as (session, change):
            return applications.update(session, change, application, now=_now(now))

    def move_stage(
        self,
        application_id: int,
        to_stage: Stage,
        *,
        occurred_at: datetime,
        now: datetime,
        note: str = "",
    ) -> StageEvent:
        with self._write() as (session, change):
            return applications.move_stage(
                session,
                change,
                application_id,
                to_stage,
                occurred_at=occurred_at,
                now=_now(now),
                note=note,
            )

    def set_archived(self, application_id: int, archived: bool, *, now: datetime) -> None:
        with self._write() as (session, change):
            applications.set_archived(session, change, application_id, archived, _now(now))

    def delete_application(self, application_id: int) -> ApplicationSnapshot:
        """Deletes the application and everything hanging off it; the snapshot undoes it."""
        with self._write() as (session, change):
            return applications.delete(session, change, [application_id])[0]

    def restore_application(self, snapshot: ApplicationSnapshot) -> None:
        """Puts a deleted application back with the same ids."""
        with self._write() as (session, change):
            applications.restore(session, change, [snapshot])

    # -- undo: an application put back exactly as a snapshot holds it ---------------
    def snapshot_application(self, application_id: int) -> ApplicationSnapshot:
        with self._read() as session:
            return applications.snapshot(session, application_id)

    def put_back_application(self, snapshot: ApplicationSnapshot) -> None:
        """Undo and redo of a change to one application: it becomes `snapshot` again."""
        with self._write() as (session, change):
            applications.put_back(session, change, snapshot)

    def timeline(self, application_id: int) -> list[StageEvent]:
        with self._read() as session:
            return applications.timeline(session, application_id)

    def set_event_time(self, event_id: int, occurred_at: datetime) -> StageEvent:
        """Backdates (or corrects) when a stage change happened."""
        with self._write() as (session, change):
            return applications.set_event_time(session, change, event_id, occurred_at)

    # -- contacts and interviews ---------------------------------------------------
    def contacts(self, application_id: int) -> list[Contact]:
        with self._read() as session:
            return contacts.of_application(session, application_id)

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
        contact = Contact(0, application_id, name, email, role, phone, notes)
        with self._write() as (session, change):
            return contacts.add(session, change, contact)

    def update_contact(self, contact: Contact) -> Contact:
        with self._write() as (session, change):
            return contacts.update(session, change, contact)

    def delete_contact(self, contact_id: int) -> None:
        with self._write() as (session, change):
            contacts.delete(session, change, contact_id)

    def interviews(self, application_id: int) -> list[Interview]:
        with self._read() as session:
            return contacts.interviews(session, application_id)

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
        interview = Interview(
            0, application_id, scheduled_at, duration_minutes, kind, contact_id, notes
        )
        with self._write() as (session, change):
            return contacts.add_interview(session, change, interview)

    def update_interview(self, interview: Interview) -> Interview:
        with self._write() as (session, change):
            return contacts.update_interview(session, change, interview)

    def delete_interview(self, interview_id: int) -> None:
        with self._write() as (session, change):
            contacts.delete_interview(session, change, interview_id)

    # -- rejections and follow-up requests -----------------------------------------
    def log_rejection(self, rejection: RejectionInput, *, now: datetime) -> LoggedRejection:
        """The whole of "log a rejection" in one transaction (see `requests.log_rejection`).
        Bad input writes nothing."""
        tz = self._local_tz()
        with self._write() as (session, change):
            return requests.log_rejection(session, change, rejection, now=_now(now), tz=tz)

    def create_follow_up(
        self,
        application_id: int,
        kind: RequestKind,
        *,
        now: datetime,
        interview_id: int | None = None,
        contact_id: int | None = None,
    ) -> FollowUpRequest:
        tz = self._local_tz()
        with self._write() as (session, change):
            return requests.create_follow_up(
                session,
                change,
                application_id,
                kind,
                now=_now(now),
                tz=tz,
                interview_id=interview_id,
                contact_id=contact_id,
            )

    def get_request(self, request_id: int) -> FollowUpRequest:
        with self._read() as session:
            return record(FollowUpRequest, request_row(session, request_id))

    def request_context(self, request_id: int) -> RequestContext:
        with self._read() as session:
            return requests.context(session, request_id)

    def save_request_text(
        self, request_id: int, subject: str, body: str, template_id: int | None
    ) -> FollowUpRequest:
        with self._write() as (session, change):
            return requests.save_text(
                session, change, request_id, subject=subject, body=body, template_id=template_id
            )

    def set_request_recipient(self, request_id: int, contact_id: int | None) -> FollowUpRequest:
        """The request is to this contact of its application (None: to nobody yet)."""
        with self._write() as (session, change):
            return requests.set_recipient(session, change, request_id, contact_id)

    def mark_sent(self, request_id: int, *, sent_at: datetime) -> FollowUpRequest:
        sent_at = validation.check_moment(sent_at, "The time it was sent")
        with self._write() as (session, change):
            return requests.mark_sent(session, change, request_id, sent_at)

    def skip_request(self, request_id: int, *, now: datetime) -> FollowUpRequest:
        _now(now)
        with self._write() as (session, change):
            return requests.skip(session, change, request_id)

    def reopen_request(self, request_id: int, *, now: datetime) -> FollowUpRequest:
        """Back to draft; the reminders still ahead in its window are planned again."""
        tz = self._local_tz()
        with self._write() as (session, change):
            return requests.reopen(session, change, request_id, now=_now(now), tz=tz)

    def expire_overdue(self, *, now: datetime) -> list[FollowUpRequest]:
        """Open requests whose window has closed become Expired. Call it after firing what
        `reminders_due` returned: an expired request's "closed" reminder goes with it."""
        with self._write() as (session, change):
            return requests.expire_overdue(session, change, _now(now))

    def requests_for(self, application_id: int) -> list[FollowUpRequest]:
        with self._read() as session:
            return requests.of_application(session, application_id)

    def due_items(self, *, now: datetime) -> list[DueItem]:
        """Open requests, the soonest-closing first, each with its next reminder."""
        _now(now)
        with self._read() as session:
            return requests.due_items(session)

    def follow_ups(self, *, limit: int = 1000) -> list[DueItem]:
        """Every request whatever its status (the Follow-ups view), the latest window first;
        `next_reminder` is not looked up here."""
        with self._read() as session:
            return requests.every_request(session, limit)

    # -- reminders -----------------------------------------------------------------
    def next_reminder_due(self) -> datetime | None:
        """The effective due time of the earliest pending reminder, if any."""
        with self._read() as session:
            return reminders.next_due(session)

    def reminders_due(self, *, now: datetime) -> list[FiringReminder]:
        now = _now(now)
        with self._read() as session:
            return reminders.due(session, now)

    def claim_reminder(self, reminder_id: int, *, fired_at: datetime) -> bool:
        """True for exactly one caller, across threads and processes. Notify only after
        winning."""
        fired_at = validation.check_moment(fired_at, "The firing time")
        with self._write() as (session, change):
            return reminders.claim(session, change, reminder_id, fired_at)

    def mark_missed(self, reminder_ids: list[int], *, now: datetime) -> None:
        """Too stale to pop up: claimed silently (so it can never fire), listed as missed."""
        now = _now(now)
        if reminder_ids:
            with self._write() as (session, change):
                reminders.mark_missed(session, change, reminder_ids, now)

    def missed_reminders(self) -> list[FiringReminder]:
        """Missed reminders of requests nobody acted on yet: the missed list."""
        with self._read() as session:
            return reminders.missed(session)

    def set_missed_listed(self, reminder_ids: Sequence[int], *, listed: bool) -> None:
        """Off the missed list (dismiss), or back on it (undo); the reminders stay claimed,
        so they never fire. One transaction, all or nothing."""
        with self._write() as (session, change):
            reminders.set_listed(session, change, reminder_ids, listed)

    def snooze_request(self, request_id: int, until: datetime) -> list[Reminder]:
        """Remind again at `until` (never past the window's close)."""
        until = validation.check_moment(until, "The snooze time")
        with self._write() as (session, change):
            return reminders.snooze_request(session, change, request_id, until)

    def snooze_all(self, until: datetime, *, now: datetime) -> int:
        """Every reminder that would fire before `until` waits until then; returns how many
        requests that quietened."""
        until = validation.check_moment(until, "The snooze time")
        if until <= _now(now):
            raise InvalidInput("A snooze must end in the future.")
        with self._write() as (session, change):
            return reminders.snooze_all(session, change, until)

    def reminders_for(self, request_id: int) -> list[Reminder]:
        with self._read() as session:
            return reminders.of_request(session, request_id)

    # -- templates -----------------------------------------------------------------
    def templates(self, kind: RequestKind | None = None) -> list[Template]:
        with self._read() as session:
            return templates.listed(session, kind)

    def save_template(self, template: Template) -> Template:
        """Inserts when `template.id` is 0, updates otherwise. Refuses text with unknown
        fields or unbalanced braces, so a saved template always renders as intended."""
        with self._write() as (session, change):
            return templates.save(session, change, template)

    def delete_template(self, template_id: int) -> list[int]:
        """Returns the requests written with it (they keep their text): what
        `put_back_templates` relinks on undo."""
        with self._write() as (session, change):
            return templates.delete(session, change, template_id)

    def snapshot_templates(self) -> SharedSnapshot:
        """Every template, so that undo can put them all back (a default that moved, too)."""
        with self._read() as session:
            return snapshots.take_shared(session, (TemplateRow,))

    def put_back_templates(
        self, snapshot: SharedSnapshot, *, relink: Mapping[int, int] | None = None
    ) -> None:
        """Undo and redo of a template change: the templates become `snapshot` again, and
        the requests in `relink` refer again to the template a deletion took from them."""
        with self._write() as (session, change):
            snapshots.put_back_shared(session, change, snapshot)
            change.requests_of(snapshots.relink_requests(session, relink or {}), reminders=False)

    # -- lessons -------------------------------------------------------------------
    def lessons(self) -> list[Lesson]:
        with self._read() as session:
            return lessons.listed(session)

    def company_history(self, company: str) -> list[PastApplication]:
        """The earlier applications at `company` with their lessons, newest first."""
        with self._read() as session:
            return company_history.for_company(session, company)

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
        with self._write() as (session, change):
            return lessons.add(
                session,
                change,
                application_id,
                outcome,
                now=_now(now),
                request_id=request_id,
                themes=themes,
                notes=notes,
                action=action,
            )

    def update_lesson(self, lesson: Lesson) -> Lesson:
        with self._write() as (session, change):
            return lessons.update(session, change, lesson)


__all__ = ["ApplicationSnapshot", "Store"]
