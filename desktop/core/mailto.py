"""`mailto:` links (RFC 6068) that open a prefilled draft in the user's mail app.

Only `to`, `subject` and `body` are used: other header fields are ignored or refused by many
clients. Everything outside RFC 3986's unreserved set is percent-encoded as UTF-8, so `&`,
`?`, `#`, `%` and `+` inside the text can't end a field early or be read as a space. Line
breaks become `%0D%0A`, as the RFC asks, whatever the editor produced.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from desktop.core.errors import InvalidInput

# Past roughly this length some mail apps and OS launchers truncate or drop the link; the UI
# falls back to the clipboard instead.
MAILTO_LIMIT = 2000
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _clean(text: str) -> str:
    """Replace lone surrogates (which UTF-8 can't encode) with U+FFFD instead of failing."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def normalize_newlines(text: str) -> str:
    return _LINE_BREAK.sub("\n", text)


def _encode(text: str, safe: str = "") -> str:
    return quote(_clean(text), safe=safe, encoding="utf-8", errors="strict")


def build_mailto(to: str, subject: str, body: str) -> str:
    """A `mailto:` URL for a draft to `to` with `subject` and `body`.

    A subject is one line, so its line breaks become spaces. `@` and `,` stay literal in the
    address part, where RFC 6068 allows them and some clients insist on them.
    """
    one_line_subject = _LINE_BREAK.sub(" ", subject)
    fields: list[str] = []
    if one_line_subject:
        fields.append("subject=" + _encode(one_line_subject))
    if body:
        fields.append("body=" + _encode(_LINE_BREAK.sub("\r\n", body)))
    url = "mailto:" + _encode(to.strip(), safe="@,")
    return url + ("?" + "&".join(fields) if fields else "")


def mailto_fits(url: str) -> bool:
    """Whether `url` is short enough to hand to the mail app rather than the clipboard."""
    return len(url) <= MAILTO_LIMIT


def parse_mailto(url: str) -> tuple[str, str, str]:
    """`(to, subject, body)` from a `mailto:` URL; line breaks in the body come back as "\\n".

    Other header fields are ignored. Raises InvalidInput for anything that isn't `mailto:`.
    """
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() != "mailto":
        raise InvalidInput("That link is not a mailto: link.")
    address, _, query = rest.partition("?")
    subject = body = ""
    for field in query.split("&") if query else []:
        key, _, value = field.partition("=")
        key = unquote(key).lower()
        if key == "subject":
            subject = unquote(value, errors="replace")
        elif key == "body":
            body = normalize_newlines(unquote(value, errors="replace"))
    return unquote(address, errors="replace"), subject, body
