from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.mailbox import Mailbox
from desktop.core.mailto import MAILTO_LIMIT, build_mailto, mailto_fits, read_mailto
from tests.core.hostile import (
    BAD_ADDRESSES,
    IDN_ADDRESSES,
    INJECTIONS,
    header_line,
    header_text,
)

UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
DANA = Mailbox("Dana Reyes", "dana@acme.example")


def test_spaces_and_line_breaks_are_encoded_as_the_rfc_asks() -> None:
    url = build_mailto(DANA, "Why not me?", "Hi Dana,\nThanks.\r\nSam")
    assert url == (
        "mailto:dana@acme.example?subject=Why%20not%20me%3F&body=Hi%20Dana%2C%0D%0AThanks.%0D%0ASam"
    )
    assert "+" not in url


def test_only_to_subject_and_body_and_no_display_name() -> None:
    url = build_mailto(DANA, "s", "b")
    query = urlsplit(url).query
    assert [part.split("=")[0] for part in query.split("&")] == ["subject", "body"]
    assert build_mailto(DANA, "", "") == "mailto:dana@acme.example"
    assert build_mailto(None, "s", "") == "mailto:?subject=s"


def test_hostile_characters_cannot_inject_fields() -> None:
    url = build_mailto(DANA, "a&cc=evil@x.example", "b#c?d%e&bcc=x@y.example+1")
    assert read_mailto(url) == (
        "dana@acme.example",
        [("subject", "a&cc=evil@x.example"), ("body", "b#c?d%e&bcc=x@y.example+1")],
    )
    assert "cc=" not in url.replace("%26cc%3D", "").replace("%26bcc%3D", "")


def test_a_subject_is_one_line_as_in_an_eml_draft() -> None:
    _to, fields = read_mailto(build_mailto(DANA, " one\r\ntwo\x00 three ", ""))
    assert fields == [("subject", "one two three")]


@pytest.mark.parametrize(("typed", "written"), IDN_ADDRESSES)
def test_international_domains_are_written_as_punycode(typed: str, written: str) -> None:
    assert build_mailto(Mailbox("", typed), "", "") == f"mailto:{written}"


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_an_address_that_could_add_a_recipient_or_field_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match="not an email address a mail app can use"):
        build_mailto(Mailbox("Dana", address), "s", "b")


def test_every_generated_injection_stays_inside_its_field() -> None:
    for value in INJECTIONS:
        url = build_mailto(DANA, value, value)
        address, fields = read_mailto(url)
        assert address == "dana@acme.example"
        assert [name for name, _value in fields] == ["subject", "body"]
        assert set(url.partition("?")[2]) <= UNRESERVED | set("%=&")


def test_fits_is_the_2000_character_limit() -> None:
    assert mailto_fits("mailto:" + "a" * (MAILTO_LIMIT - 7))
    assert not mailto_fits("mailto:" + "a" * (MAILTO_LIMIT - 6))
    assert not mailto_fits(build_mailto(DANA, "s", "é" * 400))


def test_read_refuses_other_schemes() -> None:
    with pytest.raises(InvalidInput):
        read_mailto("https://example.org/?subject=x")


hostile = st.one_of(
    header_text,
    st.lists(
        st.sampled_from(["&", "?", "#", "%", "%20", "+", "=", "\r\n", "\n", "\r", "é", "🙂", "a"])
    ).map("".join),
)


@given(st.emails(), hostile, hostile)
def test_round_trip_of_any_address_subject_and_body(address: str, subject: str, body: str) -> None:
    url = build_mailto(Mailbox("", address), subject, body)
    parsed_address, fields = read_mailto(url)
    assert parsed_address == address
    expected_body = body.replace("\r\n", "\n").replace("\r", "\n")
    assert dict(fields).get("body", "") == expected_body
    assert set(dict(fields)) <= {"subject", "body"}
    assert dict(fields).get("subject", "") == header_line(subject)
    assert set(url.partition("?")[2]) <= UNRESERVED | set("%=&"), "all else percent-encoded"
