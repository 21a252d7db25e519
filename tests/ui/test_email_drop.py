"""Dropping or pasting a rejection email: what is read, what is confirmed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.email_parsing import ParsedEmail
from desktop.ui.email_confirm_dialog import EmailConfirmDialog
from desktop.ui.email_drop import (
    MAX_EMAIL_BYTES,
    EmailDropFilter,
    EmailPayloadError,
    can_accept,
    payload_from_mime,
)

BERLIN = ZoneInfo("Europe/Berlin")
EML = b"From: Careers <no-reply@initech.example>\r\nSubject: Your application\r\n\r\nSorry.\r\n"


def file_mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_payload_from_a_file_text_or_message(tmp_path: Path) -> None:
    eml = tmp_path / "rejection.EML"
    eml.write_bytes(EML)
    assert payload_from_mime(file_mime(eml)) == EML
    text = QMimeData()
    text.setText("Dear Sam, unfortunately…")
    assert payload_from_mime(text) == "Dear Sam, unfortunately…"
    message = QMimeData()
    message.setData("message/rfc822", EML)
    assert payload_from_mime(message) == EML
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG")
    assert payload_from_mime(file_mime(picture)) is None
    assert not can_accept(file_mime(picture))
    assert can_accept(file_mime(eml))


def test_unreadable_or_huge_files_give_a_message(tmp_path: Path) -> None:
    with pytest.raises(EmailPayloadError, match="could not be read"):
        payload_from_mime(file_mime(tmp_path / "gone.eml"))
    huge = tmp_path / "huge.eml"
    with huge.open("wb") as stream:
        stream.truncate(MAX_EMAIL_BYTES + 1)
    with pytest.raises(EmailPayloadError, match="too big"):
        payload_from_mime(file_mime(huge))


def test_drop_on_a_widget_emits_the_email(qtbot: QtBot, tmp_path: Path) -> None:
    target = QWidget()
    qtbot.addWidget(target)
    drop_filter = EmailDropFilter(target)
    drop_filter.install(target)
    assert target.acceptDrops()
    eml = tmp_path / "rejection.eml"
    eml.write_bytes(EML)
    mime = file_mime(eml)
    enter = QDragEnterEvent(
        QPointF(5, 5).toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(drop_filter.email_dropped) as dropped:
        QApplication.sendEvent(target, drop)
    assert dropped.args == [EML]

    missing = file_mime(tmp_path / "missing.eml")
    # Qt delivers a drop only to the widget that accepted the drag's enter event.
    enter_again = QDragEnterEvent(
        QPointF(5, 5).toPoint(),
        Qt.DropAction.CopyAction,
        missing,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter_again)
    bad_drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        missing,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(drop_filter.drop_failed) as failed:
        QApplication.sendEvent(target, bad_drop)
    assert "missing.eml" in failed.args[0]


def test_confirm_dialog_lets_the_user_correct_and_drops_no_reply(qtbot: QtBot) -> None:
    parsed = ParsedEmail(
        sender_name="",
        sender_email="no-reply@initech.example",
        company="Initech",
        role="",
        received_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        subject="Your application",
        no_reply=True,
    )
    dialog = EmailConfirmDialog(parsed, BERLIN)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.received_label.text() == "Mon 2 Mar 09:00"
    assert dialog.no_reply_label.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert "The role can't be empty." in dialog.error_label.text()
    qtbot.keyClicks(dialog.role_edit, "QA Lead")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.sender_name_edit, "Bill Lumbergh")
    prefill = dialog.prefill()
    assert (prefill.company, prefill.role) == ("Initech", "QA Lead")
    assert prefill.contact_name == "Bill Lumbergh"
    assert prefill.contact_email == ""  # no-reply: nobody to ask there
    assert prefill.notified_at == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    dialog.sender_email_edit.setText("bill@initech.example")
    assert dialog.prefill().contact_email == "bill@initech.example"
    qtbot.keyClick(dialog.role_edit, Qt.Key.Key_Return)
    assert dialog.result() == EmailConfirmDialog.DialogCode.Accepted
