"""The rules for what AskWhy stores: text, email addresses and moments in time.

One home for every way in (forms, the command line, a hand-over from a second launch, JSON
and CSV imports, a parsed email, settings). The store applies these on every write, so no
path can bypass them; a form or the CLI may call the same function earlier only to show the
message sooner. Each refusal is an `InvalidInput` whose text is one sentence for the user.

Reads are the other side: a value stored before these rules existed (or by hand) must never
crash a reader, so `clamp_moment` and `printable` tolerate what the rules would refuse.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desktop.core.errors import InvalidInput

# -- text ----------------------------------------------------------------------------------

# C0, DEL and C1. Tab and line feed are allowed only where a field holds several lines.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates: in a one-line name they can make a terminal or a
# list show the text in another order than it is stored ("Trojan Source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _shown(text: str, limit: int = 40) -> str:
    """User text quoted inside a one-line message."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass(frozen=True, slots=True)
class TextRule:
    """How one kind of field is cleaned: NFC, limits, and which characters it may hold.

    One-line fields have their runs of spaces collapsed; a field of several lines keeps its
    line breaks (CR LF and CR become LF) and tabs.
    """

    what: str  # "The company": starts the messages
    limit: int
    multiline: bool = False
    required: bool = False
    strip: bool = True

    def clean(self, value: str) -> str:
        """`value` as it is stored, or InvalidInput saying what is wrong with it."""
        if _SURROGATES.search(value):
            raise InvalidInput(f"{self.what} contains characters that are not text.")
        text = unicodedata.normalize("NFC", value)
        if self.multiline:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if _CONTROLS.search(text):
                raise InvalidInput(f"{self.what} contains control characters.")
            if self.strip:
                text = text.strip()
        else:
            if _CONTROLS_ONE_LINE.search(text):
                raise InvalidInput(f"{self.what} must be a single line without control characters.")
            if _BIDI.search(text):
                raise InvalidInput(
                    f"{self.what} contains direction-override characters, which can disguise it."
                )
            text = " ".join(text.split())
        if self.required and not text:
            raise InvalidInput(f"{self.what} can't be empty.")
        if len(text) > self.limit:
            raise InvalidInput(f"{self.what} is too long (at most {self.limit:,} characters).")
        return text

    def scrub(self, value: str) -> str:
        """`value` without the characters `clean` refuses: for a value stored before the
        rules, so that an export of it imports again."""
        value = _SURROGATES.sub("", value)
        if self.multiline:
            return _CONTROLS.sub("", value)
        return _BIDI.sub("", _CONTROLS_ONE_LINE.sub(" ", value))


MAX_NAME = 200
MAX_TEXT = 100_000
COMPANY = TextRule("The company", MAX_NAME, required=True)
ROLE = TextRule("The role", MAX_NAME, required=True)
PERSON_NAME = TextRule("The name", MAX_NAME)
TEMPLATE_NAME = TextRule("The template name", MAX_NAME, required=True)
LOCATION = TextRule("The location", MAX_NAME)
SOURCE = TextRule("The source", MAX_NAME)
LINK = TextRule("The link", 2000)
PHONE = TextRule("The phone number", 64)
INTERVIEW_KIND = TextRule("The kind of interview", 64)
SUBJECT = TextRule("The subject", 2000)
THEME = TextRule("A theme", 60)
NOTES = TextRule("The notes", MAX_TEXT, multiline=True)
NOTE = TextRule("The note", MAX_TEXT, multiline=True)
ACTION = TextRule("The action", MAX_TEXT, multiline=True)
# A message keeps its leading indentation and trailing blank lines as the user wrote them.
MESSAGE = TextRule("The message", MAX_TEXT, multiline=True, strip=False)
SIGNATURE = TextRule("Your signature", 5000, multiline=True)

# The rule for each text field of the records in `desktop.core.model`, by field name: an
# import checks whole records with them (`clean_records`), the store's methods by name.
FIELD_RULES: dict[str, TextRule] = {
    "company": COMPANY,
    "role": ROLE,
    "name": PERSON_NAME,
    "location": LOCATION,
    "source": SOURCE,
    "url": LINK,
    "phone": PHONE,
    "kind": INTERVIEW_KIND,
    "subject": SUBJECT,
    "notes": NOTES,
    "note": NOTE,
    "action": ACTION,
    "body": MESSAGE,
    "signature": SIGNATURE,
}


def printable(text: str) -> str:
    """Stored text made safe to print on one terminal line: control and direction-override
    characters become U+FFFD, line breaks and runs of spaces one space. For reads only:
    a value stored before the rules (or by hand) may hold anything."""
    return " ".join(_UNPRINTABLE.sub("\ufffd", text.replace("\n", " ")).split())


def unique_themes(values: list[str] | tuple[str, ...]) -> list[str]:
    """Each theme cleaned; empty ones and repeats (ignoring case) dropped."""
    seen: dict[str, str] = {}
    for value in values:
        cleaned = THEME.clean(str(value))
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return list(seen.values())


# -- email addresses ---------------------------------------------------------------------

MAX_EMAIL = 254  # RFC 5321's limit on a path
# RFC 5322's dot-atom in ASCII: what a draft can carry without SMTPUTF8.
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def ascii_domain(domain: str) -> str:
    """The domain as it goes into a header: IDN labels in punycode (`xn--`), or ValueError."""
    try:
        encoded = domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValueError(f"{domain!r} is not a domain name") from error
    labels = encoded.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise ValueError(f"{domain!r} is not a domain name")
    if labels[-1].isdigit():
        raise ValueError(f"{domain!r} is an IP address, not a domain name")
    return encoded.lower()


def clean_email(value: str, what: str = "The email address") -> str:
    """An address alone (`dana@example.org`, or `<dana@example.org>`), stored without the
    brackets; empty stays empty (a field that needs one says so itself).

    The rule matches what an email draft can carry: the part before the @ in plain ASCII
    (without SMTPUTF8 nothing else can be sent), and a domain with a dot that can be
    written in punycode; an IDN domain is kept as typed and encoded when the draft is made.
    """
    # The email package costs tens of milliseconds to import; `askwhy --version` and the
    # first paint should not pay for it.
    from email.errors import HeaderParseError, MessageDefect  # noqa: PLC0415
    from email.headerregistry import Address  # noqa: PLC0415

    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        return ""
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    example = "(name@example.org)"
    if _CONTROLS_ONE_LINE.search(text) or _BIDI.search(text) or _SURROGATES.search(text):
        raise InvalidInput(f"{what} contains control characters.")
    if len(text) > MAX_EMAIL:
        raise InvalidInput(f"{what} is too long (at most {MAX_EMAIL} characters).")
    local_part = text.rpartition("@")[0]
    if not local_part.isascii():
        raise InvalidInput(
            f"{what} {_shown(text)} can't go into an email: the part before the @ may only "
            "use plain letters, digits and . _ - + (no accents or quotes)."
        )
    try:
        address = Address(addr_spec=text)
    except (ValueError, IndexError, HeaderParseError, MessageDefect):
        if "<" in text and ">" in text:
            raise InvalidInput(
                f"{what} {_shown(text)} holds a name too: give the address alone {example}."
            ) from None
        raise InvalidInput(f"{what} {_shown(text)} is not an email address {example}.") from None
    if address.addr_spec != text:
        # The parser took comments or spaces out: what was typed is not an address as such.
        raise InvalidInput(f"{what} {_shown(text)} is not an email address {example}.")
    local, domain = address.username, address.domain
    if not _DOT_ATOM.fullmatch(local):
        raise InvalidInput(
            f"{what} {_shown(text)} can't go into an email: the part before the @ may only "
            "use plain letters, digits and . _ - + (no accents or quotes)."
        )
    try:
        ascii_domain(domain)
    except ValueError:
        raise InvalidInput(
            f"{what} {_shown(text)} needs a full domain after the @ {example}."
        ) from None
    return f"{local}@{domain}"


# -- moments in time -----------------------------------------------------------------------

# What any date in AskWhy can be. Far enough from datetime's own limits that converting to
# any time zone can never overflow, and what an email or a calendar can carry.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)
# Clocks drift and people round: a time a few minutes ahead of `now` is "just now", not a
# claim about the future.
FUTURE_TOLERANCE = timedelta(minutes=5)
_EXPECTED = "expected ISO-8601 like 2026-03-01T14:30 or 2026-03-01T14:30+01:00"


def check_moment(moment: datetime, what: str, *, now: datetime | None = None) -> datetime:
    """`moment` in UTC, if it is aware and between 1970 and 2100 (and, given `now`, not
    later than `now` give or take `FUTURE_TOLERANCE`); else InvalidInput."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(f"{what} needs a time zone.")
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        utc = EARLIEST - timedelta(days=1) if moment.year < 2000 else LATEST + timedelta(days=1)
    # The instant counts, not the year as written in its zone: a clamped 1970-01-01T00:00Z
    # shows as 1969 in New York, and an export of it must import again.
    if not EARLIEST <= utc <= LATEST:
        raise InvalidInput(f"{what} must be between 1970 and 2100.")
    if now is not None and utc > check_moment(now, "now") + FUTURE_TOLERANCE:
        raise InvalidInput(f"{what} can't be in the future.")
    return utc


def clamp_moment(moment: datetime) -> datetime:
    """A stored instant brought into the rules' range, for reads: a year 1 or 9999 written
    before the rules would otherwise overflow when shown in some time zones."""
    return min(max(moment, EARLIEST), LATEST)


def parse_moment(
    text: str, what: str, *, tz: tzinfo, now: datetime, allow_future: bool = False
) -> datetime:
    """What the user typed (or a file holds), as an aware UTC datetime; else InvalidInput.

    ISO-8601 with an offset (`Z` too) is that instant. Without one it is wall time in `tz`:
    a time skipped by a daylight-saving change is refused rather than guessed; a repeated
    one means its first occurrence. A date alone is midday there, so that it stays on its
    calendar day in any nearby zone; today's date is never later than `now`. Then
    `check_moment`: 1970 to 2100, and, unless `allow_future`, not after `now`.
    """
    cleaned = text.strip()
    shown = _shown(cleaned)
    if not cleaned:
        raise InvalidInput(f"{what}: no date or time given; {_EXPECTED}.")
    try:
        if len(cleaned) == 10:
            day = date.fromisoformat(cleaned)
            parsed = datetime.combine(day, time(12, 0), tzinfo=tz)
            if not allow_future and day == now.astimezone(tz).date():
                parsed = min(parsed, now)
        else:
            parsed = datetime.fromisoformat(cleaned)
            if parsed.tzinfo is None:
                local = parsed.replace(tzinfo=tz)
                if local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != parsed:
                    raise InvalidInput(
                        f"{what}: {cleaned} doesn't exist in your time zone (the clocks "
                        "skipped it for daylight saving time); give a time just before or after."
                    )
                parsed = local
    except ValueError:
        raise InvalidInput(f"{what}: {shown} is not a date and time; {_EXPECTED}.") from None
    except OverflowError:
        raise InvalidInput(f"{what} must be between 1970 and 2100.") from None
    return check_moment(parsed, what, now=None if allow_future else now)


__all__ = [
    "EARLIEST",
    "FIELD_RULES",
    "FUTURE_TOLERANCE",
    "LATEST",
    "MAX_EMAIL",
    "MAX_NAME",
    "MAX_TEXT",
    "TextRule",
    "ascii_domain",
    "check_moment",
    "clamp_moment",
    "clean_email",
    "parse_moment",
    "printable",
    "unique_themes",
]
