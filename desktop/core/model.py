"""The domain vocabulary every layer shares: plain, immutable records.

The store turns its rows into these, the UI shows them, and core computes on them. They
carry no behaviour that needs Qt or a database, so tests can build them by hand.
All datetimes are timezone-aware and in UTC; the UI converts to local time for display.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, time


class Stage(enum.StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Channel(enum.StrEnum):
    """How the rejection reached the user."""

    EMAIL = "email"
    PHONE = "phone"
    PORTAL = "portal"
    IN_PERSON = "in_person"
    OTHER = "other"


class ContactRole(enum.StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    REFERRAL = "referral"
    OTHER = "other"


class RequestKind(enum.StrEnum):
    """The follow-ups that share the window mechanism (DESIGN.md, point 6)."""

    FEEDBACK = "feedback"
    THANK_YOU = "thank_you"
    CHECK_IN = "check_in"
    STAY_IN_TOUCH = "stay_in_touch"
    # After the user marks an application Ghosted: a last, friendly word that closes the
    # loop and leaves the door open (kept as text: a new kind needs no migration).
    CLOSING_NOTE = "closing_note"


class RequestStatus(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    SKIPPED = "skipped"
    REPLIED = "replied"
    EXPIRED = "expired"

    @property
    def is_open(self) -> bool:
        return self is RequestStatus.DRAFT


class ReminderKind(enum.StrEnum):
    NUDGE = "nudge"
    CLOSING = "closing"
    LAST_CALL = "last_call"
    CLOSED = "closed"


class ReplyOutcome(enum.StrEnum):
    REPLIED = "replied"
    NO_REPLY = "no_reply"


@dataclass(frozen=True, slots=True)
class Application:
    id: int
    company: str
    role: str
    stage: Stage
    created_at: datetime
    updated_at: datetime
    applied_at: datetime | None = None
    location: str = ""
    url: str = ""
    source: str = ""
    notes: str = ""
    archived: bool = False


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    application_id: int
    name: str
    email: str = ""
    role: ContactRole = ContactRole.RECRUITER
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    application_id: int
    scheduled_at: datetime
    duration_minutes: int = 60
    kind: str = "video"
    contact_id: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class StageEvent:
    """One dated entry of an application's timeline. `occurred_at` may be backdated."""

    id: int
    application_id: int
    from_stage: Stage | None
    to_stage: Stage
    occurred_at: datetime
    recorded_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class Rejection:
    id: int
    application_id: int
    notified_at: datetime
    stage_reached: Stage
    channel: Channel
    contact_id: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class FollowUpRequest:
    id: int
    application_id: int
    kind: RequestKind
    status: RequestStatus
    subject: str
    body: str
    window_opens_at: datetime
    window_closes_at: datetime
    created_at: datetime
    template_id: int | None = None
    contact_id: int | None = None
    rejection_id: int | None = None
    interview_id: int | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Reminder:
    id: int
    request_id: int
    kind: ReminderKind
    due_at: datetime
    fired_at: datetime | None = None
    snoozed_until: datetime | None = None
    missed: bool = False

    @property
    def effective_due_at(self) -> datetime:
        """When it should fire now: a snooze replaces the planned time."""
        return self.snoozed_until or self.due_at


@dataclass(frozen=True, slots=True)
class Template:
    id: int
    kind: RequestKind
    name: str
    subject: str
    body: str
    is_default: bool = False


@dataclass(frozen=True, slots=True)
class Lesson:
    """What a reply (or its absence) taught: themes to spot patterns, an action to take."""

    id: int
    application_id: int
    outcome: ReplyOutcome
    recorded_at: datetime
    request_id: int | None = None
    themes: tuple[str, ...] = ()
    notes: str = ""
    action: str = ""
    action_done: bool = False


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    email: str = ""
    signature: str = ""


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    """The user's reminder settings; defaults follow DESIGN.md ("Be reminded")."""

    window_hours: int = 48
    nudge_after_hours: float = 2
    closing_before_hours: float = 8
    last_call_before_hours: float = 1
    quiet_hours_enabled: bool = True
    quiet_start: time = time(22, 0)
    quiet_end: time = time(8, 0)
    # A reminder whose window closed more than this long ago goes to the missed list.
    stale_after_hours: float = 12


@dataclass(frozen=True, slots=True)
class Settings:
    profile: Profile = field(default_factory=Profile)
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    thank_you_window_hours: int = 24
    check_in_business_days: int = 7
    stay_in_touch_weeks: int = 6
    # Quiet days before AskWhy proposes Ghosted (core.ghosting): after applying or a
    # screening, and after an interview (a company that met you owes a word sooner).
    ghosted_after_applied_days: int = 21
    ghosted_after_interview_days: int = 14
    start_at_login: bool = False
    asked_about_autostart: bool = False
    reminders_paused_until: datetime | None = None

    def reminders_paused_at(self, now: datetime) -> bool:
        """Reminders are paused at `now` (a pause ends by itself at its time)."""
        until = self.reminders_paused_until
        return until is not None and until > now

    def reminders_pause_end_at(self, now: datetime) -> datetime | None:
        """When the pause in force at `now` ends, or None while reminders run."""
        return self.reminders_paused_until if self.reminders_paused_at(now) else None


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """One row of the table and one card of the board.

    `application` is the record as the rows show it: all of it but its `url`, left "".
    A link is one string per row that no row or card shows (8 MB at 100,000 rows); the
    details dialog, the exports and the report read the application itself from the store.
    """

    application: Application
    contact_names: tuple[str, ...] = ()
    # The open follow-up whose window closes first, if any: drives the card's countdown.
    open_request: FollowUpRequest | None = None
    next_reminder_at: datetime | None = None
    # The contacts' addresses, for search only (the row shows names).
    contact_emails: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RequestContext:
    """Everything the request editor needs to render merge fields."""

    request: FollowUpRequest
    application: Application
    profile: Profile
    contact: Contact | None = None
    interview: Interview | None = None
    rejection: Rejection | None = None


@dataclass(frozen=True, slots=True)
class DueItem:
    """An open request with its next reminder: `askwhy due`, the tray menu, the status bar."""

    request: FollowUpRequest
    company: str
    role: str
    next_reminder: Reminder | None = None


@dataclass(frozen=True, slots=True)
class FiringReminder:
    """A reminder that is due now, with what a notification needs to name."""

    reminder: Reminder
    request: FollowUpRequest
    company: str
    role: str


@dataclass(frozen=True, slots=True)
class RejectionInput:
    """What the user (dialog, CLI, parsed email) says about a rejection."""

    company: str
    role: str
    notified_at: datetime
    stage_reached: Stage | None = None  # None: the application's current stage
    channel: Channel = Channel.EMAIL
    contact_name: str = ""
    contact_email: str = ""
    contact_id: int | None = None  # an existing contact, instead of name/email
    application_id: int | None = None  # an existing application, instead of company/role
    note: str = ""


@dataclass(frozen=True, slots=True)
class LoggedRejection:
    application: Application
    rejection: Rejection
    request: FollowUpRequest
    reminders: tuple[Reminder, ...]
    contact: Contact | None = None
    application_created: bool = False
