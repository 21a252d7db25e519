from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.eml import build_eml
from desktop.core.errors import InvalidInput

DATE = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _read(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_draft_the_mail_app_opens_as_unsent() -> None:
    raw = build_eml(
        to="Dana Reyes <dana@acme.example>",
        subject="Feedback on my Data Analyst application – merci",
        body="Hi Dana,\nThanks — Sam 🙂",
        sender="Sam Lee <sam@example.org>",
        date=DATE,
    )
    assert b"\r\n" in raw
    message = _read(raw)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "Dana Reyes <dana@acme.example>"
    assert message["From"] == "Sam Lee <sam@example.org>"
    assert message["Subject"] == "Feedback on my Data Analyst application – merci"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n") == "Hi Dana,\nThanks — Sam 🙂\n"


def test_header_injection_stays_in_one_header() -> None:
    raw = build_eml(
        to="dana@acme.example", subject="Hi\r\nBcc: evil@x.example", body="b", date=DATE
    )
    message = _read(raw)
    assert message["Bcc"] is None
    assert "Bcc: evil@x.example" in message["Subject"]


@given(st.text(max_size=80), st.text(max_size=80), st.text(max_size=300))
def test_any_text_gives_a_readable_draft_or_a_clear_error(to: str, subject: str, body: str) -> None:
    try:
        raw = build_eml(to=to, subject=subject, body=body, date=DATE)
    except InvalidInput as error:
        message_text = str(error)
        assert "address" in message_text
        return
    message = _read(raw)
    assert message["X-Unsent"] == "1"
    assert message["Bcc"] is None


display_names = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40)


@given(st.emails(), display_names, st.text(max_size=80))
def test_real_addresses_with_any_display_name_survive(
    address: str, display_name: str, subject: str
) -> None:
    to = str(Address(display_name=display_name, addr_spec=address))
    raw = build_eml(to=to, subject=subject, body="b", date=DATE)
    (parsed,) = _read(raw)["To"].addresses
    assert parsed.addr_spec == address


def test_junk_address_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="not an email address"):
        build_eml(to="dana at acme", subject="s", body="b", date=DATE)
