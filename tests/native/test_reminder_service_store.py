"""ReminderService against the real Store on a fresh, migrated database (manual clock)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.model import RejectionInput, RequestStatus
from desktop.core.reminders import PauseChoice
from desktop.native.reminder_service import ReminderService
from desktop.store.database import open_database
from desktop.store.repository import Store
from tests.fakes import ManualClock, RecordingNotifier

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    database = open_database(tmp_path / "data")
    store = Store(database, local_tz=lambda: UTC)
    settings = store.load_settings()
    # Quiet hours would move reminders; these tests are about firing them.
    store.save_settings(
        dataclasses.replace(
            settings,
            reminders=dataclasses.replace(settings.reminders, quiet_hours_enabled=False),
        )
    )
    yield store
    database.close()


@pytest.fixture
def services(qtbot: QtBot) -> Iterator[list[ReminderService]]:
    made: list[ReminderService] = []
    yield made
    for service in made:
        service.stop()
        service.deleteLater()


def start(
    store: Store, clock: ManualClock, made: list[ReminderService]
) -> tuple[ReminderService, RecordingNotifier]:
    notifier = RecordingNotifier()
    service = ReminderService(store, clock, notifier)
    made.append(service)
    service.start()
    return service, notifier


def log(store: Store, company: str, notified_at: datetime, now: datetime) -> int:
    logged = store.log_rejection(
        RejectionInput(company=company, role="Engineer", notified_at=notified_at), now=now
    )
    return logged.request.id


def test_fires_once_across_restarts(store: Store, services: list[ReminderService]):
    clock = ManualClock(T0)
    request_id = log(store, "Acme", T0, T0)
    first, shown = start(store, clock, services)
    clock.advance(hours=2, seconds=1)
    first.wake()
    assert shown.titles == ["46 hours left to ask Acme why"]
    assert shown.sent[0].request_id == request_id
    first.stop()
    _second, shown_again = start(store, clock, services)
    assert shown_again.sent == []


def test_snooze_is_stored_and_survives_restart(store: Store, services: list[ReminderService]):
    clock = ManualClock(T0)
    request_id = log(store, "Acme", T0, T0)
    service, shown = start(store, clock, services)
    clock.advance(hours=1, minutes=55)
    # What the editor's Snooze writes; a restarted service reads it from the store.
    store.snooze_request(request_id, clock.now() + timedelta(hours=1))
    service.stop()
    restarted, shown = start(store, clock, services)
    clock.advance(minutes=30)
    restarted.wake()
    assert shown.sent == []
    clock.advance(minutes=30, seconds=1)
    restarted.wake()
    assert len(shown.sent) == 1


def test_sent_request_never_reminds(store: Store, services: list[ReminderService]):
    clock = ManualClock(T0)
    request_id = log(store, "Acme", T0, T0)
    service, shown = start(store, clock, services)
    store.mark_sent(request_id, sent_at=T0 + timedelta(minutes=5))
    service.refresh()
    for hours in (2, 40, 47, 49):
        clock.set(T0 + timedelta(hours=hours, seconds=1))
        service.wake()
    assert shown.sent == []


def test_long_absence_goes_to_missed_and_expires(store: Store, services: list[ReminderService]):
    clock = ManualClock(T0 + timedelta(days=5))
    request_id = log(store, "Acme", T0 + timedelta(hours=1), T0 + timedelta(hours=1))
    missed: list[int] = []
    notifier = RecordingNotifier()
    service = ReminderService(store, clock, notifier)
    services.append(service)
    service.reminders_missed.connect(missed.append)
    service.start()
    assert notifier.sent == []
    assert missed == [1]
    assert [item.company for item in store.missed_reminders()] == ["Acme"]
    assert store.get_request(request_id).status is RequestStatus.EXPIRED


def test_while_away_is_one_grouped_notification(store: Store, services: list[ReminderService]):
    clock = ManualClock(T0)
    for company in ("Acme", "Globex"):
        log(store, company, T0, T0)
    clock.advance(hours=5)  # closed through the nudges
    _service, shown = start(store, clock, services)
    assert shown.titles == ["While you were away: 2 follow-ups need you"]
    assert shown.sent[0].request_id is None


def test_pause_then_resume(store: Store, services: list[ReminderService]):
    clock = ManualClock(T0)
    log(store, "Acme", T0, T0)
    service, shown = start(store, clock, services)
    service.pause(PauseChoice.UNTIL_RESUMED)
    clock.advance(hours=2, seconds=1)
    service.wake()
    assert shown.sent == []
    service.resume()
    service.check_now()
    assert len(shown.sent) == 1


def test_the_schedule_follows_the_store_without_being_told(
    qtbot: QtBot, store: Store, services: list[ReminderService]
):
    clock = ManualClock(T0)
    service, shown = start(store, clock, services)
    assert service.timer.interval() == 60_000  # nothing planned: asleep for the cap
    # A rejection logged anywhere in this process (the window, a hand-over): the store
    # announces it and the service re-reads at once; nobody calls refresh().
    request_id = log(store, "Acme", T0, T0)
    assert service.timer.isActive()
    assert service.timer.interval() == 0
    qtbot.waitUntil(lambda: service.timer.interval() == 60_000)
    # A reply logged or a request sent: the same.
    store.mark_sent(request_id, sent_at=T0)
    assert service.timer.interval() == 0
    clock.advance(hours=2, seconds=1)
    qtbot.waitUntil(lambda: service.timer.interval() == 60_000)
    assert shown.sent == []
