"""Every undo command on the window's one stack: undo takes back exactly what it did.

"Exactly" is checked where the user would see a leftover: the application, its timeline,
its requests and reminders, and the Insights computed from them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication

from desktop.core.model import Application, Contact, RejectionInput, RequestStatus, Stage
from desktop.store import imports
from desktop.store.repository import Store
from desktop.ui import undo_commands
from desktop.ui.insights_view import gather_insights
from desktop.ui.undo_commands import (
    AddContactCommand,
    ChooseRecipientCommand,
    DeleteApplicationCommand,
    ImportCommand,
    LogRejectionCommand,
    MoveStageCommand,
    RequestCommand,
    SetArchivedCommand,
    SnoozeAllCommand,
    StoreCommand,
)
from tests.fakes import ManualClock

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START, ZoneInfo("Europe/Berlin"))


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def everything(store: Store, application_id: int) -> object:
    """What the user can see of one application, and what Insights count."""
    requests = store.requests_for(application_id)
    return (
        store.get_application(application_id),
        store.timeline(application_id),
        store.contacts(application_id),
        requests,
        [store.reminders_for(r.id) for r in requests],
        gather_insights(store).insights,
    )


def run(stack: QUndoStack, command: StoreCommand) -> None:
    errors: list[str] = []
    assert undo_commands.run(stack, command, errors.append), errors


def add(store: Store, clock: ManualClock, stage: Stage = Stage.INTERVIEWING) -> Application:
    return store.add_application("Acme", "Engineer", now=clock.now(), stage=stage)


def rejection(application_id: int | None, clock: ManualClock) -> RejectionInput:
    return RejectionInput(
        company="Acme",
        role="Engineer",
        notified_at=clock.now(),
        contact_name="Dana Reyes",
        contact_email="dana@acme.example",
        application_id=application_id,
    )


def test_undoing_a_move_to_offer_leaves_no_trace_in_the_timeline_or_insights(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    app = add(store, clock)
    before = everything(store, app.id)
    clock.advance(hours=1)
    run(stack, MoveStageCommand(store, clock, app, Stage.OFFER))
    moved = everything(store, app.id)
    assert gather_insights(store).insights.funnel.offered == 1
    stack.undo()
    assert everything(store, app.id) == before
    assert gather_insights(store).insights.funnel.offered == 0
    stack.redo()
    assert everything(store, app.id) == moved


@pytest.mark.parametrize("to_stage", [Stage.SCREENING, Stage.WITHDRAWN])
def test_a_move_undone_and_redone_twice(
    store: Store, clock: ManualClock, stack: QUndoStack, to_stage: Stage
) -> None:
    app = add(store, clock, Stage.APPLIED)
    before = everything(store, app.id)
    run(stack, MoveStageCommand(store, clock, app, to_stage))
    after = everything(store, app.id)
    for _ in range(2):
        stack.undo()
        assert everything(store, app.id) == before
        stack.redo()
        assert everything(store, app.id) == after


def test_archive_is_undone(store: Store, clock: ManualClock, stack: QUndoStack) -> None:
    app = add(store, clock)
    before = everything(store, app.id)
    run(stack, SetArchivedCommand(store, clock, app, True))
    assert store.get_application(app.id).archived
    stack.undo()
    assert everything(store, app.id) == before


def test_delete_is_undone_with_the_same_ids(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    app = add(store, clock)
    store.log_rejection(rejection(app.id, clock), now=clock.now())
    before = everything(store, app.id)
    run(stack, DeleteApplicationCommand(store, app))
    assert store.find_application("Acme", "Engineer") is None
    stack.undo()
    assert everything(store, app.id) == before


def test_undoing_a_rejection_removes_it_its_request_and_reminders_and_the_stage_returns(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    app = add(store, clock)
    before = everything(store, app.id)
    clock.advance(hours=1)
    command = LogRejectionCommand(store, clock, rejection(None, clock))
    run(stack, command)
    assert command.logged is not None
    assert command.logged.application.id == app.id  # found by company and role
    logged = everything(store, app.id)
    assert store.get_application(app.id).stage is Stage.REJECTED
    stack.undo()
    # The contact it added goes too: everything is as it was.
    assert everything(store, app.id) == before
    assert store.due_items(now=clock.now()) == []
    stack.redo()
    assert everything(store, app.id) == logged


def test_a_rejection_that_created_its_application_is_undone_by_removing_it(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    insights = gather_insights(store).insights
    run(stack, LogRejectionCommand(store, clock, rejection(None, clock)))
    stack.undo()
    assert store.list_summaries() == []
    assert gather_insights(store).insights == insights


@pytest.mark.parametrize("action", ["sent", "skip", "snooze"])
def test_request_commands_put_the_request_and_its_reminders_back(
    store: Store, clock: ManualClock, stack: QUndoStack, action: str
) -> None:
    logged = store.log_rejection(rejection(add(store, clock).id, clock), now=clock.now())
    request_id, app_id = logged.request.id, logged.application.id
    before = everything(store, app_id)
    clock.advance(hours=3)
    change = {
        "sent": lambda: store.mark_sent(request_id, sent_at=clock.now()),
        "skip": lambda: store.skip_request(request_id, now=clock.now()),
        "snooze": lambda: store.snooze_request(request_id, clock.now() + timedelta(hours=1)),
    }[action]
    run(stack, RequestCommand(store, action, app_id, change))
    done = everything(store, app_id)
    assert done != before
    stack.undo()
    assert everything(store, app_id) == before
    assert store.get_request(request_id).status is RequestStatus.DRAFT
    stack.redo()
    assert everything(store, app_id) == done


def test_a_reminder_that_fired_meanwhile_stays_fired_after_an_undo(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    logged = store.log_rejection(rejection(add(store, clock).id, clock), now=clock.now())
    app = store.get_application(logged.application.id)
    run(stack, SetArchivedCommand(store, clock, app, True))
    nudge = logged.reminders[0]
    assert store.claim_reminder(nudge.id, fired_at=clock.now() + timedelta(hours=2))
    stack.undo()
    (again,) = [r for r in store.reminders_for(logged.request.id) if r.id == nudge.id]
    # At most once holds across undo: the notification is not shown a second time.
    assert again.fired_at is not None
    assert not store.claim_reminder(nudge.id, fired_at=clock.now() + timedelta(hours=3))


def test_a_refused_change_is_a_message_and_no_step(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    app = add(store, clock, Stage.SAVED)
    store.move_stage(app.id, Stage.WITHDRAWN, occurred_at=clock.now(), now=clock.now())
    errors: list[str] = []
    stale = store.get_application(app.id)
    command = MoveStageCommand(store, clock, stale, Stage.APPLIED)
    assert not undo_commands.run(stack, command, errors.append)
    assert errors
    assert stack.count() == 0


def test_an_import_is_undone_by_removing_what_it_added(
    qapp: QApplication, store: Store, clock: ManualClock, stack: QUndoStack, tmp_path: Path
) -> None:
    kept = add(store, clock)
    csv = tmp_path / "jobs.csv"
    csv.write_text("Company,Role,Status\nGlobex,Analyst,Applied\nInitech,QA,Screening\n")
    plan = imports.parse_import(csv.read_bytes(), ".csv", now=clock.now(), tz=UTC)
    imported = store.import_undoably(plan, now=clock.now())
    assert len(imported.added) == 2
    stack.push(ImportCommand(store, "Import jobs.csv", imported))
    assert len(store.list_summaries()) == 3
    # The store announces the change as it commits, still inside the undo: the cursor then.
    cursors: list[Qt.CursorShape | None] = []
    store.changes.subscribe(lambda _change: cursors.append(_cursor_shape()))
    stack.undo()
    assert [s.application.id for s in store.list_summaries()] == [kept.id]
    stack.redo()
    assert {s.application.company for s in store.list_summaries()} == {"Acme", "Globex", "Initech"}
    assert cursors == [Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor]
    assert _cursor_shape() is None


def _cursor_shape() -> Qt.CursorShape | None:
    cursor = QGuiApplication.overrideCursor()
    return cursor.shape() if cursor is not None else None


def test_snooze_all_is_undone_for_every_request_it_moved(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    first = store.log_rejection(rejection(add(store, clock).id, clock), now=clock.now())
    other = store.add_application("Globex", "Analyst", now=clock.now(), stage=Stage.SCREENING)
    second = store.log_rejection(
        RejectionInput(company="Globex", role="Analyst", notified_at=clock.now()),
        now=clock.now(),
    )
    before = [everything(store, first.application.id), everything(store, other.id)]
    command = SnoozeAllCommand(store, clock, clock.now() + timedelta(hours=20))
    run(stack, command)
    assert command.count == 2
    moved = [everything(store, first.application.id), everything(store, other.id)]
    assert moved != before
    stack.undo()
    assert [everything(store, first.application.id), everything(store, other.id)] == before
    stack.redo()
    assert [everything(store, first.application.id), everything(store, other.id)] == moved
    assert second.application.id == other.id


def test_a_refused_new_recipient_writes_nothing_and_pushes_nothing(
    store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    logged = store.log_rejection(rejection(add(store, clock).id, clock), now=clock.now())
    other = add(store, clock)
    before = everything(store, logged.application.id)
    errors: list[str] = []
    for contact, application_id in (
        # The store's email rule refuses the contact itself.
        (Contact(0, logged.application.id, "Bo", "bo@"), logged.application.id),
        # The contact is written, then refused as the recipient (another application's):
        # the step is undone as a whole, so it leaves no contact behind.
        (Contact(0, other.id, "Bo", "bo@beta.example"), other.id),
    ):
        command = ChooseRecipientCommand(
            store,
            logged.request,
            "Acme",
            "Bo",
            adding=AddContactCommand(store, application_id, contact),
        )
        assert not undo_commands.run(stack, command, errors.append)
    assert len(errors) == 2
    assert stack.count() == 0
    assert everything(store, logged.application.id) == before
    assert store.contacts(other.id) == []
