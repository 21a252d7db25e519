"""Dropping or pasting a rejection email: what is read, what is confirmed."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.email_kind import EmailKind
from desktop.core.email_parsing import MAX_EMAIL_BYTES, ParsedEmail
from desktop.ui.email_confirm_dialog import EmailConfirmDialog, EmailReading
from desktop.ui.email_drop import EmailDropFilter, EmailPayload, can_accept, payload_from_mime

BERLIN = ZoneInfo("Europe/Berlin")
EML = b"From: Careers <no-reply@initech.example>\r\nSubject: Your application\r\n\r\nSorry.\r\n"


def file_mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_payload_from_a_file_text_or_message(tmp_path: Path) -> None:
    eml = tmp_path / "rejection.EML"
    eml.write_bytes(EML)
    # A file is only named here: it is read off the GUI thread.
    assert payload_from_mime(file_mime(eml)) == eml
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


def _reading_outcome(
    qtbot: QtBot, payload: EmailPayload, applied_to: Sequence[str] = ()
) -> tuple[str, object]:
    parent = QWidget()
    qtbot.addWidget(parent)
    reading = EmailReading(payload, BERLIN, lambda: applied_to, parent)
    outcomes: list[tuple[str, object]] = []
    reading.read.connect(lambda parsed: outcomes.append(("read", parsed)))
    reading.failed.connect(lambda message: outcomes.append(("failed", message)))
    reading.start()
    qtbot.waitUntil(lambda: bool(outcomes))
    return outcomes[0]


def test_a_file_is_read_and_parsed_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    eml = tmp_path / "rejection.eml"
    eml.write_bytes(EML)
    kind, parsed = _reading_outcome(qtbot, eml)
    assert kind == "read"
    assert isinstance(parsed, ParsedEmail)
    assert parsed.company == "Initech"


def test_a_company_the_user_applied_to_is_the_one_read(qtbot: QtBot) -> None:
    kind, parsed = _reading_outcome(qtbot, EML, ["Globex", "INITECH Inc."])
    assert kind == "read"
    assert isinstance(parsed, ParsedEmail)
    assert (parsed.company, parsed.applied_to) == ("INITECH Inc.", "INITECH Inc.")
    assert any(reason.startswith("you applied to INITECH Inc.") for reason in parsed.reasons)


def test_unreadable_huge_or_special_files_give_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    huge = tmp_path / "huge.eml"
    with huge.open("wb") as stream:
        stream.truncate(MAX_EMAIL_BYTES + 1)
    zero = tmp_path / "zero.eml"
    zero.symlink_to("/dev/zero")
    for path, reason in (
        (tmp_path / "gone.eml", "No such file"),
        (huge, "larger than 5 MB"),
        (zero, "not a regular file"),
    ):
        kind, message = _reading_outcome(qtbot, path)
        assert kind == "failed"
        assert reason in str(message)
        assert path.name in str(message)


def test_cancel_drops_the_result(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reading = EmailReading(EML, BERLIN, list, parent)
    outcomes: list[object] = []
    reading.read.connect(outcomes.append)
    reading.failed.connect(outcomes.append)
    reading.start()
    reading.progress.canceled.emit()  # what Cancel, Escape and closing the dialog emit
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the worker's queued signal is delivered, and ignored
    assert outcomes == []
    assert parent.findChildren(QProgressDialog) == []  # closed, and gone


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
    assert dropped.args == [eml]


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


def test_confirm_dialog_says_what_the_email_was_read_as_and_why(qtbot: QtBot) -> None:
    invitation = ParsedEmail(
        sender_name="Dana Reyes",
        sender_email="dana@acme.example",
        company="Acme",
        role="Data Analyst",
        received_at=None,
        kind=EmailKind.INTERVIEW,
        reasons=("'invite you to an interview' in the body",),
    )
    dialog = EmailConfirmDialog(invitation, BERLIN)
    qtbot.addWidget(dialog)
    assert dialog.kind_label.text() == (
        "This reads like an interview invitation, not a rejection ('invite you to an "
        "interview' in the body). Continue only if it is one."
    )
    # The subject is a stranger's text: shown as typed, never as HTML.
    html = dataclasses.replace(invitation, subject="<img src='https://evil.example/t.png'>")
    assert EmailConfirmDialog(html, BERLIN).subject_label.textFormat() == Qt.TextFormat.PlainText
    rejection = dataclasses.replace(
        invitation, kind=EmailKind.REJECTION, reasons=("'regret to inform you' in the body",)
    )
    assert EmailConfirmDialog(rejection, BERLIN).kind_label.text() == (
        "A rejection ('regret to inform you' in the body)."
    )


def test_confirm_dialog_fits_a_small_screen_with_long_reasons(qtbot: QtBot) -> None:
    parsed = ParsedEmail(
        sender_name="Dana Reyes",
        sender_email="no-reply@greenhouse.io",
        company="Müller & Söhne KG",
        role="Senior Site Reliability Engineer",
        received_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        subject="Update regarding your application for Senior Site Reliability Engineer " * 3,
        no_reply=True,
        kind=EmailKind.OTHER,
        reasons=(
            "'move forward with other candidates' in the body",
            "'unfortunately' in the body",
            "'job alert' in the subject",
            "sent to a mailing list",
            "the sender is an applicant-tracking system (greenhouse)",
            "the company from the sender's name",
        ),
    )
    dialog = EmailConfirmDialog(parsed, BERLIN)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1024
    assert dialog.height() <= 600
