"""The rejection dialog: defaults that are right, inline validation, one transaction on OK."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import Channel, LoggedRejection, RequestStatus, Stage
from desktop.store.repository import Store
from desktop.ui.rejection_dialog import (
    RejectionDialog,
    RejectionPrefill,
    from_local_qdatetime,
    to_local_qdatetime,
)
from tests.fakes import ManualClock

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START, BERLIN)


@pytest.fixture
def make_dialog(qtbot: QtBot, store: Store, clock: ManualClock) -> Callable[..., RejectionDialog]:
    def make(
        application_id: int | None = None, prefill: RejectionPrefill | None = None
    ) -> RejectionDialog:
        dialog = RejectionDialog(
            store,
            clock,
            application_id,
            log_rejection=lambda rejection: store.log_rejection(rejection, now=clock.now()),
            prefill=prefill,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return make


def test_defaults_then_enter_logs_it(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Backend Engineer", now=clock.now(), stage=Stage.SCREENING)
    store.move_stage(app.id, Stage.INTERVIEWING, occurred_at=clock.now(), now=clock.now())
    contact = store.add_contact(app.id, "Dana Reyes", email="dana@acme.example")
    clock.advance(days=3)
    dialog = make_dialog(app.id)
    assert dialog.application_label.text() == "Acme — Backend Engineer"
    assert not dialog.application_combo.isVisible()
    # Now, on the user's wall clock (Berlin is UTC+1 in March).
    assert dialog.notified_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-05 10:00"
    assert dialog.selected_stage() is Stage.INTERVIEWING
    assert dialog.contact_combo.currentData() == contact.id
    assert not dialog.skip_button.isVisible()

    with qtbot.waitSignal(dialog.rejection_logged) as blocker:
        qtbot.keyClick(dialog.notified_edit, Qt.Key.Key_Return)
    logged, skip = blocker.args
    assert isinstance(logged, LoggedRejection)
    assert skip is False
    assert logged.rejection.notified_at == clock.now()
    assert logged.rejection.stage_reached is Stage.INTERVIEWING
    assert logged.rejection.contact_id == contact.id
    assert logged.request.status is RequestStatus.DRAFT
    assert store.get_application(app.id).stage is Stage.REJECTED
    assert dialog.result() == RejectionDialog.DialogCode.Accepted


def test_backdated_notification_in_local_time(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now() - timedelta(days=9))
    dialog = make_dialog(app.id)
    # The user types Friday 17:45 on their wall clock (UTC+1).
    dialog.notified_edit.setFocus()
    dialog.notified_edit.setSelectedSection(dialog.notified_edit.Section.YearSection)
    qtbot.keyClicks(dialog.notified_edit, "202602271745")
    assert dialog.notified_at() == datetime(2026, 2, 27, 16, 45, tzinfo=UTC)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.logged is not None
    assert dialog.logged.rejection.notified_at == datetime(2026, 2, 27, 16, 45, tzinfo=UTC)
    # The window opens when the user was told, not when they logged it.
    assert dialog.logged.request.window_opens_at == datetime(2026, 2, 27, 16, 45, tzinfo=UTC)


def test_typed_date_and_time_across_dst(clock: ManualClock) -> None:
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    shown = to_local_qdatetime(summer, BERLIN)
    assert shown.toString("yyyy-MM-dd HH:mm") == "2026-07-01 14:00"
    assert from_local_qdatetime(shown, BERLIN) == summer


def test_future_time_is_refused_inline(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now())
    dialog = make_dialog(app.id)
    dialog.notified_edit.setDateTime(to_local_qdatetime(clock.now() + timedelta(hours=2), BERLIN))
    assert dialog.notified_error.isVisible()
    assert "future" in dialog.notified_error.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.notified_edit, Qt.Key.Key_Return)
    assert dialog.logged is None
    assert store.get_application(app.id).stage is Stage.APPLIED


def test_new_application_typed_in_place(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    dialog = make_dialog()
    assert dialog.application_combo.currentData() == -1  # "New application…"
    assert dialog.company_edit.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert "company and the role" in dialog.application_error.text()
    qtbot.keyClicks(dialog.company_edit, "Globex")
    assert "role" in dialog.application_error.text()
    qtbot.keyClicks(dialog.role_edit, "Data Analyst")
    assert not dialog.application_error.isVisible()
    # No one spoke with the user yet: the one-click skip is offered.
    assert dialog.selected_stage() is Stage.APPLIED
    assert dialog.skip_button.isVisible()
    assert dialog.automated_hint.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.logged is not None
    assert dialog.logged.application_created
    assert (dialog.logged.application.company, dialog.logged.application.role) == (
        "Globex",
        "Data Analyst",
    )


def test_search_picks_an_existing_application(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    store.add_application("Acme", "Backend Engineer", now=clock.now())
    wanted = store.add_application("Initech", "QA Lead", now=clock.now(), stage=Stage.SCREENING)
    rejected = store.add_application("Hooli", "PM", now=clock.now())
    store.move_stage(rejected.id, Stage.REJECTED, occurred_at=clock.now(), now=clock.now())
    dialog = make_dialog()
    labels = [dialog.application_combo.itemText(i) for i in range(dialog.application_combo.count())]
    assert "Hooli — PM" not in labels  # already closed: nothing to log
    combo = dialog.application_combo
    combo.setFocus()
    search = combo.lineEdit()
    assert search is not None
    search.selectAll()
    qtbot.keyClicks(search, "qa l")
    completer = combo.completer()
    assert completer is not None
    assert completer.currentCompletion() == "Initech — QA Lead"
    assert not dialog.ok_button.isEnabled()  # "qa l" is a search, not a choice yet
    combo.setCurrentIndex(combo.findData(wanted.id))
    assert dialog.ok_button.isEnabled()
    assert dialog.selected_stage() is Stage.SCREENING
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.logged is not None
    assert dialog.logged.application.id == wanted.id


def test_new_contact_with_a_bad_address_is_refused_inline(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.INTERVIEWING)
    dialog = make_dialog(app.id)
    dialog.contact_combo.setCurrentIndex(dialog.contact_combo.findData(-2))
    assert dialog.contact_name_edit.isVisible()
    qtbot.keyClicks(dialog.contact_name_edit, "Lee Park")
    qtbot.keyClicks(dialog.contact_email_edit, "lee.park@acme")
    assert "needs a full domain" in dialog.contact_error.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.contact_email_edit, ".example")
    assert dialog.ok_button.isEnabled()
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.PHONE.value))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.logged is not None
    assert dialog.logged.contact is not None
    assert dialog.logged.contact.email == "lee.park@acme.example"
    assert dialog.logged.rejection.channel is Channel.PHONE


def test_skip_button_logs_and_reports_skip(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.APPLIED)
    dialog = make_dialog(app.id)
    assert dialog.skip_button.isVisible()
    with qtbot.waitSignal(dialog.rejection_logged) as blocker:
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert blocker.args[1] is True
    # Changing the stage to one with an interview takes the offer away.
    dialog2 = make_dialog(
        store.add_application("Initech", "QA", now=clock.now(), stage=Stage.SCREENING).id
    )
    assert dialog2.skip_button.isVisible()
    dialog2.stage_combo.setCurrentIndex(dialog2.stage_combo.findData(Stage.INTERVIEWING.value))
    assert not dialog2.skip_button.isVisible()


def test_prefill_from_an_email_matches_the_application_and_contact(
    store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.INTERVIEWING)
    contact = store.add_contact(app.id, "Dana Reyes", email="Dana@Acme.example")
    prefill = RejectionPrefill(
        company="acme",
        role="engineer",
        contact_name="Dana",
        contact_email="dana@acme.example",
        notified_at=clock.now() - timedelta(hours=5),
    )
    dialog = make_dialog(prefill=prefill)
    assert dialog.application_combo.currentData() == app.id
    assert dialog.contact_combo.currentData() == contact.id
    assert dialog.notified_at() == clock.now() - timedelta(hours=5)


def test_store_refusal_is_shown_and_nothing_written(
    qtbot: QtBot, store: Store, clock: ManualClock, make_dialog: Callable[..., RejectionDialog]
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now())
    store.move_stage(app.id, Stage.WITHDRAWN, occurred_at=clock.now(), now=clock.now())
    dialog = make_dialog(app.id)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.logged is None
    assert dialog.form_error.isVisible()
    assert "Withdrawn" in dialog.form_error.text()
    assert dialog.isVisible()
    assert store.requests_for(app.id) == []
