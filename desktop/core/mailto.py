"""`mailto:` links (RFC 6068) that open a prefilled draft in the user's mail app.

Only `to`, `subject` and `body` are used: other header fields are ignored or refused by many
clients. Everything outside RFC 3986's unreserved set is percent-encoded as UTF-8, so `&`,
`?`, `#`, `%`, `,` and `+` inside the text can't end a field early, add a recipient or be
read as a space. Line breaks become `%0D%0A`, as the RFC asks, whatever the editor produced.
The address is the plain ASCII addr-spec of `desktop.core.mailbox` (no display name: RFC
6068 has none), and the subject is one line of text, as in an `.eml` draft.

Like the `.eml` builder, the finished link is read back and refused unless it holds exactly
the intended address and fields.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from desktop.core.errors import InvalidInput
from desktop.core.mailbox import Mailbox, encodable, one_line

# Past roughly this length some mail apps and OS launchers truncate or drop the link; the UI
# falls back to the clipboard instead.
MAILTO_LIMIT = 2000
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _encode(text: str, safe: str = "") -> str:
    return quote(text, safe=safe, encoding="utf-8", errors="strict")


def _field(name: str, value: str) -> str:
    return name + "=" + _encode(value.replace("\n", "\r\n"))


def build_mailto(to: Mailbox | None, subject: str, body: str) -> str:
    """A `mailto:` URL for a draft to `to` with `subject` and `body`.

    Raises InvalidInput when the address can't be written. `@` stays literal in the address
    part, where RFC 6068 allows it and some clients insist on it.
    """
    address = to.addr_spec if to is not None else ""
    line = one_line(subject)
    text = _LINE_BREAK.sub("\n", encodable(body))
    fields = [(name, value) for name, value in (("subject", line), ("body", text)) if value]
    query = "&".join(_field(name, value) for name, value in fields)
    url = "mailto:" + _encode(address, safe="@") + ("?" + query if query else "")
    if read_mailto(url) != (address, fields):
        raise InvalidInput("The mail link could not be written safely; save an .eml draft.")
    return url


def mailto_fits(url: str) -> bool:
    """Whether `url` is short enough to hand to the mail app rather than the clipboard."""
    return len(url) <= MAILTO_LIMIT


def read_mailto(url: str) -> tuple[str, list[tuple[str, str]]]:
    """The address and the `(name, value)` fields of a `mailto:` URL, as a mail app reads
    them: percent-decoded, names in lower case, line breaks as "\\n".

    Raises InvalidInput for anything that isn't `mailto:`.
    """
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() != "mailto":
        raise InvalidInput("That link is not a mailto: link.")
    address, _, query = rest.partition("?")
    fields = []
    for field in query.split("&") if query else []:
        key, _, value = field.partition("=")
        fields.append(
            (unquote(key).lower(), _LINE_BREAK.sub("\n", unquote(value, errors="replace")))
        )
    return unquote(address, errors="replace"), fields
