"""Hostile emails written by the tests: each shape made linear reading slow (or recursive)
before the parser was bounded. Shared by tests/core/test_email_parsing_hostile.py and the
benchmark tests/perf/email_parse.py, so both measure the same inputs.

Each shape takes a size in bytes and returns an input of about that size: bytes for a dropped
.eml file, str for pasted text.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.email_parsing import MAX_BODY_CHARS

NORMAL_BODY = """Hi Sam,

Thank you for your interest in Acme Corp and for the time you gave us for the Data Analyst
position. After careful consideration we have decided not to move forward.

Best regards,
Dana Reyes
Talent Acquisition | Acme Corp
"""


def _eml(headers: str, body: str, *, content_type: str = "text/plain") -> bytes:
    return (
        f"{headers}MIME-Version: 1.0\nContent-Type: {content_type}; charset=utf-8\n\n{body}"
    ).encode()


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def normal(size: int) -> bytes:
    """A real-looking rejection with a long quoted history below it."""
    quoted = _fill("> On Mon, 2 Mar 2026, Sam wrote: I am applying for the role.\n", size)
    return _eml(
        "From: Dana Reyes <dana.reyes@acme.example>\nSubject: Your application for Data Analyst\n"
        "Date: Tue, 03 Mar 2026 10:15:00 +0100\n",
        NORMAL_BODY + "\n" + quoted,
    )


def pasted_without_at(size: int) -> str:
    """Pasted text that is one long run of address characters and no "@"."""
    return _fill("a", size)


def html_of_less_thans(size: int) -> bytes:
    return _eml("From: a@acme.example\nSubject: Hi\n", _fill("<", size), content_type="text/html")


def html_of_unclosed_scripts(size: int) -> bytes:
    return _eml(
        "From: a@acme.example\nSubject: Hi\n", _fill("<script<br", size), content_type="text/html"
    )


def subject_of_parentheses(size: int) -> bytes:
    return _eml(f"From: a@acme.example\nSubject: {_fill('(', size)}\n", "Hello.")


def pasted_subject_of_parentheses(size: int) -> str:
    return f"From: a@acme.example\nSubject: {_fill('(', size)}\n\nHello."


def long_sender_name(size: int) -> bytes:
    return _eml(f"From: {_fill('A', size)} <a@acme.example>\nSubject: Hi\n", "Hello.")


def repeated_encoded_words(size: int) -> bytes:
    return _eml(f"From: a@acme.example\nSubject: {_fill('=?utf-8?q?a?= ', size)}\n", "Hello.")


def multipart_nested(levels: int) -> bytes:
    """A multipart inside a multipart, `levels` deep."""
    head = "".join(
        f"Content-Type: multipart/mixed; boundary=b{level}\n\n--b{level}\n"
        for level in range(levels)
    )
    return f"From: a@acme.example\nSubject: Hi\n{head}Content-Type: text/plain\n\nHi\n".encode()


def nested_multipart(size: int) -> bytes:
    return multipart_nested(max(1, size // 55))  # a level takes about 55 bytes


def body_of_phrase_starts(size: int) -> bytes:
    """A body that starts a company, role or signature phrase at every few characters."""
    unit = "for the interest in A, Acme at X for the Data "
    return _eml("From: a@acme.example\nSubject: Hi\n", _fill(unit, size))


SHAPES: dict[str, Callable[[int], bytes | str]] = {
    "normal": normal,
    "pasted_without_at": pasted_without_at,
    "html_of_less_thans": html_of_less_thans,
    "html_of_unclosed_scripts": html_of_unclosed_scripts,
    "subject_of_parentheses": subject_of_parentheses,
    "pasted_subject_of_parentheses": pasted_subject_of_parentheses,
    "long_sender_name": long_sender_name,
    "repeated_encoded_words": repeated_encoded_words,
    "nested_multipart": nested_multipart,
    "body_of_phrase_starts": body_of_phrase_starts,
}

# Past the window the heuristics read, so the 1x and 4x inputs both go through every path.
SCALING_SIZE = 2 * MAX_BODY_CHARS
