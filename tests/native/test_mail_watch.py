"""The mail readers in this process: a local message is read bounded, a failing IMAP source
reports its reason and backs off without holding anything up, and the app's service reads a
maildir when the file system says it changed."""

from __future__ import annotations

import mailbox
import socket
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.mail_sources import (
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    Finding,
    SourceKind,
    SourceSpec,
    parse_source,
)
from desktop.native.mail_service import MailService
from desktop.native.mail_watch import IdleWatcher, LocalMailbox, MailChecker
from desktop.store.database import Database
from desktop.store.mail import ImapMark, MailStore
from desktop.store.repository import Store
from tests.fakes import FakePasswords
from tests.mail_messages import rejection

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@pytest.fixture
def mail(database: Database) -> MailStore:
    return MailStore(database)


def _checker(mail: MailStore) -> MailChecker:
    return MailChecker(mail, FakePasswords(), now=lambda: NOW, tz=lambda: UTC)


def test_a_huge_local_message_is_read_bounded(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Mail")
    box.add(b"Subject: big\n" + b"X-Filler: " + b"y" * 200_000 + b"\n\n" + b"z" * 10_000_000)
    box.close()
    with LocalMailbox(SourceSpec(SourceKind.MAILDIR, path=str(tmp_path / "Mail"))) as local:
        ((_key, read),) = local.messages()
        assert len(read()) <= MAX_HEADER_BYTES + MAX_BODY_BYTES


def test_a_failing_imap_source_says_why_backs_off_and_stops_at_once(mail: MailStore) -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    source = mail.add_source(
        parse_source(f"imaps://sam@127.0.0.1:{port}"), now=NOW, mark=ImapMark(1, 1)
    )
    statuses: list[tuple[int, str]] = []
    found: list[list[Finding]] = []
    reported = threading.Event()

    def on_status(source_id: int, reason: str) -> None:
        statuses.append((source_id, reason))
        reported.set()

    watcher = IdleWatcher(
        source,
        _checker(mail),
        FakePasswords(),
        on_found=found.append,
        on_status=on_status,
        reload_source=mail.get_source,
    )
    watcher.start()
    assert reported.wait(10)
    ((source_id, reason),) = statuses
    assert source_id == source.id
    assert reason.startswith(f"cannot reach 127.0.0.1:{port}: ")
    started = time.monotonic()
    watcher.stop()  # while it waits out the first delay (5 s)
    assert time.monotonic() - started < 2
    assert len(statuses) == 1
    assert found == []


def test_the_service_reads_a_maildir_when_it_changes(
    qtbot: QtBot, tmp_path: Path, mail: MailStore
) -> None:
    box = mailbox.Maildir(tmp_path / "Mail")
    spec = SourceSpec(SourceKind.MAILDIR, path=str(tmp_path / "Mail"))
    source = mail.add_source(spec, now=NOW)
    service = MailService(mail, _checker(mail), FakePasswords())
    try:
        with qtbot.waitSignal(service.status_changed, timeout=10_000) as first:
            service.start()
        assert first.args == [source.id, ""]
        with qtbot.waitSignal(service.found, timeout=10_000) as found:
            box.add(rejection(1))
        (finding,) = found.args[0]
        assert isinstance(finding, Finding)
        assert finding.rejection.role == "Data Analyst 1"
        assert mail.get_source(source.id).last_checked_at == NOW
    finally:
        service.stop()
        box.close()


def test_a_check_names_the_company_as_the_user_typed_it(
    tmp_path: Path, database: Database, mail: MailStore
) -> None:
    """The companies are read from the store when a check starts: a rejection from a
    domain that spells the name gives the application's own spelling."""
    Store(database).add_application("Müller & Söhne KG", "Buchhalter", now=NOW)
    box = mailbox.Maildir(tmp_path / "Mail")
    source = mail.add_source(SourceSpec(SourceKind.MAILDIR, path=str(tmp_path / "Mail")), now=NOW)
    box.add(
        b"From: Personal <personal@mueller-soehne.example>\n"
        b"Subject: Ihre Bewerbung als Buchhalter\n\n"
        b"Leider haben wir uns fuer einen anderen Bewerber entschieden.\n"
    )
    box.close()
    (finding,) = _checker(mail).check(source)
    assert finding.rejection.company == "Müller & Söhne KG"
