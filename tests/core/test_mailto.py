from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.mailto import (
    MAILTO_LIMIT,
    build_mailto,
    mailto_fits,
    normalize_newlines,
    parse_mailto,
)

UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def test_spaces_and_line_breaks_are_encoded_as_the_rfc_asks() -> None:
    url = build_mailto("dana@acme.example", "Why not me?", "Hi Dana,\nThanks.\r\nSam")
    assert url == (
        "mailto:dana@acme.example?subject=Why%20not%20me%3F&body=Hi%20Dana%2C%0D%0AThanks.%0D%0ASam"
    )
    assert "+" not in url


def test_only_to_subject_and_body() -> None:
    url = build_mailto("a@b.example", "s", "b")
    query = urlsplit(url).query
    assert [part.split("=")[0] for part in query.split("&")] == ["subject", "body"]
    assert build_mailto("a@b.example", "", "") == "mailto:a@b.example"


def test_hostile_characters_cannot_inject_fields() -> None:
    url = build_mailto("x@y.example", "a&cc=evil@x.example", "b#c?d%e&bcc=x@y.example+1")
    assert parse_mailto(url) == ("x@y.example", "a&cc=evil@x.example", "b#c?d%e&bcc=x@y.example+1")
    assert "cc=" not in url.replace("%26cc%3D", "").replace("%26bcc%3D", "")


def test_a_subject_is_one_line() -> None:
    _to, subject, _body = parse_mailto(build_mailto("a@b.example", "one\ntwo", ""))
    assert subject == "one two"


def test_fits_is_the_2000_character_limit() -> None:
    assert mailto_fits("mailto:" + "a" * (MAILTO_LIMIT - 7))
    assert not mailto_fits("mailto:" + "a" * (MAILTO_LIMIT - 6))
    assert not mailto_fits(build_mailto("a@b.example", "s", "é" * 400))


def test_parse_refuses_other_schemes() -> None:
    with pytest.raises(InvalidInput):
        parse_mailto("https://example.org/?subject=x")


hostile = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(["&", "?", "#", "%", "%20", "+", "=", "\r\n", "\n", "\r", "é", "🙂", "a"])
    ).map("".join),
)


@given(hostile, hostile)
def test_round_trip_of_any_subject_and_body(subject: str, body: str) -> None:
    url = build_mailto("dana@acme.example", subject, body)
    to, parsed_subject, parsed_body = parse_mailto(url)
    assert to == "dana@acme.example"
    assert parsed_body == normalize_newlines(body)
    expected_subject = normalize_newlines(subject).replace("\n", " ")
    assert parsed_subject == expected_subject
    query = url.partition("?")[2]
    allowed = UNRESERVED | set("%=&")
    assert set(query) <= allowed, "everything outside unreserved is percent-encoded"


@given(st.text())
def test_any_address_text_survives(to: str) -> None:
    url = build_mailto(to, "s", "b")
    assert parse_mailto(url)[0] == to.strip()
    assert "?" not in url.partition("?")[0][7:]
