"""Settings › Mail against a real IMAP server (Dovecot on a loopback port, a self-signed CA
given as the CA file): Add logs in once over verified TLS and keeps the password in a real
keyring backend (keyrings.alt's file keyring), never in the database; Remove forgets it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop import APP_ID
from desktop.core.mail_sources import SourceKind
from desktop.ui.mail_settings import MailPage, MailSetup
from tests.e2e.conftest import require
from tests.e2e.dovecot import PASSWORD, Dovecot, dovecot_server
from tests.ui.test_mail_settings import TIMEOUT_MS, _fill, _remove, backend, setup

pytestmark = pytest.mark.e2e
__all__ = ["backend", "setup"]  # the fixtures, shared with the offscreen tests


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    require("dovecot", "openssl")
    with dovecot_server() as server:
        yield server


def test_an_imap_source_added_in_settings_keeps_its_password_in_the_keyring_only(
    qtbot: QtBot,
    tmp_path: Path,
    setup: MailSetup,
    dovecot: Dovecot,
    backend: object,
) -> None:
    page = MailPage(setup)
    qtbot.addWidget(page)
    page.show()
    dialog = page.add()
    _fill(dialog, SourceKind.IMAPS, dovecot.source, "not-the-password")
    dialog.ca_edit.setText(str(dovecot.ca_file))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT_MS)
    assert "refused the user name or password" in dialog.error.text()
    assert setup.store.sources() == []

    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(page.sources_changed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    (source,) = setup.store.sources()
    assert source.ca_file == str(dovecot.ca_file.resolve())
    assert setup.passwords.load(source.spec) == PASSWORD
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*.sqlite3*") if p.is_file())
    assert written
    assert PASSWORD.encode() not in written

    with qtbot.waitSignal(page.sources_changed, timeout=TIMEOUT_MS):
        _remove(qtbot, page, QMessageBox.ButtonRole.DestructiveRole)
    assert setup.store.sources() == []
    assert backend.get_password(APP_ID, source.spec.location) is None  # type: ignore[attr-defined]
