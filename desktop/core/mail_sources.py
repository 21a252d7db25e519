"""Mail sources: where AskWhy looks for rejections, and what it keeps of what it finds.

A source is written as the user types it on the command line (`askwhy mail add SOURCE`):

- `maildir:PATH` and `mbox:PATH`, the folders and files that Thunderbird, Evolution, mutt,
  offlineimap and fetchmail keep on this machine;
- `imaps://USER@HOST[:PORT][/FOLDER]`, an IMAP account over TLS (never plain `imap://`: the
  password would cross the network in clear). USER may itself hold an "@" (the last one
  separates the host), or be percent-encoded; a password in the URL is refused, because
  the URL is shown and stored, and the password belongs in the keyring only.

Pure: no I/O, no clock. Reading a message is bounded before it reaches the email parser:
the headers and the first `MAX_BODY_BYTES` of the first text part, never an attachment.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from urllib.parse import quote, unquote

from desktop.core.applied_to import AppliedTo
from desktop.core.email_kind import EmailKind
from desktop.core.email_parsing import parse_rejection_email
from desktop.core.errors import InvalidInput

IMAPS_PORT = 993
DEFAULT_FOLDER = "INBOX"
# What is read of one message: its header block, and the start of its first text part.
# A rejection says what it has to say at the top; the parser reads no further anyway.
MAX_HEADER_BYTES = 65_536
MAX_BODY_BYTES = 65_536
MAX_SOURCE_CHARS = 1_000
# The longest message key kept (a Message-ID is at most a few hundred characters).
MAX_KEY_CHARS = 500
# Reconnecting after a failure: 5 s, doubling, at most 5 minutes between tries.
FIRST_RETRY_S = 5.0
LAST_RETRY_S = 300.0

_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\]")


class SourceKind(enum.StrEnum):
    MAILDIR = "maildir"
    MBOX = "mbox"
    IMAPS = "imaps"


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """A source as parsed from its text; `path` for local ones, the rest for IMAP."""

    kind: SourceKind
    path: str = ""
    user: str = ""
    host: str = ""
    port: int = IMAPS_PORT
    folder: str = DEFAULT_FOLDER

    @property
    def location(self) -> str:
        """The canonical text of the source: what is stored, listed and keyed on."""
        if self.kind is not SourceKind.IMAPS:
            return f"{self.kind.value}:{self.path}"
        return (
            f"imaps://{quote(self.user, safe='@')}@{self.host}:{self.port}/"
            f"{quote(self.folder, safe='/')}"
        )


@dataclass(frozen=True, slots=True)
class MailSource:
    """A source the user added, with where its reading stands."""

    id: int
    spec: SourceSpec
    ca_file: str
    added_at: datetime
    last_checked_at: datetime | None = None
    # Why the last check failed ("" when it worked): shown in the Mail list, never a secret.
    last_error: str = ""
    # IMAP's high-water mark: messages with a UID at or above `imap_uid_next`, in a folder
    # whose UIDVALIDITY is still `imap_uid_validity`, arrived after the source was added.
    imap_uid_validity: int | None = None
    imap_uid_next: int | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """What a rejection email told: the only thing AskWhy keeps of it."""

    company: str
    role: str
    contact_name: str
    contact_email: str  # "" for a no-reply sender: not someone to ask
    sender: str  # the From address, no-reply or not: what "Not a rejection" is remembered by
    received_at: datetime | None


@dataclass(frozen=True, slots=True)
class Finding:
    """A rejection found in a source and not yet logged or dismissed by the user.

    `quiet` is the per-sender hint: the user said "Not a rejection" to this sender before,
    so it is listed but does not pop up.
    """

    id: int
    source_id: int
    rejection: Rejection
    found_at: datetime
    quiet: bool = False


def parse_source(text: str) -> SourceSpec:
    """The source the user typed, or InvalidInput saying what is wrong with it."""
    value = text.strip()
    if not value or len(value) > MAX_SOURCE_CHARS:
        raise InvalidInput("give a mail source: maildir:PATH, mbox:PATH or imaps://USER@HOST")
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise InvalidInput("a mail source must be one line without control characters")
    scheme, colon, rest = value.partition(":")
    scheme = scheme.lower()
    if colon and scheme in {SourceKind.MAILDIR, SourceKind.MBOX}:
        if not rest.strip():
            raise InvalidInput(f"{scheme}: needs a path, e.g. {scheme}:~/Mail/inbox")
        return SourceSpec(SourceKind(scheme), path=rest.strip())
    if scheme == "imap":
        raise InvalidInput("only imaps:// is supported: AskWhy never sends a password without TLS")
    if scheme != SourceKind.IMAPS or not rest.startswith("//"):
        raise InvalidInput(
            f"'{value[:80]}' is not a mail source: use maildir:PATH, mbox:PATH or "
            "imaps://USER@HOST[:PORT][/FOLDER]"
        )
    return _parse_imaps(rest[2:])


def _parse_imaps(rest: str) -> SourceSpec:
    authority, _slash, folder = rest.partition("/")
    userinfo, at, hostport = authority.rpartition("@")
    if not at or not userinfo:
        raise InvalidInput("an imaps:// source needs the user name: imaps://USER@HOST")
    if ":" in userinfo:
        raise InvalidInput(
            "leave the password out of the source: AskWhy asks for it and keeps it in the "
            "system keyring"
        )
    host, port_text = hostport, ""
    if hostport.startswith("["):  # an IPv6 literal, its port after the bracket
        end = hostport.find("]") + 1
        host, port_text = hostport[:end], hostport[end:].removeprefix(":")
    elif ":" in hostport:
        host, _colon, port_text = hostport.rpartition(":")
    if not _HOST.fullmatch(host):
        raise InvalidInput(f"'{hostport[:80]}' is not a host name")
    port = IMAPS_PORT
    if port_text:
        if not (port_text.isascii() and port_text.isdigit()) or not 0 < int(port_text) < 65536:
            raise InvalidInput(f"'{port_text[:20]}' is not a port number")
        port = int(port_text)
    folder = unquote(folder).strip("/") or DEFAULT_FOLDER
    return SourceSpec(
        SourceKind.IMAPS, user=unquote(userinfo), host=host.lower(), port=port, folder=folder
    )


def read_rejection(
    raw: bytes, *, tz: tzinfo, applied_to: AppliedTo | None = None
) -> Rejection | None:
    """The rejection one (bounded) email tells, or None when it is not one. `applied_to`,
    the companies the user applied to, gives the company an email names.

    The one place the mail sources ask the classifier; an email the parser refuses (empty,
    binary, over its caps) is not a rejection either.
    """
    try:
        parsed = parse_rejection_email(raw, tz=tz, applied_to=applied_to or ())
    except InvalidInput:
        return None
    if parsed.kind is not EmailKind.REJECTION:
        return None
    return Rejection(
        company=parsed.company,
        role=parsed.role,
        contact_name=parsed.sender_name,
        contact_email="" if parsed.no_reply else parsed.sender_email,
        sender=parsed.sender_email.lower(),
        received_at=parsed.received_at,
    )


def notification_title(rejection: Rejection) -> str:
    """ "Acme said no to Data Analyst — ask why now?", with what is known."""
    company = rejection.company or "A company"
    role = f" to {rejection.role}" if rejection.role else ""
    return f"{company} said no{role} — ask why now?"


def retry_delay(failures: int) -> float:
    """Seconds before the next try after `failures` failures in a row (at least 1)."""
    return min(LAST_RETRY_S, FIRST_RETRY_S * 2.0 ** min(max(failures, 1) - 1, 16))
