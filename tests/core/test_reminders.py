from __future__ import annotations

import itertools
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.model import (
    FiringReminder,
    FollowUpRequest,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    RequestKind,
    RequestStatus,
)
from desktop.core.reminders import (
    PAUSED_INDEFINITELY,
    QUIET_LEAD,
    PauseChoice,
    SnoozeChoice,
    in_quiet_hours,
    next_wake,
    nominal_times,
    pause_text,
    pause_until,
    plan_reminders,
    snooze_until,
    triage,
)
from desktop.core.windows import FollowUpWindow, feedback_window
from tests.core.strategies import instants, policies, zones

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
POLICY = ReminderPolicy()


def _local(
    year: int, month: int, day: int, hour: int, minute: int, *, tz: ZoneInfo = BERLIN
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def _kinds_and_local_times(
    window: FollowUpWindow, policy: ReminderPolicy = POLICY, tz: ZoneInfo = BERLIN
) -> list[tuple[str, str]]:
    return [
        (r.kind.value, r.due_at.astimezone(tz).strftime("%d %H:%M"))
        for r in plan_reminders(window, policy, tz)
    ]


def test_default_plan_for_a_daytime_rejection() -> None:
    window = feedback_window(_local(2026, 3, 3, 16, 0), POLICY)
    assert _kinds_and_local_times(window) == [
        ("nudge", "03 18:00"),
        ("closing", "05 08:00"),  # quiet hours end at 08:00, so this one stays
        ("last_call", "05 15:00"),
        ("closed", "05 16:00"),
    ]


def test_a_closing_reminder_at_night_moves_to_the_evening_before() -> None:
    window = feedback_window(_local(2026, 3, 3, 12, 0), POLICY)  # closing at 04:00 on the 5th
    plan = {r.kind: r.due_at.astimezone(BERLIN) for r in plan_reminders(window, POLICY, BERLIN)}
    assert plan[ReminderKind.CLOSING] == _local(2026, 3, 4, 21, 50)
    assert plan[ReminderKind.LAST_CALL] == _local(2026, 3, 5, 11, 0)


def test_two_reminders_moved_to_the_same_evening_keep_only_the_more_urgent() -> None:
    # Closing (22:00) and last call (05:00) both land at 21:50: one pop-up, "last call".
    window = feedback_window(_local(2026, 3, 3, 6, 0), POLICY)
    plan = {r.kind: r.due_at.astimezone(BERLIN) for r in plan_reminders(window, POLICY, BERLIN)}
    assert ReminderKind.CLOSING not in plan
    assert plan[ReminderKind.LAST_CALL] == _local(2026, 3, 4, 21, 50)


def test_quiet_hours_wrap_midnight() -> None:
    policy = ReminderPolicy(quiet_start=time(22, 0), quiet_end=time(8, 0))
    assert in_quiet_hours(_local(2026, 1, 5, 23, 0), policy, BERLIN)
    assert in_quiet_hours(_local(2026, 1, 5, 3, 0), policy, BERLIN)
    assert in_quiet_hours(_local(2026, 1, 5, 22, 0), policy, BERLIN)
    assert not in_quiet_hours(_local(2026, 1, 5, 8, 0), policy, BERLIN)
    assert not in_quiet_hours(_local(2026, 1, 5, 21, 59), policy, BERLIN)
    daytime = ReminderPolicy(quiet_start=time(12, 0), quiet_end=time(13, 0))
    assert in_quiet_hours(_local(2026, 1, 5, 12, 30), daytime, BERLIN)
    assert not in_quiet_hours(_local(2026, 1, 5, 23, 0), daytime, BERLIN)
    off = ReminderPolicy(quiet_hours_enabled=False)
    assert not in_quiet_hours(_local(2026, 1, 5, 3, 0), off, BERLIN)


def test_last_call_in_the_night_moves_to_the_evening_before() -> None:
    # Notified at 00:30: closes 00:30 two days later; last call 23:30 is quiet.
    window = feedback_window(_local(2026, 6, 1, 0, 30), POLICY)
    plan = {r.kind: r.due_at.astimezone(BERLIN) for r in plan_reminders(window, POLICY, BERLIN)}
    assert plan[ReminderKind.LAST_CALL] == _local(2026, 6, 2, 21, 50)
    assert plan[ReminderKind.CLOSED] == _local(2026, 6, 3, 0, 30)


def test_a_nudge_that_cannot_move_is_dropped_when_a_later_reminder_covers_it() -> None:
    # Notified at 23:00: the nudge (01:00) can't move before the window opens.
    window = feedback_window(_local(2026, 6, 1, 23, 0), POLICY)
    kinds = [r.kind for r in plan_reminders(window, POLICY, BERLIN)]
    assert ReminderKind.NUDGE not in kinds
    assert kinds[-1] is ReminderKind.CLOSED


def test_reminders_stuck_in_quiet_hours_keep_their_time_when_nothing_covers_them() -> None:
    # A 3 h window opening at 23:00 lies entirely in quiet hours: nothing can move earlier,
    # and no daytime reminder follows, so each keeps its time rather than vanishing.
    policy = ReminderPolicy(window_hours=3, nudge_after_hours=0.5, closing_before_hours=8)
    window = feedback_window(_local(2026, 6, 1, 23, 0), policy)
    plan = plan_reminders(window, policy, BERLIN)
    assert [r.kind for r in plan] == [
        ReminderKind.NUDGE,
        ReminderKind.LAST_CALL,
        ReminderKind.CLOSED,
    ]
    assert plan[0].due_at == window.opens_at + timedelta(minutes=30)
    assert plan[1].due_at == window.closes_at - timedelta(hours=1)


def test_dst_gap_night_still_moves_the_reminder_before_quiet_hours() -> None:
    # New York springs forward at 02:00 on 8 March 2026.
    window = feedback_window(_local(2026, 3, 6, 3, 0, tz=NEW_YORK), POLICY)
    plan = {r.kind: r for r in plan_reminders(window, POLICY, NEW_YORK)}
    last_call = plan[ReminderKind.LAST_CALL].due_at.astimezone(NEW_YORK)
    assert (last_call.day, last_call.hour, last_call.minute) == (7, 21, 50)
    assert window.length == timedelta(hours=48)


def test_now_drops_reminders_already_past() -> None:
    notified = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    window = feedback_window(notified, POLICY)
    plan = plan_reminders(window, POLICY, UTC, now=notified + timedelta(hours=5))
    assert ReminderKind.NUDGE not in [r.kind for r in plan]
    assert plan_reminders(window, POLICY, UTC, now=window.closes_at + timedelta(days=1)) == []


@given(instants(), policies(), zones)
def test_plan_invariants(notified: datetime, policy: ReminderPolicy, tz: ZoneInfo) -> None:
    window = feedback_window(notified, policy)
    plan = plan_reminders(window, policy, tz)
    nominal = nominal_times(window, policy)
    assert plan, "there is always at least the CLOSED notice"
    assert plan[-1].kind is ReminderKind.CLOSED
    assert plan[-1].due_at == window.closes_at
    kinds = [r.kind for r in plan]
    assert len(kinds) == len(set(kinds))
    for earlier, later in itertools.pairwise(plan):
        assert earlier.due_at < later.due_at
    for reminder in plan:
        assert window.opens_at <= reminder.due_at <= window.closes_at
        assert reminder.due_at <= nominal[reminder.kind]  # quiet hours only move earlier
        assert reminder.due_at.tzinfo is UTC
        moved = reminder.due_at != nominal[reminder.kind]
        if moved:
            assert not in_quiet_hours(reminder.due_at, policy, tz)
            assert in_quiet_hours(nominal[reminder.kind], policy, tz)


@given(instants(), zones)
def test_default_policy_always_plans_a_last_call_outside_quiet_hours(
    notified: datetime, tz: ZoneInfo
) -> None:
    window = feedback_window(notified, POLICY)
    plan = {r.kind: r.due_at for r in plan_reminders(window, POLICY, tz)}
    # With a 48 h window there is always a free evening before the close.
    assert ReminderKind.LAST_CALL in plan
    assert not in_quiet_hours(plan[ReminderKind.LAST_CALL], POLICY, tz)
    if ReminderKind.CLOSING in plan:
        assert not in_quiet_hours(plan[ReminderKind.CLOSING], POLICY, tz)


# -- triage ---------------------------------------------------------------------------------

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def _firing(
    reminder_id: int,
    request_id: int,
    kind: ReminderKind,
    due_at: datetime,
    *,
    closes_at: datetime = T0 + timedelta(hours=48),
    status: RequestStatus = RequestStatus.DRAFT,
) -> FiringReminder:
    request = FollowUpRequest(
        id=request_id,
        application_id=1,
        kind=RequestKind.FEEDBACK,
        status=status,
        subject="",
        body="",
        window_opens_at=closes_at - timedelta(hours=48),
        window_closes_at=closes_at,
        created_at=T0,
    )
    return FiringReminder(Reminder(reminder_id, request_id, kind, due_at), request, "Acme", "R")


def test_on_time_reminder_fires_now() -> None:
    item = _firing(1, 1, ReminderKind.NUDGE, T0)
    result = triage([item], T0 + timedelta(seconds=30), POLICY)
    assert result.fire_now == [item]
    assert result.away == result.missed == result.superseded == []


def test_after_a_sleep_only_the_latest_reminder_per_request_shows() -> None:
    nudge = _firing(1, 1, ReminderKind.NUDGE, T0 + timedelta(hours=2))
    closing = _firing(2, 1, ReminderKind.CLOSING, T0 + timedelta(hours=40))
    last_call = _firing(3, 1, ReminderKind.LAST_CALL, T0 + timedelta(hours=47))
    other = _firing(4, 2, ReminderKind.NUDGE, T0 + timedelta(hours=3))
    now = T0 + timedelta(hours=47, minutes=30)
    result = triage([nudge, closing, last_call, other], now, POLICY)
    assert result.away == [other, last_call]
    assert sorted(r.reminder.id for r in result.superseded) == [1, 2]
    assert result.fire_now == result.missed == []


def test_closed_notice_within_the_stale_limit_is_still_shown() -> None:
    closes = T0 + timedelta(hours=48)
    closed = _firing(1, 1, ReminderKind.CLOSED, closes)
    result = triage([closed], closes + timedelta(hours=3), POLICY)
    assert result.away == [closed]


def test_long_stale_reminders_go_to_missed() -> None:
    closes = T0 + timedelta(hours=48)
    closed = _firing(1, 1, ReminderKind.CLOSED, closes)
    last_call = _firing(2, 1, ReminderKind.LAST_CALL, closes - timedelta(hours=1))
    now = closes + timedelta(hours=POLICY.stale_after_hours + 1)
    result = triage([closed, last_call], now, POLICY)
    assert result.missed == [closed]
    assert result.superseded == [last_call]
    assert result.fire_now == result.away == []


def test_a_closing_reminder_after_the_close_is_missed_not_shown() -> None:
    closes = T0 + timedelta(hours=48)
    closing = _firing(1, 1, ReminderKind.CLOSING, closes - timedelta(hours=8))
    assert triage([closing], closes + timedelta(minutes=5), POLICY).missed == [closing]


def test_reminders_of_a_sent_request_are_superseded() -> None:
    nudge = _firing(1, 1, ReminderKind.NUDGE, T0, status=RequestStatus.SENT)
    result = triage([nudge], T0, POLICY)
    assert result.superseded == [nudge]
    assert result.fire_now == []


@given(
    st.lists(
        st.tuples(
            st.integers(1, 4),
            st.sampled_from(list(ReminderKind)),
            st.integers(0, 72 * 60),
        ),
        max_size=12,
    ),
    st.integers(0, 96 * 60),
)
def test_triage_partitions_and_shows_each_request_once(
    rows: list[tuple[int, ReminderKind, int]], now_minutes: int
) -> None:
    items = [
        _firing(index, request_id, kind, T0 + timedelta(minutes=minutes))
        for index, (request_id, kind, minutes) in enumerate(rows)
    ]
    now = T0 + timedelta(minutes=now_minutes)
    result = triage(items, now, POLICY)
    groups = (result.fire_now, result.away, result.missed, result.superseded)
    ids = sorted(item.reminder.id for group in groups for item in group)
    assert ids == sorted(item.reminder.id for item in items)
    shown = [item.request.id for item in (*result.fire_now, *result.away, *result.missed)]
    assert len(shown) == len(set(shown)) == len({item.request.id for item in items})
    for item in (*result.fire_now, *result.away):
        assert now < item.request.window_closes_at or item.reminder.kind is ReminderKind.CLOSED


# -- waking and snoozing ---------------------------------------------------------------------


def test_next_wake_is_capped_and_never_negative() -> None:
    assert next_wake(None, T0) == timedelta(seconds=60)
    assert next_wake(T0 + timedelta(hours=2), T0) == timedelta(seconds=60)
    assert next_wake(T0 + timedelta(seconds=5), T0) == timedelta(seconds=5)
    assert next_wake(T0 - timedelta(hours=1), T0) == timedelta(0)


@pytest.mark.parametrize(
    ("now_local", "expected_local"),
    [
        ((2026, 6, 1, 23, 0), (2026, 6, 2, 8, 0)),
        ((2026, 6, 2, 2, 0), (2026, 6, 2, 8, 0)),  # past midnight: this morning
        ((2026, 6, 2, 9, 0), (2026, 6, 3, 8, 0)),
        ((2026, 3, 28, 23, 0), (2026, 3, 29, 8, 0)),  # across the spring-forward night
    ],
)
def test_snooze_until_tomorrow_morning(
    now_local: tuple[int, int, int, int, int], expected_local: tuple[int, int, int, int, int]
) -> None:
    now = _local(*now_local).astimezone(UTC)
    result = snooze_until(SnoozeChoice.TOMORROW_MORNING, now, BERLIN, POLICY)
    assert result == _local(*expected_local).astimezone(UTC)


def test_pause_ends_when_chosen_and_says_so() -> None:
    late = _local(2026, 6, 1, 23, 0).astimezone(UTC)
    morning = pause_until(PauseChoice.TOMORROW_MORNING, late, BERLIN, POLICY)
    assert morning == _local(2026, 6, 2, 8, 0).astimezone(UTC)  # quiet hours' end
    assert pause_text(morning, BERLIN) == "until Tue 2 Jun 08:00"
    assert pause_until("1h", late, BERLIN, POLICY) == late + timedelta(hours=1)
    assert pause_until(PauseChoice.FOUR_HOURS, late, BERLIN, POLICY) == late + timedelta(hours=4)
    endless = pause_until(PauseChoice.UNTIL_RESUMED, late, BERLIN, POLICY)
    assert endless == PAUSED_INDEFINITELY
    assert pause_text(endless, BERLIN) == "until resumed"
    with pytest.raises(ValueError, match="forever"):
        pause_until("forever", late, BERLIN, POLICY)


def test_short_snoozes_are_real_durations() -> None:
    assert snooze_until("15min", T0, BERLIN, POLICY) == T0 + timedelta(minutes=15)
    assert snooze_until(SnoozeChoice.ONE_HOUR, T0, BERLIN, POLICY) == T0 + timedelta(hours=1)
    with pytest.raises(ValueError, match="fortnight"):
        snooze_until("fortnight", T0, BERLIN, POLICY)


def test_quiet_lead_is_small_and_positive() -> None:
    assert timedelta(0) < QUIET_LEAD < timedelta(hours=1)


@given(instants(), zones, zones)
def test_a_time_zone_change_keeps_the_window_and_the_close(
    notified: datetime, home: ZoneInfo, abroad: ZoneInfo
) -> None:
    # The window is a pair of instants: moving the machine to another zone changes only
    # where quiet hours fall, never when the window closes.
    window = feedback_window(notified, POLICY)
    at_home = plan_reminders(window, POLICY, home)
    travelling = plan_reminders(window, POLICY, abroad)
    assert at_home[-1] == travelling[-1]
    assert at_home[-1].due_at == notified + timedelta(hours=48)


def test_next_wake_after_the_wall_clock_jumps() -> None:
    due = T0 + timedelta(minutes=30)
    # Jumped back a day: still wake within a minute to re-check, never sleep a day.
    assert next_wake(due, T0 - timedelta(days=1)) == timedelta(seconds=60)
    # Jumped forward past the due time: wake at once.
    assert next_wake(due, T0 + timedelta(hours=3)) == timedelta(0)


def test_a_snoozed_nudge_does_not_hide_the_last_call() -> None:
    closes = T0 + timedelta(hours=48)
    nudge = _firing(1, 1, ReminderKind.NUDGE, T0 + timedelta(hours=2))
    snoozed = FiringReminder(
        Reminder(1, 1, ReminderKind.NUDGE, nudge.reminder.due_at, snoozed_until=closes),
        nudge.request,
        "Acme",
        "R",
    )
    last_call = _firing(2, 1, ReminderKind.LAST_CALL, closes - timedelta(hours=1))
    result = triage([snoozed, last_call], closes - timedelta(minutes=1), POLICY)
    assert result.away == [last_call]
    assert result.superseded == [snoozed]


def test_a_late_log_still_gets_one_last_call_at_now() -> None:
    notified = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    window = feedback_window(notified, POLICY)
    now = notified + timedelta(hours=47, minutes=30)
    plan = plan_reminders(window, POLICY, UTC, now=now)
    assert [(r.kind, r.due_at) for r in plan] == [
        (ReminderKind.LAST_CALL, now),
        (ReminderKind.CLOSED, window.closes_at),
    ]
