"""What a second launch sends to the running AskWhy, and what comes back.

A second launch must not pay for SQLAlchemy or a QApplication: it validates the options,
sends its request as one line of JSON over the single-instance socket, and prints what the
running instance did. Whoever can reach that socket can send anything, so every line is
checked here before it is used: its size, its nesting, the command, every field's type and
range. Anything malformed is an `InvalidInput`, answered with an error, never a traceback
in the instance that receives it (nor an `ok` followed by a failure).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from desktop.core.errors import InvalidInput
from desktop.core.model import Channel, LoggedRejection, RejectionInput, Stage

SHOW = "show"
OPEN_REQUEST = "open-request"
LOG_REJECTION = "log-rejection"
# A rejection with a long pasted note is a few KB; a line past this is not ours.
MAX_LINE_BYTES = 1 << 20
# Our messages hold at most two objects; json's recursive decoder must never see a deep
# nest (it raises RecursionError, and the sender would wait for an answer that never comes).
MAX_CONTAINERS = 8
# SQLite's INTEGER: a larger id would pass as "ok" and overflow when it is looked up.
MAX_ID = 2**63 - 1
# A JSON string, or what is left of an unterminated one: it always matches from a quote, and
# possessively, so stripping strings is linear whatever the line holds.
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.?)*+(?:"|\Z)', re.DOTALL)


@dataclass(frozen=True, slots=True)
class ShowWindow:
    """A plain second launch: show the window (or just keep running, when minimized)."""

    command: ClassVar[str] = SHOW
    minimized: bool = False


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """A second launch that logged a rejection itself and wants its editor open."""

    command: ClassVar[str] = OPEN_REQUEST
    request_id: int


@dataclass(frozen=True, slots=True)
class LogRejection:
    """`askwhy log-rejection` while AskWhy runs: the running instance writes it."""

    command: ClassVar[str] = LOG_REJECTION
    rejection: RejectionInput


HandOver = ShowWindow | OpenRequest | LogRejection


def encode(message: HandOver) -> bytes:
    """The line a second launch sends."""
    match message:
        case ShowWindow(minimized):
            data: dict[str, Any] = {"command": SHOW, "minimized": minimized}
        case OpenRequest(request_id):
            data = {"command": OPEN_REQUEST, "request_id": request_id}
        case LogRejection(rejection):
            data = rejection_message(rejection)
    return json.dumps(data).encode("utf-8") + b"\n"


def decode(line: bytes) -> HandOver:
    """The message in a line a second launch sent; InvalidInput if it is malformed."""
    data = read_json_object(line)
    command = data.get("command")
    if command == SHOW:
        minimized = data.get("minimized", False)
        if not isinstance(minimized, bool):
            raise InvalidInput("The second launch sent a malformed request (minimized).")
        return ShowWindow(minimized)
    if command == OPEN_REQUEST:
        return OpenRequest(request_id(data.get("request_id")))
    if command == LOG_REJECTION:
        return LogRejection(rejection_from_message(data))
    raise InvalidInput(f"This AskWhy does not know the command {str(command)[:40]!r}.")


def read_json_object(line: bytes) -> dict[str, Any]:
    """One line of JSON holding an object, within the size and nesting limits."""
    if len(line) > MAX_LINE_BYTES:
        raise InvalidInput(f"The message is larger than {MAX_LINE_BYTES} bytes.")
    # Brackets inside strings are text; the rest are containers. Linear in the line.
    structure = _JSON_STRING.sub(b"", line)
    if structure.count(b"[") + structure.count(b"{") > MAX_CONTAINERS:
        raise InvalidInput("The message is nested too deeply.")
    try:
        data = json.loads(line)
    except ValueError as error:  # UnicodeDecodeError included
        raise InvalidInput(f"The message is not JSON ({error}).") from None
    if not isinstance(data, dict):
        raise InvalidInput("The message is not a JSON object.")
    return data


def request_id(value: object) -> int:
    """A request id as it can exist in the database; InvalidInput otherwise."""
    # bool is an int in Python but never an id.
    if type(value) is not int or not 1 <= value <= MAX_ID:
        raise InvalidInput(f"{str(value)[:40]!r} is not a request id.")
    return value


def rejection_message(rejection: RejectionInput) -> dict[str, Any]:
    """The `log-rejection` message for a rejection validated by the second launch."""
    stage = rejection.stage_reached
    return {
        "command": LOG_REJECTION,
        "rejection": {
            "company": rejection.company,
            "role": rejection.role,
            # Already resolved in the second launch's zone: the instance needs no zone.
            "notified_at": rejection.notified_at.isoformat(),
            "stage_reached": None if stage is None else stage.value,
            "channel": rejection.channel.value,
            "contact_name": rejection.contact_name,
            "contact_email": rejection.contact_email,
            "note": rejection.note,
        },
    }


def rejection_from_message(message: Mapping[str, Any]) -> RejectionInput:
    """The rejection a `log-rejection` message carries; InvalidInput if it is malformed."""
    data = message.get("rejection")
    if not isinstance(data, Mapping):
        raise InvalidInput("The second launch sent no rejection.")
    try:
        notified_at = datetime.fromisoformat(_text(data, "notified_at"))
        if notified_at.tzinfo is None:
            raise ValueError("notified_at has no UTC offset")
        stage = data.get("stage_reached")
        return RejectionInput(
            company=_text(data, "company"),
            role=_text(data, "role"),
            notified_at=notified_at,
            stage_reached=None if stage is None else Stage(stage),
            channel=Channel(_text(data, "channel")),
            contact_name=_text(data, "contact_name"),
            contact_email=_text(data, "contact_email"),
            note=_text(data, "note"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput(f"The second launch sent a malformed rejection ({error}).") from None


@dataclass(frozen=True, slots=True)
class LoggedSummary:
    """What the command line says after logging: the same words for both ways of logging."""

    company: str
    role: str
    application_created: bool
    window_closes_at: datetime
    request_id: int

    @classmethod
    def of(cls, logged: LoggedRejection) -> LoggedSummary:
        return cls(
            company=logged.application.company,
            role=logged.application.role,
            application_created=logged.application_created,
            window_closes_at=logged.request.window_closes_at,
            request_id=logged.request.id,
        )

    def to_message(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "role": self.role,
            "application_created": self.application_created,
            "window_closes_at": self.window_closes_at.isoformat(),
            "request_id": self.request_id,
        }

    @classmethod
    def from_message(cls, data: object) -> LoggedSummary:
        if not isinstance(data, Mapping):
            raise InvalidInput("The running AskWhy sent no summary of what it logged.")
        try:
            closes = datetime.fromisoformat(_text(data, "window_closes_at"))
            if closes.tzinfo is None:
                raise ValueError("window_closes_at has no UTC offset")
            return cls(
                company=_text(data, "company"),
                role=_text(data, "role"),
                application_created=bool(data.get("application_created")),
                window_closes_at=closes,
                request_id=request_id(data.get("request_id")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidInput(f"The running AskWhy sent a malformed reply ({error}).") from None


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text")
    return value
