"""ReminderService on a manual clock: one timer, at most once, grouped, jumps, snooze, pause."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import ReminderKind, RequestStatus, Settings
from desktop.core.reminders import PAUSED_INDEFINITELY, PauseChoice
from desktop.native.reminder_service import (
    ReminderService,
    away_message,
    reminder_message,
    time_left,
)
from tests.fakes import FakeReminderStore, ManualClock, RecordingNotifier

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def store() -> FakeReminderStore:
    return FakeReminderStore()


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def make_service(
    qtbot: QtBot, store: FakeReminderStore, clock: ManualClock
) -> Iterator[type[ReminderService]]:
    services: list[ReminderService] = []

    def make(notifier: RecordingNotifier, *, the_store: FakeReminderStore | None = None):  # type: ignore[no-untyped-def]
        service = ReminderService(the_store or store, clock, notifier)
        services.append(service)
        return service

    yield make  # type: ignore[misc]
    for service in services:
        # No QTimer outlives its test.
        service.stop()
        assert not service.timer.isActive()
        service.deleteLater()


def test_idle_service_sleeps_for_the_cap_on_one_single_shot_timer(make_service, notifier):
    service = make_service(notifier)
    service.start()
    assert service.timer.isSingleShot()
    assert service.timer.isActive()
    assert service.timer.interval() == 60_000
    assert service.timer.timerType() is Qt.TimerType.VeryCoarseTimer
    assert notifier.sent == []


def test_timer_is_set_to_the_next_due_reminder(make_service, notifier, store, clock):
    store.add_request(
        "Acme",
        "Engineer",
        opens_at=START,
        closes_at=START + timedelta(hours=48),
        reminders=[(ReminderKind.NUDGE, START + timedelta(seconds=30))],
    )
    service = make_service(notifier)
    service.start()
    assert 30_000 <= service.timer.interval() <= 30_100
    assert service.timer.timerType() is Qt.TimerType.PreciseTimer
    clock.advance(seconds=30.02)
    service.wake()
    assert notifier.titles == ["48 hours left to ask Acme why"]
    assert notifier.sent[0].request_id == 1
    assert "Engineer at Acme" in notifier.sent[0].body
    # Nothing more is due: back to the capped sleep, and no repeat at the next wake.
    assert service.timer.interval() == 60_000
    clock.advance(seconds=60)
    service.wake()
    assert len(notifier.sent) == 1


def test_last_call_names_company_and_is_urgent(make_service, notifier, store, clock):
    closes = START + timedelta(hours=1)
    store.add_request(
        "Acme",
        "Engineer",
        opens_at=START - timedelta(hours=47),
        closes_at=closes,
        reminders=[(ReminderKind.LAST_CALL, START)],
    )
    service = make_service(notifier)
    service.start()
    assert notifier.titles == ["Last call: 1 hour left to ask Acme why"]
    assert notifier.sent[0].urgent


def test_reminder_fires_at_most_once_across_restart(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=2))
    first = make_service(notifier)
    first.start()
    assert len(notifier.sent) == 1
    first.stop()
    again = RecordingNotifier()
    second = make_service(again)
    second.start()
    assert again.sent == []


def test_two_racing_instances_show_a_reminder_once(make_service, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    one, two = RecordingNotifier(), RecordingNotifier()
    first, second = make_service(one), make_service(two)
    first.start()
    second.start()
    clock.advance(hours=2, seconds=1)
    first.wake()
    second.wake()
    assert len(one.sent) + len(two.sent) == 1


def test_reminders_due_while_away_arrive_once_grouped(make_service, notifier, store, clock):
    for company in ("Acme", "Globex", "Initech"):
        store.add_feedback_request(company, "Engineer", notified_at=START - timedelta(hours=20))
    service = make_service(notifier)
    clicks: list[bool] = []
    service.start()
    assert len(notifier.sent) == 1
    title = notifier.sent[0].title
    assert title.startswith("While you were away: 3 follow-ups")
    for company in ("Acme", "Globex", "Initech"):
        assert company in notifier.sent[0].body
    notifier.activated_without_request.connect(lambda: clicks.append(True))
    notifier.click()
    assert clicks == [True]
    # The older nudges were superseded by the closing reminders and never fire later.
    clock.advance(minutes=1)
    service.wake()
    assert len(notifier.sent) == 1


def test_one_reminder_missed_while_away_keeps_its_own_words(make_service, notifier, store):
    store.add_feedback_request(
        "Acme", "Engineer", notified_at=START - timedelta(hours=47, minutes=30)
    )
    service = make_service(notifier)
    service.start()
    assert notifier.titles == ["Last call: 30 minutes left to ask Acme why"]
    assert notifier.sent[0].request_id == 1


def test_long_stale_reminders_go_to_the_missed_list(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(days=5))
    service = make_service(notifier)
    missed: list[int] = []
    service.reminders_missed.connect(missed.append)
    service.start()
    assert notifier.sent == []
    assert missed == [1]
    assert [item.company for item in store.missed_reminders()] == ["Acme"]
    assert store.get_request(1).status is RequestStatus.EXPIRED


def test_window_closed_notice_once_then_expired(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    for hours in (2, 40, 47, 48):
        clock.set(START + timedelta(hours=hours, seconds=1))
        service.wake()
    assert notifier.titles == [
        "46 hours left to ask Acme why",
        "8 hours left to ask Acme why",
        "Last call: 1 hour left to ask Acme why",
        "The window to ask Acme why has closed",
    ]
    assert store.get_request(1).status is RequestStatus.EXPIRED


def test_forward_jump_is_detected_and_due_reminders_fire(
    qtbot, make_service, notifier, store, clock
):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    assert service.timer.interval() == 60_000
    clock.jump(hours=3)  # the machine slept through the nudge
    with qtbot.waitSignal(service.clock_jumped) as jumped:
        service.wake()
    assert jumped.args[0] > 3 * 3600 - 120
    assert notifier.titles == ["45 hours left to ask Acme why"]


def test_backward_jump_is_detected_and_nothing_fires(qtbot, make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    clock.jump(hours=-2)
    with qtbot.waitSignal(service.clock_jumped) as jumped:
        service.wake()
    assert jumped.args[0] < -7000
    assert notifier.sent == []
    # Rescheduled from the new "now": still capped, nothing lost.
    assert service.timer.interval() == 60_000


def test_snooze_survives_a_restart(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    clock.advance(hours=1, minutes=50)
    # What the editor's Snooze writes; the service reads it from the store.
    store.snooze_request(1, clock.now() + timedelta(hours=1))
    service.stop()
    restarted = make_service(notifier)
    restarted.start()
    clock.advance(minutes=30)
    restarted.wake()
    assert notifier.sent == []
    clock.advance(minutes=30, seconds=1)
    restarted.wake()
    assert len(notifier.sent) == 1


def test_snoozed_reminders_wait_until_the_snooze_ends(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=1))
    store.add_feedback_request("Globex", "Analyst", notified_at=START - timedelta(hours=1))
    service = make_service(notifier)
    service.start()
    # What the tray's "Snooze all" writes (through the window's undo stack).
    morning = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    assert store.snooze_all(morning, now=clock.now()) == 2
    clock.set(datetime(2026, 3, 3, 7, 59, tzinfo=UTC))
    service.wake()
    assert notifier.sent == []
    clock.set(datetime(2026, 3, 3, 8, 0, 1, tzinfo=UTC))
    service.wake()
    # Both come back on time, so each gets its own notification.
    assert [item.request_id for item in notifier.sent] == [1, 2]


def test_pause_holds_reminders_and_resume_releases_them(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    service.pause(PauseChoice.UNTIL_RESUMED)
    assert store.settings.reminders_paused_at(clock.now())
    assert store.settings.reminders_paused_until == PAUSED_INDEFINITELY
    clock.advance(hours=2, seconds=1)
    service.wake()
    assert notifier.sent == []
    service.resume()
    service.check_now()
    assert len(notifier.sent) == 1


def test_a_pause_for_an_hour_ends_by_itself(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    clock.advance(hours=1, minutes=30)
    service.pause(PauseChoice.ONE_HOUR)
    assert store.settings.reminders_paused_until == clock.now() + timedelta(hours=1)
    clock.advance(minutes=31)  # the 2 h nudge falls due inside the pause
    service.wake()
    assert notifier.sent == []
    clock.advance(minutes=30)  # the pause is over: nobody had to resume
    service.wake()
    assert len(notifier.sent) == 1


def test_sent_request_cancels_its_reminders(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    service = make_service(notifier)
    service.start()
    store.set_status(1, RequestStatus.SENT)
    service.refresh()
    clock.advance(hours=50)
    service.wake()
    assert notifier.sent == []


def test_refresh_coalesces_into_one_immediate_wake(qtbot, make_service, notifier, store, clock):
    service = make_service(notifier)
    service.start()
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=2))
    with qtbot.waitSignal(service.reminder_fired, timeout=2000):
        service.refresh()
        service.refresh()
    assert len(notifier.sent) == 1


class BrokenStore(FakeReminderStore):
    def reminders_due(self, *, now: datetime):  # type: ignore[no-untyped-def]
        raise RuntimeError("database is locked")


def test_a_failing_store_is_retried_at_the_cap(make_service, notifier, clock, caplog):
    broken = BrokenStore()
    service = make_service(notifier, the_store=broken)
    service.start()
    assert service.timer.isActive()
    assert service.timer.interval() == 60_000
    assert "checking reminders failed" in caplog.text


def test_settings_change_applies_at_next_wake(make_service, notifier, store, clock):
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    store.settings = dataclasses.replace(
        Settings(), reminders_paused_until=START + timedelta(hours=1)
    )
    service = make_service(notifier)
    service.start()
    # Paused for an hour: the timer wakes at the cap (or the pause end), not for the nudge.
    assert service.timer.interval() == 60_000
    clock.advance(hours=2, seconds=1)
    service.wake()
    assert len(notifier.sent) == 1


def test_time_left_reads_like_a_person():
    assert time_left(timedelta(minutes=59, seconds=59)) == "1 hour"
    assert time_left(timedelta(hours=8)) == "8 hours"
    assert time_left(timedelta(minutes=30)) == "30 minutes"
    assert time_left(timedelta(seconds=50)) == "1 minute"


def test_messages_name_company_role_and_kind(store):
    request = store.add_feedback_request("Acme & <Sons>", "Engineer", notified_at=START)
    items = store.reminders_due(now=START + timedelta(hours=47))
    last_call = next(item for item in items if item.reminder.kind is ReminderKind.LAST_CALL)
    title, body = reminder_message(last_call, START + timedelta(hours=47))
    assert title == "Last call: 1 hour left to ask Acme & <Sons> why"
    assert body.startswith("Engineer at Acme & <Sons>")
    away_title, away_body = away_message(items, START + timedelta(hours=47))
    assert away_title == "While you were away: 3 follow-ups need you"
    assert request.id == 1
    assert away_body.count("\n") == 2
