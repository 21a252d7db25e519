"""What a second `askwhy log-rejection` sends to the running AskWhy, and what comes back.

A second launch must not pay for SQLAlchemy or a QApplication: it validates the options,
sends the rejection as JSON over the single-instance socket, and prints what the running
instance logged. These plain dicts are that JSON; anything malformed is an `InvalidInput`,
never a crash of the instance that receives it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.core.errors import InvalidInput
from desktop.core.model import Channel, LoggedRejection, RejectionInput, Stage

LOG_REJECTION = "log-rejection"


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
            request_id = data["request_id"]
            if not isinstance(request_id, int) or closes.tzinfo is None:
                raise ValueError("request_id or window_closes_at")
            return cls(
                company=_text(data, "company"),
                role=_text(data, "role"),
                application_created=bool(data.get("application_created")),
                window_closes_at=closes,
                request_id=request_id,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidInput(f"The running AskWhy sent a malformed reply ({error}).") from None


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text")
    return value
