"""The store announces what each committed write changed, and nothing for a rollback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Channel,
    RejectionInput,
    ReplyOutcome,
    RequestKind,
    Settings,
    Stage,
    Template,
)
from desktop.store import imports
from desktop.store.changes import Change, ChangeFeed
from desktop.store.database import open_database
from desktop.store.repository import Store

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
HEARD = NOW - timedelta(hours=1)


class Recorder:
    def __init__(self, store: Store) -> None:
        self.seen: list[Change] = []
        self.unsubscribe = store.changes.subscribe(self.seen.append)

    def only(self) -> Change:
        assert len(self.seen) == 1, self.seen
        change = self.seen[0]
        self.seen.clear()
        return change


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(open_database(tmp_path / "data"), local_tz=lambda: BERLIN)


def _rejection(store: Store) -> tuple[int, int]:
    logged = store.log_rejection(
        RejectionInput(
            company="Acme",
            role="Analyst",
            notified_at=HEARD,
            channel=Channel.EMAIL,
            contact_name="Dana",
            contact_email="dana@acme.example",
        ),
        now=NOW,
    )
    return logged.application.id, logged.request.id


def test_log_rejection_announces_the_application_its_request_and_reminders(store: Store) -> None:
    seen = Recorder(store)
    app_id, request_id = _rejection(store)
    assert seen.only() == Change(
        applications=frozenset({app_id}), requests=frozenset({request_id}), reminders=True
    )


def test_application_writes_announce_their_id(store: Store) -> None:
    seen = Recorder(store)
    app = store.add_application("Acme", "Analyst", now=NOW)
    assert seen.only() == Change(applications=frozenset({app.id}))
    writes: list[Callable[[], object]] = [
        lambda: store.update_application(app, now=NOW),
        lambda: store.move_stage(app.id, Stage.SCREENING, occurred_at=NOW, now=NOW),
        lambda: store.set_archived(app.id, True, now=NOW),
        lambda: store.add_contact(app.id, "Dana"),
        lambda: store.add_interview(app.id, NOW + timedelta(days=1)),
    ]
    for write in writes:
        write()
        assert seen.only() == Change(applications=frozenset({app.id}))
    contact = store.contacts(app.id)[0]
    store.update_contact(contact)
    assert seen.only() == Change(applications=frozenset({app.id}))
    store.delete_contact(contact.id)
    assert seen.only() == Change(applications=frozenset({app.id}))
    interview = store.interviews(app.id)[0]
    store.update_interview(interview)
    assert seen.only() == Change(applications=frozenset({app.id}))
    store.delete_interview(interview.id)
    assert seen.only() == Change(applications=frozenset({app.id}))
    event = store.timeline(app.id)[0]
    store.set_event_time(event.id, NOW - timedelta(days=1))
    assert seen.only() == Change(applications=frozenset({app.id}))


def test_delete_and_restore_announce_the_removal_and_the_return(store: Store) -> None:
    app_id, request_id = _rejection(store)
    seen = Recorder(store)
    snapshot = store.delete_application(app_id)
    assert seen.only() == Change(
        removed_applications=frozenset({app_id}), requests=frozenset({request_id}), reminders=True
    )
    store.restore_application(snapshot)
    assert seen.only() == Change(
        applications=frozenset({app_id}), requests=frozenset({request_id}), reminders=True
    )


def test_request_writes_announce_the_request_and_its_application(store: Store) -> None:
    app_id, request_id = _rejection(store)
    seen = Recorder(store)
    both = Change(
        applications=frozenset({app_id}), requests=frozenset({request_id}), reminders=True
    )
    store.save_request_text(request_id, "Subject", "Body", None)
    # Text alone does not move any reminder.
    assert seen.only() == Change(applications=frozenset({app_id}), requests=frozenset({request_id}))
    store.snooze_request(request_id, NOW + timedelta(hours=3))
    assert seen.only() == both
    store.snooze_all(NOW + timedelta(days=2), now=NOW)
    assert seen.only() == both
    store.mark_sent(request_id, sent_at=NOW)
    assert seen.only() == both
    store.reopen_request(request_id, now=NOW)
    assert seen.only() == both
    store.skip_request(request_id, now=NOW)
    assert seen.only() == both
    follow_up = store.create_follow_up(app_id, RequestKind.STAY_IN_TOUCH, now=NOW)
    assert seen.only() == Change(
        applications=frozenset({app_id}), requests=frozenset({follow_up.id}), reminders=True
    )
    store.expire_overdue(now=NOW + timedelta(days=400))
    assert seen.only() == Change(
        applications=frozenset({app_id}), requests=frozenset({follow_up.id}), reminders=True
    )


def test_claiming_and_missing_reminders_announce_their_requests(store: Store) -> None:
    app_id, request_id = _rejection(store)
    first, second, *_ = store.reminders_for(request_id)
    seen = Recorder(store)
    both = Change(
        applications=frozenset({app_id}), requests=frozenset({request_id}), reminders=True
    )
    assert store.claim_reminder(first.id, fired_at=NOW)
    assert seen.only() == both
    # A lost claim changed nothing, so it announces nothing.
    assert not store.claim_reminder(first.id, fired_at=NOW)
    assert seen.seen == []
    store.mark_missed([second.id], now=NOW)
    assert seen.only() == both
    store.mark_missed([second.id], now=NOW)
    assert seen.seen == []


def test_settings_templates_and_lessons_announce_their_kind(store: Store) -> None:
    app_id, request_id = _rejection(store)
    seen = Recorder(store)
    store.save_settings(Settings())
    assert seen.only() == Change(settings=True)
    template = store.save_template(
        Template(id=0, kind=RequestKind.FEEDBACK, name="Mine", subject="S", body="B")
    )
    assert seen.only() == Change(templates=True)
    store.delete_template(template.id)
    assert seen.only() == Change(templates=True)
    lesson = store.add_lesson(app_id, ReplyOutcome.NO_REPLY, now=NOW)
    assert seen.only() == Change(lessons=True)
    store.update_lesson(lesson)
    assert seen.only() == Change(lessons=True)
    # A reply ends the request and its reminders, which its application's row shows.
    store.add_lesson(app_id, ReplyOutcome.REPLIED, now=NOW, request_id=request_id)
    assert seen.only() == Change(
        applications=frozenset({app_id}),
        requests=frozenset({request_id}),
        reminders=True,
        lessons=True,
    )


def test_an_import_announces_everything(store: Store) -> None:
    seen = Recorder(store)
    plan = imports.parse_import(b"Company,Role\nAcme,Analyst\n", ".csv", now=NOW, tz=BERLIN)
    store.apply_import(plan, now=NOW)
    assert seen.only() == Change(everything=True)


def test_undo_and_redo_of_an_import_announce_its_applications(store: Store) -> None:
    kept, _request_id = _rejection(store)
    raw = b"Company,Role\nGlobex,Analyst\nInitech,QA\n"
    imported = store.import_undoably(imports.parse_import(raw, ".csv", now=NOW, tz=BERLIN), now=NOW)
    assert len(imported.added) == 2
    assert kept not in imported.added
    seen = Recorder(store)
    taken = store.take_back_import(imported.added, imported.shared_before)
    assert seen.only() == Change(removed_applications=imported.added)
    store.put_back_import(taken)
    assert seen.only() == Change(applications=imported.added)


def test_a_rolled_back_write_announces_nothing(store: Store) -> None:
    app_id, request_id = _rejection(store)
    seen = Recorder(store)
    with pytest.raises(InvalidInput):
        store.add_application("", "Analyst", now=NOW)
    with pytest.raises(InvalidInput):
        store.move_stage(app_id, Stage.OFFER, occurred_at=NOW, now=NOW)
    store.skip_request(request_id, now=NOW)
    seen.seen.clear()
    with pytest.raises(InvalidInput):
        # Refused inside the transaction, after it took the write lock.
        store.snooze_request(request_id, NOW + timedelta(hours=1))
    assert seen.seen == []


def test_reads_announce_nothing(store: Store) -> None:
    app_id, request_id = _rejection(store)
    seen = Recorder(store)
    store.list_summaries()
    store.due_items(now=NOW)
    store.reminders_due(now=NOW + timedelta(days=30))
    store.request_context(request_id)
    store.load_settings()
    store.templates()
    store.timeline(app_id)
    store.lessons()
    assert seen.seen == []


def test_unsubscribe_stops_the_calls(store: Store) -> None:
    seen = Recorder(store)
    seen.unsubscribe()
    store.add_application("Acme", "Analyst", now=NOW)
    assert seen.seen == []


def test_a_failing_listener_is_logged_and_the_others_still_hear(
    caplog: pytest.LogCaptureFixture,
) -> None:
    feed = ChangeFeed()
    heard: list[Change] = []

    def broken(_change: Change) -> None:
        raise RuntimeError("listener bug")

    feed.subscribe(broken)
    feed.subscribe(heard.append)
    with caplog.at_level(logging.ERROR):
        feed.publish(Change(settings=True))
    assert heard == [Change(settings=True)]
    assert "listener failed" in caplog.text


def test_a_listener_sees_the_committed_data(store: Store) -> None:
    """Published after the commit: a listener reading from another connection sees it."""
    found: list[int] = []
    other = Store(store.database)

    def read(change: Change) -> None:
        found.extend(summary.application.id for summary in other.list_summaries())
        del change

    store.changes.subscribe(read)
    app = store.add_application("Acme", "Analyst", now=NOW, applied_at=NOW - timedelta(days=1))
    assert found == [app.id]
