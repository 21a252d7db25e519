"""Undoable store changes: every user action that changes data goes through here, onto
the window's one QUndoStack (the request editors push onto the same stack).

The pattern is "do, then push": the window runs `command.execute()` first, and pushes the
command onto the QUndoStack only when the store accepted the change, so a refused change
(bad input, locked database) is a message to the user and never an entry in Edit › Undo.
QUndoStack calls `redo()` on push; that first call is skipped because the work is done.

Undo and redo later on can still fail (another process deleted the row); the failure goes
to `on_error` as the user-facing sentence rather than escaping from a Qt virtual method.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from desktop.core.errors import UserFacingError
from desktop.core.model import (
    Application,
    Contact,
    ContactRole,
    FiringReminder,
    FollowUpRequest,
    Interview,
    Lesson,
    LoggedRejection,
    RejectionInput,
    ReplyOutcome,
    Settings,
    Stage,
    Template,
)
from desktop.core.user_text import escape_mnemonics, isolate
from desktop.native.clock import Clock

if TYPE_CHECKING:
    from desktop.core.mail_sources import Finding
    from desktop.native.autostart import Autostart
    from desktop.store.mail import MailStore
    from desktop.store.repository import Store
    from desktop.store.snapshots import (
        ApplicationSnapshot,
        ImportResult,
        ImportSnapshot,
        SharedSnapshot,
    )
    from desktop.ui.theme import ThemeController

log = logging.getLogger(__name__)

ErrorHandler = Callable[[str], None]


def _ignore(_message: str) -> None:
    return None


class StoreCommand(QUndoCommand):
    def __init__(self, text: str, on_error: ErrorHandler | None = None) -> None:
        # Shown in "Undo …" menu items, where Qt would read a name's "&" as a mnemonic.
        super().__init__(escape_mnemonics(text))
        self._on_error = on_error or _ignore
        self._done = False
        self.failed = False

    def set_error_handler(self, on_error: ErrorHandler) -> None:
        self._on_error = on_error

    def execute(self) -> None:
        """Run the change now; raises UserFacingError and leaves nothing to push."""
        self._do()
        self._done = True

    def redo(self) -> None:
        if self._done:
            # The first redo comes from QUndoStack.push right after execute(): skip it.
            self._done = False
            return
        self._guard(self._do)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, work: Callable[[], None]) -> None:
        try:
            work()
            self.failed = False
        except UserFacingError as error:
            log.warning("%s failed: %s", self.text(), error)
            self.failed = True
            self._on_error(str(error))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddApplicationCommand(StoreCommand):
    """Undo deletes the new application; redo puts it back with the same id."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        draft: Application,
        contacts: list[Contact] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(f"Add {isolate(draft.company)}", on_error)
        self._store = store
        self._clock = clock
        self._draft = draft
        self._contacts = contacts or []
        self._snapshot: ApplicationSnapshot | None = None
        self.application: Application | None = None

    def _do(self) -> None:
        if self._snapshot is not None:
            self._store.restore_application(self._snapshot)
            return
        d = self._draft
        self.application = self._store.add_application(
            d.company,
            d.role,
            now=self._clock.now(),
            stage=d.stage,
            applied_at=d.applied_at,
            location=d.location,
            url=d.url,
            source=d.source,
            notes=d.notes,
        )
        for contact in self._contacts:
            self._store.add_contact(
                self.application.id,
                contact.name,
                email=contact.email,
                role=contact.role,
                phone=contact.phone,
                notes=contact.notes,
            )

    def _undo(self) -> None:
        assert self.application is not None
        self._snapshot = self._store.delete_application(self.application.id)


class UpdateApplicationCommand(StoreCommand):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        before: Application,
        after: Application,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(f"Edit {isolate(after.company)}", on_error)
        self._store = store
        self._clock = clock
        self._before = before
        self._after = after

    def _do(self) -> None:
        self._store.update_application(self._after, now=self._clock.now())

    def _undo(self) -> None:
        self._store.update_application(self._before, now=self._clock.now())


class SnapshotCommand(StoreCommand):
    """A change to one application, undone exactly: undo puts back the snapshot of the
    application taken just before the change (or deletes it, when the change created it),
    redo puts back the one undo took before it did so (taken then, not after the change, so
    the change itself pays for one snapshot, not two). The timeline, requests, reminders and lessons
    are then what they were, with the same ids, so history and Insights count only what
    stands. A reminder that fired meanwhile stays fired (see `Store.put_back_application`).

    `change` does the store write and returns the id of the application it changed.
    """

    def __init__(
        self,
        store: Store,
        text: str,
        change: Callable[[], int],
        *,
        application_id: int | None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(text, on_error)
        self._store = store
        self._change = change
        self.application_id = application_id
        self._before: ApplicationSnapshot | None = None
        self._after: ApplicationSnapshot | None = None

    def _do(self) -> None:
        if self._after is not None:
            self._store.put_back_application(self._after)
            return
        if self.application_id is not None:
            self._before = self._store.snapshot_application(self.application_id)
        self.application_id = self._change()

    def _undo(self) -> None:
        assert self.application_id is not None
        self._after = self._store.snapshot_application(self.application_id)
        if self._before is None:
            self._store.delete_application(self.application_id)
        else:
            self._store.put_back_application(self._before)


class MoveStageCommand(SnapshotCommand):
    """A stage move; undo leaves no trace of it in the timeline."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        application: Application,
        to_stage: Stage,
        *,
        occurred_at: datetime | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        self.from_stage = application.stage
        self.to_stage = to_stage

        def move() -> int:
            now = clock.now()
            store.move_stage(application.id, to_stage, occurred_at=occurred_at or now, now=now)
            return application.id

        super().__init__(
            store,
            f"Move {isolate(application.company)} to {to_stage.label}",
            move,
            application_id=application.id,
            on_error=on_error,
        )


class SetArchivedCommand(SnapshotCommand):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        application: Application,
        archived: bool,
        on_error: ErrorHandler | None = None,
    ) -> None:
        def archive() -> int:
            store.set_archived(application.id, archived, now=clock.now())
            return application.id

        verb = "Archive" if archived else "Unarchive"
        super().__init__(
            store,
            f"{verb} {isolate(application.company)}",
            archive,
            application_id=application.id,
            on_error=on_error,
        )


class LogRejectionCommand(SnapshotCommand):
    """Undo removes the rejection, its request and reminders (and a contact or application
    it created), and puts the stage back."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        rejection: RejectionInput,
        on_error: ErrorHandler | None = None,
    ) -> None:
        self.logged: LoggedRejection | None = None
        application_id, company = rejection.application_id, rejection.company
        if application_id is None:
            # Logging by company and role finds an application already tracked.
            found = store.find_application(rejection.company, rejection.role)
            if found is not None:
                application_id, company = found.id, found.company

        def log_it() -> int:
            self.logged = store.log_rejection(rejection, now=clock.now())
            return self.logged.application.id

        super().__init__(
            store,
            f"Log rejection from {isolate(company)}",
            log_it,
            application_id=application_id,
            on_error=on_error,
        )


class LogReplyCommand(SnapshotCommand):
    """What a reply said, or that none came. Undo removes the lesson and puts its request
    back as it was (no longer Replied, its reminders planned again), so Insights' reply
    rate and themes count only what stands."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        application: Application,
        outcome: ReplyOutcome,
        *,
        request_id: int | None,
        themes: tuple[str, ...],
        notes: str,
        action: str,
        on_error: ErrorHandler | None = None,
    ) -> None:
        self.lesson: Lesson | None = None

        def log_it() -> int:
            self.lesson = store.add_lesson(
                application.id,
                outcome,
                now=clock.now(),
                request_id=request_id,
                themes=themes,
                notes=notes,
                action=action,
            )
            return application.id

        what = "no reply" if outcome is ReplyOutcome.NO_REPLY else "reply"
        super().__init__(
            store,
            f"Log {what} from {isolate(application.company)}",
            log_it,
            application_id=application.id,
            on_error=on_error,
        )


class RequestCommand(SnapshotCommand):
    """Mark sent, skip, reopen, snooze: a change to one follow-up request."""

    def __init__(
        self,
        store: Store,
        text: str,
        application_id: int,
        change: Callable[[], object],
        on_error: ErrorHandler | None = None,
    ) -> None:
        def run() -> int:
            change()
            return application_id

        super().__init__(store, text, run, application_id=application_id, on_error=on_error)


class SnoozeAllCommand(StoreCommand):
    """The tray's "Snooze all": every open request waits until `until`. Undo puts each
    application that had an open request back as it was (see `SnapshotCommand`)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        until: datetime,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__("Snooze all", on_error)
        self._store = store
        self._clock = clock
        self._until = until
        self.count = 0
        self._before: list[ApplicationSnapshot] = []
        self._after: list[ApplicationSnapshot] = []

    def _do(self) -> None:
        if self._after:
            for snapshot in self._after:
                self._store.put_back_application(snapshot)
            return
        now = self._clock.now()
        touched = sorted({item.request.application_id for item in self._store.due_items(now=now)})
        self._before = [self._store.snapshot_application(i) for i in touched]
        self.count = self._store.snooze_all(self._until, now=now)

    def _undo(self) -> None:
        self._after = [self._store.snapshot_application(s.application_id) for s in self._before]
        for snapshot in self._before:
            self._store.put_back_application(snapshot)


class DismissMissedCommand(StoreCommand):
    """Missed reminders off the missed list, one or all of them in one transaction. Undo
    lists them again as they were; they stay claimed throughout, so none can fire."""

    def __init__(
        self,
        store: Store,
        missed: Sequence[FiringReminder],
        on_error: ErrorHandler | None = None,
    ) -> None:
        if len(missed) == 1:
            text = f"Dismiss missed reminder for {isolate(missed[0].company)}"
        else:
            text = "Dismiss all missed reminders"
        super().__init__(text, on_error)
        self._store = store
        self.reminder_ids = [item.reminder.id for item in missed]

    def _do(self) -> None:
        self._store.set_missed_listed(self.reminder_ids, listed=False)

    def _undo(self) -> None:
        self._store.set_missed_listed(self.reminder_ids, listed=True)


class DismissFindingCommand(StoreCommand):
    """ "Not a rejection" for a rejection found in the mail: the finding goes and its
    sender's hint grows. Undo lists it again (same id) and shrinks the hint back.
    `changed` runs after each step: the mail store announces nothing itself."""

    def __init__(
        self,
        mail: MailStore,
        finding: Finding,
        changed: Callable[[], object],
        on_error: ErrorHandler | None = None,
    ) -> None:
        rejection = finding.rejection
        super().__init__(
            f"Not a rejection: mail from {isolate(rejection.company or rejection.sender)}",
            on_error,
        )
        self._mail = mail
        self.finding = finding
        self._changed = changed

    def _do(self) -> None:
        self._mail.dismiss_finding(self.finding.id)
        self._changed()

    def _undo(self) -> None:
        self._mail.restore_finding(self.finding)
        self._changed()


class ImportCommand(StoreCommand):
    """An import, undone in one transaction: the applications it added go, and the
    templates and settings a JSON file replaced come back as they were.

    The import itself ran in a worker; this command only records what it did.
    """

    def __init__(
        self,
        store: Store,
        text: str,
        imported: ImportResult,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(text, on_error)
        self._store = store
        self._imported = imported
        self._taken: ImportSnapshot | None = None
        self._done = True  # imported already: the push must not import again

    def _do(self) -> None:
        assert self._taken is not None
        with _wait_cursor():
            self._store.put_back_import(self._taken)

    def _undo(self) -> None:
        with _wait_cursor():
            self._taken = self._store.take_back_import(
                self._imported.added, self._imported.shared_before
            )


@contextmanager
def _wait_cursor() -> Iterator[None]:
    """An import is taken back or put back in one transaction on the GUI thread, so that the
    undo stack stays in order; at 100,000 rows that is about 3 s, and the cursor says so."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class DeleteApplicationCommand(StoreCommand):
    """The store hands back a snapshot of everything it removed; undo restores it whole."""

    def __init__(
        self, store: Store, application: Application, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__(f"Delete {isolate(application.company)}", on_error)
        self._store = store
        self.application_id = application.id
        self._snapshot: ApplicationSnapshot | None = None

    def _do(self) -> None:
        self._snapshot = self._store.delete_application(self.application_id)

    def _undo(self) -> None:
        assert self._snapshot is not None
        self._store.restore_application(self._snapshot)


class SetEventTimeCommand(StoreCommand):
    def __init__(
        self,
        store: Store,
        event_id: int,
        before: datetime,
        after: datetime,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__("Change event date", on_error)
        self._store = store
        self._event_id = event_id
        self._before = before
        self._after = after

    def _do(self) -> None:
        self._store.set_event_time(self._event_id, self._after)

    def _undo(self) -> None:
        self._store.set_event_time(self._event_id, self._before)


class AddContactCommand(StoreCommand):
    def __init__(
        self,
        store: Store,
        application_id: int,
        contact: Contact,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(f"Add contact {isolate(contact.name)}", on_error)
        self._store = store
        self._application_id = application_id
        self._contact = contact
        self.created: Contact | None = None

    def _do(self) -> None:
        c = self._contact
        self.created = self._store.add_contact(
            self._application_id, c.name, email=c.email, role=c.role, phone=c.phone, notes=c.notes
        )

    def _undo(self) -> None:
        if self.created is not None:
            self._store.delete_contact(self.created.id)


class ChooseRecipientCommand(StoreCommand):
    """Who a follow-up request is to, in one step: one of its application's contacts
    (`contact_id`, None for nobody), or a contact added on the spot (`adding`). Undo puts
    the previous recipient back and removes the contact it added."""

    def __init__(
        self,
        store: Store,
        request: FollowUpRequest,
        company: str,
        name: str,
        *,
        contact_id: int | None = None,
        adding: AddContactCommand | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        text = f"Send to {isolate(name)}" if name else "Send to nobody yet"
        super().__init__(f"{text} ({isolate(company)})", on_error)
        self._store = store
        self._request_id = request.id
        self._before = request.contact_id
        self._contact_id = contact_id
        self._adding = adding

    def _do(self) -> None:
        contact_id = self._contact_id
        if self._adding is not None:
            self._adding._do()
            assert self._adding.created is not None
            contact_id = self._adding.created.id
        try:
            self._store.set_request_recipient(self._request_id, contact_id)
        except UserFacingError:
            if self._adding is not None:
                self._adding._undo()  # a refused step leaves no contact behind
            raise

    def _undo(self) -> None:
        self._store.set_request_recipient(self._request_id, self._before)
        if self._adding is not None:
            self._adding._undo()


class UpdateContactCommand(StoreCommand):
    def __init__(
        self, store: Store, before: Contact, after: Contact, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__(f"Edit contact {isolate(after.name)}", on_error)
        self._store = store
        self._before = before
        self._after = after

    def _do(self) -> None:
        self._store.update_contact(self._after)

    def _undo(self) -> None:
        self._store.update_contact(self._before)


class DeleteContactCommand(StoreCommand):
    """Undo adds the contact back (under a new id; nothing else refers to it by then)."""

    def __init__(
        self, store: Store, contact: Contact, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__(f"Remove contact {isolate(contact.name)}", on_error)
        self._store = store
        self._contact = contact

    def _do(self) -> None:
        self._store.delete_contact(self._contact.id)

    def _undo(self) -> None:
        c = self._contact
        restored = self._store.add_contact(
            c.application_id,
            c.name,
            email=c.email,
            role=ContactRole(c.role),
            phone=c.phone,
            notes=c.notes,
        )
        self._contact = replace(c, id=restored.id)


class AddInterviewCommand(StoreCommand):
    def __init__(
        self,
        store: Store,
        application_id: int,
        interview: Interview,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__("Add interview", on_error)
        self._store = store
        self._application_id = application_id
        self._interview = interview
        self.created: Interview | None = None

    def _do(self) -> None:
        i = self._interview
        self.created = self._store.add_interview(
            self._application_id,
            i.scheduled_at,
            duration_minutes=i.duration_minutes,
            kind=i.kind,
            contact_id=i.contact_id,
            notes=i.notes,
        )

    def _undo(self) -> None:
        if self.created is not None:
            self._store.delete_interview(self.created.id)


class UpdateInterviewCommand(StoreCommand):
    def __init__(
        self,
        store: Store,
        before: Interview,
        after: Interview,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__("Edit interview", on_error)
        self._store = store
        self._before = before
        self._after = after

    def _do(self) -> None:
        self._store.update_interview(self._after)

    def _undo(self) -> None:
        self._store.update_interview(self._before)


class DeleteInterviewCommand(StoreCommand):
    def __init__(
        self, store: Store, interview: Interview, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__("Remove interview", on_error)
        self._store = store
        self._interview = interview

    def _do(self) -> None:
        self._store.delete_interview(self._interview.id)

    def _undo(self) -> None:
        i = self._interview
        restored = self._store.add_interview(
            i.application_id,
            i.scheduled_at,
            duration_minutes=i.duration_minutes,
            kind=i.kind,
            contact_id=i.contact_id,
            notes=i.notes,
        )
        self._interview = replace(i, id=restored.id)


class SaveSettingsCommand(StoreCommand):
    """The settings dialog's OK, wherever it reached: the store, and when OK changed them,
    the OS's start-at-login entry (`autostart`) and this machine's colour scheme (`theme`,
    already previewed; `theme_before` is what it was). Undo and redo put each back through
    the same object. What OK did not change stays as it then is, and so does what others
    own: the reminder pause (the tray's), the first-run question about autostart (the
    welcome dialog's).

    A refused step changes none of them: the entry is switched first, and switched back
    when the store refuses."""

    KEPT = ("reminders_paused_until", "asked_about_autostart")

    def __init__(
        self,
        store: Store,
        before: Settings,
        after: Settings,
        *,
        autostart: Autostart | None = None,
        theme: ThemeController | None = None,
        theme_before: str = "system",
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__("Change settings", on_error)
        self._store = store
        # The entry as OK finds it (the stored flag may be out of date): undo's target.
        entry = after.start_at_login
        if autostart is not None and autostart.supported:
            entry = autostart.is_enabled()
        self._autostart = autostart if entry != after.start_at_login else None
        self._before = replace(before, start_at_login=entry)
        self._after = after
        self._theme = theme if theme is not None and theme.choice != theme_before else None
        self._theme_before = theme_before
        self._theme_after = theme.choice if theme is not None else theme_before
        self._written = False

    def _do(self) -> None:
        self._apply(self._after, self._theme_after)

    def _undo(self) -> None:
        self._apply(self._before, self._theme_before)

    def _apply(self, settings: Settings, theme_choice: str) -> None:
        switched = self._switch_autostart(settings.start_at_login)
        try:
            self._put(settings)
        except UserFacingError:
            if switched:
                try:
                    self._switch_autostart(not settings.start_at_login)
                except UserFacingError:
                    log.exception("could not switch start at login back")
            raise
        if self._theme is not None:
            self._theme.choose(theme_choice)
            self._theme.save()

    def _switch_autostart(self, enabled: bool) -> bool:
        """Point the OS entry at `enabled` (when OK changed it); True when that changed it."""
        autostart = self._autostart
        if autostart is None or autostart.is_enabled() == enabled:
            return False
        try:
            autostart.set_enabled(enabled)
        except OSError as error:
            raise UserFacingError(f"Start at login could not be changed ({error}).") from error
        return True

    def _put(self, settings: Settings) -> None:
        if not self._written:
            self._store.save_settings(settings)  # OK itself: the dialog read them just now
            self._written = True
            return
        current = self._store.load_settings()
        kept = self.KEPT if self._autostart is not None else (*self.KEPT, "start_at_login")
        self._store.save_settings(replace(settings, **{n: getattr(current, n) for n in kept}))


class TemplateCommand(StoreCommand):
    """A template saved or deleted, undone exactly: undo puts every template back as it
    stood (so a default that moved to another template moves back), redo as the change
    left them. `change` does the store write."""

    def __init__(
        self, store: Store, text: str, change: Callable[[], None], on_error: ErrorHandler | None
    ) -> None:
        super().__init__(text, on_error)
        self._store = store
        self._change = change
        self._before: SharedSnapshot | None = None
        self._after: SharedSnapshot | None = None
        # Requests written with a deleted template: {request id: template id}.
        self.unlinked: dict[int, int] = {}

    def _do(self) -> None:
        if self._after is not None:
            self._store.put_back_templates(self._after)
            return
        self._before = self._store.snapshot_templates()
        self._change()

    def _undo(self) -> None:
        assert self._before is not None
        self._after = self._store.snapshot_templates()
        self._store.put_back_templates(self._before, relink=self.unlinked)


class SaveTemplateCommand(TemplateCommand):
    def __init__(
        self, store: Store, template: Template, on_error: ErrorHandler | None = None
    ) -> None:
        self.saved: Template | None = None

        def save() -> None:
            self.saved = store.save_template(template)

        super().__init__(store, f"Save template {isolate(template.name)}", save, on_error)


class DeleteTemplateCommand(TemplateCommand):
    """Undo also gives the requests written with the template their reference back."""

    def __init__(
        self, store: Store, template: Template, on_error: ErrorHandler | None = None
    ) -> None:
        def delete() -> None:
            written = store.delete_template(template.id)
            self.unlinked = dict.fromkeys(written, template.id)

        super().__init__(store, f"Delete template {isolate(template.name)}", delete, on_error)


class CompositeCommand(StoreCommand):
    """Several changes that the user made in one dialog, undone and redone as one step.

    If a later part fails on execute, the parts already done are undone, so a refused save
    leaves the store as it was.
    """

    def __init__(
        self, text: str, parts: list[StoreCommand], on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__(text, on_error)
        self.parts = parts

    def _do(self) -> None:
        done: list[StoreCommand] = []
        try:
            for part in self.parts:
                part._do()
                done.append(part)
        except UserFacingError:
            for part in reversed(done):
                try:
                    part._undo()
                except UserFacingError:
                    log.exception("could not roll back %s", part.text())
            raise

    def _undo(self) -> None:
        for part in reversed(self.parts):
            part._undo()


def run(
    stack: QUndoStack,
    command: StoreCommand,
    on_error: ErrorHandler,
    *,
    on_refused: ErrorHandler | None = None,
) -> bool:
    """Execute `command` now; push it onto `stack` only if the store accepted it.

    A refusal goes to `on_refused` (a dialog's inline message), or else to `on_error`, as
    the user-facing sentence; a later undo or redo that fails goes to `on_error`, which
    must outlive the dialog.
    """
    try:
        command.execute()
    except UserFacingError as error:
        (on_refused or on_error)(str(error))
        return False
    command.set_error_handler(on_error)
    stack.push(command)
    return True
