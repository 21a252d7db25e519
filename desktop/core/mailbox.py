"""A person's name and address as a draft's header or `mailto:` link carries them.

Names and addresses reach a draft from strangers (a pasted or dropped rejection email) as
much as from the user. Before they go near a header, each is made one line of text, and the
address is made plain ASCII: the domain as punycode (IDNA 2008 with UTS #46 mapping, as
browsers and mail apps use), the local part a dot-atom. Anything else is refused with a
sentence the user can act on, because an address the mail app can't read helps nobody and
an odd one (a comma, a quote, an encoded word) is how a header gets smuggled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import idna

from desktop.core.errors import InvalidInput

# RFC 5321's limit on a forward path, which every mail app honours.
MAX_ADDRESS_LENGTH = 254
# RFC 5322's dot-atom, ASCII only: no quoted local parts, no comments, no domain literals.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
# Host names as DNS has them after punycode; an underscore is tolerated, as mail servers do.
_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")
# C0, DEL and C1 controls: each would end a header line, or make the email package refuse
# the message.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def encodable(text: str) -> str:
    """`text` with lone surrogates, which UTF-8 can't carry, replaced by U+FFFD."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def one_line(text: str) -> str:
    """`text` as header text: each run of spaces and control characters becomes one space.

    Any kind of space counts (a no-break space, U+2028): mail readers collapse them anyway.
    """
    return " ".join(_CONTROLS.sub(" ", encodable(text)).split())


def _shown(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= 60 else line[:57] + "..."


def ascii_address(text: str) -> str:
    """`text` as an ASCII addr-spec ("dana@xn--bcher-kva.example"), or InvalidInput."""
    address = text.strip()
    problem = f"“{_shown(address)}” is not an email address a mail app can use"
    local, at, domain = address.rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local) or "=?" in local:
        # "=?" would make the local part an encoded word to some readers.
        raise InvalidInput(f"{problem}: the part before the @ must be plain letters and digits.")
    try:
        # Mapped as a whole, so that a full stop from another script ("。") splits labels.
        ascii_domain = domain if domain.isascii() else idna.encode(domain, uts46=True).decode()
    except (idna.IDNAError, UnicodeError):
        raise InvalidInput(f"{problem}: the part after the @ is not a domain name.") from None
    labels = ascii_domain.removesuffix(".").split(".")
    if not all(_LABEL.fullmatch(label) for label in labels):
        raise InvalidInput(f"{problem}: the part after the @ is not a domain name.")
    result = f"{local}@{'.'.join(labels)}"
    if len(result) > MAX_ADDRESS_LENGTH:
        raise InvalidInput(f"{problem}: it is longer than {MAX_ADDRESS_LENGTH} characters.")
    return result


@dataclass(frozen=True, slots=True)
class Mailbox:
    """Who a draft is to or from: a display name (may be empty) and an address."""

    name: str
    email: str

    @property
    def display_name(self) -> str:
        return one_line(self.name)

    @property
    def addr_spec(self) -> str:
        """The address as headers and links carry it; raises InvalidInput."""
        return ascii_address(self.email)


def mailbox_or_none(name: str, email: str) -> Mailbox | None:
    """A Mailbox when there is an address to write to; a name alone is no mailbox."""
    return Mailbox(name, email) if email.strip() else None
