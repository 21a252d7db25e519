"""The mail tables: a source's current messages count as seen, each message is recorded
once (with its finding in the same transaction), "Not a rejection" grows the sender's hint,
and removing a source removes what it left."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.mail_sources import Rejection, parse_source
from desktop.store.database import Database
from desktop.store.mail import ImapMark, MailStore

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
FOUND = Rejection("Acme", "Data Analyst", "Dana", "dana@acme.example", "dana@acme.example", NOW)


@pytest.fixture
def mail(database: Database) -> MailStore:
    return MailStore(database)


def test_what_a_source_holds_at_add_is_seen_and_never_examined(mail: MailStore) -> None:
    source = mail.add_source(parse_source("maildir:/m"), now=NOW, existing_keys=["a", "b"])
    assert mail.unseen(source.id, ["a", "c", "b", "d"]) == ["c", "d"]
    with pytest.raises(InvalidInput, match="already mail source #1"):
        mail.add_source(parse_source("maildir:/m"), now=NOW)


def test_a_message_is_recorded_once_whoever_reads_it(mail: MailStore) -> None:
    source = mail.add_source(parse_source("mbox:/m"), now=NOW)
    first = mail.record(source.id, "id:<1@x>", FOUND, now=NOW)
    assert first is not None
    assert first.rejection == FOUND
    assert mail.record(source.id, "id:<1@x>", FOUND, now=NOW) is None
    assert mail.record(source.id, "id:<2@x>", None, now=NOW) is None
    assert mail.unseen(source.id, ["id:<1@x>", "id:<2@x>"]) == []
    assert [finding.id for finding in mail.findings()] == [first.id]


def test_an_imap_mark_only_moves_forward(mail: MailStore) -> None:
    source = mail.add_source(parse_source("imaps://sam@h"), now=NOW, mark=ImapMark(7, 10))
    mail.record(source.id, "uid:7:12", None, now=NOW, uid_next=13)
    mail.record(source.id, "uid:7:11", None, now=NOW, uid_next=12)
    assert mail.get_source(source.id).imap_uid_next == 13
    mail.reset_mark(source.id, ImapMark(8, 1))
    again = mail.get_source(source.id)
    assert (again.imap_uid_validity, again.imap_uid_next) == (8, 1)


def test_not_a_rejection_makes_the_sender_quiet(mail: MailStore) -> None:
    source = mail.add_source(parse_source("mbox:/m"), now=NOW)
    first = mail.record(source.id, "1", FOUND, now=NOW)
    assert first is not None
    assert not first.quiet
    dismissed = mail.dismiss_finding(first.id)
    assert dismissed.id == first.id
    assert mail.findings() == []
    second = mail.record(source.id, "2", FOUND, now=NOW)
    assert second is not None
    assert second.quiet
    with pytest.raises(InvalidInput, match="already logged or dismissed"):
        mail.dismiss_finding(first.id)
    assert mail.take_finding(second.id).rejection == FOUND
    assert mail.findings() == []


def test_status_and_removal(mail: MailStore) -> None:
    source = mail.add_source(parse_source("mbox:/m"), now=NOW)
    mail.set_status(source.id, now=NOW, error="cannot read /m")
    failing = mail.get_source(source.id)
    assert (failing.last_checked_at, failing.last_error) == (NOW, "cannot read /m")
    mail.record(source.id, "1", FOUND, now=NOW)
    assert mail.remove_source(source.id).spec == source.spec
    assert mail.sources() == []
    assert mail.findings() == []
    with pytest.raises(InvalidInput, match="no mail source #1"):
        mail.remove_source(source.id)


def test_a_strangers_fields_are_kept_by_the_rules_and_never_block_the_seen_mark(
    mail: MailStore,
) -> None:
    source = mail.add_source(parse_source("mbox:/m"), now=NOW)
    hostile = Rejection(
        company="Acme\u202e Corp\x00",
        role="R" * 5000,
        contact_name="Dana\nReyes",
        contact_email="not an address",
        sender="dana@acme.example",
        received_at=datetime(1, 1, 1, tzinfo=UTC),
    )
    finding = mail.record(source.id, "1", hostile, now=NOW)
    assert finding is not None
    kept = finding.rejection
    assert (kept.company, kept.contact_name) == ("Acme Corp", "Dana Reyes")
    assert kept.role == "R" * 200
    assert kept.contact_email == ""
    assert kept.received_at == datetime(1970, 1, 1, tzinfo=UTC)
    assert mail.unseen(source.id, ["1"]) == []
