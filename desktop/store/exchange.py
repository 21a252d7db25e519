"""Export and import: JSON (everything), CSV (the table) and ICS (the deadlines).

The user owns the data, so a JSON export carries every record with its id, and importing
it into an empty data dir gives back the same store (same ids, same reminder states, so
`askwhy due --json` prints the same list). The format is the records of
`desktop.core.model` written field by field, so a field added there travels without a
change here; `FORMAT_VERSION` goes up only when a field changes meaning or goes away.

Import rules (DESIGN.md: bad input gets a clear message and nothing is written):
- The whole file is parsed and validated before the database is touched: types, enum
  values, datetimes (which must carry an offset), id uniqueness and every reference.
- Everything is then written in ONE transaction, so a failure leaves nothing behind.
- JSON is a restore, not a merge: it is refused when the store already holds
  applications, because merging two full histories would have to guess which contact,
  reminder or template is "the same". Import it into a fresh data dir (`--data-dir`).
- CSV adds applications to whatever is there, and skips a row whose company and role
  (ignoring case and spacing) already exist, so importing the same table twice is harmless.

CSV export neutralises formula injection: a cell that a spreadsheet would run as a
formula gets a leading apostrophe, which CSV import takes off again.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import enum
import io
import json
import logging
import math
import os
import re
import stat
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, literal, null, select

from desktop import APP_ID, __version__
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    Contact,
    ContactRole,
    FollowUpRequest,
    Interview,
    Lesson,
    Rejection,
    Reminder,
    RequestKind,
    Settings,
    Stage,
    StageEvent,
    Template,
)
from desktop.core.zones import system_zone
from desktop.store.files import write_atomically

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.store.database import Database
    from desktop.store.repository import Store

log = logging.getLogger(__name__)

FORMAT_NAME = "askwhy-export"
FORMAT_VERSION = 1

# A text field longer than this is damage, not data: refuse it rather than store it.
MAX_TEXT_LENGTH = 100_000
MAX_NAME_LENGTH = 200
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+")
# A neutralised CSV cell starts with one of these: each makes a spreadsheet evaluate it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# The JSON sections, in the order they are written and inserted (references point back).
SECTIONS: tuple[tuple[str, type[Any]], ...] = (
    ("applications", Application),
    ("contacts", Contact),
    ("interviews", Interview),
    ("stage_events", StageEvent),
    ("rejections", Rejection),
    ("templates", Template),
    ("requests", FollowUpRequest),
    ("reminders", Reminder),
    ("lessons", Lesson),
)

# field -> the section it points into. Checked for every record before anything is written.
REFERENCES: dict[str, dict[str, str]] = {
    "contacts": {"application_id": "applications"},
    "interviews": {"application_id": "applications", "contact_id": "contacts"},
    "stage_events": {"application_id": "applications"},
    "rejections": {"application_id": "applications", "contact_id": "contacts"},
    "templates": {},
    "requests": {
        "application_id": "applications",
        "template_id": "templates",
        "contact_id": "contacts",
        "rejection_id": "rejections",
        "interview_id": "interviews",
    },
    "reminders": {"request_id": "requests"},
    "lessons": {"application_id": "applications", "request_id": "requests"},
}

# The store's column widths for short text; everything else (bodies, notes) may be long.
_TEXT_LIMITS = {
    "company": 200,
    "role": 200,
    "name": 200,
    "location": 200,
    "source": 200,
    "email": 320,
    "phone": 64,
    "kind": 64,
    "url": 2000,
    "signature": 5_000,
}


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Every record of a store, as plain records. What a JSON file holds."""

    settings: Settings
    applications: tuple[Application, ...] = ()
    contacts: tuple[Contact, ...] = ()
    interviews: tuple[Interview, ...] = ()
    stage_events: tuple[StageEvent, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    templates: tuple[Template, ...] = ()
    requests: tuple[FollowUpRequest, ...] = ()
    reminders: tuple[Reminder, ...] = ()
    lessons: tuple[Lesson, ...] = ()

    def counts(self) -> str:
        parts = [
            plural(len(self.applications), "application"),
            plural(len(self.requests), "request"),
            plural(len(self.reminders), "reminder"),
            plural(len(self.lessons), "lesson"),
        ]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One valid table row (CSV or .xlsx, see foreign_import): an application to add."""

    line: int
    company: str
    role: str
    stage: Stage
    applied_at: datetime | None
    location: str = ""
    url: str = ""
    source: str = ""
    notes: str = ""
    contact_name: str = ""
    contact_email: str = ""


@dataclass(frozen=True, slots=True)
class FullImport:
    snapshot: Snapshot


@dataclass(frozen=True, slots=True)
class TableImport:
    rows: tuple[TableRow, ...]


ImportPlan = FullImport | TableImport


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    summary: str
    warnings: tuple[str, ...] = ()


# -- record <-> JSON -------------------------------------------------------------------


def _to_json(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_to_json(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def snapshot_to_json(snapshot: Snapshot, *, now: datetime) -> dict[str, object]:
    document: dict[str, object] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.astimezone(UTC).isoformat(),
        "settings": _to_json(snapshot.settings),
    }
    for section, _ in SECTIONS:
        document[section] = [_to_json(record) for record in getattr(snapshot, section)]
    return document


def _shown(text: object, limit: int = 40) -> str:
    """User text quoted for a one-line message: cut short, line breaks and all escaped."""
    value = str(text)
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


class _Path:
    """Where a value sits in the file, for error messages: `requests[3].window_closes_at`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __truediv__(self, part: str | int) -> _Path:
        return _Path(f"{self.text}[{part}]" if isinstance(part, int) else f"{self.text}.{part}")

    def fail(self, problem: str) -> InvalidInput:
        return InvalidInput(f"The import file is not valid: {self.text} {problem}.")


_KINDS_OF_VALUE: tuple[tuple[type[Any] | tuple[type[Any], ...], str], ...] = (
    (type(None), "null"),
    (bool, "true/false"),  # before int: bool is an int subclass
    ((int, float), "a number"),
    (str, "text"),
    (list, "a list"),
    (dict, "an object"),
)


def _describe(value: object) -> str:
    for kind, label in _KINDS_OF_VALUE:
        if isinstance(value, kind):
            return label
    return type(value).__name__


def _check_text(value: object, where: _Path, limit: int) -> str:
    if not isinstance(value, str):
        raise where.fail(f"should be text, not {_describe(value)}")
    if len(value) > limit:
        raise where.fail(f"is too long ({len(value)} characters, at most {limit})")
    # NUL and lone surrogates survive json.loads but not SQLite's or Qt's text handling.
    if "\x00" in value or any(0xD800 <= ord(char) <= 0xDFFF for char in value):
        raise where.fail("contains characters that are not text")
    return value


def _as_datetime(value: object, where: _Path, _field: str) -> datetime:
    if not isinstance(value, str):
        raise where.fail(f"should be an ISO-8601 date and time, not {_describe(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise where.fail(f"{_shown(value)} is not an ISO-8601 date and time") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        # A naive time in a file could be any zone; guessing would move deadlines by hours.
        raise where.fail(f"{_shown(value)} has no UTC offset (add Z or +01:00)")
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise where.fail(f"{_shown(value)} is out of range") from None


def _as_bool(value: object, where: _Path, _field: str) -> bool:
    if not isinstance(value, bool):
        raise where.fail(f"should be true or false, not {_describe(value)}")
    return value


def _as_int(value: object, where: _Path, _field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.fail(f"should be a whole number, not {_describe(value)}")
    if not -(2**63) <= value < 2**63:  # SQLite's INTEGER range
        raise where.fail("is out of range")
    return value


def _as_float(value: object, where: _Path, _field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.fail(f"should be a number, not {_describe(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise where.fail("should be a finite number")
    return number


def _as_str(value: object, where: _Path, field_name: str) -> str:
    return _check_text(value, where, _TEXT_LIMITS.get(field_name, MAX_TEXT_LENGTH))


def _as_time(value: object, where: _Path, _field: str) -> time:
    text = _check_text(value, where, 20)
    try:
        parsed = time.fromisoformat(text)
    except ValueError:
        raise where.fail(f"'{text}' is not a time of day like 22:00") from None
    if parsed.tzinfo is not None:
        raise where.fail("should be a local time of day without an offset")
    return parsed


_SCALARS: dict[object, typing.Callable[[object, _Path, str], object]] = {
    datetime: _as_datetime,
    bool: _as_bool,
    int: _as_int,
    float: _as_float,
    str: _as_str,
    time: _as_time,
}


def _as_enum(value: object, hint: type[enum.Enum], where: _Path) -> enum.Enum:
    text = _check_text(value, where, 100)
    try:
        return hint(text)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in hint)
        raise where.fail(f"{_shown(text)} is not one of {allowed}") from None


def _convert(value: object, hint: object, where: _Path, field_name: str) -> object:
    """Check `value` against the record field's type hint and convert it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        # The records only use `X | None`, so the one other option is the type.
        (option,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
        return _convert(value, option, where, field_name)
    if origin is tuple:
        if not isinstance(value, list):
            raise where.fail(f"should be a list, not {_describe(value)}")
        item_hint = typing.get_args(hint)[0]
        return tuple(
            _convert(item, item_hint, where / index, field_name) for index, item in enumerate(value)
        )
    if hint in _SCALARS:
        return _SCALARS[hint](value, where, field_name)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _as_enum(value, hint, where)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record(value, hint, where)
    raise TypeError(f"unsupported field type {hint!r}")  # a new field type in model.py


_T = typing.TypeVar("_T")
_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _record(value: object, cls: type[_T], where: _Path) -> _T:
    if not isinstance(value, dict):
        raise where.fail(f"should be an object, not {_describe(value)}")
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise where.fail(f"has an unknown field {_shown(unknown[0])}")
    hints = _hints(cls)
    kwargs: dict[str, object] = {}
    for name, spec in fields.items():
        if name not in value:
            has_default = (
                spec.default is not dataclasses.MISSING
                or spec.default_factory is not dataclasses.MISSING
            )
            if not has_default:
                raise where.fail(f"lacks the field '{name}'")
            continue
        kwargs[name] = _convert(value[name], hints[name], where / name, name)
    return cls(**kwargs)


def _decode_text(raw: bytes, what: str) -> str:
    # Spreadsheets and Windows editors like to start UTF-8 files with a byte order mark.
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"The {what} file is not UTF-8 text (bad byte at position {error.start}); "
            "save it as UTF-8 and try again."
        ) from None


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(raw: bytes) -> Snapshot:
    """Validate a JSON export completely and return it as records, or raise InvalidInput."""
    text = _decode_text(raw, "JSON")
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"The import file is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}."
        ) from None
    except (ValueError, RecursionError) as error:
        raise InvalidInput(f"The import file is not valid JSON: {error}.") from None
    root = _Path("file")
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InvalidInput(
            f'The import file is not an AskWhy JSON export (it has no "format": "{FORMAT_NAME}").'
        )
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise (root / "format_version").fail("should be a whole number")
    if version > FORMAT_VERSION:
        raise InvalidInput(
            f"The import file was written by a newer AskWhy (format {version}); "
            "update AskWhy to import it."
        )
    if version < 1:
        raise (root / "format_version").fail(f"is {version}, which never existed")
    known = {"format", "format_version", "app_version", "exported_at", "settings"}
    known |= {section for section, _ in SECTIONS}
    unknown = sorted(set(document) - known)
    if unknown:
        raise root.fail(f"has an unknown section {_shown(unknown[0])}")
    settings = _record(document.get("settings", {}), Settings, root / "settings")
    _check_settings(settings, root / "settings")
    sections: dict[str, tuple[Any, ...]] = {}
    for section, cls in SECTIONS:
        items = document.get(section, [])
        where = root / section
        if not isinstance(items, list):
            raise where.fail(f"should be a list, not {_describe(items)}")
        sections[section] = tuple(
            _record(item, cls, where / index) for index, item in enumerate(items)
        )
    snapshot = Snapshot(settings=settings, **sections)
    _check_snapshot(snapshot, root)
    return snapshot


def _check_settings(settings: Settings, where: _Path) -> None:
    policy = settings.reminders
    if not 1 <= policy.window_hours <= 24 * 365:
        raise (where / "reminders" / "window_hours").fail("should be between 1 and 8760")
    # The same bounds as Store.save_settings, checked here so that the file is refused
    # before the database is opened rather than rolled back halfway through the import.
    limit = policy.window_hours * 10
    for name in (
        "nudge_after_hours",
        "closing_before_hours",
        "last_call_before_hours",
        "stale_after_hours",
    ):
        if not 0 <= getattr(policy, name) <= limit:
            raise (where / "reminders" / name).fail(f"should be between 0 and {limit}")
    email = settings.profile.email.strip()
    if email and not _EMAIL_RE.fullmatch(email):
        raise (where / "profile" / "email").fail("is not an email address")
    if not 1 <= settings.thank_you_window_hours <= 24 * 365:
        raise (where / "thank_you_window_hours").fail("should be between 1 and 8760")
    if not 1 <= settings.check_in_business_days <= 365:
        raise (where / "check_in_business_days").fail("should be between 1 and 365")
    if not 1 <= settings.stay_in_touch_weeks <= 520:
        raise (where / "stay_in_touch_weeks").fail("should be between 1 and 520")


def _check_snapshot(snapshot: Snapshot, root: _Path) -> None:
    """Ids unique and positive, every reference resolvable, basic sense of each record."""
    ids = {section: _check_ids(snapshot, section, root) for section, _ in SECTIONS}
    for section, references in REFERENCES.items():
        for index, record in enumerate(getattr(snapshot, section)):
            for field_name, target in references.items():
                value = getattr(record, field_name)
                if value is not None and value not in ids[target]:
                    raise (root / section / index / field_name).fail(
                        f"points to {target} id {value}, which is not in the file"
                    )
    _check_sense(snapshot, root)


def _check_sense(snapshot: Snapshot, root: _Path) -> None:
    """What the store's own forms would refuse: empty names, bad addresses, odd windows."""
    for index, application in enumerate(snapshot.applications):
        for field_name in ("company", "role"):
            if not getattr(application, field_name).strip():
                raise (root / "applications" / index / field_name).fail("is empty")
    for index, contact in enumerate(snapshot.contacts):
        if contact.email.strip() and not _EMAIL_RE.fullmatch(contact.email.strip()):
            raise (root / "contacts" / index / "email").fail("is not an email address")
    for index, request in enumerate(snapshot.requests):
        if request.window_closes_at < request.window_opens_at:
            raise (root / "requests" / index / "window_closes_at").fail("is before window_opens_at")
    for index, interview in enumerate(snapshot.interviews):
        if not 0 < interview.duration_minutes <= 24 * 60:
            raise (root / "interviews" / index / "duration_minutes").fail(
                "should be between 1 and 1440"
            )


def _check_ids(snapshot: Snapshot, section: str, root: _Path) -> set[int]:
    seen: set[int] = set()
    for index, record in enumerate(getattr(snapshot, section)):
        where = root / section / index / "id"
        if record.id <= 0:
            raise where.fail("should be a positive whole number")
        if record.id in seen:
            raise where.fail(f"repeats the id {record.id}")
        seen.add(record.id)
    return seen


# -- CSV -------------------------------------------------------------------------------

CSV_COLUMNS = (
    "Company",
    "Role",
    "Stage",
    "Applied at",
    "Contacts",
    "Next deadline",
    "Location",
    "URL",
    "Source",
    "Notes",
    "Archived",
)


def neutralise_cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise_cell(text: str) -> str:
    """Undo `neutralise_cell`, for AskWhy's own CSV coming back in."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def _local(value: datetime | None, tz: tzinfo) -> str:
    return "" if value is None else value.astimezone(tz).isoformat(timespec="minutes")


def snapshot_to_csv(snapshot: Snapshot, tz: tzinfo) -> str:
    contacts: dict[int, list[str]] = {}
    for contact in snapshot.contacts:
        label = f"{contact.name} <{contact.email}>" if contact.email else contact.name
        contacts.setdefault(contact.application_id, []).append(label)
    deadlines: dict[int, datetime] = {}
    for request in snapshot.requests:
        if request.status.is_open:
            current = deadlines.get(request.application_id)
            if current is None or request.window_closes_at < current:
                deadlines[request.application_id] = request.window_closes_at
    buffer = io.StringIO()
    # QUOTE_MINIMAL with \r\n: what RFC 4180 and every spreadsheet expect.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for application in snapshot.applications:
        cells = (
            application.company,
            application.role,
            application.stage.value,
            _local(application.applied_at, tz),
            "; ".join(contacts.get(application.id, [])),
            _local(deadlines.get(application.id), tz),
            application.location,
            application.url,
            application.source,
            application.notes,
            "yes" if application.archived else "",
        )
        writer.writerow([neutralise_cell(cell) for cell in cells])
    return buffer.getvalue()


def existing_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of these company/role match keys the store holds, found through the index.

    The cost follows the number of keys asked about, not the size of the store.
    """
    from desktop.store import models  # noqa: PLC0415

    unique = sorted(set(keys))
    present: set[str] = set()
    for start in range(0, len(unique), _LOOKUP_CHUNK):
        chunk = unique[start : start + _LOOKUP_CHUNK]
        column = models.ApplicationRow.match_key
        present.update(session.scalars(select(column).where(column.in_(chunk))))
    return present


_LOOKUP_CHUNK = 500  # well under SQLite's bound-parameter limit
_INSERT_SLICE = 2_000


# -- ICS -------------------------------------------------------------------------------

_KIND_TITLES = {
    RequestKind.FEEDBACK: "Ask {company} for feedback",
    RequestKind.THANK_YOU: "Thank {company} for the interview",
    RequestKind.CHECK_IN: "Check in with {company}",
    RequestKind.STAY_IN_TOUCH: "Stay in touch with {company}",
}


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
        event.add("dtstart", request.window_closes_at.astimezone(UTC))
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
            alarm.add("trigger", reminder.effective_due_at.astimezone(UTC))
            event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


# -- files -----------------------------------------------------------------------------


def exposure_warning(path: Path) -> str | None:
    """A warning when other users can list or write the folder an export goes to."""
    if os.name != "posix":
        return None
    folder = path.resolve().parent
    try:
        mode = folder.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IROTH | stat.S_IWOTH):
        return (
            f"{folder} can be read or written by other users on this machine; the export "
            "itself is private (mode 600), but consider keeping it in a private folder"
        )
    return None


def _row_classes() -> dict[str, type[Any]]:
    from desktop.store import models  # noqa: PLC0415 - mapping costs; only exchange pays

    return {
        "applications": models.ApplicationRow,
        "contacts": models.ContactRow,
        "interviews": models.InterviewRow,
        "stage_events": models.StageEventRow,
        "rejections": models.RejectionRow,
        "templates": models.TemplateRow,
        "requests": models.FollowUpRequestRow,
        "reminders": models.ReminderRow,
        "lessons": models.LessonRow,
    }


def _row_to_record(row: object, cls: type[_T]) -> _T:
    # The tables name their columns after the record fields, so the copy is mechanical.
    values: dict[str, object] = {}
    for spec in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = getattr(row, spec.name)
        values[spec.name] = tuple(value) if isinstance(value, list) else value
    return cls(**values)


def _record_to_row(record: object, row_class: type[_T]) -> _T:
    values: dict[str, object] = {}
    for spec in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, spec.name)
        values[spec.name] = list(value) if isinstance(value, tuple) else value
    return row_class(**values)


def _read_all(database: Database) -> Snapshot:
    """Every record in the store, read in one transaction so the export is consistent."""
    row_classes = _row_classes()
    with database.transaction() as session:
        sections: dict[str, tuple[Any, ...]] = {}
        for section, cls in SECTIONS:
            row_class = row_classes[section]
            rows = session.scalars(select(row_class).order_by(row_class.id)).all()
            sections[section] = tuple(_row_to_record(row, cls) for row in rows)
        settings = _load_settings(session)
    return Snapshot(settings=settings, **sections)


def _restore(database: Database, snapshot: Snapshot) -> None:
    """Write a whole snapshot into a store without applications, in one transaction."""
    from desktop.store import models  # noqa: PLC0415

    row_classes = _row_classes()
    with database.transaction(write=True) as session:
        present = session.scalar(select(func.count()).select_from(models.ApplicationRow))
        if present:
            raise InvalidInput(
                f"This data dir already holds {plural(present, 'application')}, and a JSON import "
                "restores a whole history: import it into an empty data dir (--data-dir), "
                "or use a CSV file to add applications."
            )
        # What a fresh store holds besides applications: the default templates and the
        # settings. The file has its own, so they are replaced, not merged; a hand-made
        # file without templates keeps the defaults, so new requests still get a text.
        for section, _ in reversed(SECTIONS):
            if section != "templates" or snapshot.templates:
                session.execute(delete(row_classes[section]))
        for section, _ in SECTIONS:
            session.add_all(
                _record_to_row(record, row_classes[section])
                for record in getattr(snapshot, section)
            )
            # Flushing section by section inserts parents before children, which the
            # foreign-key checks require.
            session.flush()
        _save_settings(session, snapshot.settings)


def _add_rows(database: Database, rows: Sequence[TableRow], *, now: datetime) -> tuple[int, int]:
    """Add a table's applications in one transaction; skip those already there or repeated."""
    from desktop.store import models  # noqa: PLC0415

    with database.transaction(write=True) as session:
        keys = [models.match_key(row.company, row.role) for row in rows]
        seen = existing_keys(session, keys)
        fresh: list[tuple[TableRow, str]] = []
        for row, key in zip(rows, keys, strict=True):
            if key not in seen:
                seen.add(key)
                fresh.append((row, key))
        # Plain inserts on the tables, not ORM objects: at 100,000 rows those cost several
        # times the time and memory. So the match key, which an ORM write gets from its
        # event, is set here. The new rows are those above the highest id before: this
        # transaction holds the write lock, and their keys are unique and were absent, so
        # each key names one new row. (RETURNING would cost one statement per row here.)
        tables = models.Base.metadata.tables
        applications = tables["applications"]
        before = session.scalar(select(func.max(applications.c.id))) or 0
        # In slices, so that the parameter lists SQLAlchemy builds stay small.
        for start in range(0, len(fresh), _INSERT_SLICE):
            session.execute(
                insert(applications),
                [
                    {
                        "company": row.company,
                        "role": row.role,
                        "match_key": key,
                        "stage": row.stage,
                        "created_at": now,
                        "updated_at": now,
                        "applied_at": row.applied_at,
                        "location": row.location,
                        "url": row.url,
                        "source": row.source,
                        "notes": row.notes,
                        "archived": False,
                    }
                    for row, key in fresh[start : start + _INSERT_SLICE]
                ],
            )
        # The timeline starts with the stage the row gives, dated when it happened if the
        # table says so: one INSERT … SELECT over the new rows, no round trip through Python.
        events = tables["stage_events"]
        new_rows = applications.c.id > before
        session.execute(
            insert(events).from_select(
                ["application_id", "from_stage", "to_stage", "occurred_at", "recorded_at", "note"],
                select(
                    applications.c.id,
                    null(),
                    applications.c.stage,
                    func.coalesce(
                        applications.c.applied_at, literal(now, applications.c.applied_at.type)
                    ),
                    literal(now, events.c.recorded_at.type),
                    literal("Imported from a table"),
                ).where(new_rows),
            )
        )
        with_contact = {key: row for row, key in fresh if row.contact_name or row.contact_email}
        if with_contact:
            found = select(applications.c.match_key, applications.c.id).where(new_rows)
            session.execute(
                insert(tables["contacts"]),
                [
                    {
                        "application_id": application_id,
                        "name": with_contact[key].contact_name or with_contact[key].contact_email,
                        "email": with_contact[key].contact_email,
                        "role": ContactRole.RECRUITER,
                        "phone": "",
                        "notes": "",
                    }
                    for key, application_id in session.execute(found).tuples()
                    if key in with_contact
                ],
            )
    skipped = len(rows) - len(fresh)
    log.info("table import added %d applications, skipped %d", len(fresh), skipped)
    return len(fresh), skipped


def export_file(
    database: Database, path: Path, *, now: datetime, tz: tzinfo | None = None
) -> ExportResult:
    """Export by the file's suffix: .json (everything), .csv (table) or .ics (deadlines)."""
    snapshot = _read_all(database)
    suffix = path.suffix.lower()
    data: bytes
    if suffix == ".json":
        document = snapshot_to_json(snapshot, now=now)
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        summary = snapshot.counts()
    elif suffix == ".csv":
        # The BOM tells Excel the file is UTF-8; our own import takes it off again.
        data = ("\ufeff" + snapshot_to_csv(snapshot, tz or system_zone())).encode("utf-8")
        summary = plural(len(snapshot.applications), "application")
    elif suffix == ".ics":
        data = snapshot_to_ics(snapshot, now=now)
        open_requests = sum(1 for request in snapshot.requests if request.status.is_open)
        summary = plural(open_requests, "deadline")
    else:
        raise InvalidInput(f"Cannot export to {path.name}: use .json, .csv or .ics.")
    warning = exposure_warning(path)
    write_atomically(path, data)
    log.info("exported %s to %s", summary, path)
    return ExportResult(path=path, summary=summary, warnings=(warning,) if warning else ())


def parse_import(raw: bytes, suffix: str, *, now: datetime, tz: tzinfo | None = None) -> ImportPlan:
    """Validate a whole file before anything is written. Raises InvalidInput.

    A table (.csv, .xlsx) is read by `foreign_import`, which knows other trackers' formats;
    here any row it refuses refuses the file. The preview dialog and `--dry-run` show every
    refused row instead, and import the others only when the user has seen them.
    """
    if suffix.lower() == ".json":
        return FullImport(parse_json(raw))
    if suffix.lower() in (".csv", ".xlsx"):
        # Imported here: foreign_import builds on this module's TableRow.
        from desktop.store import foreign_import  # noqa: PLC0415

        table = foreign_import.read_table(raw, suffix)
        plan = foreign_import.plan_import(table, now=now, tz=tz or system_zone())
        return TableImport(foreign_import.accepted_rows(plan))
    raise InvalidInput(f"Cannot import a {suffix or 'suffix-less'} file: use .json, .csv or .xlsx.")


def apply_import(database: Database, plan: ImportPlan, *, now: datetime) -> str:
    """Write a validated import in one transaction; return what was imported, for the user."""
    if isinstance(plan, FullImport):
        _restore(database, plan.snapshot)
        return plan.snapshot.counts()
    added, skipped = _add_rows(database, plan.rows, now=now)
    skipped_text = f" ({skipped} already there, skipped)" if skipped else ""
    return f"{plural(added, 'application')}{skipped_text}"


def import_file(database: Database, path: Path, *, now: datetime, tz: tzinfo | None = None) -> str:
    """Read, validate and import `path` (for the UI's import action)."""
    plan = parse_import(path.read_bytes(), path.suffix, now=now, tz=tz)
    return apply_import(database, plan, now=now)


__all__ = [
    "FORMAT_VERSION",
    "ExportResult",
    "FullImport",
    "ImportPlan",
    "Snapshot",
    "TableImport",
    "TableRow",
    "apply_import",
    "existing_keys",
    "export_file",
    "import_file",
    "neutralise_cell",
    "parse_import",
    "parse_json",
    "snapshot_to_csv",
    "snapshot_to_ics",
    "snapshot_to_json",
    "unneutralise_cell",
]


class _JoinTransaction:
    """A stand-in Database whose every transaction is the one already open.

    `Store.load_settings`/`save_settings` own the key/value encoding of settings; going
    through them keeps one encoding, and this lets them run inside the import's single
    transaction instead of starting their own.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        del write  # the outer transaction already decided
        yield self._session


def _settings_store(session: Session) -> Store:
    from desktop.store.repository import Store  # noqa: PLC0415

    return Store(typing.cast("Database", _JoinTransaction(session)))


def _load_settings(session: Session) -> Settings:
    return _settings_store(session).load_settings()


def _save_settings(session: Session, settings: Settings) -> None:
    _settings_store(session).save_settings(settings)
