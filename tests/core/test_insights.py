from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.insights import compute_insights
from desktop.core.model import (
    Application,
    FollowUpRequest,
    Lesson,
    ReplyOutcome,
    RequestKind,
    RequestStatus,
    Stage,
    StageEvent,
)

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _app(app_id: int, stage: Stage, *, applied: bool = False) -> Application:
    return Application(
        app_id, f"Co {app_id}", "Role", stage, T0, T0, applied_at=T0 if applied else None
    )


def _event(app_id: int, src: Stage | None, dst: Stage) -> StageEvent:
    return StageEvent(0, app_id, src, dst, T0, T0)


def _request(
    request_id: int,
    status: RequestStatus,
    *,
    sent_after: timedelta | None = None,
    kind: RequestKind = RequestKind.FEEDBACK,
) -> FollowUpRequest:
    return FollowUpRequest(
        id=request_id,
        application_id=request_id,
        kind=kind,
        status=status,
        subject="",
        body="",
        window_opens_at=T0,
        window_closes_at=T0 + timedelta(hours=48),
        created_at=T0,
        sent_at=T0 + sent_after if sent_after is not None else None,
    )


def _lesson(
    request_id: int | None,
    outcome: ReplyOutcome,
    themes: tuple[str, ...] = (),
    action: str = "",
    *,
    done: bool = False,
    day: int = 0,
) -> Lesson:
    return Lesson(
        id=0,
        application_id=1,
        outcome=outcome,
        recorded_at=T0 + timedelta(days=day),
        request_id=request_id,
        themes=themes,
        action=action,
        action_done=done,
    )


def test_nothing_yet() -> None:
    insights = compute_insights([], [], [], [])
    assert insights.median_ask_time is None
    assert insights.reply_rate is None
    assert not insights.has_data


def test_median_ask_time_and_reply_rate() -> None:
    requests = [
        _request(1, RequestStatus.REPLIED, sent_after=timedelta(hours=1)),
        _request(2, RequestStatus.SENT, sent_after=timedelta(hours=3)),
        _request(3, RequestStatus.SENT, sent_after=timedelta(hours=20)),
        _request(4, RequestStatus.DRAFT),
        _request(5, RequestStatus.EXPIRED),
        _request(
            6, RequestStatus.SENT, sent_after=timedelta(minutes=5), kind=RequestKind.THANK_YOU
        ),
    ]
    lessons = [_lesson(2, ReplyOutcome.REPLIED), _lesson(3, ReplyOutcome.NO_REPLY)]
    insights = compute_insights([], [], requests, lessons)
    assert insights.median_ask_time == timedelta(hours=3)
    assert insights.requests_sent == 3
    assert insights.replies == 2
    assert insights.reply_rate == 2 / 3
    assert insights.expired_requests == 1


def test_themes_are_counted_case_insensitively_once_per_lesson() -> None:
    lessons = [
        _lesson(None, ReplyOutcome.REPLIED, ("SQL", "communication")),
        _lesson(None, ReplyOutcome.REPLIED, ("Communication", "communication ")),
        _lesson(None, ReplyOutcome.REPLIED, ("communication", "  ")),
    ]
    themes = compute_insights([], [], [], lessons).themes
    assert themes == [("communication", 3), ("SQL", 1)]


def test_funnel_counts_how_far_each_application_got() -> None:
    applications = [
        _app(1, Stage.SAVED),
        _app(2, Stage.APPLIED),
        _app(3, Stage.REJECTED, applied=True),  # rejected straight after applying
        _app(4, Stage.REJECTED),  # rejected after an interview, known from its timeline
        _app(5, Stage.ACCEPTED),
    ]
    events = [
        _event(4, Stage.APPLIED, Stage.INTERVIEWING),
        _event(4, Stage.INTERVIEWING, Stage.REJECTED),
        _event(99, None, Stage.OFFER),  # an event of a deleted application is ignored
    ]
    funnel = compute_insights(applications, events, [], []).funnel
    assert (funnel.applied, funnel.interviewed, funnel.offered) == (4, 2, 1)
    assert funnel.interview_rate == 0.5


def test_funnel_counts_every_application_that_was_sent_and_none_that_was_not() -> None:
    applications = [
        _app(1, Stage.REJECTED),  # imported at Rejected, no date, no other event
        _app(2, Stage.GHOSTED),
        _app(3, Stage.WITHDRAWN),  # dropped while saved
        _app(4, Stage.WITHDRAWN, applied=True),  # withdrawn after applying
        _app(5, Stage.SAVED),
    ]
    events = [_event(3, Stage.SAVED, Stage.WITHDRAWN)]
    funnel = compute_insights(applications, events, [], []).funnel
    assert (funnel.applied, funnel.interviewed, funnel.offered) == (3, 0, 0)


def test_open_actions_oldest_first() -> None:
    lessons = [
        _lesson(None, ReplyOutcome.REPLIED, action="Practise SQL", day=2),
        _lesson(None, ReplyOutcome.REPLIED, action="Shorter answers", day=1),
        _lesson(None, ReplyOutcome.REPLIED, action="Done already", done=True),
        _lesson(None, ReplyOutcome.NO_REPLY, action="  "),
    ]
    actions = [lesson.action for lesson in compute_insights([], [], [], lessons).open_actions]
    assert actions == ["Shorter answers", "Practise SQL"]


@given(
    st.lists(
        st.tuples(st.sampled_from(list(RequestStatus)), st.none() | st.integers(0, 10_000)),
        max_size=20,
    )
)
def test_rates_stay_within_bounds(rows: list[tuple[RequestStatus, int | None]]) -> None:
    requests = [
        _request(i, status, sent_after=None if minutes is None else timedelta(minutes=minutes))
        for i, (status, minutes) in enumerate(rows)
    ]
    insights = compute_insights([], [], requests, [])
    assert insights.replies <= insights.requests_sent
    if insights.reply_rate is not None:
        assert 0 <= insights.reply_rate <= 1
    if insights.median_ask_time is not None:
        assert timedelta(0) <= insights.median_ask_time <= timedelta(minutes=10_000)
