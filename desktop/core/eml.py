"""`.eml` drafts: a file the user's mail app opens as a new, unsent message.

`X-Unsent: 1` makes Outlook and others open the file as an editable draft rather than a
received message. The SMTP policy gives CRLF line endings and RFC 2047-encoded non-ASCII
headers, which every client reads; the body is UTF-8.

Every header value comes from a stranger as much as from the user: a company, a role or a
contact's name read out of a rejection email ends up in `To` and `Subject`. So headers are
built, never joined:

- Addresses go in as `email.headerregistry.Address` objects, made ASCII first (see
  `desktop.core.mailbox`): no encoded word ever lands inside an addr-spec.
- The email package decodes RFC 2047 encoded words (`=?utf-8?q?…?=`) in any text it is
  given, and the Python 3.11 AskWhy runs on writes the decoded text back raw: a role holding
  `=?utf-8?q?=0D=0ABcc:_x@evil.example?=` became a real `Bcc:` line. Text holding "=?" is
  therefore never handed to the header parser; it is written as encoded words by the
  package's own `email.header.Header`, so that a reader decodes it back to exactly what the
  user typed.
- The finished bytes are read back, and the draft is refused unless the headers are exactly
  the intended ones, carry exactly the intended values, and the parser found no defect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from email import message_from_bytes
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import format_datetime

from desktop.core.errors import InvalidInput
from desktop.core.mailbox import Mailbox, encodable, one_line

# The only way into RFC 2047 decoding: text without it is read back as written.
_ENCODED_WORD_START = "=?"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What set_content adds for a UTF-8 text body.
_CONTENT_HEADERS = ("Content-Type", "Content-Transfer-Encoding", "MIME-Version")
# RFC 5322's hard limit on a line. Folding at the usual 78 would split a long display name
# into several encoded words, and readers disagree on the space between two of them
# (Python's parser keeps one, RFC 2047 drops it): one word on one line reads the same
# everywhere.
MAX_LINE = 998
_POLICY = SMTP.clone(max_line_length=MAX_LINE)


class DraftNotWritten(InvalidInput):
    """The draft could not be written so that it reads back as intended."""


def _set_text(message: EmailMessage, name: str, text: str) -> None:
    if _ENCODED_WORD_START in text:
        encoded = Header(text, "utf-8", header_name=name).encode(linesep=_POLICY.linesep)
        message.set_raw(name, encoded)
    else:
        message[name] = text


def _set_mailbox(message: EmailMessage, name: str, mailbox: Mailbox) -> Address:
    address = Address(display_name=mailbox.display_name, addr_spec=mailbox.addr_spec)
    if _ENCODED_WORD_START in address.display_name:
        header = Header(address.display_name, "utf-8", header_name=name)
        # The address itself is plain ASCII (see Mailbox.addr_spec): written as it is.
        header.append(f"<{address.addr_spec}>", "us-ascii")
        message.set_raw(name, header.encode(linesep=_POLICY.linesep, maxlinelen=MAX_LINE))
    else:
        message[name] = address
    return address


def build_eml(
    *, to: Mailbox | None, sender: Mailbox | None, subject: str, body: str, date: datetime
) -> bytes:
    """The bytes of an unsent draft.

    Raises InvalidInput when an address can't be written, and DraftNotWritten when the
    result would not read back as intended.
    """
    if date.tzinfo is None or date.utcoffset() is None:
        raise ValueError(f"date must be timezone-aware, got {date!r}")
    message = EmailMessage(policy=_POLICY)
    intended: dict[str, object] = {}
    if to is not None:
        intended["To"] = _set_mailbox(message, "To", to)
    if sender is not None:
        intended["From"] = _set_mailbox(message, "From", sender)
    intended["Subject"] = one_line(subject)
    _set_text(message, "Subject", one_line(subject))
    message["Date"] = format_datetime(date)
    intended["Date"] = message["Date"]
    message["X-Unsent"] = intended["X-Unsent"] = "1"
    text = _LINE_BREAK.sub("\n", encodable(body))
    message.set_content(text if text.endswith("\n") else text + "\n", charset="utf-8")
    raw = message.as_bytes()
    _check(raw, intended)
    return raw


def _check(raw: bytes, intended: dict[str, object]) -> None:
    """Refuse a draft whose headers don't read back exactly as `intended`."""
    problem = next(_read_back_problems(raw, intended), None)
    if problem is not None:
        raise DraftNotWritten(
            f"The email draft could not be written safely: {problem}. "
            "Shorten or simplify that text, or copy the message instead."
        )


def _read_back_problems(raw: bytes, intended: dict[str, object]) -> Iterator[str]:
    head = raw.partition(b"\r\n\r\n")[0]
    if any(len(line) > MAX_LINE for line in head.split(b"\r\n")):
        yield "a header line is longer than mail allows"
    reread = message_from_bytes(raw, policy=default)
    if sorted(reread.keys()) != sorted([*intended, *_CONTENT_HEADERS]):
        yield "its header lines came out as " + ", ".join(reread.keys())
    if reread.defects:
        yield "the message is malformed"
    for name, value in reread.items():
        if value.defects:
            yield f"the {name} line is malformed"
    for name, expected in intended.items():
        if isinstance(expected, Address):
            if reread[name].addresses != (expected,):
                yield f"the {name} address did not read back as written"
        elif str(reread[name]) != expected:
            yield f"the {name} line did not read back as written"
