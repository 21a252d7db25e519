from __future__ import annotations

from datetime import UTC, datetime
from email.headerregistry import Address

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.eml import DraftNotWritten, build_eml
from desktop.core.errors import InvalidInput
from desktop.core.mailbox import Mailbox
from tests.core.hostile import (
    BAD_ADDRESSES,
    IDN_ADDRESSES,
    INJECTIONS,
    assert_exactly,
    header_line,
    header_text,
    read_draft,
)

DATE = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DANA = Mailbox("Dana Reyes", "dana@acme.example")
SAM = Mailbox("Sam Lee", "sam@example.org")


def test_a_draft_the_mail_app_opens_as_unsent() -> None:
    raw = build_eml(
        to=DANA,
        sender=SAM,
        subject="Feedback on my Data Analyst application – merci",
        body="Hi Dana,\nThanks — Sam 🙂",
        date=DATE,
    )
    assert b"\r\n" in raw
    message = assert_exactly(
        raw,
        to=Address("Dana Reyes", "dana", "acme.example"),
        sender=Address("Sam Lee", "sam", "example.org"),
        subject="Feedback on my Data Analyst application – merci",
    )
    assert message["To"] == "Dana Reyes <dana@acme.example>"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n") == "Hi Dana,\nThanks — Sam 🙂\n"


def test_no_profile_address_no_from_and_no_contact_address_no_to() -> None:
    raw = build_eml(to=None, sender=None, subject="s", body="b", date=DATE)
    assert_exactly(raw, to=None, sender=None, subject="s")


def test_the_reported_encoded_word_injection_stays_text() -> None:
    role = "=?utf-8?q?=0D=0ABcc:_someone@evil.example?="
    raw = build_eml(
        to=Mailbox(f"Dana {role}", "dana@acme.example"),
        sender=Mailbox(f"Sam {role}", "sam@example.org"),
        subject=f"Feedback on my {role} application",
        body="b",
        date=DATE,
    )
    message = read_draft(raw)
    assert message["Bcc"] is None
    assert b"\r\nBcc:" not in raw
    assert str(message["Subject"]) == f"Feedback on my {role} application"
    assert message["To"].addresses[0].display_name == f"Dana {role}"
    assert message["From"].addresses[0].display_name == f"Sam {role}"


@pytest.mark.parametrize("field", ["subject", "to name", "from name"])
def test_every_generated_injection_reads_back_as_text(field: str) -> None:
    for value in INJECTIONS:
        to = Mailbox(value if field == "to name" else "Dana", "dana@acme.example")
        sender = Mailbox(value if field == "from name" else "Sam", "sam@example.org")
        subject = value if field == "subject" else "Feedback"
        raw = build_eml(to=to, sender=sender, subject=subject, body=value, date=DATE)
        assert_exactly(
            raw,
            to=Address(header_line(to.name), addr_spec=to.email),
            sender=Address(header_line(sender.name), addr_spec=sender.email),
            subject=header_line(subject),
        )


@pytest.mark.parametrize(("typed", "written"), IDN_ADDRESSES)
def test_international_domains_are_written_as_punycode(typed: str, written: str) -> None:
    raw = build_eml(to=Mailbox("Jürgen", typed), sender=None, subject="s", body="b", date=DATE)
    assert f"<{written}>".encode() in raw
    assert_exactly(raw, to=Address("Jürgen", addr_spec=written), sender=None, subject="s")


@pytest.mark.parametrize("address", BAD_ADDRESSES)
@pytest.mark.parametrize("field", ["to", "sender"])
def test_an_address_that_could_smuggle_a_header_is_refused(address: str, field: str) -> None:
    mailbox = Mailbox("Dana", address)
    arguments = {"to": DANA, "sender": SAM, field: mailbox}
    with pytest.raises(InvalidInput, match="not an email address a mail app can use"):
        build_eml(**arguments, subject="s", body="b", date=DATE)


def test_a_name_too_long_to_read_back_is_refused_not_garbled() -> None:
    # Past one line, the name must be split into encoded words, and readers disagree on
    # the space between two of them: the read-back check catches it.
    with pytest.raises(DraftNotWritten, match="could not be written safely"):
        build_eml(to=Mailbox("🙂" * 400, "d@x.e"), sender=None, subject="s", body="", date=DATE)


def test_a_naive_date_is_a_bug() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_eml(to=None, sender=None, subject="s", body="b", date=datetime(2026, 1, 1))


names = st.one_of(header_text, st.text(max_size=100))


@given(st.tuples(names, st.emails()), st.tuples(names, st.emails()), names, st.text(max_size=200))
def test_any_names_and_subject_give_exactly_the_intended_headers(
    to: tuple[str, str], sender: tuple[str, str], subject: str, body: str
) -> None:
    (to_name, to_email), (from_name, from_email) = to, sender
    raw = build_eml(
        to=Mailbox(to_name, to_email),
        sender=Mailbox(from_name, from_email),
        subject=subject,
        body=body,
        date=DATE,
    )
    assert_exactly(
        raw,
        to=Address(header_line(to_name), addr_spec=to_email),
        sender=Address(header_line(from_name), addr_spec=from_email),
        subject=header_line(subject),
    )
