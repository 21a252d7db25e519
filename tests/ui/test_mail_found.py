"""Confirm in one click: "Log and ask" logs the rejection found in the mail (the email's date
as notified_at, the contact from the sender) and opens the editor; without a role, the
prefilled dialog; "Not a rejection" is remembered. And the "From your mail" list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.mail_sources import Finding, Rejection, parse_source
from desktop.core.model import Stage
from desktop.core.user_text import isolate
from desktop.store.mail import MailStore
from desktop.store.repository import Store
from desktop.ui.mail_found import MailFindings, MailFoundDialog, finding_body
from desktop.ui.rejection_flow import RejectionFlow
from tests.fakes import ManualClock, RecordingClipboard
from tests.ui.test_main_window import make_window

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
RECEIVED = NOW - timedelta(hours=3)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW, BERLIN)


@pytest.fixture
def flow(qtbot: QtBot, store: Store, clock: ManualClock) -> Iterator[RejectionFlow]:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    flow = RejectionFlow(store, clock, RecordingClipboard(), QUndoStack(window), window)
    yield flow
    flow.close_all()


@pytest.fixture
def mail(store: Store) -> MailStore:
    return MailStore(store.database)


@pytest.fixture
def told() -> list[str]:
    return []


@pytest.fixture
def findings(
    mail: MailStore, flow: RejectionFlow, clock: ManualClock, told: list[str]
) -> MailFindings:
    return MailFindings(mail, flow, clock, told.append)


def _found(mail: MailStore, key: str, *, role: str = "Data Analyst") -> Finding:
    sources = mail.sources() or [mail.add_source(parse_source("mbox:/m"), now=NOW)]
    rejection = Rejection(
        "Acme", role, "Dana Reyes", "dana@acme.example", "dana@acme.example", RECEIVED
    )
    finding = mail.record(sources[0].id, key, rejection, now=NOW)
    assert finding is not None
    return finding


def test_log_and_ask_logs_it_as_of_the_email_and_opens_the_editor(
    findings: MailFindings, mail: MailStore, flow: RejectionFlow, store: Store, told: list[str]
) -> None:
    finding = _found(mail, "1")
    findings.log_and_ask(finding.id)
    (summary,) = store.list_summaries()
    assert (summary.application.company, summary.application.role) == ("Acme", "Data Analyst")
    assert summary.application.stage is Stage.REJECTED
    assert summary.contact_names == ("Dana Reyes",)
    (editor,) = flow.open_editors()
    assert editor.isVisible()
    (request,) = store.requests_for(summary.application.id)
    assert request.window_closes_at == RECEIVED + timedelta(hours=48)
    assert editor.recipient_combo.currentText().endswith("dana@acme.example")
    assert mail.findings() == []
    findings.log_and_ask(finding.id)  # the second click of a double click: nothing twice
    assert told == ["That rejection from your mail was already logged or dismissed."]
    assert len(store.list_summaries()) == 1


def test_without_a_role_the_dialog_opens_prefilled(
    qtbot: QtBot, findings: MailFindings, mail: MailStore, flow: RejectionFlow, store: Store
) -> None:
    finding = _found(mail, "1", role="")
    findings.log_and_ask(finding.id)
    dialog = flow.dialog
    assert dialog is not None
    assert dialog.company_edit.text() == "Acme"
    assert dialog.notified_at() == RECEIVED
    assert [item.id for item in mail.findings()] == [finding.id]  # until it is logged
    dialog.role_edit.setText("Data Engineer")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert mail.findings() == []
    assert store.list_summaries()[0].application.role == "Data Engineer"


def test_not_a_rejection_is_remembered(
    findings: MailFindings, mail: MailStore, told: list[str]
) -> None:
    findings.dismiss(_found(mail, "1").id)  # as the notification's button does
    assert told == [
        "Noted: mail from dana@acme.example won't pop up as a rejection again. Undo with Ctrl+Z."
    ]
    assert mail.findings() == []
    assert _found(mail, "2").quiet


def test_not_a_rejection_is_one_undo_step_in_the_list(
    qtbot: QtBot, findings: MailFindings, mail: MailStore, flow: RejectionFlow
) -> None:
    first = _found(mail, "1")
    second = _found(mail, "2")
    before = mail.findings()
    assert [finding.quiet for finding in before] == [False, False]
    dialog = MailFoundDialog(findings, BERLIN, flow.undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(1)  # newest first: the first finding is the second row
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    dismissed = mail.findings()
    assert [(finding.id, finding.quiet) for finding in dismissed] == [(second.id, True)]
    assert dialog.table.rowCount() == 1
    assert flow.undo_stack.undoText() == f"Not a rejection: mail from {isolate('Acme')}"
    qtbot.mouseClick(dialog.history.button, Qt.MouseButton.LeftButton)
    assert mail.findings() == before  # same id, and the sender is not quiet again
    assert mail.get_finding(first.id) == first
    assert dialog.table.rowCount() == 2
    dialog.history.redo_action.trigger()
    assert mail.findings() == dismissed
    assert dialog.table.rowCount() == 1


def test_undo_elsewhere_updates_the_open_list_and_a_closed_one_is_left_alone(
    qtbot: QtBot, findings: MailFindings, mail: MailStore, flow: RejectionFlow
) -> None:
    _found(mail, "1")
    dialog = MailFoundDialog(findings, BERLIN, flow.undo_stack)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    flow.undo_stack.undo()  # as the window's Edit › Undo (or a notification's) does
    assert dialog.table.rowCount() == 1
    flow.undo_stack.redo()
    assert dialog.table.rowCount() == 0

    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    # The stack outlives the list: moving it now reaches no deleted dialog.
    flow.undo_stack.undo()
    assert len(mail.findings()) == 1


def test_the_list_shows_findings_and_failing_sources(
    qtbot: QtBot, findings: MailFindings, mail: MailStore, flow: RejectionFlow
) -> None:
    finding = _found(mail, "1")
    (source,) = mail.sources()
    mail.set_status(source.id, now=NOW, error="cannot read /m: No such file or directory")
    dialog = MailFoundDialog(findings, BERLIN, flow.undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1024
    assert dialog.height() <= 600
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, dialog.COMPANY).text() == "Acme"
    assert dialog.table.item(0, dialog.RECEIVED).text() == "Mon 30 Nov 10:00"
    assert dialog.sources_label.text() == (
        "#1 mbox:/m — failing, retried: cannot read /m: No such file or directory"
    )
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert [editor.isVisible() for editor in flow.open_editors()] == [True]
    assert dialog.table.rowCount() == 0
    assert dialog.empty_label.isVisibleTo(dialog)
    assert not dialog.log_button.isEnabled()
    assert finding_body(finding.rejection, BERLIN) == (
        "From Dana Reyes, Mon 30 Nov 10:00. Log it and your request opens, ready to send."
    )


def test_the_window_opens_the_list_from_the_view_menu_and_the_message_bar(
    qtbot: QtBot, store: Store, clock: ManualClock, mail: MailStore, qsettings: QSettings
) -> None:
    window = make_window(qtbot, store, clock, RecordingClipboard(), qsettings)
    assert window.open_mail_found() is None  # not wired yet: nothing to show
    window.mail_findings = MailFindings(mail, window.rejection_flow, clock, window.show_info)
    _found(mail, "1")
    window.actions_by_name["mail_found"].trigger()
    dialog = window.side_dialog
    assert isinstance(dialog, MailFoundDialog)
    assert dialog.table.rowCount() == 1
    dialog.reject()
    window.show_mail_found(2)
    assert window.message_bar.text() == (
        "2 rejections found in your mail: log and ask while they remember you."
    )
