"""The main window driven as a user would: shortcuts, typing, drops, undo, through a real store."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.core.model import (
    Application,
    Channel,
    Profile,
    RejectionInput,
    ReminderPolicy,
    RequestKind,
    Stage,
)
from desktop.core.timefmt import format_local
from desktop.core.user_text import isolate
from desktop.store.database import open_database
from desktop.store.repository import Store
from desktop.ui.date_edit import MOMENT_ROLE
from desktop.ui.main_window import TICK_MS, VIEW_BOARD, VIEW_INSIGHTS, VIEW_TABLE, MainWindow
from desktop.ui.table_model import COL_COMPANY, CountdownRole, encode_application_ids
from tests.fakes import ManualClock, RecordingClipboard


def make_window(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    settings: QSettings,
) -> MainWindow:
    window = MainWindow(store, clock, clipboard, on_quit=lambda: None, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.loaded).wait()  # the first load runs in the background
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> Iterator[MainWindow]:
    window = make_window(qtbot, store, clock, clipboard, qsettings)
    yield window
    window.rejection_flow.close_all()


def add(
    store: Store, clock: ManualClock, company: str, stage: Stage = Stage.APPLIED
) -> Application:
    return store.add_application(company, "Engineer", now=clock.now(), stage=stage)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A shortcut goes to whatever has the keyboard focus, as it would for a user."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifier)


def test_empty_database_shows_the_first_step(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.empty_state
    assert "Ctrl+N" in window.empty_state.hint.text()
    assert "Ctrl+R" in window.empty_state.hint.text()
    assert not window.filter_bar.isVisible()


def test_every_main_action_has_its_shortcut(window: MainWindow) -> None:
    expected = {
        "new": "Ctrl+N",
        "rejection": "Ctrl+R",
        "find": "Ctrl+F",
        "view_board": "Ctrl+1",
        "view_table": "Ctrl+2",
        "view_insights": "Ctrl+3",
        "settings": "Ctrl+,",
        "undo": "Ctrl+Z",
        "redo": "Ctrl+Shift+Z",
        "delete": "Del",
        "quit": "Ctrl+Q",
        "paste_email": "Ctrl+V",
    }
    for name, keys in expected.items():
        assert window.actions_by_name[name].shortcut().toString() == keys, name
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Application", "Help"]


def test_ctrl_n_adds_an_application_typed_at_the_keyboard(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.details_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.company_edit.hasFocus)
    assert not dialog.ok_button.isEnabled()  # company and role are required
    qtbot.keyClicks(dialog.company_edit, "Acme")
    qtbot.keyClick(dialog.company_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Backend Engineer")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.details_dialog is None)

    [summary] = store.list_summaries()
    assert (summary.application.company, summary.application.role) == ("Acme", "Backend Engineer")
    assert window.stack.currentWidget() is window.board
    assert window.board.columns[Stage.APPLIED].model.rowCount() == 1
    assert window.selected_application_id() == summary.application.id
    # Undo takes the new application away again.
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.list_summaries() == []
    assert window.stack.currentWidget() is window.empty_state


def test_invalid_input_keeps_ok_disabled_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    dialog = window.new_application()
    qtbot.keyClicks(dialog.company_edit, "Acme")
    qtbot.keyClicks(dialog.role_edit, "Engineer")
    assert dialog.ok_button.isEnabled()

    dialog.applied_edit.set_moment(datetime(2031, 1, 1, tzinfo=UTC))  # the clock says 2026
    assert not dialog.ok_button.isEnabled()
    assert "future" in dialog.applied_error.text()
    dialog.applied_edit.set_moment(datetime(2026, 2, 20, tzinfo=UTC))
    assert dialog.ok_button.isEnabled()

    dialog.url_edit.setText("not a url")
    assert not dialog.ok_button.isEnabled()
    dialog.url_edit.setText("https://jobs.example.com/42")

    qtbot.mouseClick(dialog.add_contact_button, Qt.MouseButton.LeftButton)
    table = dialog.contacts_table
    assert not dialog.ok_button.isEnabled()  # a contact needs a name
    table.item(0, dialog.CONTACT_NAME).setText("Dana Scully")
    table.item(0, dialog.CONTACT_EMAIL).setText("dana@")
    assert not dialog.ok_button.isEnabled()
    assert "is not an email address" in dialog.contacts_error.text()
    dialog.role_edit.clear()
    table.item(0, dialog.CONTACT_EMAIL).setText("dana@example.com")
    assert not dialog.ok_button.isEnabled()
    assert dialog.role_error.text() == "The role can't be empty."

    dialog.accept()  # even forced, nothing invalid is written
    assert store.list_summaries() == []
    qtbot.keyClicks(dialog.role_edit, "Engineer")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [summary] = store.list_summaries()
    assert summary.contact_names == ("Dana Scully",)
    assert store.get_application(summary.application.id).url == "https://jobs.example.com/42"


def test_drag_to_another_column_moves_and_undo_moves_back(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    clock.advance(hours=1)
    target = window.board.columns[Stage.INTERVIEWING].model
    mime = encode_application_ids([app.id])
    target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())

    assert store.get_application(app.id).stage is Stage.INTERVIEWING
    assert target.rowCount() == 1
    assert window.board.columns[Stage.APPLIED].model.rowCount() == 0
    timeline = store.timeline(app.id)
    assert timeline[-1].to_stage is Stage.INTERVIEWING

    window.undo_stack.undo()
    assert store.get_application(app.id).stage is Stage.APPLIED
    assert window.board.columns[Stage.APPLIED].model.rowCount() == 1
    window.undo_stack.redo()
    assert store.get_application(app.id).stage is Stage.INTERVIEWING


def test_move_and_delete_messages_isolate_the_users_text(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    # A right-to-left name must not pull the rest of the sentence into its direction.
    app = store.add_application("شركة", "مهندس", now=clock.now())
    window.request_move(app.id, Stage.SCREENING)
    assert window.message_bar.text().startswith(f"Moved {isolate('شركة')} to Screening.")
    window.delete_application(store.get_application(app.id))
    assert window.message_bar.text().startswith(f"Deleted {isolate('شركة')} — {isolate('مهندس')}.")


def test_drop_through_the_view_moves_the_card(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    from PySide6.QtCore import QPointF  # noqa: PLC0415
    from PySide6.QtGui import QDropEvent  # noqa: PLC0415

    app = add(store, clock, "Acme")
    view = window.board.columns[Stage.SCREENING].view
    mime = encode_application_ids([app.id])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setAccepted(False)  # as Qt delivers it: the view decides
    # The view's own drop handling, as the drag manager would call it at the end of a drag.
    view.dropEvent(event)
    assert store.get_application(app.id).stage is Stage.SCREENING


def test_a_refused_move_shows_a_message_and_changes_nothing(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme", Stage.SAVED)
    store.move_stage(app.id, Stage.WITHDRAWN, occurred_at=clock.now(), now=clock.now())
    window.request_move(app.id, Stage.APPLIED)
    assert "final" in window.message_bar.text()
    assert store.get_application(app.id).stage is Stage.WITHDRAWN
    assert window.undo_stack.count() == 0


def test_a_move_to_a_final_stage_is_undone_from_a_snapshot(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    events_before = store.timeline(app.id)
    window.request_move(app.id, Stage.WITHDRAWN)
    assert store.get_application(app.id).stage is Stage.WITHDRAWN
    window.undo_stack.undo()
    assert store.get_application(app.id).stage is Stage.APPLIED
    assert store.timeline(app.id) == events_before
    window.undo_stack.redo()
    assert store.get_application(app.id).stage is Stage.WITHDRAWN


def test_a_drop_on_rejected_starts_the_rejection_flow(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    column = window.board.columns[Stage.REJECTED].model
    column.dropMimeData(
        encode_application_ids([app.id]), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )
    dialog = window.rejection_flow.dialog
    assert dialog is not None
    assert dialog.isVisible()
    # Nothing is written until the user confirms the rejection.
    assert store.get_application(app.id).stage is Stage.APPLIED
    dialog.reject()


def test_delete_key_deletes_and_undo_redo_round_trip(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    store.add_contact(app.id, "Dana Scully", email="dana@example.com")
    add(store, clock, "Globex")
    window.set_view(VIEW_TABLE)
    assert window.table.select_application(app.id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert [s.application.company for s in store.list_summaries()] == ["Globex"]
    assert "Undo" in window.message_bar.text()

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = {s.application.company: s for s in store.list_summaries()}
    assert restored["Acme"].application.id == app.id  # same id, same contacts
    assert restored["Acme"].contact_names == ("Dana Scully",)
    assert window.proxy.rowCount() == 2

    qtbot.keyClick(
        window.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [s.application.company for s in store.list_summaries()] == ["Globex"]


def test_archive_hides_and_undo_brings_back(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    assert window.board.select_application(app.id)
    window.actions_by_name["archive"].trigger()
    assert store.list_summaries() == []
    assert store.get_application(app.id).archived
    with qtbot.waitSignal(window.loaded):  # archived ones: a full load, in the background
        window.actions_by_name["show_archived"].trigger()
    assert window.model.rowCount() == 1
    with qtbot.waitSignal(window.loaded):
        window.actions_by_name["show_archived"].trigger()
    window.actions_by_name["undo"].trigger()
    assert not store.get_application(app.id).archived


def test_details_edit_contacts_interviews_and_backdated_timeline(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    clock.advance(days=2)
    window.tick()
    dialog = window.open_details(app.id)
    assert dialog is not None
    dialog.notes_edit.setPlainText("Met the team lead")
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(Stage.SCREENING))

    dialog._on_add_contact()
    row = dialog.contacts_table.rowCount() - 1
    dialog.contacts_table.item(row, dialog.CONTACT_NAME).setText("Fox Mulder")
    dialog.contacts_table.item(row, dialog.CONTACT_EMAIL).setText("fox@example.com")
    role_combo = dialog.contacts_table.cellWidget(row, dialog.CONTACT_ROLE)
    role_combo.setCurrentIndex(role_combo.findText("Hiring manager"))

    dialog._on_add_interview()
    when = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    dialog.interviews_table.item(0, dialog.INTERVIEW_WHEN).setData(MOMENT_ROLE, when)
    dialog.interviews_table.item(0, dialog.INTERVIEW_MINUTES).setText("45")

    backdated = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)
    dialog.timeline_table.item(0, dialog.EVENT_WHEN).setData(MOMENT_ROLE, backdated)
    assert dialog.ok_button.isEnabled(), dialog.errors()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.details_dialog is None

    saved = store.get_application(app.id)
    assert saved.notes == "Met the team lead"
    assert saved.stage is Stage.SCREENING
    [contact] = store.contacts(app.id)
    assert (contact.name, contact.role.value) == ("Fox Mulder", "hiring_manager")
    [interview] = store.interviews(app.id)
    assert (interview.scheduled_at, interview.duration_minutes) == (when, 45)
    first_event = store.timeline(app.id)[0]
    assert first_event.occurred_at.strftime("%Y-%m-%d %H:%M") == "2026-02-01 10:00"

    # One Ctrl+Z undoes the whole dialog.
    window.undo_stack.undo()
    assert store.get_application(app.id).notes == ""
    assert store.get_application(app.id).stage is Stage.APPLIED
    assert store.contacts(app.id) == []
    assert store.interviews(app.id) == []
    assert store.timeline(app.id)[0].occurred_at == app.created_at


def test_a_future_timeline_date_is_refused_inline(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    dialog = window.open_details(app.id)
    assert dialog is not None
    future = datetime(2030, 1, 1, 10, 0, tzinfo=UTC)
    dialog.timeline_table.item(0, dialog.EVENT_WHEN).setData(MOMENT_ROLE, future)
    assert not dialog.ok_button.isEnabled()
    assert "future" in dialog.timeline_error.text()
    dialog.reject()


def test_details_dialog_archive_and_delete_buttons(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    dialog = window.open_details(app.id)
    assert dialog is not None
    assert dialog.delete_button is not None
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert store.list_summaries() == []
    window.undo_stack.undo()
    dialog = window.open_details(app.id)
    assert dialog is not None
    assert dialog.archive_button is not None
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert store.get_application(app.id).archived


def test_find_filters_the_table_and_the_board(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    for company in ("Acme", "Globex", "Initech"):
        add(store, clock, company)
    window.set_view(VIEW_TABLE)
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search_edit.hasFocus()
    qtbot.keyClicks(window.filter_bar.search_edit, "glo")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    assert window.proxy.index(0, COL_COMPANY).data() == "Globex"
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.board.columns[Stage.APPLIED].model.rowCount() == 1  # the board narrows too


def test_views_switch_with_ctrl_digits_and_are_remembered(  # noqa: PLR0917 (fixtures)
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    add(store, clock, "Acme")
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view == VIEW_TABLE
    with qtbot.waitSignal(window.insights.insights_ready, timeout=10_000):
        press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view == VIEW_INSIGHTS
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    window.resize(700, 520)
    window.close()

    again = make_window(qtbot, store, clock, clipboard, qsettings)
    assert again.current_view == VIEW_TABLE
    assert again.stack.currentWidget() is again.table_page
    assert (again.width(), again.height()) == (700, 520)
    again.set_view(VIEW_BOARD)
    assert again.stack.currentWidget() is again.board


def test_status_bar_and_card_show_the_follow_up_countdown(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    add(store, clock, "Globex")
    store.log_rejection(
        RejectionInput(
            company="Acme",
            role="Engineer",
            notified_at=clock.now(),
            channel=Channel.EMAIL,
            contact_name="Dana Scully",
        ),
        now=clock.now(),
    )
    assert "2 applications" in window.status.counts_label.text()
    assert "1 rejected" in window.status.counts_label.text()
    assert "Acme" in window.status.deadline_label.text()
    assert "2 d left" in window.status.deadline_label.text()

    column = window.board.columns[Stage.REJECTED].model
    index = column.index(0)
    assert index.data(CountdownRole) == "2 d left"
    clock.advance(timedelta(hours=47, minutes=30))
    window.tick()  # what the window's one-minute timer calls
    assert index.data(CountdownRole) == "30 min left"
    assert "30 min left" in window.status.deadline_label.text()


def test_models_pass_the_model_tester_with_store_data(
    qtmodeltester: ModelTester, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    for company in ("Acme", "Globex"):
        add(store, clock, company)
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)
    for column in window.board.columns.values():
        qtmodeltester.check(column.model)


def test_a_logged_rejection_moves_its_card_at_once(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    window.start_rejection(app.id)
    dialog = window.rejection_flow.dialog
    assert dialog is not None
    dialog.ok_button.click()
    [request] = store.requests_for(app.id)
    assert store.get_application(app.id).stage is Stage.REJECTED
    # The store announced it; the window read that one row again.
    assert window.board.columns[Stage.REJECTED].model.rowCount() == 1
    assert window.model.summary(window.model.row_of(app.id)).open_request == request
    assert window.rejection_flow.editor(request.id) is not None


def test_export_import_and_backup_run_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    add(store, clock, "Acme")
    target = tmp_path / "out" / "askwhy.json"
    target.parent.mkdir()
    with qtbot.waitSignal(window.task_finished, timeout=10_000) as blocker:
        window.export_to(target)
    assert blocker.args[0] is True, blocker.args
    document = json.loads(target.read_text(encoding="utf-8"))
    assert "Acme" in json.dumps(document)

    csv_path = tmp_path / "more.csv"
    csv_path.write_text("company,role,stage\nGlobex,Analyst,applied\n", encoding="utf-8")
    with (
        qtbot.waitSignal(window.task_finished, timeout=10_000) as blocker,
        qtbot.waitSignal(window.loaded, timeout=10_000),  # an import reloads everything
    ):
        window.import_from(csv_path)
    assert blocker.args[0] is True, blocker.args
    assert window.model.rowCount() == 2
    window.undo_stack.undo()  # one step takes the whole import back
    assert window.model.rowCount() == 1

    with qtbot.waitSignal(window.task_finished, timeout=10_000) as blocker:
        window.backup_now()
    assert blocker.args[0] is True, blocker.args
    assert "Backed up" in window.message_bar.text()


def test_undoing_a_json_import_puts_templates_and_settings_back_and_redo_reapplies(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    # The file: another store with its own profile, policy and templates, and a request
    # written with one of its templates.
    other_database = open_database(tmp_path / "other")
    other = Store(other_database)
    other.save_settings(
        dataclasses.replace(
            other.load_settings(),
            profile=Profile(name="Dana File"),
            reminders=ReminderPolicy(window_hours=72),
        )
    )
    theirs = other.templates(RequestKind.FEEDBACK)[0]
    other.save_template(dataclasses.replace(theirs, name="Theirs", body="Why? {{ company }}"))
    other.save_template(dataclasses.replace(theirs, id=0, name="Added by the file"))
    other.log_rejection(
        RejectionInput(company="Globex", role="Analyst", notified_at=clock.now()), now=clock.now()
    )
    exported = tmp_path / "askwhy.json"
    other.export_file(exported, now=clock.now())
    other_database.close()

    # Here: no applications yet, but a template and settings of the user's own.
    mine = store.templates(RequestKind.FEEDBACK)[0]
    store.save_template(dataclasses.replace(mine, name="Mine", subject="Mine: {{ role }}"))
    store.save_settings(dataclasses.replace(store.load_settings(), profile=Profile(name="Sam")))
    before = (store.templates(), store.load_settings())

    with (
        qtbot.waitSignal(window.task_finished, timeout=10_000) as blocker,
        qtbot.waitSignal(window.loaded, timeout=10_000),
    ):
        window.import_from(exported)
    assert blocker.args[0] is True, blocker.args
    imported = (store.templates(), store.load_settings())
    assert imported != before
    assert imported[1].profile.name == "Dana File"
    assert "Added by the file" in {template.name for template in imported[0]}
    request = store.due_items(now=clock.now())[0].request
    assert request.template_id in {template.id for template in imported[0]}

    assert window.undo_stack.undoText() == "Import askwhy.json"
    window.undo_stack.undo()
    assert (store.templates(), store.load_settings()) == before
    assert store.list_summaries() == []
    assert window.model.rowCount() == 0

    window.undo_stack.redo()
    assert (store.templates(), store.load_settings()) == imported
    assert store.due_items(now=clock.now())[0].request == request
    assert window.model.rowCount() == 1


def test_a_bad_import_is_a_message_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    add(store, clock, "Acme")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with qtbot.waitSignal(window.task_finished, timeout=10_000) as blocker:
        window.import_from(bad)
    assert blocker.args[0] is False
    assert window.message_bar.text()
    assert [s.application.company for s in store.list_summaries()] == ["Acme"]


def test_dialog_buttons_are_standard(window: MainWindow) -> None:
    dialog = window.new_application()
    box = dialog.buttons
    assert box.button(QDialogButtonBox.StandardButton.Cancel) is not None
    dialog.reject()


def test_enter_on_a_row_or_a_card_opens_its_details(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    window.set_view(VIEW_TABLE)
    assert window.table.select_application(app.id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.details_dialog
    assert dialog is not None
    assert dialog.company_edit.text() == "Acme"
    dialog.reject()
    qtbot.waitUntil(lambda: window.details_dialog is None)

    window.set_view(VIEW_BOARD)
    assert window.board.select_application(app.id)
    view = window.board.columns[Stage.APPLIED].view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = window.details_dialog
    assert dialog is not None
    assert dialog.role_edit.text() == "Engineer"
    dialog.reject()


def test_move_to_menu_moves_the_selected_card(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme")
    assert window.board.select_application(app.id)
    window.app_menu.aboutToShow.emit()  # what opening Application › Move to does
    assert window.actions_by_name["move_screening"].isEnabled()
    assert not window.actions_by_name["move_applied"].isEnabled()  # already there
    window.actions_by_name["move_screening"].trigger()
    assert store.get_application(app.id).stage is Stage.SCREENING
    assert window.board.columns[Stage.SCREENING].model.rowCount() == 1


def test_a_change_updates_its_row_only_and_never_resets(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    apps = [add(store, clock, company) for company in ("Acme", "Globex", "Initech")]
    row = window.model.row_of(apps[1].id)
    resets: list[None] = []
    changed: list[tuple[int, int]] = []
    window.model.modelReset.connect(lambda: resets.append(None))
    window.model.dataChanged.connect(
        lambda top_left, bottom_right, _roles: changed.append((top_left.row(), bottom_right.row()))
    )
    window.request_move(apps[1].id, Stage.SCREENING)
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert changed == [(row, row)] * 3
    assert resets == []
    assert window.model.summary(row).application.stage is Stage.SCREENING
    assert window.board.columns[Stage.SCREENING].model.rowCount() == 1


def test_a_window_without_its_store_shows_loading_then_the_data(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    # What desktop.app does: paint first, then give the window its store.
    add(store, clock, "Acme")
    window = MainWindow(None, clock, clipboard, on_quit=lambda: None, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is window.loading_page
    assert window.selected_application_id() is None
    actions = window.actions_by_name
    assert not actions["new"].isEnabled()
    assert not actions["rejection"].isEnabled()
    assert not actions["find"].isEnabled()
    assert actions["quit"].isEnabled()
    assert actions["view_table"].isEnabled()
    window.set_view(VIEW_TABLE)  # a view chosen while loading is kept for when data comes
    assert window.stack.currentWidget() is window.loading_page

    with qtbot.waitSignal(window.loaded):  # loaded in the background
        window.attach_store(store)
    assert window.stack.currentWidget() is window.table_page
    assert actions["new"].isEnabled()
    assert actions["rejection"].isEnabled()
    assert window.model.rowCount() == 1
    assert window.model.summary(0).application.company == "Acme"
    window.rejection_flow.close_all()


def test_a_first_look_shows_the_rows_before_the_store_and_the_store_completes_them(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    # What desktop.app does: paint, show what store.summaries.first_look read with plain
    # sqlite3 (no reminder times), then give the window its store.
    add(store, clock, "Acme")
    store.log_rejection(
        RejectionInput(company="Globex", role="Engineer", notified_at=clock.now()),
        now=clock.now(),
    )
    full = store.list_summaries()
    looked = [dataclasses.replace(row, next_reminder_at=None) for row in full]
    window = MainWindow(None, clock, clipboard, on_quit=lambda: None, settings=qsettings)
    qtbot.addWidget(window)
    loads: list[None] = []
    resets: list[None] = []
    window.loaded.connect(lambda: loads.append(None))
    window.show()
    qtbot.waitExposed(window)

    window.show_first_look(looked)
    window.model.modelReset.connect(lambda: resets.append(None))
    assert loads == [None]
    assert window.has_data
    assert window.stack.currentWidget() is window.board
    assert [s.application.company for s in window.model.summaries] == ["Acme", "Globex"]
    assert not window.actions_by_name["new"].isEnabled(), "read-only until the store comes"

    with qtbot.assertNotEmitted(window.loaded, wait=300):  # no reload in the background
        window.attach_store(store)
    assert window.actions_by_name["new"].isEnabled()
    assert list(window.model.summaries) == full  # the reminder times, from the store
    assert resets == [], "the store completed the rows instead of loading them again"
    window.rejection_flow.close_all()


def test_countdowns_tick_only_while_the_window_is_on_screen(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    window = MainWindow(store, clock, clipboard, on_quit=lambda: None, settings=qsettings)
    qtbot.addWidget(window)
    ticking = [t for t in window.findChildren(QTimer) if t.interval() == TICK_MS]
    assert len(ticking) == 1
    assert not ticking[0].isActive(), "built in the tray: nothing to count down"
    window.show()
    qtbot.waitExposed(window)
    assert ticking[0].isActive()
    window.hide()
    assert not ticking[0].isActive()
    window.rejection_flow.close_all()


def test_file_quit_runs_the_quit_it_was_given(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    quits: list[str] = []
    window = MainWindow(
        store, clock, clipboard, on_quit=lambda: quits.append("quit"), settings=qsettings
    )
    qtbot.addWidget(window)
    window.actions_by_name["quit"].trigger()
    assert quits == ["quit"]


def test_snooze_all_from_the_tray_is_one_undo_step(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    app = add(store, clock, "Acme", Stage.INTERVIEWING)
    logged = store.log_rejection(
        RejectionInput(company="Acme", role="Engineer", notified_at=clock.now()),
        now=clock.now(),
    )
    planned = store.reminders_for(logged.request.id)
    window.snooze_all("tomorrow")  # what the tray's Snooze all › Tomorrow morning does
    assert "Snoozed 1 follow-up until" in window.message_bar.text()
    assert store.reminders_for(logged.request.id) != planned
    assert window.undo_stack.undoText() == "Snooze all"
    window.undo_stack.undo()
    assert store.reminders_for(logged.request.id) == planned
    assert app.id == logged.application.id


def test_the_status_bar_shows_a_pause_until_it_ends_and_offers_resume(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    status = window.status
    assert not status.pause_label.isVisible()
    until = clock.now() + timedelta(hours=1)
    store.save_settings(
        dataclasses.replace(store.load_settings(), reminders_paused_until=until)
    )  # the store announces it: nobody tells the window
    assert status.pause_label.isVisible()
    assert status.pause_label.text() == (
        f"Reminders paused until {format_local(until, clock.local_tz())} —"
    )
    with qtbot.waitSignal(window.resume_requested):
        qtbot.mouseClick(status.resume_button, Qt.MouseButton.LeftButton)
    clock.advance(hours=1)
    window.tick()  # the pause ended by itself
    assert not status.pause_label.isVisible()
    assert not status.resume_button.isVisible()


def test_the_menus_get_their_icons_when_one_first_opens(window: MainWindow) -> None:
    # Not before: the first frame shows no open menu, and would wait for them.
    new, move_menu = window.actions_by_name["new"], window.move_menu
    assert new.icon().isNull()
    assert all(action.icon().isNull() for action in move_menu.actions())
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu.aboutToShow.emit()
    assert not new.icon().isNull()
    assert not any(action.icon().isNull() for action in move_menu.actions())
