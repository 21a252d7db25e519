"""Every setting declared once: its type, its limits and its label (defaults live in
`desktop.core.model.Settings`).

The settings dialog takes its ranges and its messages from here, the store checks every
save with `check`, and one typed converter (`from_json`/`to_json`) reads and writes the
stored form, which is also the "settings" section of a JSON export.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import datetime, time
from typing import Any

from desktop.core.errors import InvalidInput
from desktop.core.model import Settings
from desktop.core.validation import (
    SIGNATURE,
    TextRule,
    check_moment,
    clamp_moment,
    clean_email,
)

_PERSON = TextRule("Your name", 200)


@dataclass(frozen=True, slots=True)
class Setting:
    """One leaf of `Settings`: `path` is ("reminders", "window_hours") or ("start_at_login",)."""

    path: tuple[str, ...]
    kind: type[Any]  # int, float, bool, str, time or datetime
    label: str  # "The follow-up window": starts the messages
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""  # "hours": for messages and the form's spin boxes
    text: TextRule | None = None  # for str; an email address when None
    optional: bool = False  # may be None

    @property
    def key(self) -> str:
        return ".".join(self.path)

    @property
    def default(self) -> Any:
        return self.read(Settings())

    def read(self, settings: Settings) -> Any:
        value: Any = settings
        for name in self.path:
            value = getattr(value, name)
        return value

    def check(self, value: Any) -> Any:
        """The value as stored, or InvalidInput (typed values: from a form or a record)."""
        if value is None and self.optional:
            return None
        if self.kind is str:
            text = str(value)
            return clean_email(text, self.label) if self.text is None else self.text.clean(text)
        if self.kind is datetime:
            return check_moment(value, self.label)
        low, high = self.minimum, self.maximum
        if low is not None and high is not None and not low <= value <= high:
            unit = f" {self.unit}" if self.unit else ""
            raise InvalidInput(f"{self.label} must be between {low:g} and {high:g}{unit}.")
        return value

    def decode(self, raw: object, *, clamp: bool = False) -> Any:
        """The stored (JSON) form as a typed, checked value; InvalidInput when it doesn't fit.
        `clamp` brings a date from before the rules (the year 9999 an older AskWhy used for
        "paused indefinitely") into their range instead of refusing it."""
        if raw is None and self.optional:
            return None
        if self.kind is bool and isinstance(raw, bool):
            return raw
        if self.kind in (int, float) and _is_number(raw, whole=self.kind is int):
            return self.check(self.kind(raw))
        if isinstance(raw, str) and self.kind is time:
            try:
                of_day = time.fromisoformat(raw)
            except ValueError:
                raise InvalidInput(f"{self.label} is not a time of day like 22:00.") from None
            if of_day.tzinfo is not None:
                raise InvalidInput(f"{self.label} should be a time of day without an offset.")
            return of_day
        if isinstance(raw, str) and self.kind is datetime:
            try:
                moment = datetime.fromisoformat(raw)
            except ValueError:
                raise InvalidInput(f"{self.label} is not an ISO-8601 date and time.") from None
            if clamp and moment.tzinfo is not None:
                moment = clamp_moment(moment)
            return self.check(moment)
        if isinstance(raw, str) and self.kind is str:
            return self.check(raw)
        raise InvalidInput(f"{self.label} has a value of the wrong kind.")

    def encode(self, value: Any) -> object:
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if isinstance(value, datetime):
            return value.isoformat()
        return value


def _is_number(raw: object, *, whole: bool) -> bool:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return False
    return isinstance(raw, int) if whole else math.isfinite(raw)


_TWO_WEEKS = 24 * 14

SETTINGS: tuple[Setting, ...] = (
    Setting(("profile", "name"), str, "Your name", text=_PERSON),
    Setting(("profile", "email"), str, "Your email address"),
    Setting(("profile", "signature"), str, "Your signature", text=SIGNATURE),
    Setting(("reminders", "window_hours"), int, "The window to ask", 1, _TWO_WEEKS, "hours"),
    Setting(("reminders", "nudge_after_hours"), float, "The nudge", 0, _TWO_WEEKS, "hours"),
    Setting(("reminders", "closing_before_hours"), float, "“Closing”", 0, _TWO_WEEKS, "hours"),
    Setting(("reminders", "last_call_before_hours"), float, "“Last call”", 0, _TWO_WEEKS, "hours"),
    Setting(("reminders", "quiet_hours_enabled"), bool, "Quiet hours"),
    Setting(("reminders", "quiet_start"), time, "The start of quiet hours"),
    Setting(("reminders", "quiet_end"), time, "The end of quiet hours"),
    Setting(
        ("reminders", "stale_after_hours"),
        float,
        "The missed-reminder cut-off",
        0,
        _TWO_WEEKS,
        "hours",
    ),
    Setting(("thank_you_window_hours",), int, "The thank-you window", 1, 24 * 7, "hours"),
    Setting(("check_in_business_days",), int, "The check-in wait", 1, 60, "business days"),
    Setting(("stay_in_touch_weeks",), int, "The stay-in-touch wait", 1, 52, "weeks"),
    Setting(("ghosted_after_applied_days",), int, "The quiet time after applying", 1, 365, "days"),
    Setting(
        ("ghosted_after_interview_days",), int, "The quiet time after an interview", 1, 365, "days"
    ),
    Setting(("start_at_login",), bool, "Start at login"),
    Setting(("asked_about_autostart",), bool, "Asked about autostart"),
    Setting(("reminders_paused_until",), datetime, "The pause end", optional=True),
)
BY_KEY: dict[str, Setting] = {setting.key: setting for setting in SETTINGS}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a whole Settings; `key` names the field it is about."""

    key: str
    message: str


def problems(settings: Settings) -> list[Problem]:
    """Everything wrong with `settings`, each field's limits first, then how they relate."""
    found: list[Problem] = []
    for setting in SETTINGS:
        try:
            setting.check(setting.read(settings))
        except InvalidInput as error:
            found.append(Problem(setting.key, str(error)))
    policy = settings.reminders
    if policy.nudge_after_hours >= policy.window_hours:
        found.append(
            Problem("reminders.nudge_after_hours", "The nudge must come before the window closes.")
        )
    if policy.closing_before_hours >= policy.window_hours:
        found.append(
            Problem(
                "reminders.closing_before_hours",
                "“Closing” must be fewer hours before the close than the window.",
            )
        )
    if policy.last_call_before_hours >= policy.closing_before_hours > 0:
        found.append(
            Problem(
                "reminders.last_call_before_hours",
                "“Last call” must come after “closing”: make it fewer hours.",
            )
        )
    if policy.quiet_hours_enabled and policy.quiet_start == policy.quiet_end:
        found.append(
            Problem(
                "reminders.quiet_start",
                "Quiet hours start and end at the same time: change one of them.",
            )
        )
    return found


def check(settings: Settings) -> Settings:
    """`settings` with its text cleaned, or InvalidInput for the first problem."""
    found = problems(settings)
    if found:
        raise InvalidInput(found[0].message)
    cleaned = {setting.path: setting.check(setting.read(settings)) for setting in SETTINGS}
    return _with(settings, cleaned)


def to_json(settings: Settings) -> dict[str, object]:
    """The stored form: {"profile": {...}, "reminders": {...}, "thank_you_window_hours": 24…}."""
    document: dict[str, Any] = {}
    for setting in SETTINGS:
        *parents, name = setting.path
        target = document
        for parent in parents:
            target = target.setdefault(parent, {})
        target[name] = setting.encode(setting.read(settings))
    return document


def from_json(
    stored: Mapping[str, object], *, on_bad: Callable[[Setting, InvalidInput], None] | None = None
) -> Settings:
    """Settings from their stored form; what is missing takes its default.

    A value that does not fit raises InvalidInput, or, given `on_bad` (reading what is
    stored), is reported to it and replaced by its default, and a date is clamped into the
    rules' range: a hand-edited or older database must not stop the app.
    """
    values: dict[tuple[str, ...], Any] = {}
    for setting in SETTINGS:
        raw: object = stored
        for name in setting.path:
            raw = raw.get(name, _MISSING) if isinstance(raw, Mapping) else _MISSING
        if raw is _MISSING:
            continue
        try:
            values[setting.path] = setting.decode(raw, clamp=on_bad is not None)
        except InvalidInput as error:
            if on_bad is None:
                raise
            on_bad(setting, error)
    return _with(Settings(), values)


_MISSING = object()


def _with(settings: Settings, values: Mapping[tuple[str, ...], Any]) -> Settings:
    def rebuild(record: Any, prefix: tuple[str, ...]) -> Any:
        changes: dict[str, Any] = {}
        for item in fields(record):
            path = (*prefix, item.name)
            current = getattr(record, item.name)
            if path in values:
                changes[item.name] = values[path]
            elif is_dataclass(current):
                changes[item.name] = rebuild(current, path)
        return replace(record, **changes)

    result: Settings = rebuild(settings, ())
    return result


__all__ = [
    "BY_KEY",
    "SETTINGS",
    "Problem",
    "Setting",
    "check",
    "from_json",
    "problems",
    "to_json",
]
