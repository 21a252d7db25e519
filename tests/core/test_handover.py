"""The lines a second launch and the running AskWhy exchange, and how bad ones are refused."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.handover import (
    LOG_REJECTION,
    MAX_ID,
    MAX_LINE_BYTES,
    HandOver,
    LoggedSummary,
    LogRejection,
    OpenRequest,
    ShowWindow,
    decode,
    encode,
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


@pytest.mark.parametrize(
    "message",
    [
        ShowWindow(),
        ShowWindow(minimized=True),
        OpenRequest(1),
        OpenRequest(MAX_ID),
        LogRejection(RejectionInput("Acme [EU]", "{Lead} Analyst", NOTIFIED)),
    ],
)
def test_every_message_survives_the_line(message: HandOver) -> None:
    line = encode(message)
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    assert decode(line.rstrip(b"\n")) == message


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b'{"command": "open-request", "request_id": ' + b"9" * 40 + b"}", "request id"),
        (b'{"command": "open-request", "request_id": 0}', "request id"),
        (b'{"command": "open-request", "request_id": -3}', "request id"),
        (b'{"command": "open-request", "request_id": true}', "request id"),
        (b'{"command": "open-request", "request_id": 1.0}', "request id"),
        (b'{"command": "open-request", "request_id": "7"}', "request id"),
        (b'{"command": "open-request"}', "request id"),
        (b'{"command": "show", "minimized": "yes"}', "minimized"),
        (b'{"command": "format-disk"}', "does not know"),
        (b'{"command": ["show"]}', "does not know"),
        (b"{}", "does not know"),
        (b'["show"]', "not a JSON object"),
        (b"null", "not a JSON object"),
        (b'{"command": "show"', "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b'{"command": "log-rejection", "rejection": 1}', "no rejection"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ' * 50_000 + b"1" + b"}" * 50_000, "nested too deeply"),
        (b'{"command": "show", "pad": "' + b"x" * MAX_LINE_BYTES + b'"}', "larger than"),
    ],
)
def test_a_malformed_line_is_invalid_input_and_says_why(line: bytes, why: str) -> None:
    with pytest.raises(InvalidInput, match=why):
        decode(line)


@pytest.mark.parametrize(
    "line",
    [
        b'"\\' * 200_000,  # an unterminated string made of escaped quotes
        b'"' * 400_000,
        b'"a\\"[' * 100_000,
        b"[" * 400_000,
    ],
)
def test_hostile_lines_are_refused_in_linear_time(line: bytes) -> None:
    # Quadratic stripping of strings would take minutes here; linear takes milliseconds.
    started = time.perf_counter()
    with pytest.raises(InvalidInput):
        decode(line)
    assert time.perf_counter() - started < 1.0


def test_brackets_inside_text_are_not_nesting() -> None:
    note = "[" * 50 + "{" * 50 + '\\"' * 10
    message = LogRejection(RejectionInput("Acme", "Analyst", NOTIFIED, note=note))
    assert decode(encode(message)) == message


def test_a_summary_with_an_impossible_request_id_is_refused() -> None:
    summary = LoggedSummary("Acme", "Analyst", True, datetime(2026, 3, 31, tzinfo=UTC), 7)
    for request_id in (10**40, 0, True):
        with pytest.raises(InvalidInput):
            LoggedSummary.from_message({**summary.to_message(), "request_id": request_id})
