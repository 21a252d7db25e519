"""Every Store method against a real, migrated SQLite file."""

from __future__ import annotations

import dataclasses
import gc
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Channel,
    ContactRole,
    Profile,
    RejectionInput,
    ReminderKind,
    ReminderPolicy,
    ReplyOutcome,
    RequestKind,
    RequestStatus,
    Settings,
    Stage,
    Template,
)
from desktop.core.reminders import plan_reminders
from desktop.core.windows import FollowUpWindow, add_business_days
from desktop.store.database import Database
from desktop.store.errors import NotFound
from desktop.store.repository import Store

BERLIN = ZoneInfo("Europe/Berlin")  # the zone the `store` fixture uses
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # a Tuesday, 13:00 in Berlin
HEARD = NOW - timedelta(hours=1)
TABLES = (
    "applications",
    "contacts",
    "interviews",
    "stage_events",
    "rejections",
    "follow_up_requests",
    "reminders",
    "templates",
    "lessons",
    "settings",
)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read with plain sqlite3 (not through the store)."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in TABLES
        }
    finally:
        connection.close()


def rejection(**changes: object) -> RejectionInput:
    base = RejectionInput(
        company="Acme",
        role="Data Analyst",
        notified_at=HEARD,
        contact_name="Dana Reyes",
        contact_email="dana@acme.example",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# -- log_rejection -------------------------------------------------------------------------


def test_log_rejection_creates_everything_in_one_go(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)

    assert logged.application_created
    app = logged.application
    assert (app.company, app.role, app.stage) == ("Acme", "Data Analyst", Stage.REJECTED)
    assert logged.contact is not None
    assert (logged.contact.name, logged.contact.email) == ("Dana Reyes", "dana@acme.example")
    assert logged.rejection.notified_at == HEARD
    assert logged.rejection.stage_reached is Stage.APPLIED
    assert logged.rejection.contact_id == logged.contact.id
    assert [(e.from_stage, e.to_stage, e.occurred_at) for e in store.timeline(app.id)] == [
        (None, Stage.APPLIED, HEARD),
        (Stage.APPLIED, Stage.REJECTED, HEARD),
    ]
    request = logged.request
    assert (request.kind, request.status) == (RequestKind.FEEDBACK, RequestStatus.DRAFT)
    assert request.window_opens_at == HEARD
    assert request.window_closes_at - HEARD == timedelta(hours=48)
    assert request.rejection_id == logged.rejection.id
    assert request.contact_id == logged.contact.id
    assert (
        request.template_id
        == next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).id
    )
    # Subject and body are the default template with the merge values filled in.
    assert request.subject == "Feedback on my Data Analyst application"
    assert request.body.startswith("Hi Dana,")
    assert "Acme" in request.body
    assert "{{ company }}" not in request.body
    # The reminders are exactly what core planned for this window.
    planned = plan_reminders(
        FollowUpWindow(request.window_opens_at, request.window_closes_at),
        ReminderPolicy(),
        BERLIN,
        now=NOW,
    )
    assert [(r.kind, r.due_at) for r in logged.reminders] == [(p.kind, p.due_at) for p in planned]
    assert logged.reminders == tuple(store.reminders_for(request.id))
    assert all(r.fired_at is None and not r.missed for r in logged.reminders)


def test_log_rejection_fills_my_signature_from_the_profile(store: Store) -> None:
    store.save_settings(Settings(profile=Profile(name="Sam Doe", email="sam@example.org")))
    logged = store.log_rejection(rejection(), now=NOW)
    assert logged.request.body.rstrip().endswith("Sam Doe")


def test_log_rejection_matches_company_and_role_ignoring_case_and_spaces(store: Store) -> None:
    app = store.add_application("Acme", "Data Analyst", now=NOW - timedelta(days=9))
    store.move_stage(
        app.id, Stage.INTERVIEWING, occurred_at=NOW - timedelta(days=3), now=NOW - timedelta(days=3)
    )
    contact = store.add_contact(app.id, "Dana Reyes", email="Dana@Acme.example")
    logged = store.log_rejection(
        rejection(company="  ACME ", role="data   analyst", contact_email="dana@acme.example"),
        now=NOW,
    )
    assert not logged.application_created
    assert logged.application.id == app.id
    assert logged.rejection.stage_reached is Stage.INTERVIEWING
    assert logged.contact is not None
    assert logged.contact.id == contact.id
    assert len(store.contacts(app.id)) == 1
    assert len(store.list_summaries()) == 1


def test_log_rejection_for_an_existing_application_and_contact_by_id(store: Store) -> None:
    app = store.add_application("Globex", "Engineer", now=NOW, stage=Stage.SCREENING)
    contact = store.add_contact(app.id, "Hank", email="hank@globex.example")
    logged = store.log_rejection(
        RejectionInput(
            company="",
            role="",
            notified_at=HEARD,
            application_id=app.id,
            contact_id=contact.id,
            channel=Channel.PHONE,
            stage_reached=Stage.SCREENING,
            note="Short call",
        ),
        now=NOW,
    )
    assert logged.application.id == app.id
    assert logged.rejection.channel is Channel.PHONE
    assert logged.rejection.note == "Short call"
    assert logged.request.body.startswith("Hi Hank,")


def test_log_rejection_without_contact_greets_the_company_team(store: Store) -> None:
    logged = store.log_rejection(rejection(contact_name="", contact_email=""), now=NOW)
    assert logged.contact is None
    assert logged.request.body.startswith(f"Hi {logged.application.company} team,")


def test_the_recipient_is_one_of_the_applications_contacts_or_nobody(store: Store) -> None:
    logged = store.log_rejection(rejection(contact_name="", contact_email=""), now=NOW)
    request_id, app_id = logged.request.id, logged.application.id
    hank = store.add_contact(app_id, "Hank Moody", email="hank@acme.example")
    assert store.set_request_recipient(request_id, hank.id).contact_id == hank.id
    context = store.request_context(request_id)
    assert context.contact == hank
    other = store.log_rejection(rejection(company="Beta", contact_name="Bo"), now=NOW)
    assert other.contact is not None
    with pytest.raises(NotFound, match="no longer exists"):
        store.set_request_recipient(request_id, other.contact.id)  # another application's
    assert store.request_context(request_id).contact == hank  # nothing written
    assert store.set_request_recipient(request_id, None).contact_id is None
    store.set_request_recipient(request_id, hank.id)
    store.delete_contact(hank.id)
    assert store.get_request(request_id).contact_id is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"company": "   "}, "company can't be empty"),
        ({"role": ""}, "role can't be empty"),
        ({"company": "x" * 201}, "too long"),
        ({"notified_at": datetime(2026, 3, 10, 11, 0)}, "time zone"),
        ({"notified_at": NOW + timedelta(hours=2)}, "future"),
        ({"contact_email": "not-an-address"}, "email address"),
        ({"stage_reached": Stage.WITHDRAWN}, "isn't a stage"),
        ({"contact_id": 999}, "doesn't belong"),
    ],
)
def test_bad_rejection_input_is_refused_and_writes_nothing(
    store: Store, database: Database, changes: dict[str, object], message: str
) -> None:
    store.add_application("Other", "Role", now=NOW)
    before = dump(database.path)
    with pytest.raises(InvalidInput, match=message):
        store.log_rejection(rejection(**changes), now=NOW)
    assert dump(database.path) == before


def test_rejection_for_a_missing_application_writes_nothing(
    store: Store, database: Database
) -> None:
    before = dump(database.path)
    with pytest.raises(NotFound, match="no longer exists"):
        store.log_rejection(rejection(application_id=999), now=NOW)
    assert dump(database.path) == before


def test_logging_the_same_rejection_twice_is_refused(store: Store, database: Database) -> None:
    store.log_rejection(rejection(), now=NOW)
    before = dump(database.path)
    with pytest.raises(InvalidInput, match="already at Rejected"):
        store.log_rejection(rejection(), now=NOW)
    assert dump(database.path) == before


def test_a_closed_application_does_not_shadow_a_new_open_one(store: Store) -> None:
    long_ago = NOW - timedelta(days=200)
    store.log_rejection(rejection(notified_at=long_ago - timedelta(hours=1)), now=long_ago)
    reapplied = store.add_application("Acme", "Data Analyst", now=NOW - timedelta(days=10))
    found = store.find_application("acme", "DATA ANALYST")
    assert found is not None
    assert found.id == reapplied.id
    logged = store.log_rejection(rejection(), now=NOW)
    assert logged.application.id == reapplied.id


# -- settings ------------------------------------------------------------------------------


def test_settings_default_then_round_trip(store: Store) -> None:
    assert store.load_settings() == Settings()
    custom = Settings(
        profile=Profile(name="Sam", email="sam@example.org", signature="Sam\n— 🙂"),
        reminders=ReminderPolicy(
            window_hours=72,
            nudge_after_hours=1.5,
            quiet_hours_enabled=False,
            quiet_start=time(23, 30),
            quiet_end=time(7, 0),
        ),
        thank_you_window_hours=12,
        check_in_business_days=5,
        stay_in_touch_weeks=10,
        start_at_login=True,
        asked_about_autostart=True,
        reminders_paused_until=NOW + timedelta(hours=3),
    )
    store.save_settings(custom)
    assert store.load_settings() == custom
    store.save_settings(replace(custom, reminders_paused_until=None))
    assert store.load_settings().reminders_paused_until is None


def test_window_setting_is_used_by_log_rejection(store: Store) -> None:
    store.save_settings(Settings(reminders=ReminderPolicy(window_hours=24)))
    logged = store.log_rejection(rejection(), now=NOW)
    assert logged.request.window_closes_at == HEARD + timedelta(hours=24)


def test_damaged_stored_settings_fall_back_to_defaults(store: Store, database: Database) -> None:
    connection = sqlite3.connect(database.path)
    connection.execute(
        "INSERT INTO settings (key, value) VALUES "
        '(\'reminders\', \'{"window_hours": "lots", "quiet_start": "25:99", '
        "\"nudge_after_hours\": 3}'), ('stay_in_touch_weeks', 'true'), ('unknown', '1')"
    )
    connection.commit()
    connection.close()
    loaded = store.load_settings()
    assert loaded.reminders == ReminderPolicy(nudge_after_hours=3)
    assert loaded.stay_in_touch_weeks == Settings().stay_in_touch_weeks


@pytest.mark.parametrize(
    "settings",
    [
        Settings(reminders=ReminderPolicy(window_hours=0)),
        Settings(reminders=ReminderPolicy(nudge_after_hours=-1)),
        Settings(profile=Profile(email="nope")),
        Settings(check_in_business_days=0),
        Settings(reminders_paused_until=datetime(2026, 1, 1)),
    ],
)
def test_invalid_settings_are_refused(store: Store, database: Database, settings: Settings) -> None:
    before = dump(database.path)
    with pytest.raises(InvalidInput):
        store.save_settings(settings)
    assert dump(database.path) == before


# -- applications --------------------------------------------------------------------------


def test_add_get_find_update_application(store: Store) -> None:
    app = store.add_application(
        "Initech",
        "Analyst",
        now=NOW,
        stage=Stage.SAVED,
        location="Berlin",
        url="https://initech.example/jobs/1",
        source="referral",
        notes="Ask Peter",
    )
    assert store.get_application(app.id) == app
    assert store.find_application("INITECH", " analyst ") == app
    assert store.find_application("Initech", "Engineer") is None
    later = NOW + timedelta(hours=1)
    updated = store.update_application(
        replace(app, company="Initech GmbH", notes="", stage=Stage.APPLIED, applied_at=NOW),
        now=later,
    )
    assert (updated.company, updated.stage, updated.applied_at) == (
        "Initech GmbH",
        Stage.APPLIED,
        NOW,
    )
    assert updated.updated_at == later
    assert store.find_application("initech gmbh", "analyst") == updated
    assert [e.to_stage for e in store.timeline(app.id)] == [Stage.SAVED, Stage.APPLIED]


def test_update_application_validates(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW)
    with pytest.raises(InvalidInput, match="company"):
        store.update_application(replace(app, company=" "), now=NOW)
    with pytest.raises(InvalidInput, match="can't move"):
        store.update_application(replace(app, stage=Stage.ACCEPTED), now=NOW)
    assert store.get_application(app.id) == app


def test_move_stage_records_a_backdated_event(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW - timedelta(days=5), stage=Stage.SAVED)
    event = store.move_stage(
        app.id, Stage.APPLIED, occurred_at=NOW - timedelta(days=4), now=NOW, note="via site"
    )
    assert (event.from_stage, event.to_stage) == (Stage.SAVED, Stage.APPLIED)
    assert event.occurred_at == NOW - timedelta(days=4)
    assert event.recorded_at == NOW
    assert event.note == "via site"
    moved = store.get_application(app.id)
    assert moved.stage is Stage.APPLIED
    assert moved.applied_at == NOW - timedelta(days=4)
    with pytest.raises(InvalidInput, match="future"):
        store.move_stage(app.id, Stage.SCREENING, occurred_at=NOW + timedelta(days=1), now=NOW)
    with pytest.raises(InvalidInput, match="already"):
        store.move_stage(app.id, Stage.APPLIED, occurred_at=NOW, now=NOW)
    with pytest.raises(NotFound):
        store.move_stage(999, Stage.APPLIED, occurred_at=NOW, now=NOW)


def test_the_first_move_into_a_sent_stage_dates_an_undated_application(store: Store) -> None:
    # Added at Screening with no date: the day it was added is not the day it was sent.
    screening = store.add_application("S", "B", now=NOW - timedelta(days=9), stage=Stage.SCREENING)
    assert screening.applied_at is None
    saved = store.add_application("A", "B", now=NOW - timedelta(days=9), stage=Stage.SAVED)
    store.move_stage(saved.id, Stage.SCREENING, occurred_at=NOW - timedelta(days=6), now=NOW)
    store.move_stage(saved.id, Stage.INTERVIEWING, occurred_at=NOW - timedelta(days=2), now=NOW)
    assert store.get_application(saved.id).applied_at == NOW - timedelta(days=6)
    # Dropped unsent: no date. Rejected while saved: sent by the time they said no.
    dropped = store.add_application("D", "B", now=NOW - timedelta(days=9), stage=Stage.SAVED)
    store.move_stage(dropped.id, Stage.WITHDRAWN, occurred_at=NOW, now=NOW)
    assert store.get_application(dropped.id).applied_at is None
    turned = store.add_application("Acme", "Data Analyst", now=NOW - timedelta(days=9))
    store.move_stage(turned.id, Stage.SAVED, occurred_at=NOW - timedelta(days=8), now=NOW)
    logged = store.log_rejection(rejection(application_id=turned.id), now=NOW)
    assert logged.application.applied_at == HEARD


def test_set_event_time_backdates_and_timeline_orders_by_it(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW, stage=Stage.SAVED)
    event = store.move_stage(app.id, Stage.APPLIED, occurred_at=NOW, now=NOW)
    moved = store.set_event_time(event.id, NOW - timedelta(days=30))
    assert moved.occurred_at == NOW - timedelta(days=30)
    assert store.timeline(app.id)[0].id == event.id
    with pytest.raises(InvalidInput, match="after it was recorded"):
        store.set_event_time(event.id, NOW + timedelta(days=1))
    with pytest.raises(NotFound):
        store.set_event_time(999, NOW)


def test_archived_applications_are_hidden_unless_asked(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW)
    store.set_archived(app.id, True, now=NOW)
    assert store.list_summaries() == []
    (summary,) = store.list_summaries(include_archived=True)
    assert summary.application.archived
    store.set_archived(app.id, False, now=NOW)
    assert len(store.list_summaries()) == 1


def test_list_summaries_names_contacts_and_most_urgent_request(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    store.add_contact(logged.application.id, "Second Person")
    other = store.add_application(
        "Quiet Co", "Role", now=NOW, applied_at=NOW - timedelta(microseconds=7), url="u"
    )
    store.set_archived(other.id, False, now=NOW)
    summaries = {s.application.id: s for s in store.list_summaries()}
    acme = summaries[logged.application.id]
    assert acme.contact_names == ("Dana Reyes", "Second Person")
    # A contact without an address adds none: search gets only real ones.
    assert acme.contact_emails == ("dana@acme.example",)
    assert store.summaries_for({logged.application.id})[0].contact_emails == ("dana@acme.example",)
    assert acme.open_request == logged.request
    assert acme.next_reminder_at == logged.reminders[0].due_at
    # The summaries' fast read gives the same records as the ORM path, but the link.
    for summary in summaries.values():
        application = store.get_application(summary.application.id)
        assert summary.application == dataclasses.replace(application, url="")
    assert store.get_application(other.id).url == "u"
    quiet = summaries[other.id]
    assert (quiet.contact_names, quiet.open_request, quiet.next_reminder_at) == ((), None, None)


def test_list_summaries_skips_archived_rows_and_shares_repeated_values(store: Store) -> None:
    first = store.add_application("Acme", "Engineer", now=NOW, location="Remote")
    second = store.add_application("Globex", "Engineer", now=NOW, location="Remote")
    archived = store.add_application("Initech", "Engineer", now=NOW)
    store.set_archived(archived.id, True, now=NOW)
    summaries = store.list_summaries()
    assert [s.application.id for s in summaries] == [first.id, second.id]
    one, two = (s.application for s in summaries)
    # One string per distinct value, one datetime for a row never edited: what keeps
    # 100,000 rows small.
    assert one.role is two.role
    assert one.location is two.location
    assert one.updated_at is one.created_at
    assert [s.application.id for s in store.list_summaries(include_archived=True)] == [
        first.id,
        second.id,
        archived.id,
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_list_summaries_leaves_the_garbage_collector_as_it_found_it(
    store: Store, enabled: bool
) -> None:
    store.add_application("Acme", "Engineer", now=NOW)
    was_enabled = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        store.list_summaries()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_delete_then_restore_brings_everything_back_with_the_same_ids(
    store: Store, database: Database
) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    app_id = logged.application.id
    store.add_interview(
        app_id, NOW - timedelta(days=2), contact_id=logged.contact.id if logged.contact else None
    )
    store.claim_reminder(logged.reminders[0].id, fired_at=NOW + timedelta(hours=2))
    store.add_lesson(app_id, ReplyOutcome.NO_REPLY, now=NOW, themes=("fit",))
    keep = store.add_application("Keep", "Me", now=NOW)
    before = dump(database.path)
    application = store.get_application(app_id)

    snapshot = store.delete_application(app_id)

    assert snapshot.application == application
    assert [s.application.id for s in store.list_summaries()] == [keep.id]
    with pytest.raises(NotFound):
        store.get_application(app_id)
    assert store.lessons() == []
    # Ids are never reused, so a new row cannot take the deleted one's place.
    newcomer = store.add_application("New", "Row", now=NOW)
    assert newcomer.id > keep.id
    store.delete_application(newcomer.id)

    store.restore_application(snapshot)

    # Row for row, every table is as it was before the delete (the newcomer came and went).
    assert dump(database.path) == before
    with pytest.raises(InvalidInput, match="already back"):
        store.restore_application(snapshot)


def test_undo_puts_back_a_value_from_before_the_rules_as_it_was_stored(
    store: Store, database: Database
) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    # Written past the store, as an old version could have: a date the rules now refuse,
    # which a typed read clamps to 1970.
    connection = sqlite3.connect(database.path)
    with connection:
        connection.execute(
            "UPDATE applications SET applied_at = '0001-01-01 00:00:00.000000' WHERE id = ?",
            (logged.application.id,),
        )
    connection.close()
    before = dump(database.path)
    store.restore_application(store.delete_application(logged.application.id))
    assert dump(database.path) == before


def test_restore_survives_a_deleted_template(store: Store) -> None:
    extra = store.save_template(
        Template(
            id=0,
            kind=RequestKind.FEEDBACK,
            name="Mine",
            subject="Hi",
            body="Hello",
            is_default=True,
        )
    )
    logged = store.log_rejection(rejection(), now=NOW)
    assert logged.request.template_id == extra.id
    snapshot = store.delete_application(logged.application.id)
    store.delete_template(extra.id)
    store.restore_application(snapshot)
    assert store.get_request(logged.request.id).template_id is None


# -- contacts and interviews ---------------------------------------------------------------


def test_contacts_add_update_delete(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW)
    contact = store.add_contact(
        app.id,
        " Dana  Reyes ",
        email="dana@a.example",
        role=ContactRole.HIRING_MANAGER,
        phone="+49 1",
    )
    assert contact.name == "Dana Reyes"
    assert store.contacts(app.id) == [contact]
    changed = store.update_contact(replace(contact, name="Dana R.", notes="met at fair"))
    assert store.contacts(app.id) == [changed]
    assert changed.notes == "met at fair"
    with pytest.raises(InvalidInput, match="name or an email"):
        store.add_contact(app.id, "  ")
    with pytest.raises(InvalidInput, match="email"):
        store.update_contact(replace(contact, email="bad"))
    with pytest.raises(NotFound):
        store.add_contact(999, "X")
    store.delete_contact(contact.id)
    assert store.contacts(app.id) == []
    with pytest.raises(NotFound):
        store.delete_contact(contact.id)
    with pytest.raises(NotFound):
        store.update_contact(contact)


def test_deleting_a_contact_keeps_the_rejection(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    assert logged.contact is not None
    store.delete_contact(logged.contact.id)
    context = store.request_context(logged.request.id)
    assert context.contact is None
    assert context.rejection is not None
    assert context.rejection.contact_id is None


def test_interviews_add_update_delete(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW)
    other = store.add_application("C", "D", now=NOW)
    contact = store.add_contact(app.id, "Dana")
    foreign = store.add_contact(other.id, "Eve")
    interview = store.add_interview(
        app.id, NOW + timedelta(days=1), contact_id=contact.id, kind="onsite"
    )
    assert store.interviews(app.id) == [interview]
    moved = store.update_interview(
        replace(interview, scheduled_at=NOW + timedelta(days=2), duration_minutes=90)
    )
    assert store.interviews(app.id) == [moved]
    with pytest.raises(InvalidInput, match="doesn't belong"):
        store.add_interview(app.id, NOW, contact_id=foreign.id)
    with pytest.raises(InvalidInput, match="lasts"):
        store.add_interview(app.id, NOW, duration_minutes=0)
    with pytest.raises(InvalidInput, match="time zone"):
        store.add_interview(app.id, datetime(2026, 3, 10, 12, 0))
    store.delete_interview(interview.id)
    assert store.interviews(app.id) == []
    with pytest.raises(NotFound):
        store.delete_interview(interview.id)
    with pytest.raises(NotFound):
        store.update_interview(interview)


# -- follow-up requests --------------------------------------------------------------------


def test_thank_you_window_starts_at_the_end_of_the_interview(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW - timedelta(days=3), stage=Stage.INTERVIEWING)
    contact = store.add_contact(app.id, "Dana Reyes")
    start = NOW - timedelta(hours=3)
    interview = store.add_interview(app.id, start, duration_minutes=60, contact_id=contact.id)
    request = store.create_follow_up(app.id, RequestKind.THANK_YOU, now=NOW)
    assert request.kind is RequestKind.THANK_YOU
    assert request.interview_id == interview.id
    assert request.contact_id == contact.id
    assert request.window_opens_at == start + timedelta(minutes=60)
    assert request.window_closes_at == start + timedelta(minutes=60, hours=24)
    assert "Dana" in request.body
    assert store.reminders_for(request.id)


def test_thank_you_needs_an_interview(store: Store, database: Database) -> None:
    app = store.add_application("A", "B", now=NOW)
    before = dump(database.path)
    with pytest.raises(InvalidInput, match="interview first"):
        store.create_follow_up(app.id, RequestKind.THANK_YOU, now=NOW)
    assert dump(database.path) == before


def test_check_in_counts_business_days_from_the_last_activity(store: Store) -> None:
    app = store.add_application(
        "A", "B", now=NOW - timedelta(days=2), applied_at=NOW - timedelta(days=2)
    )
    request = store.create_follow_up(app.id, RequestKind.CHECK_IN, now=NOW)
    assert request.window_opens_at == add_business_days(NOW - timedelta(days=2), 7, BERLIN)


def test_stay_in_touch_starts_weeks_after_the_rejection(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    request = store.create_follow_up(logged.application.id, RequestKind.STAY_IN_TOUCH, now=NOW)
    assert request.window_opens_at == HEARD + timedelta(weeks=Settings().stay_in_touch_weeks)
    assert request.rejection_id == logged.rejection.id


def test_create_follow_up_rejects_foreign_ids(store: Store) -> None:
    app = store.add_application("A", "B", now=NOW)
    other = store.add_application("C", "D", now=NOW)
    foreign_contact = store.add_contact(other.id, "Eve")
    foreign_interview = store.add_interview(other.id, NOW)
    with pytest.raises(InvalidInput, match="contact"):
        store.create_follow_up(app.id, RequestKind.CHECK_IN, now=NOW, contact_id=foreign_contact.id)
    with pytest.raises(InvalidInput, match="interview"):
        store.create_follow_up(
            app.id, RequestKind.THANK_YOU, now=NOW, interview_id=foreign_interview.id
        )
    with pytest.raises(NotFound):
        store.create_follow_up(999, RequestKind.CHECK_IN, now=NOW)


def test_request_context_has_everything_the_editor_needs(store: Store) -> None:
    store.save_settings(Settings(profile=Profile(name="Sam")))
    logged = store.log_rejection(rejection(), now=NOW)
    context = store.request_context(logged.request.id)
    assert context.request == logged.request
    assert context.application == logged.application
    assert context.contact == logged.contact
    assert context.rejection == logged.rejection
    assert context.profile.name == "Sam"
    assert context.interview is None
    with pytest.raises(NotFound):
        store.request_context(999)


def test_save_request_text(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    saved = store.save_request_text(logged.request.id, "New subject", "New body {{ oops }}", None)
    assert (saved.subject, saved.body, saved.template_id) == (
        "New subject",
        "New body {{ oops }}",
        None,
    )
    assert store.get_request(logged.request.id) == saved
    with pytest.raises(NotFound):
        store.save_request_text(logged.request.id, "s", "b", 999)
    with pytest.raises(InvalidInput, match="too long"):
        store.save_request_text(logged.request.id, "s", "b" * 100_001, None)


def test_mark_sent_cancels_what_has_not_fired_and_keeps_history(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    first = logged.reminders[0]
    assert store.claim_reminder(first.id, fired_at=first.due_at)
    sent_at = NOW + timedelta(hours=3)
    sent = store.mark_sent(logged.request.id, sent_at=sent_at)
    assert (sent.status, sent.sent_at) == (RequestStatus.SENT, sent_at)
    assert [r.id for r in store.reminders_for(sent.id)] == [first.id]
    assert store.next_reminder_due() is None
    assert store.due_items(now=NOW) == []


def test_skip_then_reopen_plans_the_remaining_reminders_again(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    skipped = store.skip_request(logged.request.id, now=NOW)
    assert skipped.status is RequestStatus.SKIPPED
    assert store.reminders_for(skipped.id) == []
    with pytest.raises(InvalidInput, match="skipped"):
        store.skip_request(logged.request.id, now=NOW)
    later = NOW + timedelta(hours=20)
    reopened = store.reopen_request(logged.request.id, now=later)
    assert reopened.status is RequestStatus.DRAFT
    reminders = store.reminders_for(reopened.id)
    assert reminders
    assert all(r.due_at >= later for r in reminders)
    assert [r.kind for r in reminders] == [
        p.kind
        for p in plan_reminders(
            FollowUpWindow(reopened.window_opens_at, reopened.window_closes_at),
            ReminderPolicy(),
            BERLIN,
            now=later,
        )
    ]
    assert store.reopen_request(reopened.id, now=later) == reopened


def test_mark_sent_after_a_reply_is_refused(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    store.add_lesson(
        logged.application.id, ReplyOutcome.REPLIED, now=NOW, request_id=logged.request.id
    )
    with pytest.raises(InvalidInput, match="reply"):
        store.mark_sent(logged.request.id, sent_at=NOW)


def test_expire_overdue(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    assert store.expire_overdue(now=logged.request.window_closes_at - timedelta(seconds=1)) == []
    expired = store.expire_overdue(now=logged.request.window_closes_at)
    assert [r.id for r in expired] == [logged.request.id]
    assert expired[0].status is RequestStatus.EXPIRED
    assert store.reminders_for(logged.request.id) == []
    assert store.expire_overdue(now=NOW + timedelta(days=9)) == []
    assert store.requests_for(logged.application.id) == expired


def test_due_items_sorted_by_close_with_next_reminder(store: Store) -> None:
    late = store.log_rejection(rejection(company="Late", notified_at=HEARD), now=NOW)
    early = store.log_rejection(
        rejection(company="Early", notified_at=HEARD - timedelta(hours=5)), now=NOW
    )
    items = store.due_items(now=NOW)
    assert [item.company for item in items] == ["Early", "Late"]
    assert items[1].request == late.request
    assert items[1].role == "Data Analyst"
    assert items[1].next_reminder == late.reminders[0]
    assert items[0].next_reminder == early.reminders[0]


def test_requests_for_unknown_application(store: Store) -> None:
    with pytest.raises(NotFound):
        store.requests_for(999)
    with pytest.raises(NotFound):
        store.get_request(999)


# -- reminders -----------------------------------------------------------------------------


def test_reminders_due_respects_time_snooze_firing_and_status(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    first, second = logged.reminders[0], logged.reminders[1]
    assert store.next_reminder_due() == first.due_at
    assert store.reminders_due(now=first.due_at - timedelta(seconds=1)) == []
    (due,) = store.reminders_due(now=first.due_at)
    assert due.reminder == first
    assert (due.company, due.role, due.request) == ("Acme", "Data Analyst", logged.request)

    assert store.claim_reminder(first.id, fired_at=first.due_at)
    assert store.reminders_due(now=first.due_at) == []
    assert store.next_reminder_due() == second.due_at

    # Every reminder due before `until` waits until then.
    until = second.due_at + timedelta(minutes=15)
    assert store.snooze_all(until, now=NOW) == 1
    assert store.next_reminder_due() == until
    assert store.reminders_due(now=second.due_at) == []
    (snoozed,) = store.reminders_due(now=until)
    assert snoozed.reminder.snoozed_until == until
    assert snoozed.reminder.effective_due_at == until

    store.mark_sent(logged.request.id, sent_at=NOW)
    assert store.reminders_due(now=logged.request.window_closes_at) == []


def test_snooze_all_counts_requests_not_reminders(store: Store) -> None:
    first = store.log_rejection(rejection(company="One"), now=NOW)
    store.log_rejection(rejection(company="Two"), now=NOW)
    everything = first.request.window_closes_at + timedelta(hours=1)
    assert store.snooze_all(everything, now=NOW) == 2
    assert store.next_reminder_due() == everything


def test_snooze_all_needs_a_future_end(store: Store) -> None:
    with pytest.raises(InvalidInput, match="future"):
        store.snooze_all(NOW, now=NOW)


def test_claim_reminder_is_won_once(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    reminder = logged.reminders[0]
    assert store.claim_reminder(reminder.id, fired_at=NOW) is True
    assert store.claim_reminder(reminder.id, fired_at=NOW + timedelta(seconds=1)) is False
    assert store.reminders_for(logged.request.id)[0].fired_at == NOW
    assert store.claim_reminder(999, fired_at=NOW) is False


def test_missed_reminders_are_claimed_and_listed(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    stale = [r.id for r in logged.reminders[:2]]
    store.mark_missed(stale, now=NOW + timedelta(days=3))
    missed = store.missed_reminders()
    assert [m.reminder.id for m in missed] == stale
    assert all(m.reminder.missed and m.reminder.fired_at is not None for m in missed)
    # A missed reminder can never fire later, even if asked.
    assert not store.claim_reminder(stale[0], fired_at=NOW + timedelta(days=3))
    assert all(
        item.reminder.id not in stale for item in store.reminders_due(now=NOW + timedelta(days=9))
    )
    store.mark_missed([], now=NOW)
    # Expired requests still show their missed reminders; sent ones do not.
    store.expire_overdue(now=NOW + timedelta(days=3))
    assert len(store.missed_reminders()) == 2
    store.mark_sent(logged.request.id, sent_at=NOW + timedelta(days=3))
    assert store.missed_reminders() == []


def test_snooze_request_moves_what_is_due_before_the_end(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    first, second = logged.reminders[0], logged.reminders[1]
    until = first.due_at + timedelta(minutes=15)
    moved = store.snooze_request(logged.request.id, until)
    assert [(r.id, r.snoozed_until) for r in moved] == [(first.id, until)]
    assert store.reminders_for(logged.request.id)[1] == second


def test_snooze_after_a_reminder_fired_adds_one_to_bring_it_back(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    first = logged.reminders[0]
    store.claim_reminder(first.id, fired_at=first.due_at)
    until = first.due_at + timedelta(minutes=15)
    (added,) = store.snooze_request(logged.request.id, until)
    assert added.id not in {r.id for r in logged.reminders}
    assert (added.kind, added.due_at, added.fired_at) == (first.kind, until, None)
    assert store.next_reminder_due() == until


def test_snooze_never_goes_past_the_close(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    close = logged.request.window_closes_at
    moved = store.snooze_request(logged.request.id, close + timedelta(days=2))
    assert all(r.effective_due_at <= close for r in moved)
    assert all(r.effective_due_at <= close for r in store.reminders_for(logged.request.id))


def test_snooze_of_a_sent_request_is_refused(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    store.mark_sent(logged.request.id, sent_at=NOW)
    with pytest.raises(InvalidInput, match="unsent"):
        store.snooze_request(logged.request.id, NOW + timedelta(hours=1))


def test_new_reminder_kinds_come_from_core(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    assert logged.reminders[-1].kind is ReminderKind.CLOSED
    assert logged.reminders[-1].due_at == logged.request.window_closes_at


# -- templates -----------------------------------------------------------------------------


def test_templates_add_switch_default_and_delete(store: Store) -> None:
    builtin = next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default)
    mine = store.save_template(
        Template(
            id=0,
            kind=RequestKind.FEEDBACK,
            name="Mine",
            subject="Re: {{ role }}",
            body="Hi {{ contact_first_name }}",
            is_default=True,
        )
    )
    assert mine.id > 0
    assert mine.is_default
    assert next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default) == mine
    assert store.templates(RequestKind.FEEDBACK) == [replace(builtin, is_default=False), mine]
    assert len(store.templates()) == len(RequestKind) + 1
    renamed = store.save_template(replace(mine, name="Mine, shorter"))
    assert renamed.name == "Mine, shorter"
    # Deleting the default hands the role to the remaining one.
    store.delete_template(mine.id)
    assert next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).id == builtin.id
    with pytest.raises(InvalidInput, match="only template"):
        store.delete_template(builtin.id)
    with pytest.raises(NotFound):
        store.delete_template(mine.id)


def test_unmarking_the_default_promotes_another(store: Store) -> None:
    builtin = next(t for t in store.templates(RequestKind.THANK_YOU) if t.is_default)
    unmarked = store.save_template(replace(builtin, is_default=False))
    # It was the only one, so it stays the default.
    assert unmarked.is_default


@pytest.mark.parametrize(
    ("subject", "body", "message"),
    [
        ("Hi {{ compnay }}", "", "company"),
        ("ok", "{{ role", "\\{\\{|brace|close"),
        ("ok", "{{ __class__ }}", "Unknown field"),
    ],
)
def test_templates_with_problems_are_refused(
    store: Store, database: Database, subject: str, body: str, message: str
) -> None:
    before = dump(database.path)
    with pytest.raises(InvalidInput, match=message):
        store.save_template(
            Template(id=0, kind=RequestKind.FEEDBACK, name="Bad", subject=subject, body=body)
        )
    assert dump(database.path) == before


def test_template_cannot_change_kind_or_lose_its_name(store: Store) -> None:
    builtin = next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default)
    with pytest.raises(InvalidInput, match="kind"):
        store.save_template(replace(builtin, kind=RequestKind.CHECK_IN))
    with pytest.raises(InvalidInput, match="name"):
        store.save_template(replace(builtin, name=" "))
    with pytest.raises(NotFound):
        store.save_template(replace(builtin, id=999))


# -- lessons -------------------------------------------------------------------------------


def test_lessons_add_and_update(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    store.mark_sent(logged.request.id, sent_at=NOW)
    lesson = store.add_lesson(
        logged.application.id,
        ReplyOutcome.REPLIED,
        now=NOW + timedelta(days=1),
        request_id=logged.request.id,
        themes=(" SQL ", "sql", "", "Communication"),
        notes="They wanted more SQL.",
        action="Practise joins",
    )
    assert lesson.themes == ("SQL", "Communication")
    assert lesson.recorded_at == NOW + timedelta(days=1)
    assert store.get_request(logged.request.id).status is RequestStatus.REPLIED
    done = store.update_lesson(replace(lesson, action_done=True, themes=("fit",)))
    assert store.lessons() == [done]
    assert done.action_done
    assert done.themes == ("fit",)
    with pytest.raises(NotFound):
        store.update_lesson(replace(lesson, id=999))


def test_lesson_for_another_applications_request_is_refused(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    other = store.add_application("Other", "Role", now=NOW)
    with pytest.raises(InvalidInput, match="another application"):
        store.add_lesson(other.id, ReplyOutcome.NO_REPLY, now=NOW, request_id=logged.request.id)
    with pytest.raises(NotFound):
        store.add_lesson(999, ReplyOutcome.NO_REPLY, now=NOW)


def test_no_reply_lesson_leaves_the_request_status(store: Store) -> None:
    logged = store.log_rejection(rejection(), now=NOW)
    store.mark_sent(logged.request.id, sent_at=NOW)
    store.add_lesson(
        logged.application.id, ReplyOutcome.NO_REPLY, now=NOW, request_id=logged.request.id
    )
    assert store.get_request(logged.request.id).status is RequestStatus.SENT
