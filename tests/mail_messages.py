"""Mail the mail-source tests deliver, written here (not copied from anyone's inbox): each
rejection names its role with a number, so a test can tell which message was reported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

SENT = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def rejection(
    number: int, *, company: str = "Acme", attachment: bytes = b"", sent: datetime | None = None
) -> bytes:
    """A plain rejection for "Data Analyst <number>", from a person at `company`, sent at
    `received_at(number)` unless `sent` says otherwise."""
    message = _message(number, f"Your application for Data Analyst {number}", sent)
    message.set_content(
        f"Dear Sam,\n\nThank you for your interest in {company}. Unfortunately we have decided "
        f"to move forward with other candidates for the Data Analyst {number} role.\n\n"
        "Best regards,\nDana Reyes\n"
    )
    if attachment:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="policy.pdf"
        )
    return bytes(message)


def invitation(number: int) -> bytes:
    """A look-alike: the same sender and role, but an interview invitation."""
    message = _message(number, f"Interview invitation: Data Analyst {number}")
    message.set_content(
        f"Hi Sam,\n\nWe would like to invite you to an interview for the Data Analyst {number} "
        "position at Acme. Please pick a slot that suits you.\n\nDana\n"
    )
    return bytes(message)


def received_at(number: int) -> datetime:
    return SENT + timedelta(minutes=number)


def _message(number: int, subject: str, sent: datetime | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Dana Reyes <dana@acme.example>"
    message["To"] = "sam@example.org"
    message["Subject"] = subject
    message["Date"] = format_datetime(sent or received_at(number))
    message["Message-ID"] = f"<m{number}@acme.example>"
    return message
