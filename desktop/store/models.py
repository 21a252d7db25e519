"""The SQLAlchemy tables. Nothing outside `desktop.store` sees these classes.

The schema is owned by the Alembic scripts in `migrations/versions`; these models must match
them exactly (a test runs Alembic's autogenerate comparison and expects no difference).
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column

from desktop.core.model import (
    Channel,
    ContactRole,
    ReminderKind,
    ReplyOutcome,
    RequestKind,
    RequestStatus,
    Stage,
)
from desktop.core.validation import clamp_moment

# Named constraints let later migrations alter them in SQLite's batch (copy-and-move) mode.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An instant: written as naive UTC text, read back as an aware UTC datetime.

    A naive datetime is refused rather than guessed at, because a wrong guess would move a
    deadline by hours without anyone noticing. SQLite compares the stored text, which sorts
    correctly because every value has the same UTC format.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: the store keeps aware UTC instants only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # Writes keep to the rules' 1970-2100; a value from before them (year 1 or 9999 in
        # an old database) is read as the nearest allowed instant, so that no reader
        # overflows converting it to a time zone.
        return clamp_moment(value.replace(tzinfo=UTC))


E = TypeVar("E", bound=enum.StrEnum)


class StrEnumType(TypeDecorator[E]):
    """A `StrEnum` kept as its plain string value (no CHECK constraint to migrate later)."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_class: type[E]) -> None:
        super().__init__()
        self.enum_class = enum_class

    def process_bind_param(self, value: E | str | None, _dialect: Dialect) -> str | None:
        if value is None:
            return None
        # Validates plain strings too: an unknown value is a bug, not data.
        return self.enum_class(value).value

    def process_result_value(self, value: str | None, _dialect: Dialect) -> E | None:
        if value is None:
            return None
        return self.enum_class(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# AUTOINCREMENT keeps SQLite from reusing the id of a deleted row, so that undoing a delete
# can put the rows back under their old ids without colliding with newer ones.
_AUTOINC: dict[str, Any] = {"sqlite_autoincrement": True}


def match_key(company: str, role: str) -> str:
    """The case- and width-insensitive identity of "company + role" used to find duplicates.

    Computed in Python because SQLite's lower() and NOCASE fold ASCII only.
    """

    def fold(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    return f"{fold(company)}\x1f{fold(role)}"


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_match_key", "match_key"),
        Index("ix_applications_archived_updated_at", "archived", "updated_at"),
        _AUTOINC,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    match_key: Mapped[str] = mapped_column(String(401))
    stage: Mapped[Stage] = mapped_column(StrEnumType(Stage))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    location: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


@event.listens_for(ApplicationRow, "before_insert")
@event.listens_for(ApplicationRow, "before_update")
def _keep_match_key(_mapper: Mapper[Any], _connection: Any, target: ApplicationRow) -> None:
    # Every ORM writer (the repository, the importer) gets the key without remembering it.
    target.match_key = match_key(target.company, target.role)


class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (_AUTOINC,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    role: Mapped[ContactRole] = mapped_column(StrEnumType(ContactRole))
    phone: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class InterviewRow(Base):
    __tablename__ = "interviews"
    __table_args__ = (_AUTOINC,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    kind: Mapped[str] = mapped_column(String(64), default="video")
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class StageEventRow(Base):
    __tablename__ = "stage_events"
    __table_args__ = (
        Index("ix_stage_events_application_id_occurred_at", "application_id", "occurred_at"),
        _AUTOINC,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Indexed by the composite index above, whose first column it is.
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    from_stage: Mapped[Stage | None] = mapped_column(StrEnumType(Stage))
    to_stage: Mapped[Stage] = mapped_column(StrEnumType(Stage))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")


class RejectionRow(Base):
    __tablename__ = "rejections"
    __table_args__ = (_AUTOINC,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    notified_at: Mapped[datetime] = mapped_column(UTCDateTime())
    stage_reached: Mapped[Stage] = mapped_column(StrEnumType(Stage))
    channel: Mapped[Channel] = mapped_column(StrEnumType(Channel))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")


class TemplateRow(Base):
    __tablename__ = "templates"
    __table_args__ = (Index("ix_templates_kind", "kind"), _AUTOINC)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[RequestKind] = mapped_column(StrEnumType(RequestKind))
    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class FollowUpRequestRow(Base):
    __tablename__ = "follow_up_requests"
    __table_args__ = (
        # "Open requests by closing time": due items, the tray menu, expiry.
        Index("ix_follow_up_requests_status_window_closes_at", "status", "window_closes_at"),
        _AUTOINC,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RequestKind] = mapped_column(StrEnumType(RequestKind))
    status: Mapped[RequestStatus] = mapped_column(StrEnumType(RequestStatus))
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    window_opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    window_closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("templates.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    rejection_id: Mapped[int | None] = mapped_column(
        ForeignKey("rejections.id", ondelete="SET NULL"), index=True
    )
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL"), index=True
    )
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ReminderRow(Base):
    __tablename__ = "reminders"
    __table_args__ = (
        # "Next due": unfired reminders ordered by due time.
        Index("ix_reminders_fired_at_due_at", "fired_at", "due_at"),
        _AUTOINC,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("follow_up_requests.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ReminderKind] = mapped_column(StrEnumType(ReminderKind))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    fired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    missed: Mapped[bool] = mapped_column(Boolean, default=False)


class LessonRow(Base):
    __tablename__ = "lessons"
    __table_args__ = (_AUTOINC,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("follow_up_requests.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[ReplyOutcome] = mapped_column(StrEnumType(ReplyOutcome))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    action_done: Mapped[bool] = mapped_column(Boolean, default=False)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class MailSourceRow(Base):
    """A mail source; its password is in the OS keyring, never here."""

    __tablename__ = "mail_sources"
    __table_args__ = (_AUTOINC,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(1100), unique=True)
    ca_file: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")
    imap_uid_validity: Mapped[int | None] = mapped_column(Integer)
    imap_uid_next: Mapped[int | None] = mapped_column(Integer)


class MailSeenRow(Base):
    """A message examined once: its key (Message-ID, UID, file name), never its content."""

    __tablename__ = "mail_seen"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("mail_sources.id", ondelete="CASCADE"), primary_key=True
    )
    message_key: Mapped[str] = mapped_column(String(500), primary_key=True)


class MailFindingRow(Base):
    """A rejection found in the mail and not yet logged or dismissed: the extracted fields
    only."""

    __tablename__ = "mail_findings"
    __table_args__ = (_AUTOINC,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("mail_sources.id", ondelete="CASCADE"), index=True
    )
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(320))
    sender: Mapped[str] = mapped_column(String(320))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    found_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MailSenderHintRow(Base):
    """How often the user said "Not a rejection" to mail from this address."""

    __tablename__ = "mail_sender_hints"

    sender: Mapped[str] = mapped_column(String(320), primary_key=True)
    dismissals: Mapped[int] = mapped_column(Integer, default=0)
