"""Settings › Mail: a real maildir added, checked and removed through the page, with the
running MailService following; IMAP passwords in a real (file-backed) keyring only."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring  # type: ignore[import-untyped]
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop import APP_ID
from desktop.core.mail_sources import SourceKind, parse_source
from desktop.native.mail_service import MailService
from desktop.native.mail_setup import NewSource, save_source
from desktop.native.mail_watch import MailChecker, PasswordKeyring
from desktop.store.mail import ImapMark, MailStore
from desktop.store.repository import Store
from desktop.ui.mail_settings import AddSourceDialog, MailPage, MailSetup
from desktop.ui.settings_dialog import SettingsDialog
from tests.fakes import ManualClock, RecordingClipboard
from tests.mail_messages import rejection
from tests.ui.test_main_window import make_window

PASSWORD = "correct-horse-Ωmega-7781"
TIMEOUT_MS = 15_000


@pytest.fixture
def backend(tmp_path: Path) -> PlaintextKeyring:
    # The file backend `askwhy mail` is tested with, its file in this test's folder.
    keyring = PlaintextKeyring()
    keyring.file_path = str(tmp_path / "keyring.cfg")
    return keyring


@pytest.fixture
def setup(store: Store, backend: PlaintextKeyring) -> Iterator[MailSetup]:
    clock = ManualClock()
    mail, passwords = MailStore(store.database), PasswordKeyring(backend)
    checker = MailChecker(mail, passwords, now=clock.now, tz=clock.local_tz)
    service = MailService(mail, checker, passwords)
    yield MailSetup(service, mail, passwords, clock)
    service.stop()


@pytest.fixture
def page(qtbot: QtBot, setup: MailSetup) -> MailPage:
    page = MailPage(setup)
    qtbot.addWidget(page)
    page.show()
    return page


def _maildir(path: Path) -> mailbox.Maildir:
    return mailbox.Maildir(path)  # made, empty: cur, new and tmp


def _fill(dialog: AddSourceDialog, kind: SourceKind, where: str, password: str = "") -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    dialog.where_edit.setText(where)
    dialog.password_edit.setText(password)


def test_a_maildir_added_is_listed_watched_and_checked(
    qtbot: QtBot, tmp_path: Path, page: MailPage, setup: MailSetup
) -> None:
    box = _maildir(tmp_path / "Mail")
    box.add(rejection(1))  # already there: never read
    assert page.table.rowCount() == 0
    assert not page.remove_button.isEnabled()

    dialog = page.add()
    _fill(dialog, SourceKind.MAILDIR, str(tmp_path / "Mail"))
    assert not dialog.password_edit.isVisible()  # IMAP only
    with qtbot.waitSignal(page.sources_changed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    (source,) = setup.store.sources()
    assert source.spec.location == f"maildir:{(tmp_path / 'Mail').resolve()}"
    assert page.table.rowCount() == 1
    assert page.table.item(0, MailPage.SOURCE).text() == source.spec.location
    assert page.message.text().startswith(f"Added #{source.id}: maildir:")

    box.add(rejection(2))
    with qtbot.waitSignal(setup.service.found, timeout=TIMEOUT_MS) as found:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    (finding,) = found.args[0]
    assert finding.rejection.role == "Data Analyst 2"
    qtbot.waitUntil(lambda: "works" in page.message.text() or "found" in page.message.text())
    assert page.table.item(0, MailPage.STATE).text().startswith("read ")
    assert not page.error.isVisible()
    box.close()


def test_a_bad_source_is_one_message_and_nothing_is_added(
    qtbot: QtBot, tmp_path: Path, page: MailPage, setup: MailSetup
) -> None:
    dialog = page.add()
    _fill(dialog, SourceKind.MAILDIR, str(tmp_path / "nowhere"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT_MS)
    assert "is not a maildir" in dialog.error.text()
    assert "\n" not in dialog.error.text()
    assert dialog.isVisible()  # the user fixes it in place
    assert dialog.add_button.isEnabled()

    _fill(dialog, SourceKind.IMAPS, "sam:secret@mail.example")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "leave the password out of the source" in dialog.error.text()
    assert setup.store.sources() == []


def test_an_imap_login_that_fails_keeps_nothing(
    qtbot: QtBot, page: MailPage, setup: MailSetup, backend: PlaintextKeyring
) -> None:
    dialog = page.add()
    # Port 9 on this machine: nothing listens, so the login fails at once.
    _fill(dialog, SourceKind.IMAPS, "sam@127.0.0.1:9", PASSWORD)
    assert dialog.password_edit.isVisible()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT_MS)
    assert dialog.error.text().startswith("cannot reach 127.0.0.1:9")
    assert setup.store.sources() == []
    assert backend.get_password(APP_ID, "imaps://sam@127.0.0.1:9/INBOX") is None


def _remove(qtbot: QtBot, page: MailPage, answer: QMessageBox.ButtonRole) -> None:
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.remove_box
    assert box is not None
    (button,) = [b for b in box.buttons() if box.buttonRole(b) is answer]
    button.click()


def test_removing_an_imap_source_asks_then_forgets_its_password_too(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    setup: MailSetup,
    backend: PlaintextKeyring,
) -> None:
    spec = parse_source("imaps://sam@mail.example/INBOX")
    # As Add leaves it after the login (which needs a server: tests/e2e has one).
    new = NewSource(spec, mark=ImapMark(1, 1), password=PASSWORD)
    save_source(setup.store, setup.passwords, new, now=setup.clock.now())
    assert backend.get_password(APP_ID, spec.location) == PASSWORD
    data = b"".join(path.read_bytes() for path in Path(tmp_path).rglob("*.sqlite3*"))
    assert data, "the database files are where this test looks"
    assert PASSWORD.encode() not in data

    page = MailPage(setup)
    qtbot.addWidget(page)
    page.show()
    assert page.table.rowCount() == 1
    _remove(qtbot, page, QMessageBox.ButtonRole.RejectRole)  # Cancel: nothing happens
    assert len(setup.store.sources()) == 1

    with qtbot.waitSignal(page.sources_changed, timeout=TIMEOUT_MS):
        _remove(qtbot, page, QMessageBox.ButtonRole.DestructiveRole)
    assert setup.store.sources() == []
    assert backend.get_password(APP_ID, spec.location) is None
    assert page.table.rowCount() == 0
    assert page.message.text() == f"Removed #1: {spec.location}."


def test_settings_has_a_mail_page_once_the_service_runs(
    qtbot: QtBot,
    store: Store,
    setup: MailSetup,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    window = make_window(qtbot, store, ManualClock(), clipboard, qsettings)
    before = window.open_settings()
    assert isinstance(before, SettingsDialog)
    assert before.findChild(MailPage) is None  # the data is still opening: no service yet
    before.reject()
    window.mail_setup = setup  # as desktop.app does once the mail service started
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["&Preferences", "&Mail"]
    assert dialog.tabs.widget(1) is dialog.mail_page
    dialog.reject()
