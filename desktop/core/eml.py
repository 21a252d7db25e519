"""`.eml` drafts: a file the user's mail app opens as a new, unsent message.

`X-Unsent: 1` makes Outlook and others open the file as an editable draft rather than a
received message. The SMTP policy gives CRLF line endings and RFC 2047-encoded non-ASCII
headers, which every client reads; the body is UTF-8.
"""

from __future__ import annotations

import email.errors
import re
from datetime import datetime
from email import message_from_bytes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import format_datetime, getaddresses

from desktop.core.errors import InvalidInput

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters have no place in a header; a stray one from a paste would make the
# email library refuse the whole message, and a line break would start a header of its own.
_HEADER_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_LIBRARY_ERRORS = (ValueError, TypeError, IndexError, LookupError, email.errors.MessageError)


def _clean(text: str) -> str:
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _header(text: str) -> str:
    return _HEADER_JUNK.sub(" ", _clean(text)).strip()


def _addresses(text: str, field: str) -> tuple[Address, ...]:
    """Parse "Dana Reyes <dana@acme.example>, b@x.example" into addresses, or refuse it."""
    cleaned = _header(text)
    shown = cleaned if len(cleaned) <= 60 else cleaned[:57] + "..."
    problem = InvalidInput(f"The {field} address “{shown}” is not an email address.")
    try:
        pairs = getaddresses([cleaned])
        result = tuple(Address(display_name=name, addr_spec=addr) for name, addr in pairs)
    except _LIBRARY_ERRORS:
        raise problem from None
    if not result or any("@" not in address.addr_spec for address in result):
        raise problem
    return result


def build_eml(*, to: str, subject: str, body: str, sender: str = "", date: datetime) -> bytes:
    """The bytes of an unsent draft. Raises InvalidInput when an address can't be written."""
    if date.tzinfo is None or date.utcoffset() is None:
        raise ValueError(f"date must be timezone-aware, got {date!r}")
    message = EmailMessage(policy=SMTP)
    expected = ["Subject", "Date", "X-Unsent"]
    if to.strip():
        message["To"] = _addresses(to, "To")
        expected.append("To")
    if sender.strip():
        message["From"] = _addresses(sender, "From")
        expected.append("From")
    try:
        message["Subject"] = _header(subject)
        message["Date"] = format_datetime(date)
        message["X-Unsent"] = "1"
        text = _LINE_BREAK.sub("\n", _clean(body))
        message.set_content(text if text.endswith("\n") else text + "\n", charset="utf-8")
        raw = message.as_bytes()
        # The email library has folding bugs for odd header text that silently corrupt the
        # headers after it; read the draft back rather than hand the user a broken file.
        reread = message_from_bytes(raw, policy=default)
    except _LIBRARY_ERRORS as error:
        raise InvalidInput(
            "Couldn't write the email draft: check the To and From addresses."
        ) from error
    if reread["X-Unsent"] != "1" or not set(expected) <= set(reread.keys()):
        raise InvalidInput("Couldn't write the email draft: check the To and From addresses.")
    return raw
