"""JSON: every record with its id, so that importing an export gives back the same store.

The format is the records of `desktop.core.model` written field by field, so a field added
there travels without a change here; `FORMAT_VERSION` goes up only when a field changes
meaning or goes away. A file is checked completely (types, enum values, offsets, ids,
references, and the store's own rules) before anything is written.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import types
import typing
from datetime import UTC, datetime, time
from typing import Any

from desktop import __version__
from desktop.core import declared_settings
from desktop.core.errors import InvalidInput
from desktop.store.exchange.snapshot import SECTIONS, FieldRefused, Snapshot, clean_record

FORMAT_NAME = "askwhy-export"
FORMAT_VERSION = 1

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
        "settings": declared_settings.to_json(snapshot.settings),
    }
    for section, _ in SECTIONS:
        document[section] = [_to_json(record) for record in getattr(snapshot, section)]
    return document


def shown(text: object, limit: int = 40) -> str:
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

    def refused(self, error: InvalidInput) -> InvalidInput:
        return InvalidInput(f"The import file is not valid: {self.text}: {error}")


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


def _as_str(value: object, where: _Path) -> str:
    # Only the type here: the text rules run on the whole record (`clean_record`).
    if not isinstance(value, str):
        raise where.fail(f"should be text, not {_describe(value)}")
    return value


def _as_datetime(value: object, where: _Path) -> datetime:
    if not isinstance(value, str):
        raise where.fail(f"should be an ISO-8601 date and time, not {_describe(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise where.fail(f"{shown(value)} is not an ISO-8601 date and time") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        # A naive time in a file could be any zone; guessing would move deadlines by hours.
        raise where.fail(f"{shown(value)} has no UTC offset (add Z or +01:00)")
    return parsed


def _as_bool(value: object, where: _Path) -> bool:
    if not isinstance(value, bool):
        raise where.fail(f"should be true or false, not {_describe(value)}")
    return value


def _as_int(value: object, where: _Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.fail(f"should be a whole number, not {_describe(value)}")
    if not -(2**63) <= value < 2**63:  # SQLite's INTEGER range
        raise where.fail("is out of range")
    return value


def _as_float(value: object, where: _Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.fail(f"should be a number, not {_describe(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise where.fail("should be a finite number")
    return number


_SCALARS: dict[object, typing.Callable[[object, _Path], object]] = {
    datetime: _as_datetime,
    bool: _as_bool,
    int: _as_int,
    float: _as_float,
    str: _as_str,
}


def _as_enum(value: object, hint: type[enum.Enum], where: _Path) -> enum.Enum:
    text = _as_str(value, where)
    try:
        return hint(text)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in hint)
        raise where.fail(f"{shown(text)} is not one of {allowed}") from None


def _convert(value: object, hint: object, where: _Path) -> object:
    """Check `value` against the record field's type hint and convert it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        # The records only use `X | None`, so the one other option is the type.
        (option,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
        return _convert(value, option, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise where.fail(f"should be a list, not {_describe(value)}")
        item_hint = typing.get_args(hint)[0]
        return tuple(_convert(item, item_hint, where / index) for index, item in enumerate(value))
    if hint in _SCALARS:
        return _SCALARS[hint](value, where)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _as_enum(value, hint, where)
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
        raise where.fail(f"has an unknown field {shown(unknown[0])}")
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
        kwargs[name] = _convert(value[name], hints[name], where / name)
    return cls(**kwargs)


def decode_text(raw: bytes, what: str) -> str:
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


def _settings(value: object, where: _Path) -> Any:
    if not isinstance(value, dict):
        raise where.fail(f"should be an object, not {_describe(value)}")
    try:
        return declared_settings.check(declared_settings.from_json(value))
    except InvalidInput as error:
        raise where.refused(error) from None


def parse_json(raw: bytes) -> Snapshot:
    """Validate a JSON export completely and return it as records, or raise InvalidInput."""
    text = decode_text(raw, "JSON")
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
        raise root.fail(f"has an unknown section {shown(unknown[0])}")
    settings = _settings(document.get("settings", {}), root / "settings")
    sections: dict[str, tuple[Any, ...]] = {}
    for section, cls in SECTIONS:
        items = document.get(section, [])
        where = root / section
        if not isinstance(items, list):
            raise where.fail(f"should be a list, not {_describe(items)}")
        records = []
        for index, item in enumerate(items):
            converted = _record(item, cls, where / index)
            try:
                records.append(clean_record(section, converted))
            except FieldRefused as error:
                raise (where / index / error.field).refused(error) from None
            except InvalidInput as error:
                raise (where / index).refused(error) from None
        sections[section] = tuple(records)
    snapshot = Snapshot(settings=settings, **sections)
    _check_references(snapshot, root)
    return snapshot


def _check_references(snapshot: Snapshot, root: _Path) -> None:
    """Ids unique and positive, every reference resolvable."""
    ids = {section: _check_ids(snapshot, section, root) for section, _ in SECTIONS}
    for section, references in REFERENCES.items():
        for index, record in enumerate(getattr(snapshot, section)):
            for field_name, target in references.items():
                value = getattr(record, field_name)
                if value is not None and value not in ids[target]:
                    raise (root / section / index / field_name).fail(
                        f"points to {target} id {value}, which is not in the file"
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
