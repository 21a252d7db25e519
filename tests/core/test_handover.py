"""The JSON a second launch and the running AskWhy exchange for a handed-over rejection."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.handover import (
    LOG_REJECTION,
    LoggedSummary,
    rejection_from_message,
    rejection_message,
)
from desktop.core.model import Channel, RejectionInput, Stage

NOTIFIED = datetime(2026, 3, 29, 1, 30, tzinfo=timezone(timedelta(hours=1)))


@given(
    company=st.text(min_size=1, max_size=40),
    role=st.text(min_size=1, max_size=40),
    stage=st.none() | st.sampled_from(Stage),
    channel=st.sampled_from(Channel),
    contact_name=st.text(max_size=20),
    note=st.text(max_size=60),
)
def test_a_rejection_survives_the_trip_through_json(  # noqa: PLR0917 (one per field)
    company: str, role: str, stage: Stage | None, channel: Channel, contact_name: str, note: str
) -> None:
    rejection = RejectionInput(
        company=company,
        role=role,
        notified_at=NOTIFIED,
        stage_reached=stage,
        channel=channel,
        contact_name=contact_name,
        contact_email="dana@acme.example",
        note=note,
    )
    message = json.loads(json.dumps(rejection_message(rejection)))
    assert message["command"] == LOG_REJECTION
    assert rejection_from_message(message) == rejection


@pytest.mark.parametrize(
    "rejection",
    [
        None,
        "Acme",
        {},
        {"company": "Acme"},
        {**rejection_message(RejectionInput("A", "B", NOTIFIED))["rejection"], "channel": "fax"},
        {**rejection_message(RejectionInput("A", "B", NOTIFIED))["rejection"], "stage_reached": 3},
        {**rejection_message(RejectionInput("A", "B", NOTIFIED))["rejection"], "role": None},
        {
            **rejection_message(RejectionInput("A", "B", NOTIFIED))["rejection"],
            "notified_at": "2026-03-29T01:30",  # no offset: which zone would it be in?
        },
    ],
)
def test_a_malformed_rejection_is_invalid_input(rejection: object) -> None:
    with pytest.raises(InvalidInput):
        rejection_from_message({"command": LOG_REJECTION, "rejection": rejection})


def test_the_summary_round_trips_and_refuses_garbage() -> None:
    summary = LoggedSummary("Acme", "Analyst", True, datetime(2026, 3, 31, tzinfo=UTC), 7)
    assert LoggedSummary.from_message(json.loads(json.dumps(summary.to_message()))) == summary
    garbage: tuple[object, ...] = (
        None,
        [],
        {"company": "Acme"},
        {**summary.to_message(), "request_id": "7"},
    )
    for reply in garbage:
        with pytest.raises(InvalidInput):
            LoggedSummary.from_message(reply)
