"""Ghosted proposals: driven by an injected `now`, never by the clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ghosting import GhostRule
from desktop.core.model import Application, Settings, Stage

SENT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DEFAULT = GhostRule.from_settings(Settings())


def application(stage: Stage, *, applied_at: datetime | None = None) -> Application:
    return Application(1, "Acme", "Engineer", stage, SENT, SENT, applied_at=applied_at)


def test_an_application_quiet_for_23_days_says_so() -> None:
    reason = DEFAULT.reason(application(Stage.APPLIED), SENT + timedelta(days=23))
    assert reason == "No word for 23 days"


def test_an_interview_gets_a_shorter_wait_than_an_application() -> None:
    after_15_days = SENT + timedelta(days=15)
    assert DEFAULT.reason(application(Stage.INTERVIEWING), after_15_days)
    assert not DEFAULT.reason(application(Stage.APPLIED), after_15_days)


def test_the_quiet_counts_from_the_applied_date_when_that_is_later() -> None:
    app = application(Stage.SCREENING, applied_at=SENT + timedelta(days=10))
    assert not DEFAULT.reason(app, SENT + timedelta(days=30))
    assert DEFAULT.reason(app, SENT + timedelta(days=31)) == "No word for 21 days"


@given(
    stage=st.sampled_from(Stage),
    archived=st.booleans(),
    quiet=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
    after_applied=st.integers(1, 365),
    after_interview=st.integers(1, 365),
)
def test_proposed_exactly_when_an_open_stage_was_quiet_for_its_setting(
    stage: Stage, archived: bool, quiet: timedelta, after_applied: int, after_interview: int
) -> None:
    settings = replace(
        Settings(),
        ghosted_after_applied_days=after_applied,
        ghosted_after_interview_days=after_interview,
    )
    app = replace(application(stage), archived=archived)
    limits = {
        Stage.APPLIED: after_applied,
        Stage.SCREENING: after_applied,
        Stage.INTERVIEWING: after_interview,
    }
    limit = limits.get(stage)
    expected = not archived and limit is not None and quiet >= timedelta(days=limit)
    reason = GhostRule.from_settings(settings).reason(app, SENT + quiet)
    assert bool(reason) is expected
    if expected:
        assert reason == f"No word for {quiet.days} days"
