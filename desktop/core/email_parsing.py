"""Reading a rejection email the user dropped (.eml) or pasted (text), to prefill the log.

Every field is a best guess the user confirms; a wrong guess costs a correction, a missing
one a few keystrokes. So the heuristics prefer saying nothing over saying something odd: a
role is only taken from a recognisable phrase, and a company from, in order of trust, the
Organization header, the sender's display name ("Acme Careers"), the signature, a phrase in
the text ("your interest in Acme") and, last, the sender's domain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from email import message_from_bytes, message_from_string
from email.message import EmailMessage, Message
from email.policy import default
from email.utils import parseaddr, parsedate_to_datetime

from desktop.core.errors import InvalidInput

MAX_EMAIL_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    """What the email tells, "" or None where it doesn't.

    `sender_name` is a person's name, or "" when the sender is a team or a mailbox
    ("Acme Careers"); `no_reply` says the address won't reach anyone, so the request editor
    should not offer it as the recipient.
    """

    sender_name: str
    sender_email: str
    company: str
    role: str
    received_at: datetime | None
    subject: str = ""
    no_reply: bool = False


# -- small text helpers --------------------------------------------------------------------

_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,40}:")
_PASTED_FIELD = re.compile(
    r"^\s*(?P<key>from|von|de|subject|betreff|objet|date|sent|gesendet|envoyé)\s*:\s*(?P<value>.+?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|sv|tr|vs|antw|r)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE
)
_BRACKETED = re.compile(r"\s*[\(\[][^)\]]*[\)\]]")
_TAGS = re.compile(r"<[^>]+>")
# Words that show a captured "role" is really a sentence about the process.
_NOT_A_ROLE = re.compile(
    r"\b(?:thank|thanks|your|update|applying|interest|status|decision|news|unfortunately|"
    r"regarding|application|candidacy|feedback|next steps)\b",
    re.IGNORECASE,
)
_TEAM_WORDS = (
    r"(?:careers?|jobs?|recruit(?:ing|ment|ers?)?|talent(?:\s+acquisition)?|hiring|hr|"
    r"people(?:\s+(?:team|ops))?|team|notifications?|no-?reply|applications?)"
)
_TEAM_SUFFIX = re.compile(rf"^(?P<company>.+?)\s+(?:{_TEAM_WORDS}\b\s*)+(?:team)?$", re.I)
_NO_REPLY = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon)", re.I
)
# Up to five capitalised words ("Vandelay Industries", "Procter & Gamble", "Acme Corp."); a
# dot only inside a word, so a sentence's full stop ends the name.
_COMPANY_WORD = r"[A-Z0-9](?:[\w&'’-]|\.(?=\w))*"
_COMPANY_WORDS = rf"{_COMPANY_WORD}(?:\s+(?:&\s+|of\s+|and\s+)?{_COMPANY_WORD}){{0,4}}"
_BODY_COMPANY = re.compile(
    rf"(?:interest in (?:joining |working (?:at|for|with) )?|(?:position|role|opportunity|"
    rf"opening|team|career|careers) (?:at|with) |applying (?:to|at|for a role at) |"
    rf"on behalf of |here at |everyone at |application (?:to|with) )(?P<company>{_COMPANY_WORDS})"
)
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|many)\s+(?:regards|wishes)|regards|sincerely|best|thanks|"
    r"thank you|cheers|all the best|with best wishes|viele grüße|cordialement)[,.!]?\s*$",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
_FREEMAIL = frozenset(
    {
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "live",
        "yahoo",
        "icloud",
        "me",
        "aol",
        "gmx",
        "web",
        "proton",
        "protonmail",
        "mail",
        "fastmail",
        "yandex",
        "zoho",
    }
)
# Applicant-tracking systems send on behalf of many companies; their domain names none.
_ATS = frozenset(
    {
        "greenhouse",
        "greenhouse-mail",
        "lever",
        "hire",
        "myworkday",
        "workday",
        "workdaymail",
        "smartrecruiters",
        "icims",
        "ashbyhq",
        "workable",
        "jobvite",
        "bamboohr",
        "teamtailor",
        "recruitee",
        "personio",
        "successfactors",
        "taleo",
        "breezy",
        "jazzhr",
        "linkedin",
        "indeed",
        "example",
    }
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ltd", "plc"})


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tidy(value: str) -> str:
    value = _one_line(value).strip(" \t\"'“”‘’«»:;,.-–—|")
    return value[4:] if value.lower().startswith("the ") else value


def _plausible_role(value: str) -> str:
    value = _tidy(_BRACKETED.sub("", value))
    if not value or len(value) > 80 or len(value.split()) > 8 or _NOT_A_ROLE.search(value):
        return ""
    return value


def _plausible_company(value: str) -> str:
    value = _tidy(_BRACKETED.sub("", value))
    if not value or len(value) > 60 or len(value.split()) > 6 or "@" in value:
        return ""
    return value


# -- role and company from the subject -----------------------------------------------------

_ROLE_WORDS = r"(?:position|role|job|opening|vacancy|post)"
_SUBJECT_PATTERNS = (
    # "Your application to Acme: Data Analyst" / "Application to Acme for Data Analyst"
    re.compile(
        r"application (?:to|with) (?P<company>.+?)(?:\s*[:–—|-]\s+|\s+for\s+(?:the\s+)?)"
        rf"(?:{_ROLE_WORDS}\s+(?:of\s+)?)?(?P<role>.+?)(?:\s+{_ROLE_WORDS})?$",
        re.IGNORECASE,
    ),
    # "Your application for Data Analyst (at Acme)" / "Application for the position of ..."
    re.compile(
        rf"application for (?:the\s+)?(?:{_ROLE_WORDS}\s+of\s+|{_ROLE_WORDS}:?\s+)?"
        rf"(?P<role>.+?)(?:\s+{_ROLE_WORDS})?(?:\s+(?:at|with)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Your Data Analyst application (at Acme)" / "Update on your Data Analyst application"
    re.compile(
        r"your (?P<role>.+?) application(?:\s+(?:at|with|to)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Application to Acme" alone names only the company.
    re.compile(r"application (?:to|with) (?P<company>.+)$", re.IGNORECASE),
    # "Data Analyst position (at Acme)"
    re.compile(
        rf"^(?P<role>.+?)\s+{_ROLE_WORDS}(?:\s+(?:at|with)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Data Analyst at Acme" / "Data Analyst – Acme"
    re.compile(r"^(?P<role>.+?)\s+(?:at|@|–|—|-|\|)\s+(?P<company>.+)$"),
)
_BODY_ROLE = (
    re.compile(rf"\b(?:for|to) the (?:{_ROLE_WORDS} of )(?P<role>[^.,;\n]{{2,60}})", re.I),
    re.compile(
        rf"\b(?:for|to|about) the (?P<role>[A-Z][\w/&+'-]*(?:\s+[A-Z][\w/&+'-]*){{0,5}})\s+"
        rf"{_ROLE_WORDS}\b"
    ),
    re.compile(rf"\b(?:for|to|about) the (?P<role>[^.,;\n]{{2,60}}?)\s+{_ROLE_WORDS}\b", re.I),
)


def _from_subject(subject: str) -> tuple[str, str]:
    cleaned = _BRACKETED.sub("", _REPLY_PREFIX.sub("", _one_line(subject))).strip()
    for pattern in _SUBJECT_PATTERNS:
        match = pattern.search(cleaned)
        if not match:
            continue
        groups = match.groupdict()
        role = _plausible_role(groups.get("role") or "")
        company = _plausible_company(groups.get("company") or "")
        if "role" in groups and not role:
            continue
        return role, company
    return "", ""


# -- the sender ----------------------------------------------------------------------------


def _company_from_display_name(name: str) -> tuple[str, bool]:
    """(company, is_a_team) from "Acme Careers", "Dana at Acme", "Acme via Greenhouse"."""
    name = _one_line(name)
    via = re.match(r"^(?P<company>.+?)\s+via\s+\S+", name, re.IGNORECASE)
    if via:
        return _plausible_company(via["company"]), True
    team = _TEAM_SUFFIX.match(name)
    if team:
        return _plausible_company(team["company"]), True
    person_at = re.match(r"^(?P<person>.+?)\s+(?:at|from|@|\||-|–)\s+(?P<company>.+)$", name)
    if person_at:
        return _plausible_company(person_at["company"]), False
    brackets = re.match(r"^.+?\((?P<company>[^)]+)\)\s*$", name)
    if brackets:
        return _plausible_company(brackets["company"]), False
    return "", False


def _person_from_display_name(name: str) -> str:
    name = _one_line(name)
    match = re.match(r"^(?P<person>.+?)\s+(?:at|from|@|\||-|–)\s+.+$", name)
    if match:
        name = match["person"]
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    if "," in name:  # "Reyes, Dana"
        family, _, given = name.partition(",")
        name = f"{given.strip()} {family.strip()}".strip()
    return _tidy(name)


def _company_from_domain(address: str) -> str:
    domain = address.rpartition("@")[2].lower().strip(".")
    labels = [label for label in domain.split(".") if label]
    if len(labels) < 2:
        return ""
    labels.pop()  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()  # co.uk, com.au
    name = labels[-1]
    if name in _FREEMAIL or name in _ATS:
        return ""
    return " ".join(part.capitalize() for part in re.split(r"[-_]", name) if part)


# -- the body ------------------------------------------------------------------------------


def _signature(body: str) -> tuple[str, str]:
    """(person, company) from the lines after the last sign-off, if they look like it."""
    lines = [line.strip() for line in body.splitlines()]
    for index in range(len(lines) - 1, -1, -1):
        if not _SIGN_OFF.match(lines[index]):
            continue
        after = [line for line in lines[index + 1 : index + 6] if line]
        if not after:
            return "", ""
        person = after[0] if _PERSON.match(after[0]) and len(after[0]) <= 40 else ""
        company = ""
        for line in after[1:4] if person else []:
            match = re.search(rf"(?:\bat\b|\||,|–|—|\s-)\s*(?P<company>{_COMPANY_WORDS})\s*$", line)
            if match:
                company = _plausible_company(match["company"])
                break
        return person, company
    return "", ""


def _text_of(message: Message) -> str:
    body: Message | None = message
    if isinstance(message, EmailMessage):
        body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content() if isinstance(body, EmailMessage) else body.get_payload()
    except (LookupError, ValueError, AssertionError):
        return ""
    if not isinstance(content, str):
        return ""
    if body.get_content_subtype() == "html":
        content = re.sub(r"(?is)<(script|style).*?</\1>", " ", content)
        content = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", content)
        content = _TAGS.sub(" ", content)
    return content


def _to_utc(moment: datetime | None, tz: tzinfo | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        # RFC 5322's "-0000" means "UTC, origin unknown"; other naive times need the user's zone.
        return moment.replace(tzinfo=tz).astimezone(UTC) if tz is not None else None
    return moment.astimezone(UTC)


def _parse_date(text: str, tz: tzinfo | None) -> datetime | None:
    text = _one_line(text)
    try:
        return _to_utc(parsedate_to_datetime(text), tz)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    cleaned = re.sub(r"\s+at\s+", " ", text)
    for fmt in (
        "%A, %B %d, %Y %I:%M %p",
        "%A, %d %B %Y %H:%M",
        "%d %B %Y %H:%M",
        "%B %d, %Y %I:%M %p",
        "%Y-%m-%d %H:%M",
    ):
        try:
            return _to_utc(datetime.strptime(cleaned, fmt), tz)
        except (ValueError, OverflowError):
            continue
    return None


# -- the entry point -----------------------------------------------------------------------


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    junk = sum(1 for ch in sample if ch == "\x00" or (ord(ch) < 32 and ch not in "\t\r\n\f"))
    return junk > max(2, len(sample) // 50)


def _read_message(raw: bytes | str, text: str) -> Message | None:
    """The parsed message when the input starts with headers, else None (pasted text)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not _HEADER_LINE.match(first):
        return None
    message = (
        message_from_bytes(raw, policy=default)
        if isinstance(raw, bytes)
        else message_from_string(text, policy=default)
    )
    if message.get("From") is None and message.get("Subject") is None:
        return None
    return message


def _header_text(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except (LookupError, ValueError, IndexError, TypeError, AttributeError):
        return ""
    return _one_line(str(value)) if value is not None else ""


@dataclass(slots=True)
class _Raw:
    """The header values and body text, however the email arrived."""

    from_value: str = ""
    subject: str = ""
    date_value: str = ""
    organization: str = ""
    body: str = ""
    is_message: bool = False


_PASTED_KEYS = {
    "from": "from_value",
    "von": "from_value",
    "de": "from_value",
    "subject": "subject",
    "betreff": "subject",
    "objet": "subject",
    "date": "date_value",
    "sent": "date_value",
    "gesendet": "date_value",
    "envoyé": "date_value",
}


def _read_parts(raw: bytes | str, text: str) -> _Raw:
    try:
        message = _read_message(raw, text)
    except (LookupError, ValueError, IndexError, TypeError, AssertionError):
        message = None
    if message is not None:
        parts = _Raw(
            from_value=_header_text(message, "From"),
            subject=_header_text(message, "Subject"),
            # A message copied out of Outlook has "Sent:" where a file has "Date:".
            date_value=_header_text(message, "Date") or _header_text(message, "Sent"),
            organization=_header_text(message, "Organization"),
            is_message=True,
        )
        try:
            parts.body = _text_of(message)
        except (LookupError, ValueError, IndexError, TypeError, AttributeError, KeyError):
            parts.body = ""
        return parts
    # Pasted: headers a mail app copies along, if any, in the first few lines.
    parts = _Raw(body=text)
    head = "\n".join(text.splitlines()[:40])
    for match in _PASTED_FIELD.finditer(head):
        attribute = _PASTED_KEYS[match["key"].lower()]
        if not getattr(parts, attribute):
            setattr(parts, attribute, match["value"])
    return parts


def _sender(parts: _Raw, text: str) -> tuple[str, str]:
    """(display name, lower-case address) of the sender; either may be ""."""
    display_name, address = parseaddr(parts.from_value)
    if "@" not in address:
        found = _EMAIL.search(parts.from_value)
        if found is None and not parts.is_message:
            found = _EMAIL.search(text)  # a pasted body: the first address is the best guess
        address = found.group(0) if found else ""
    address = address.strip().strip("<>").lower() if "@" in address else ""
    display_name = _one_line(display_name or parts.from_value.partition("<")[0]).strip(" \"'")
    return ("" if "@" in display_name else display_name), address


def _role(subject_role: str, body: str) -> str:
    if subject_role:
        return subject_role
    for pattern in _BODY_ROLE:
        match = pattern.search(body)
        if match and (role := _plausible_role(match["role"])):
            return role
    return ""


def parse_rejection_email(raw: bytes | str, *, tz: tzinfo | None = None) -> ParsedEmail:
    """Pull the sender, company, role and date out of an email, or raise InvalidInput.

    `raw` is an .eml file's bytes, or text the user pasted (a whole message with headers, or
    a body copied from a mail app, perhaps with "From:" and "Subject:" lines on top). `tz`
    reads dates written without a zone (as mail apps print them when copying); without it,
    such a date is left out rather than guessed.
    """
    if len(raw) > MAX_EMAIL_BYTES:
        raise InvalidInput("That email is too large to read (over 5 MB): paste just its text.")
    text = _decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidInput("There is nothing to read: drop an .eml file or paste the email.")
    if _looks_binary(text):
        raise InvalidInput("That file is not an email: drop an .eml file or paste the text.")

    parts = _read_parts(raw, text)
    display_name, address = _sender(parts, text)
    subject_role, subject_company = _from_subject(parts.subject)
    role = _role(subject_role, parts.body)
    name_company, is_team = _company_from_display_name(display_name)
    signed_person, signed_company = _signature(parts.body)
    body_match = _BODY_COMPANY.search(parts.body)
    candidates = (
        _plausible_company(parts.organization),
        subject_company,
        name_company,
        signed_company,
        _plausible_company(body_match["company"]) if body_match else "",
        _company_from_domain(address) if address else "",
    )
    company = next((candidate for candidate in candidates if candidate), "")

    sender_name = "" if is_team else _person_from_display_name(display_name)
    if not sender_name or (company and sender_name.lower() == company.lower()):
        sender_name = signed_person

    if not (address or company or role):
        raise InvalidInput(
            "Couldn't find a sender, company or role in that text: paste the whole email, "
            "with its From and Subject lines, or fill the form by hand."
        )
    return ParsedEmail(
        sender_name=sender_name,
        sender_email=address,
        company=company,
        role=role,
        received_at=_parse_date(parts.date_value, tz) if parts.date_value else None,
        subject=parts.subject,
        no_reply=bool(_NO_REPLY.match(address.partition("@")[0])) if address else False,
    )
