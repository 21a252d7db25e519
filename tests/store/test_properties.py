"""Property tests: any text either logs cleanly and is found again, or is refused with
nothing written."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.model import RejectionInput
from desktop.store.database import Database
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
LONG = os.environ.get("ASKWHY_LONG_TESTS") == "1"
PROPERTY = settings(
    max_examples=1000 if LONG else 100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Awkward text on purpose: RTL, emoji, combining marks, control characters, braces.
TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(["{{", "}}", " ", "\t", "\n", "Ä", "ß", "ﬁ", "İ", "رنا", "📊", "\u200f"]),
    ),
    max_size=120,
).map("".join)


def counts(path: Path) -> tuple[int, ...]:
    connection = sqlite3.connect(path)
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "applications",
                "contacts",
                "rejections",
                "follow_up_requests",
                "reminders",
            )
        )
    finally:
        connection.close()


REJECTIONS = st.builds(
    RejectionInput,
    company=TEXT,
    role=TEXT,
    contact_name=TEXT,
    contact_email=st.one_of(st.just(""), st.emails(), TEXT),
    notified_at=st.floats(min_value=-48, max_value=24 * 400, allow_nan=False).map(
        lambda hours: NOW - timedelta(hours=hours)
    ),
)


@PROPERTY
@given(rejection=REJECTIONS)
def test_log_rejection_succeeds_or_writes_nothing(
    store: Store, database: Database, rejection: RejectionInput
) -> None:
    company, role = rejection.company, rejection.role
    before = counts(database.path)
    message = ""
    try:
        logged = store.log_rejection(rejection, now=NOW)
    except InvalidInput as error:
        message = str(error)
    if message:
        # One clear line for the user, and not a row changed.
        assert "\n" not in message
        assert counts(database.path) == before
        return
    assert logged.request.window_closes_at - logged.request.window_opens_at == timedelta(hours=48)
    exact = store.find_application(company, role)
    assert exact is not None
    assert exact.id == logged.application.id
    if company.isascii() and role.isascii():
        shouted = store.find_application(f"  {company.upper()} ", role.lower())
        assert shouted is not None
        assert shouted.id == logged.application.id
