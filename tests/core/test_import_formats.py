"""The table of known formats: headers, status words and dates (pure, no files)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.import_formats import (
    AmbiguousDate,
    DateOrder,
    DateProblem,
    Field,
    detect_columns,
    header_key,
    parse_date_text,
    slash_evidence,
    status_to_stage,
)
from desktop.core.model import Stage

days = st.dates(min_value=date(1970, 1, 1), max_value=date(2099, 12, 31))


@given(day=days)
def test_every_written_form_of_a_day_reads_back_as_that_day(day: date) -> None:
    month_first = f"{day.month}/{day.day}/{day.year}"
    day_first = f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert parse_date_text(day.isoformat(), None) == day
    assert parse_date_text(f"{day.year}/{day.month:02d}/{day.day:02d}", None) == day
    assert parse_date_text(f"{day.day}.{day.month}.{day.year}", None) == day
    assert parse_date_text(month_first, DateOrder.MONTH_FIRST) == day
    assert parse_date_text(day_first, DateOrder.DAY_FIRST) == day


@given(day=days.filter(lambda d: d.day <= 12 and d.day != d.month))
def test_a_slashed_date_two_readings_allow_is_never_guessed(day: date) -> None:
    with pytest.raises(AmbiguousDate):
        parse_date_text(f"{day.month}/{day.day}/{day.year}", None)


def test_evidence_from_the_column_and_its_contradictions() -> None:
    assert slash_evidence(["19/09/2025", "03/04/2025"]) is DateOrder.DAY_FIRST
    assert slash_evidence(["9/19/25 14:30", "03/04/2025"]) is DateOrder.MONTH_FIRST
    assert slash_evidence(["03/04/2025", "2025-01-01", ""]) is None
    assert slash_evidence(["19/09/2025", "9/19/2025"]) is None  # the file contradicts itself


@pytest.mark.parametrize("text", ["soon", "31.02.2025", "2025-13-01", "1/2", "13/13/2025"])
def test_what_is_not_a_date_says_so(text: str) -> None:
    with pytest.raises(DateProblem):
        parse_date_text(text, DateOrder.DAY_FIRST)


def test_headers_compare_across_case_spacing_and_camel_case() -> None:
    assert header_key("dateApplied") == header_key(" Date_Applied ") == "date applied"
    assert header_key("\ufeffCompany") == "company"
    detection = detect_columns(["Organization", "Job Title", "Applied On", "Stage", "Job"])
    assert detection.format_name == "Spreadsheet"
    # "Job" would be a role too, but the role already has its column.
    assert detection.fields == (
        Field.COMPANY, Field.ROLE, Field.APPLIED_AT, Field.STAGE, Field.IGNORE,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("Wishlist", Stage.SAVED),
        ("BOOKMARKED", Stage.SAVED),
        ("phone-screen", Stage.SCREENING),
        ("Negotiating", Stage.OFFER),
        ("not selected", Stage.REJECTED),
        ("I withdrew", Stage.WITHDRAWN),
        ("No Response", Stage.GHOSTED),
        ("interview", Stage.INTERVIEWING),
        ("Expired", None),
    ],
)
def test_status_words(word: str, stage: Stage | None) -> None:
    assert status_to_stage(word) is stage


def test_a_word_the_user_mapped_wins() -> None:
    assert status_to_stage("expired", {"Expired": Stage.WITHDRAWN}) is Stage.WITHDRAWN
