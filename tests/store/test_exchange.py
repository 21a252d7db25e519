"""Export and import: formats, validation, and "nothing written" on bad input."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    Channel,
    Contact,
    ContactRole,
    FollowUpRequest,
    Interview,
    Lesson,
    Profile,
    Rejection,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReplyOutcome,
    RequestKind,
    RequestStatus,
    Settings,
    Stage,
    StageEvent,
    Template,
)
from desktop.store import exchange, files, imports
from desktop.store.database import Database, open_database
from desktop.store.exchange import FullImport, Snapshot, TableImport, TableRow
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
LONG = os.environ.get("ASKWHY_LONG_TESTS") == "1"
FUZZ = settings(
    max_examples=2000 if LONG else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def sample_snapshot() -> Snapshot:
    """One of every record, with the awkward values: RTL, emoji, formula-looking text."""
    opened = NOW - timedelta(hours=1)
    return Snapshot(
        settings=Settings(
            profile=Profile(name="Sam Doe", email="sam@example.org", signature="Sam\n— 🙂"),
            reminders=ReminderPolicy(quiet_start=time(23, 30), quiet_end=time(7, 0)),
            stay_in_touch_weeks=8,
            reminders_paused_until=NOW + timedelta(hours=3),
        ),
        applications=(
            Application(
                id=3,
                company="Acme",
                role="Data Analyst",
                stage=Stage.REJECTED,
                created_at=NOW - timedelta(days=9),
                updated_at=opened,
                applied_at=NOW - timedelta(days=9),
                notes='=HYPERLINK("http://evil")',
            ),
            Application(
                id=7,
                company="شركة 🚀",
                role="+Engineer",
                stage=Stage.INTERVIEWING,
                created_at=NOW - timedelta(days=2),
                updated_at=NOW - timedelta(days=2),
                archived=True,
            ),
        ),
        contacts=(
            Contact(id=5, application_id=3, name="Dana Reyes", email="dana@acme.example"),
            Contact(id=6, application_id=7, name="Ori", role=ContactRole.INTERVIEWER),
        ),
        interviews=(
            Interview(
                id=2,
                application_id=7,
                scheduled_at=NOW - timedelta(days=1),
                duration_minutes=45,
                contact_id=6,
            ),
        ),
        stage_events=(
            StageEvent(
                id=1,
                application_id=3,
                from_stage=None,
                to_stage=Stage.APPLIED,
                occurred_at=NOW - timedelta(days=9),
                recorded_at=NOW - timedelta(days=9),
            ),
            StageEvent(
                id=2,
                application_id=3,
                from_stage=Stage.APPLIED,
                to_stage=Stage.REJECTED,
                occurred_at=opened,
                recorded_at=NOW,
                note="by email",
            ),
        ),
        rejections=(
            Rejection(
                id=4,
                application_id=3,
                notified_at=opened,
                stage_reached=Stage.APPLIED,
                channel=Channel.EMAIL,
                contact_id=5,
            ),
        ),
        templates=(
            Template(
                id=1,
                kind=RequestKind.FEEDBACK,
                name="Default",
                subject="Feedback on {{ role }}",
                body="Hi {{ contact_first_name }},\n…",
                is_default=True,
            ),
        ),
        requests=(
            FollowUpRequest(
                id=9,
                application_id=3,
                kind=RequestKind.FEEDBACK,
                status=RequestStatus.DRAFT,
                subject="Feedback on Data Analyst",
                body="Hi Dana,\nthank you…",
                window_opens_at=opened,
                window_closes_at=opened + timedelta(hours=48),
                created_at=NOW,
                template_id=1,
                contact_id=5,
                rejection_id=4,
            ),
            FollowUpRequest(
                id=10,
                application_id=7,
                kind=RequestKind.THANK_YOU,
                status=RequestStatus.SENT,
                subject="Thanks",
                body="Thank you",
                window_opens_at=NOW - timedelta(days=1),
                window_closes_at=NOW,
                created_at=NOW - timedelta(days=1),
                interview_id=2,
                sent_at=NOW - timedelta(hours=20),
            ),
        ),
        reminders=(
            Reminder(
                id=1,
                request_id=9,
                kind=ReminderKind.NUDGE,
                due_at=opened + timedelta(hours=2),
                fired_at=opened + timedelta(hours=2, seconds=1),
            ),
            Reminder(
                id=2,
                request_id=9,
                kind=ReminderKind.CLOSING,
                due_at=opened + timedelta(hours=40),
                snoozed_until=opened + timedelta(hours=41),
            ),
            Reminder(
                id=3, request_id=9, kind=ReminderKind.LAST_CALL, due_at=opened + timedelta(hours=47)
            ),
            Reminder(
                id=4, request_id=9, kind=ReminderKind.CLOSED, due_at=opened + timedelta(hours=48)
            ),
            Reminder(
                id=5,
                request_id=10,
                kind=ReminderKind.NUDGE,
                due_at=NOW - timedelta(hours=22),
                missed=True,
            ),
        ),
        lessons=(
            Lesson(
                id=1,
                application_id=7,
                outcome=ReplyOutcome.REPLIED,
                recorded_at=NOW,
                request_id=10,
                themes=("communication", "SQL"),
                notes="Be concrete",
                action="Practise STAR answers",
            ),
        ),
    )


def to_bytes(document: object) -> bytes:
    try:
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate can only travel as an escape such as \ud800.
        return json.dumps(document).encode("ascii")


def exported() -> dict[str, object]:
    return exchange.snapshot_to_json(sample_snapshot(), now=NOW)


# -- JSON ------------------------------------------------------------------------------


def test_json_round_trip_is_exact() -> None:
    snapshot = sample_snapshot()
    parsed = exchange.parse_json(to_bytes(exchange.snapshot_to_json(snapshot, now=NOW)))
    assert parsed == snapshot


def test_json_carries_format_version_and_every_section() -> None:
    document = exported()
    assert document["format"] == "askwhy-export"
    assert document["format_version"] == exchange.FORMAT_VERSION
    for section, _ in exchange.SECTIONS:
        assert document[section], section
    reminders = document["reminders"]
    assert isinstance(reminders, list)
    assert reminders[0]["fired_at"] == "2026-03-10T13:00:01+00:00"


def test_json_with_a_bom_is_read() -> None:
    snapshot = exchange.parse_json(b"\xef\xbb\xbf" + to_bytes(exported()))
    assert snapshot == sample_snapshot()


def mutate(path: tuple[str | int, ...], value: object) -> bytes:
    document = json.loads(to_bytes(exported()))
    target = document
    for part in path[:-1]:
        target = target[part]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return to_bytes(document)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("applications", 0, "company"), 7, "applications[0].company should be text"),
        (
            ("applications", 0, "company"),
            "  ",
            "applications[0].company: The company can't be empty",
        ),
        (("applications", 0, "stage"), "hired", "'hired' is not one of"),
        (("applications", 0, "archived"), 0, "should be true or false"),
        (("applications", 0, "created_at"), "2026-03-01T10:00", "has no UTC offset"),
        (("applications", 0, "created_at"), "last week", "is not an ISO-8601"),
        (("applications", 0, "id"), True, "should be a whole number"),
        (("applications", 0, "id"), -1, "should be a positive whole number"),
        (("applications", 1, "id"), 3, "repeats the id 3"),
        (("applications", 0, "bogus"), 1, "unknown field 'bogus'"),
        (("applications", 0, "role"), KeyError, "lacks the field 'role'"),
        (("applications", 0, "company"), "x" * 201, "is too long"),
        (("applications", 0, "notes"), "a\x00b", "notes: The notes contains control characters"),
        (("contacts", 0, "application_id"), 99, "points to applications id 99"),
        (
            ("contacts", 0, "email"),
            "dana at acme",
            "contacts[0].email: The email address 'dana at acme' is not",
        ),
        (("requests", 0, "template_id"), 42, "points to templates id 42"),
        (("reminders", 0, "request_id"), 1, "points to requests id 1"),
        (("lessons", 0, "themes"), "sql", "should be a list"),
        (("lessons", 0, "themes"), [1], "themes[0] should be text"),
        (("settings", "reminders", "quiet_start"), "25:00", "is not a time of day"),
        (
            ("settings", "reminders", "window_hours"),
            0,
            "settings: The window to ask must be between 1 and 336 hours",
        ),
        (
            ("settings", "reminders", "nudge_after_hours"),
            "2",
            "The nudge has a value of the wrong kind",
        ),
        (
            ("requests", 0, "window_closes_at"),
            "2000-01-01T00:00:00Z",
            "requests[0]: The window closes before it opens",
        ),
        (
            ("interviews", 0, "duration_minutes"),
            0,
            "An interview lasts between 1 minute and 24 hours",
        ),
        (("format_version",), 99, "newer AskWhy"),
        (("format_version",), "1", "format_version should be a whole number"),
        (("format",), "something", "not an AskWhy JSON export"),
        (("surprise",), [], "unknown section 'surprise'"),
        (("requests",), {}, "requests should be a list"),
    ],
)
def test_json_validation_names_the_problem(
    path: tuple[str | int, ...], value: object, message: str
) -> None:
    with pytest.raises(InvalidInput, match=None) as raised:
        exchange.parse_json(mutate(path, value))
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"[]", "not an AskWhy JSON export"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": "askwhy-export", "format_version": 1, "x": NaN}', "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_junk_json_is_refused(raw: bytes, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        exchange.parse_json(raw)
    assert message in str(raised.value)


def test_truncated_json_is_refused_at_every_length() -> None:
    raw = to_bytes(exported())
    for cut in range(0, len(raw) - 1, max(1, len(raw) // 200)):
        with pytest.raises(InvalidInput):
            exchange.parse_json(raw[:cut])


# JSON-shaped junk: every kind of value, nested, as Hypothesis likes to build them.
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    # Huge, right-to-left, emoji, BOM, bidi override, lone surrogate, date-like.
    | st.sampled_from(
        [
            "x" * 200_000,
            "مرحبا بالعالم",
            "👩🏽‍💻🚀",
            "\ufeff",
            "\u202egnp.exe",
            "\ud800",
            "2026-03-10T12:00:00+00:00",
            "2026-03-10T12:00:00",
            "draft",
            "feedback",
        ]
    )
)
# Two levels of nesting are enough to hit every type check; deeper is the truncation test's.
json_values = (
    json_scalars
    | st.lists(json_scalars, max_size=4)
    | st.dictionaries(st.text(max_size=10), json_scalars | st.lists(json_scalars), max_size=4)
)
section_names = st.sampled_from([name for name, _ in exchange.SECTIONS] + ["settings"])


@FUZZ
@given(section=section_names, junk=json_values, index=st.integers(0, 3))
def test_fuzzed_json_sections_are_valid_or_invalid_input(
    section: str, junk: object, index: int
) -> None:
    document = json.loads(to_bytes(exported()))
    items = document[section]
    if isinstance(items, list) and items and isinstance(junk, dict):
        # Swap one field of one record for junk: the nastiest mix of valid and not.
        record = items[index % len(items)]
        key = sorted(record)[index % len(record)]
        record[key] = junk.get(key, junk) if junk else junk
    else:
        document[section] = junk
    message = ""
    try:
        exchange.parse_json(to_bytes(document))
    except InvalidInput as error:
        message = str(error)
    assert "\n" not in message


@FUZZ
@given(raw=st.binary(max_size=300))
def test_fuzzed_bytes_are_valid_or_invalid_input(raw: bytes) -> None:
    for parse in (
        exchange.parse_json,
        parse_table,
    ):
        with contextlib.suppress(InvalidInput):
            parse(raw)


# -- CSV -------------------------------------------------------------------------------


def parse_table(raw: bytes) -> tuple[TableRow, ...]:
    plan = imports.parse_import(raw, ".csv", now=NOW, tz=BERLIN)
    assert isinstance(plan, TableImport)
    return plan.rows


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_export_neutralises_formulas(trigger: str) -> None:
    snapshot = replace(
        sample_snapshot(),
        applications=(replace(sample_snapshot().applications[0], company=f"{trigger}1+1"),),
    )
    text = exchange.snapshot_to_csv(snapshot, BERLIN)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1][0] == f"'{trigger}1+1"
    assert rows[1][0] not in {"", None}


def test_csv_export_lists_contacts_deadline_and_notes() -> None:
    text = exchange.snapshot_to_csv(sample_snapshot(), BERLIN)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    acme = rows[0]
    assert acme["Company"] == "Acme"
    assert acme["Contacts"] == "Dana Reyes <dana@acme.example>"
    # The draft's window closes 48 h after 11:00 UTC, shown in Berlin time.
    assert acme["Next deadline"] == "2026-03-12T12:00+01:00"
    assert acme["Notes"] == '\'=HYPERLINK("http://evil")'
    assert rows[1]["Next deadline"] == ""  # the sent request no longer counts
    assert rows[1]["Archived"] == "yes"


def test_csv_round_trip_through_parse_undoes_neutralising() -> None:
    text = exchange.snapshot_to_csv(sample_snapshot(), BERLIN)
    rows = parse_table(("\ufeff" + text).encode())
    assert [(row.company, row.role, row.stage) for row in rows] == [
        ("Acme", "Data Analyst", Stage.REJECTED),
        ("شركة 🚀", "+Engineer", Stage.INTERVIEWING),
    ]
    assert rows[0].notes == '=HYPERLINK("http://evil")'
    assert rows[0].applied_at == NOW - timedelta(days=9)


def test_csv_handles_bom_mixed_newlines_semicolons_and_quoted_lines() -> None:
    raw = (
        "\ufeffCompany;Job title;Status;Date applied;Notes\r\n"
        'Acme;Analyst;screening;2026-03-01;"two\r\nlines"\n'
        "\r"
        "Globex;Engineer;;;\r"
        ";;;;\n"
    ).encode()
    rows = parse_table(raw)
    assert [(r.company, r.role, r.stage) for r in rows] == [
        ("Acme", "Analyst", Stage.SCREENING),
        ("Globex", "Engineer", Stage.APPLIED),
    ]
    assert rows[0].notes == "two\nlines"
    # A date alone means midday local time (validation.parse_moment).
    assert rows[0].applied_at == datetime(2026, 3, 1, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"Name,Stage\nAcme,applied\n", "no Company and no Role column"),
        (b"Company,Role\nAcme,\n", "CSV row 2: The role can't be empty"),
        (b"Company,Role\nAcme,A\n,B\n", "CSV row 3: The company can't be empty"),
        # Rows count as a spreadsheet shows them, even when a cell spans lines.
        (b'Company,Role,Notes\nA,B,"x\ny\nz"\n,C,\n', "CSV row 3: The company can't be empty"),
        (b"Company,Role,Stage\nAcme,A,hmm\n", "CSV row 2: The status 'hmm' is not one"),
        (b"Company,Role,Applied\nAcme,A,soon\n", "CSV row 2: The applied date: 'soon'"),
        (b"Company,Role,Applied\nAcme,A,2099-01-01\n", "in the future"),
        (b'Company,Role\n"Acme,A\n', "CSV row"),
        (b"Company,Role\nAc\x00me,A\n", "NUL"),
        (b"\xff\xfeC\x00o\x00\n\x00\x00\xd8", "UTF-16"),
        (b"Company,Role\nA\x07cme,A\n", "control characters"),
        ("Company,Role\n{},A\n".format("x" * 201).encode(), "too long"),
        ("Company,Role,Notes\nA,B,{}\n".format("x" * 200_000).encode(), "CSV row 2: field larger"),
    ],
)
def test_bad_csv_names_the_row(raw: bytes, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_table(raw)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40
) | st.sampled_from(["=1+1", "@SUM(A1)", "-", "مرحبا", "👩🏽‍💻", "\ufeff", '"', "\r\n", ""])


@FUZZ
@given(
    rows=st.lists(st.lists(cell_text, min_size=0, max_size=6), max_size=6),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
)
def test_fuzzed_csv_tables_are_valid_or_invalid_input(
    rows: list[list[str]], newline: str, bom: bool
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(["Company", "Role", "Stage", "Applied at", "Notes"])
    writer.writerows(rows)
    raw = (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8", "surrogatepass")
    try:
        parsed = parse_table(raw)
    except InvalidInput as error:
        parsed = ()
        message = str(error)
    else:
        message = ""
    assert "\n" not in message
    for row in parsed:
        assert row.company.strip()
        assert row.role.strip()


# -- ICS -------------------------------------------------------------------------------


def test_ics_has_one_event_per_open_window_with_alarms_in_utc() -> None:
    calendar = Calendar.from_ical(exchange.snapshot_to_ics(sample_snapshot(), now=NOW))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1  # the sent thank-you note has no deadline any more
    event = events[0]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 3, 12, 11, 0, tzinfo=UTC)
    assert start.utcoffset() == timedelta(0)
    assert "Acme" in str(event["summary"])
    alarms = [alarm.decoded("trigger") for alarm in event.walk("VALARM")]
    # The fired nudge has no alarm; the snoozed "closing" one uses its snooze time.
    assert alarms == [
        datetime(2026, 3, 12, 4, 0, tzinfo=UTC),
        datetime(2026, 3, 12, 10, 0, tzinfo=UTC),
        datetime(2026, 3, 12, 11, 0, tzinfo=UTC),
    ]


# -- files -----------------------------------------------------------------------------


def test_write_atomically_makes_a_private_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o644)
    files.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_exposure_warning_only_for_folders_others_can_read(tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    private.chmod(0o700)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    assert exchange.exposure_warning(private / "x.json") is None
    warning = exchange.exposure_warning(shared / "x.json")
    assert warning is not None
    assert "other users" in warning


# -- against a real database -------------------------------------------------------------


def _read_all(database: Database) -> Snapshot:
    with database.transaction() as session:
        return exchange.read_all(session)


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def test_json_restore_then_export_gives_the_same_records(tmp_path: Path, fresh: Database) -> None:
    snapshot = sample_snapshot()
    Store(fresh).apply_import(FullImport(snapshot), now=NOW)
    target = tmp_path / "again.json"
    Store(fresh).export_file(target, now=NOW)
    again = exchange.parse_json(target.read_bytes())
    assert again == snapshot
    store = Store(fresh, local_tz=lambda: BERLIN)
    # The restored ids are taken: new rows continue after them.
    assert store.add_application("Initech", "Tester", now=NOW).id == 8
    (due,) = store.due_items(now=NOW)
    assert (due.request.id, due.company) == (9, "Acme")
    assert store.load_settings() == snapshot.settings


def test_json_restore_dates_an_undated_application_by_its_first_move(fresh: Database) -> None:
    # An export from before applied dates were kept: Acme moved Applied → Rejected.
    snapshot = sample_snapshot()
    acme, other = snapshot.applications
    older = replace(snapshot, applications=(replace(acme, applied_at=None), other))
    Store(fresh).apply_import(FullImport(older), now=NOW)
    restored = {a.company: a.applied_at for a in _read_all(fresh).applications}
    # The creation event says when the record was made, not when it was sent: 7 stays undated.
    assert restored == {"Acme": NOW - timedelta(hours=1), other.company: None}


def test_json_import_into_a_store_with_applications_is_refused(fresh: Database) -> None:
    Store(fresh).apply_import(FullImport(sample_snapshot()), now=NOW)
    before = dump(fresh.path)
    with pytest.raises(InvalidInput, match="already holds 2 applications"):
        Store(fresh).apply_import(FullImport(sample_snapshot()), now=NOW)
    assert dump(fresh.path) == before


def test_csv_import_adds_applications_once(fresh: Database) -> None:
    raw = b"Company,Role,Stage\nAcme,Analyst,screening\nacme , ANALYST,applied\nGlobex,Dev,\n"
    plan = imports.parse_import(raw, ".csv", now=NOW, tz=BERLIN)
    assert isinstance(plan, TableImport)
    assert Store(fresh).apply_import(plan, now=NOW) == "2 applications (1 already there, skipped)"
    assert Store(fresh).apply_import(plan, now=NOW) == "0 applications (3 already there, skipped)"
    snapshot = exchange.parse_json(to_bytes(exchange.snapshot_to_json(_read_all(fresh), now=NOW)))
    assert sorted(a.company for a in snapshot.applications) == ["Acme", "Globex"]
    # Each imported application starts its timeline with the stage the table gave.
    assert sorted(e.to_stage for e in snapshot.stage_events) == [Stage.APPLIED, Stage.SCREENING]


def test_undoing_imports_takes_their_rows_away_and_redo_brings_back_the_same(
    fresh: Database,
) -> None:
    store = Store(fresh)
    empty = _read_all(fresh)
    # Every kind of record (requests, fired reminders, lessons), then a table on top, long
    # enough to take several of the id chunks undo reads and deletes by.
    restored = store.import_undoably(FullImport(sample_snapshot()), now=NOW)
    after_json = _read_all(fresh)
    table = "Company,Role,Contact,Email\n" + "".join(
        f"Firm {index},Analyst,Kim {index},kim{index}@firm.example\n" for index in range(1_201)
    )
    plan = imports.parse_import(table.encode(), ".csv", now=NOW, tz=BERLIN)
    added = store.import_undoably(plan, now=NOW)
    after_table = _read_all(fresh)
    assert len(after_table.contacts) == len(after_json.contacts) + 1_201

    table_taken = store.take_back_import(added.added, added.shared_before)
    assert _read_all(fresh) == after_json
    json_taken = store.take_back_import(restored.added, restored.shared_before)
    assert _read_all(fresh) == empty
    store.put_back_import(json_taken)
    assert _read_all(fresh) == after_json
    store.put_back_import(table_taken)
    assert _read_all(fresh) == after_table
    with pytest.raises(InvalidInput, match="already back"):
        store.put_back_import(table_taken)
    assert _read_all(fresh) == after_table


@FUZZ
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_fuzzed_imports_write_nothing_when_refused(tmp_path: Path, raw: bytes) -> None:
    database = _shared_database(tmp_path)
    before = dump(database.path)
    for suffix, prefix in ((".csv", b"Company,Role\n"), (".json", b""), (".csv", b"")):
        try:
            plan = imports.parse_import(prefix + raw, suffix, now=NOW, tz=BERLIN)
        except InvalidInput:
            assert dump(database.path) == before
            continue
        if isinstance(plan, TableImport) and plan.rows:
            continue  # a valid table: it would be imported, which is the other outcome
        Store(database).apply_import(plan, now=NOW)
        before = dump(database.path)


_DATABASES: dict[Path, Database] = {}


def _shared_database(tmp_path: Path) -> Database:
    # Hypothesis reruns the body with the same tmp_path; one migrated file serves them all.
    if tmp_path not in _DATABASES:
        _DATABASES[tmp_path] = open_database(tmp_path / "fuzz")
    return _DATABASES[tmp_path]


@pytest.fixture(autouse=True, scope="module")
def _close_shared() -> Iterator[None]:
    yield
    for database in _DATABASES.values():
        database.close()
    _DATABASES.clear()
