"""Mail sources as the user types them, what is kept of a rejection, and the retry delays."""

from __future__ import annotations

from datetime import UTC

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.mail_sources import (
    LAST_RETRY_S,
    Rejection,
    SourceKind,
    SourceSpec,
    notification_title,
    parse_source,
    read_rejection,
    retry_delay,
)
from tests.mail_messages import SENT, invitation, rejection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maildir:~/Mail/inbox", SourceSpec(SourceKind.MAILDIR, path="~/Mail/inbox")),
        ("MBOX:/var/mail/sam", SourceSpec(SourceKind.MBOX, path="/var/mail/sam")),
        (
            "imaps://sam@Mail.Example.org",
            SourceSpec(SourceKind.IMAPS, user="sam", host="mail.example.org"),
        ),
        (
            "imaps://sam@example.org@imap.example.org:1993/Jobs/Replies",
            SourceSpec(
                SourceKind.IMAPS,
                user="sam@example.org",
                host="imap.example.org",
                port=1993,
                folder="Jobs/Replies",
            ),
        ),
        (
            "imaps://sam%40example.org@[::1]:10993/INBOX",
            SourceSpec(SourceKind.IMAPS, user="sam@example.org", host="[::1]", port=10993),
        ),
    ],
)
def test_sources_parse(text: str, expected: SourceSpec) -> None:
    assert parse_source(text) == expected


def test_the_location_reads_back_as_the_same_source() -> None:
    for text in ("maildir:/home/sam/Mail", "imaps://sam@example.org@imap.example.org/Jobs"):
        spec = parse_source(text)
        assert parse_source(spec.location) == spec
    assert parse_source("imaps://sam@h").location == "imaps://sam@h:993/INBOX"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "give a mail source"),
        ("maildir:", "needs a path"),
        ("imap://sam@h", "only imaps://"),
        ("imaps://sam:pw@h", "leave the password out"),
        ("imaps://h", "needs the user name"),
        ("imaps://sam@h:0", "not a port number"),
        ("imaps://sam@h:x", "not a port number"),
        ("imaps://sam@-h-", "not a host name"),
        ("maildir:/a\nb", "control characters"),
        ("pop3://sam@h", "not a mail source"),
        ("x" * 2000, "give a mail source"),
    ],
)
def test_bad_sources_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_source(text)


def test_only_a_rejection_is_read_as_one_and_only_its_fields_are_kept() -> None:
    assert read_rejection(rejection(1), tz=UTC) == Rejection(
        company="Acme",
        role="Data Analyst 1",
        contact_name="Dana Reyes",
        contact_email="dana@acme.example",
        sender="dana@acme.example",
        received_at=SENT.replace(minute=31),
    )
    assert read_rejection(invitation(2), tz=UTC) is None
    assert read_rejection(b"", tz=UTC) is None  # the parser refuses it: not a rejection


def test_a_no_reply_sender_is_remembered_but_not_the_contact() -> None:
    raw = rejection(1).replace(b"dana@acme.example", b"no-reply@acme.example")
    found = read_rejection(raw, tz=UTC)
    assert found is not None
    assert (found.contact_email, found.sender) == ("", "no-reply@acme.example")


def test_the_notification_says_who_said_no_to_what() -> None:
    found = Rejection("Acme", "Data Analyst", "", "", "", None)
    assert notification_title(found) == "Acme said no to Data Analyst — ask why now?"
    unknown = Rejection("", "", "", "", "", None)
    assert notification_title(unknown) == "A company said no — ask why now?"


def test_retries_back_off_to_a_ceiling() -> None:
    delays = [retry_delay(n) for n in range(1, 12)]
    assert delays[:4] == [5.0, 10.0, 20.0, 40.0]
    assert delays == sorted(delays)
    assert delays[-1] == LAST_RETRY_S
    assert retry_delay(10**6) == LAST_RETRY_S
