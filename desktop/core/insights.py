"""What the user's history says: how fast they ask, how often people answer, what comes back.

Computed from plain records so the insights view, the CLI and tests share one definition.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from desktop.core import stages
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

# Applied: it has an applied date, or it reached a stage that means it was sent (a rejected
# or ghosted application was sent too, even when nothing recorded the day).
_REACHED_APPLIED = stages.SENT_STAGES
_REACHED_INTERVIEW = frozenset({Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED})
_REACHED_OFFER = frozenset({Stage.OFFER, Stage.ACCEPTED})


@dataclass(frozen=True, slots=True)
class Funnel:
    """How many applications got at least this far (a rejection after an interview counts
    as an interview)."""

    applied: int = 0
    interviewed: int = 0
    offered: int = 0

    @property
    def interview_rate(self) -> float | None:
        return self.interviewed / self.applied if self.applied else None

    @property
    def offer_rate(self) -> float | None:
        return self.offered / self.interviewed if self.interviewed else None


@dataclass(frozen=True, slots=True)
class Insights:
    # Median time from being told to sending the feedback request: "Ask fast".
    median_ask_time: timedelta | None = None
    requests_sent: int = 0
    replies: int = 0
    # Replies per feedback request sent; None until one has been sent.
    reply_rate: float | None = None
    # Themes across lessons, most frequent first, case folded ("Communication" == "communication").
    themes: list[tuple[str, int]] = field(default_factory=list)
    funnel: Funnel = field(default_factory=Funnel)
    # Actions the user set themselves and hasn't ticked off, oldest first.
    open_actions: list[Lesson] = field(default_factory=list)
    expired_requests: int = 0

    @property
    def has_data(self) -> bool:
        return bool(self.funnel.applied or self.requests_sent or self.themes)


def _stages_reached(
    applications: Sequence[Application], events: Iterable[StageEvent]
) -> dict[int, set[Stage]]:
    reached: dict[int, set[Stage]] = {app.id: {app.stage} for app in applications}
    for app in applications:
        if app.applied_at is not None:
            reached[app.id].add(Stage.APPLIED)
    for event in events:
        stages = reached.setdefault(event.application_id, set())
        stages.add(event.to_stage)
        if event.from_stage is not None:
            stages.add(event.from_stage)
    return reached


def _funnel(applications: Sequence[Application], events: Sequence[StageEvent]) -> Funnel:
    reached = _stages_reached(applications, events)
    known = {app.id for app in applications}
    stage_sets = [stages for app_id, stages in reached.items() if app_id in known]
    return Funnel(
        applied=sum(1 for stages in stage_sets if stages & _REACHED_APPLIED),
        interviewed=sum(1 for stages in stage_sets if stages & _REACHED_INTERVIEW),
        offered=sum(1 for stages in stage_sets if stages & _REACHED_OFFER),
    )


def _theme_key(theme: str) -> str:
    return " ".join(theme.split()).casefold()


def compute_insights(
    applications: Sequence[Application],
    events: Sequence[StageEvent],
    requests: Sequence[FollowUpRequest],
    lessons: Sequence[Lesson],
) -> Insights:
    feedback = [request for request in requests if request.kind is RequestKind.FEEDBACK]
    sent = [
        request
        for request in feedback
        if request.sent_at is not None
        or request.status in (RequestStatus.SENT, RequestStatus.REPLIED)
    ]
    ask_times = [
        (request.sent_at - request.window_opens_at).total_seconds()
        for request in sent
        if request.sent_at is not None and request.sent_at >= request.window_opens_at
    ]
    replied_ids = {
        lesson.request_id
        for lesson in lessons
        if lesson.outcome is ReplyOutcome.REPLIED and lesson.request_id is not None
    }
    replies = sum(
        1
        for request in sent
        if request.status is RequestStatus.REPLIED or request.id in replied_ids
    )

    # Count each theme once per lesson, under its most common spelling.
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for lesson in lessons:
        for theme in {_theme_key(t): t.strip() for t in lesson.themes if t.strip()}.items():
            key, shown = theme
            counts[key] += 1
            spellings.setdefault(key, Counter())[" ".join(shown.split())] += 1
    themes = [
        (spellings[key].most_common(1)[0][0], count)
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]

    open_actions = sorted(
        (lesson for lesson in lessons if lesson.action.strip() and not lesson.action_done),
        key=lambda lesson: lesson.recorded_at,
    )
    return Insights(
        median_ask_time=timedelta(seconds=statistics.median(ask_times)) if ask_times else None,
        requests_sent=len(sent),
        replies=replies,
        reply_rate=replies / len(sent) if sent else None,
        themes=themes,
        funnel=_funnel(applications, events),
        open_actions=open_actions,
        expired_requests=sum(1 for r in feedback if r.status is RequestStatus.EXPIRED),
    )
