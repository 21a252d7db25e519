"""A hostile corpus for everything that reaches a draft's header, generated here.

Each value is built from its parts (a line break, a header name, an encoding), so the
corpus covers every combination rather than a few copied samples.
"""

from __future__ import annotations

import base64
import itertools
import re
from email import message_from_bytes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default

from hypothesis import strategies as st

LINE_BREAKS = ("\r\n", "\n", "\r", "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
HEADERS = ("Bcc", "Cc", "To", "From", "Subject", "Reply-To", "X-Unsent", "Content-Type")
EVIL = "evil@attacker.example"
CONTENT = ["Content-Type", "Content-Transfer-Encoding", "MIME-Version"]


def header_line(text: str) -> str:
    """What a header should read back as: every run of spaces or controls one space."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text).split())


def _q(payload: str, charset: str = "utf-8") -> str:
    encoded = "".join(f"={byte:02X}" for byte in payload.encode(charset, "replace"))
    return f"=?{charset}?q?{encoded}?="


def _b(payload: str, charset: str = "utf-8") -> str:
    encoded = base64.b64encode(payload.encode(charset, "replace")).decode("ascii")
    return f"=?{charset}?b?{encoded}?="


def _injections() -> list[str]:
    values: list[str] = []
    for line_break, header in itertools.product(LINE_BREAKS, HEADERS):
        payload = f"{line_break}{header}: {EVIL}"
        values.extend(
            [
                f"Acme{payload}",
                _q(payload),
                _b(payload),
                _q(payload, "iso-8859-1"),
                # Double-encoded: a reader that decodes twice must not find a header either.
                _b(_q(payload)),
                f"Dana {_q(payload)} Reyes",
                f"x{_q(payload)}y",  # no spaces around: some readers decode it anyway
                _q(payload).replace("?q?", "?Q?").replace("utf-8", "UTF-8*en"),
            ]
        )
    return values


INJECTIONS = tuple(_injections())
# Text that is hard to write as a header without any line break in it.
AWKWARD = (
    "Reyes, Dana",
    '"Dana" <dana@acme.example>',
    "Dana \\ Reyes",
    "(comment) Dana",
    "Müller & Söhne",
    "株式会社テスト",
    "\u202eevil\u202c",  # a right-to-left override
    "Is 2+2=?4",
    "=?",
    "?=",
    "=?utf-8?q?unterminated",
    "é" * 200,
    "x" * 700,
    "🙂" * 60,
    "word " * 150,
    "",
    " ",
)
IDN_ADDRESSES = (
    ("dana@bücher.example", "dana@xn--bcher-kva.example"),
    ("dana@faß.de", "dana@xn--fa-hia.de"),
    ("kontakt@例え。テスト", "kontakt@xn--r8jz45g.xn--zckzah"),
    ("Dana@ACME.example", "Dana@ACME.example"),
)
# Addresses a header or link must never carry: each would add a recipient or a header, or
# put an encoded word in the addr-spec.
BAD_ADDRESSES = (
    *(f"dana@acme.example{line_break}Bcc: {EVIL}" for line_break in LINE_BREAKS),
    f"dana@acme.example, {EVIL}",
    f"dana,{EVIL}",
    f"dana@acme.example>, <{EVIL}",
    f'"dana, {EVIL}"@acme.example',
    "=?utf-8?q?dana?=@acme.example",
    "dana@=?utf-8?q?acme?=.example",
    "dana@[127.0.0.1]",
    "dana@acme.example?bcc=" + EVIL,
    "dana@acme.example&bcc=" + EVIL,
    "dana@",
    "@acme.example",
    "dana",
    "dänä@acme.example",
    "dana@-acme.example",
    "dana@acme..example",
    "a" * 250 + "@acme.example",
)

header_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(INJECTIONS),
    st.sampled_from(AWKWARD),
    st.lists(
        st.one_of(
            st.sampled_from(INJECTIONS),
            st.sampled_from(LINE_BREAKS),
            st.sampled_from(["=?", "?=", "?q?", "?b?", '"', "\\", "<", ">", ",", ";", ":", "é"]),
            st.text(max_size=8),
        ),
        max_size=5,
    ).map("".join),
)
addresses = st.one_of(
    st.just(""),
    st.emails(),
    st.sampled_from([raw for raw, _ascii in IDN_ADDRESSES]),
    st.sampled_from(BAD_ADDRESSES),
)


def read_draft(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def assert_exactly(
    raw: bytes, *, to: Address | None, sender: Address | None, subject: str
) -> EmailMessage:
    """The draft has exactly the intended headers, each once, no defect, each value exact."""
    message = read_draft(raw)
    expected = ["Subject", "Date", "X-Unsent", *CONTENT]
    expected += ["To"] * (to is not None) + ["From"] * (sender is not None)
    assert sorted(message.keys()) == sorted(expected)
    assert message.defects == []
    for name, value in message.items():
        assert value.defects == (), name
    assert str(message["Subject"]) == subject
    assert message["X-Unsent"] == "1"
    for name, address in (("To", to), ("From", sender)):
        if address is not None:
            assert message[name].addresses == (address,)
    # Raw, too: every line starts one of those headers or continues one, and fits RFC 5322.
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert line[:1] in b" \t" or line.split(b":")[0].decode() in expected, line
        assert len(line) <= 998
    return message
