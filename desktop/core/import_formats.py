"""What other trackers' exports and people's own spreadsheets mean: headers, statuses, dates.

This is the one table of known formats (issue 13). It is pure data and pure functions, so
the CSV and .xlsx readers in `desktop.store.foreign_import` and the preview dialog share it.

Headers are compared after `header_key`: case-folded, with spaces, underscores and hyphens
collapsed, so "Date Applied", "date_applied" and "dateApplied" are one key. camelCase is
split because Huntr and JobSync write `companyName`, `JobTitle` and `appliedDate`.

Sources for the tool columns (their own export code or sample exports, as published):
- Huntr's board CSV: id, createdAt, title, salary, location, url, rootDomain,
  htmlDescription, deadline, color, lastMovedAt, boardId, boardName, listId, listName,
  companyId, companyName, companyDomain, creatorUser… . The list a job sits in is its status.
- JobSync's jobs CSV (src/app/api/jobs/export/route.ts): index, createdAt, applied,
  appliedDate, Company, JobTitle, jobType, Location (Locations in older versions),
  JobSource, Status, with "N/A" for an empty value.
- Simplify's tracker CSV, as a public tool that reads it documents (Vin916/Job-tracker):
  Job Title, Company Name, Job URL, Applied Date, Status, Status Date, Archived, Date
  Archived, Notes, with statuses such as APPLIED, INTERVIEWING, REJECTED, SAVED, WITHDRAWN.
Teal publishes no column list that could be checked, so its export is read through the
common headers below rather than through a guessed signature.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from desktop.core import validation
from desktop.core.model import Stage


class Field(enum.StrEnum):
    """What a column can become. The values are what `--map COLUMN=FIELD` takes."""

    COMPANY = "company"
    ROLE = "role"
    STAGE = "stage"
    APPLIED_AT = "applied_at"
    URL = "url"
    LOCATION = "location"
    SALARY = "salary"
    NOTES = "notes"
    CONTACT = "contact"
    EMAIL = "email"
    SOURCE = "source"
    IGNORE = "ignore"

    @property
    def label(self) -> str:
        return _FIELD_LABELS[self]


_FIELD_LABELS = {
    Field.COMPANY: "Company",
    Field.ROLE: "Role",
    Field.STAGE: "Stage",
    Field.APPLIED_AT: "Applied on",
    Field.URL: "URL",
    Field.LOCATION: "Location",
    Field.SALARY: "Salary",
    Field.NOTES: "Notes",
    Field.CONTACT: "Contact",
    Field.EMAIL: "Email",
    Field.SOURCE: "Source",
    Field.IGNORE: "(ignore)",
}

REQUIRED_FIELDS = (Field.COMPANY, Field.ROLE)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def header_key(text: str) -> str:
    """A header as compared: `Date_Applied`, `date-applied` and `dateApplied` agree."""
    spaced = _CAMEL.sub(" ", text.strip().lstrip("\ufeff"))
    return " ".join(spaced.replace("_", " ").replace("-", " ").casefold().split())


@dataclass(frozen=True, slots=True)
class ToolFormat:
    """One tracker's export: the headers that identify it and what each column means."""

    name: str
    signature: frozenset[str]  # header keys that, all present, say "this is that tool's file"
    columns: Mapping[str, Field]  # header key -> field; unlisted columns are ignored


def _tool(name: str, signature: Iterable[str], columns: Mapping[str, Field]) -> ToolFormat:
    return ToolFormat(
        name=name,
        signature=frozenset(header_key(h) for h in signature),
        columns={header_key(h): f for h, f in columns.items()},
    )


KNOWN_TOOLS: tuple[ToolFormat, ...] = (
    _tool(
        "AskWhy",
        ("Company", "Role", "Stage", "Applied at", "Next deadline", "Archived"),
        {
            "Company": Field.COMPANY,
            "Role": Field.ROLE,
            "Stage": Field.STAGE,
            "Applied at": Field.APPLIED_AT,
            "Location": Field.LOCATION,
            "URL": Field.URL,
            "Source": Field.SOURCE,
            "Notes": Field.NOTES,
        },
    ),
    _tool(
        "Huntr",
        ("companyName", "listName", "boardName"),
        {
            "companyName": Field.COMPANY,
            "title": Field.ROLE,
            "listName": Field.STAGE,
            # Huntr exports no separate applied date: when the job was added is the nearest.
            "createdAt": Field.APPLIED_AT,
            "url": Field.URL,
            "location": Field.LOCATION,
            "salary": Field.SALARY,
        },
    ),
    _tool(
        "Simplify",
        ("Job Title", "Company Name", "Job URL", "Applied Date", "Status Date"),
        {
            "Company Name": Field.COMPANY,
            "Job Title": Field.ROLE,
            "Status": Field.STAGE,
            "Applied Date": Field.APPLIED_AT,
            "Job URL": Field.URL,
            "Notes": Field.NOTES,
        },
    ),
    _tool(
        "JobSync",
        ("JobTitle", "JobSource", "appliedDate"),
        {
            "Company": Field.COMPANY,
            "JobTitle": Field.ROLE,
            "Status": Field.STAGE,
            "appliedDate": Field.APPLIED_AT,
            "Location": Field.LOCATION,
            "Locations": Field.LOCATION,
            "JobSource": Field.SOURCE,
        },
    ),
)

# Headers people type in their own sheets (and that Teal- or Simplify-style exports use).
COMMON_HEADERS: Mapping[str, Field] = {
    header_key(header): field
    for field, headers in (
        (Field.COMPANY, ("Company", "Company Name", "Employer", "Organization", "Organisation")),
        (Field.ROLE, ("Position", "Role", "Title", "Job Title", "Job Position", "Job")),
        (
            Field.APPLIED_AT,
            (
                "Date Applied",
                "Applied Date",
                "Applied",
                "Applied On",
                "Applied At",
                "Application Date",
            ),
        ),
        (Field.STAGE, ("Status", "Stage", "List", "Application Status")),
        (Field.URL, ("URL", "Link", "Job Link", "Job URL", "Posting URL")),
        (Field.LOCATION, ("Location", "City")),
        (Field.SALARY, ("Salary", "Salary Range", "Pay", "Compensation")),
        (Field.NOTES, ("Notes", "Note", "Details", "Comments")),
        (Field.CONTACT, ("Contact", "Recruiter", "Contact Name", "Contact Person")),
        (Field.EMAIL, ("Email", "E-mail", "Contact Email", "Recruiter Email")),
        (Field.SOURCE, ("Source", "Channel", "Job Source")),
    )
    for header in headers
}


@dataclass(frozen=True, slots=True)
class Detection:
    """Which format a header row is, and what each column becomes."""

    format_name: str  # a tool's name, or "Spreadsheet" for common headers
    fields: tuple[Field, ...]  # one per column


def detect_columns(headers: Sequence[str]) -> Detection:
    """Map every column of a header row to a field; a field goes to its first column."""
    keys = [header_key(header) for header in headers]
    present = set(keys)
    table: Mapping[str, Field] = COMMON_HEADERS
    name = "Spreadsheet"
    for tool in KNOWN_TOOLS:
        if tool.signature <= present:
            table, name = tool.columns, tool.name
            break
    taken: set[Field] = set()
    fields: list[Field] = []
    for key in keys:
        field = table.get(key, Field.IGNORE)
        if field in taken:
            field = Field.IGNORE
        elif field is not Field.IGNORE:
            taken.add(field)
        fields.append(field)
    return Detection(format_name=name, fields=tuple(fields))


def recognised_count(headers: Sequence[str]) -> int:
    """How many columns of a header row mean something: what picks a CSV delimiter."""
    return sum(1 for field in detect_columns(headers).fields if field is not Field.IGNORE)


# -- cells -----------------------------------------------------------------------------

PLACEHOLDERS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "none", "null", "nil", "?"})


def is_placeholder(text: str) -> bool:
    return text.strip().casefold() in PLACEHOLDERS


# -- statuses --------------------------------------------------------------------------


def _status_key(text: str) -> str:
    return " ".join(re.sub(r"[_\-/.:!]+", " ", text).casefold().split())


STATUS_WORDS: Mapping[str, Stage] = {
    _status_key(word): stage
    for stage, words in (
        (
            Stage.SAVED,
            (
                "saved",
                "wishlist",
                "wish list",
                "bookmarked",
                "bookmark",
                "draft",
                "interested",
                "not applied",
                "to apply",
                "applying",
                "planned",
                "watching",
            ),
        ),
        (
            Stage.APPLIED,
            (
                "applied",
                "submitted",
                "application sent",
                "sent",
                "pending",
                "in review",
                "under review",
                "waiting",
            ),
        ),
        (
            Stage.SCREENING,
            (
                "screening",
                "screen",
                "phone screen",
                "phone screening",
                "recruiter screen",
                "recruiter call",
                "hr call",
                "initial call",
                "assessment",
                "online assessment",
                "coding challenge",
                "take home",
            ),
        ),
        (
            Stage.INTERVIEWING,
            (
                "interviewing",
                "interview",
                "interviewed",
                "interview scheduled",
                "first interview",
                "second interview",
                "final interview",
                "final round",
                "onsite",
                "on site",
                "technical interview",
            ),
        ),
        (Stage.OFFER, ("offer", "offered", "offer received", "negotiating", "negotiation")),
        (Stage.ACCEPTED, ("accepted", "offer accepted", "hired", "signed")),
        (
            Stage.REJECTED,
            (
                "rejected",
                "rejection",
                "not selected",
                "unsuccessful",
                "no offer",
                "turned down",
                "not moving forward",
            ),
        ),
        (
            Stage.WITHDRAWN,
            (
                "withdrawn",
                "withdrew",
                "i withdrew",
                "offer declined",
                "declined offer",
                "not interested",
            ),
        ),
        (Stage.GHOSTED, ("ghosted", "no response", "no reply", "no answer", "unresponsive")),
    )
    for word in words
}


def status_to_stage(text: str, extra: Mapping[str, Stage] | None = None) -> Stage | None:
    """The stage a tool's status word means; `extra` is what the user mapped by hand."""
    key = _status_key(text)
    if extra:
        for word, stage in extra.items():
            if _status_key(word) == key:
                return stage
    return STATUS_WORDS.get(key)


# -- dates -----------------------------------------------------------------------------


class DateOrder(enum.StrEnum):
    """How to read a slashed date whose first two numbers are both 12 or less."""

    MONTH_FIRST = "mdy"
    DAY_FIRST = "dmy"


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})")
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_FIRST = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
# A date-time with a time part after the date, as in "9/19/2025 14:30" from a sheet.
_TRAILING_TIME = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$")


class DateProblem(ValueError):
    """A cell that is not a date we can read; the message words it for the user."""


class AmbiguousDate(DateProblem):
    """A slashed date that two readings allow, and the file does not settle."""


def _year(text: str) -> int:
    value = int(text)
    # Two-digit years are this century: nobody imports a 1990s job search from a sheet.
    return 2000 + value if len(text) == 2 else value


def slash_evidence(texts: Iterable[str]) -> DateOrder | None:
    """What the unambiguous slashed dates of a column say about the ambiguous ones.

    Returns None when nothing tells, or when the column contradicts itself (some dates can
    only be day-first, others only month-first): then ambiguous dates are the user's call.
    """
    day_first = month_first = False
    for text in texts:
        match = _SLASHED.fullmatch(_TRAILING_TIME.sub("", text.strip()))
        if match is None:
            continue
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            day_first = True
        elif second > 12 >= first:
            month_first = True
    if day_first == month_first:
        return None
    return DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST


def parse_date_text(text: str, order: DateOrder | None) -> date | datetime:
    """A date or an aware-or-naive datetime from one cell, or raise DateProblem.

    ISO dates and date-times (with or without a zone), YYYY/MM/DD, D.M.YYYY, and M/D/Y or
    D/M/Y by `order`; without an order a slashed date is read only when it can mean one day.
    """
    cleaned = text.strip()
    try:
        if _ISO_START.match(cleaned):
            # fromisoformat takes "Z" and offsets, and a space instead of "T".
            parsed = datetime.fromisoformat(cleaned)
            return parsed.date() if len(cleaned) == 10 else parsed
        bare = _TRAILING_TIME.sub("", cleaned)
        if match := _YEAR_FIRST.fullmatch(bare):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DOTTED.fullmatch(bare):
            return date(_year(match[3]), int(match[2]), int(match[1]))
        if match := _SLASHED.fullmatch(bare):
            first, second, year = int(match[1]), int(match[2]), _year(match[3])
            if first > 12 or (order is DateOrder.DAY_FIRST and second <= 12):
                return date(year, second, first)
            if second > 12 or order is DateOrder.MONTH_FIRST or first == second:
                return date(year, first, second)
            raise AmbiguousDate(
                f"{cleaned!r} could be day/month or month/day, and no other date in the "
                "file tells which"
            )
    except ValueError as error:
        if isinstance(error, DateProblem):
            raise
        raise DateProblem(f"{cleaned!r} is not a real date") from None
    raise DateProblem(
        f"{cleaned!r} is not a date like 2025-09-19, 9/19/2025, 19.09.2025 or 2025/09/19"
    )


def applied_instant(value: date | datetime, tz: tzinfo, now: datetime) -> datetime:
    """The UTC instant an applied date means, or InvalidInput: whatever form the file wrote
    it in, it then goes through `validation.parse_moment`, the reading every way in shares
    (a date alone is noon on the user's wall clock; a wall time skipped by a DST change,
    a year outside 1970-2100 or a day after today are refused)."""
    return validation.parse_moment(value.isoformat(), "The applied date", tz=tz, now=now)
