"""ICS: one event at each open follow-up window's close, with an alarm per pending reminder."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop import APP_ID, __version__
from desktop.core.model import Reminder, RequestKind
from desktop.core.validation import clamp_moment
from desktop.store.exchange.snapshot import Snapshot

_KIND_TITLES = {
    RequestKind.FEEDBACK: "Ask {company} for feedback",
    RequestKind.THANK_YOU: "Thank {company} for the interview",
    RequestKind.CHECK_IN: "Check in with {company}",
    RequestKind.STAY_IN_TOUCH: "Stay in touch with {company}",
    RequestKind.CLOSING_NOTE: "Close the loop with {company}",
}


def _utc(moment: datetime) -> datetime:
    # A value stored before the rules may sit at datetime's own limits.
    return clamp_moment(moment).astimezone(UTC)


def snapshot_to_ics(snapshot: Snapshot, *, now: datetime) -> bytes:
    """One VEVENT at each open window's close, with a VALARM per pending reminder (UTC)."""
    from icalendar import Alarm, Calendar, Event  # noqa: PLC0415 - only this export needs it

    applications = {application.id: application for application in snapshot.applications}
    reminders: dict[int, list[Reminder]] = {}
    for reminder in snapshot.reminders:
        reminders.setdefault(reminder.request_id, []).append(reminder)
    calendar = Calendar()
    calendar.add("prodid", f"-//AskWhy//{APP_ID} {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "AskWhy deadlines")
    for request in sorted(snapshot.requests, key=lambda r: (r.window_closes_at, r.id)):
        if not request.status.is_open:
            continue
        application = applications[request.application_id]
        title = _KIND_TITLES[request.kind].format(company=application.company)
        event = Event()
        event.add("uid", f"request-{request.id}@{APP_ID}")
        event.add("dtstamp", now.astimezone(UTC))
        # A deadline is an instant: DTSTART alone means a zero-length event (RFC 5545).
        event.add("dtstart", _utc(request.window_closes_at))
        event.add("summary", f"{title}: window closes ({application.role})")
        event.add(
            "description",
            f"The follow-up window for {application.role} at {application.company} closes "
            "now. Open AskWhy to send it.",
        )
        for reminder in sorted(reminders.get(request.id, []), key=lambda r: r.effective_due_at):
            if reminder.fired_at is not None or reminder.missed:
                continue
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{title} ({reminder.kind.value.replace('_', ' ')})")
            # An absolute trigger must say so (RFC 5545 3.8.6.3): without VALUE=DATE-TIME a
            # TRIGGER is read as a duration, and strict calendars drop the alarm.
            alarm.add("trigger", _utc(reminder.effective_due_at), parameters={"VALUE": "DATE-TIME"})
            event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
