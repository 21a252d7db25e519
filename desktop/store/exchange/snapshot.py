"""What an import or an export carries, and the store's rules applied to whole records."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core import validation
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    Contact,
    FollowUpRequest,
    Interview,
    Lesson,
    Rejection,
    Reminder,
    Settings,
    Stage,
    StageEvent,
    Template,
)
from desktop.store import contacts, templates

# The sections of a snapshot, in the order they are written and inserted (references
# point back).
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
    """One valid CSV row: an application to add."""

    line: int
    company: str
    role: str
    stage: Stage
    applied_at: datetime | None
    location: str = ""
    url: str = ""
    source: str = ""
    notes: str = ""


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


# Where a field's rule differs from `validation.FIELD_RULES` for its name.
_SECTION_RULES: dict[tuple[str, str], validation.TextRule] = {
    ("templates", "name"): validation.TEMPLATE_NAME,
}


def _clean_value(section: str, name: str, value: object) -> object:
    if isinstance(value, datetime):
        return validation.check_moment(value, "The date")
    if not isinstance(value, str) or isinstance(value, enum.Enum):
        return value
    if name == "email":
        return validation.clean_email(value)
    rule = _SECTION_RULES.get((section, name)) or validation.FIELD_RULES.get(name)
    return value if rule is None else rule.clean(value)


class FieldRefused(InvalidInput):
    """A rule refused one field of a record: `field` names it for the message."""

    def __init__(self, field: str, error: InvalidInput) -> None:
        super().__init__(str(error))
        self.field = field


def clean_record(section: str, item: Any) -> Any:
    """A record of `section` with the rules the store's own methods apply, or InvalidInput
    (FieldRefused when one field alone is at fault): an import writes rows directly, so it
    must meet them here."""
    values: dict[str, object] = {}
    for spec in dataclasses.fields(item):
        try:
            values[spec.name] = _clean_value(section, spec.name, getattr(item, spec.name))
        except InvalidInput as error:
            raise FieldRefused(spec.name, error) from None
    cleaned = dataclasses.replace(item, **values)
    if isinstance(cleaned, Lesson):
        cleaned = dataclasses.replace(
            cleaned, themes=tuple(validation.unique_themes(cleaned.themes))
        )
    elif isinstance(cleaned, Contact):
        cleaned = contacts.cleaned(cleaned)
    elif isinstance(cleaned, Template):
        templates.check_text(cleaned.subject, validation.SUBJECT)
        templates.check_text(cleaned.body, validation.MESSAGE)
    elif isinstance(cleaned, Interview) and not 0 < cleaned.duration_minutes <= 24 * 60:
        raise InvalidInput("An interview lasts between 1 minute and 24 hours.")
    elif isinstance(cleaned, FollowUpRequest) and (
        cleaned.window_closes_at < cleaned.window_opens_at
    ):
        raise InvalidInput("The window closes before it opens.")
    return cleaned
