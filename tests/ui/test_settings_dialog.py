"""The settings dialog: profile, reminder timing, quiet hours, autostart, test notification."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTime
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.errors import InvalidInput
from desktop.core.model import Settings
from desktop.native.autostart import XdgAutostart
from desktop.store.repository import Store
from desktop.ui import theme as theme_module
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.theme import SETTINGS_THEME, ThemeController, install_theme
from desktop.ui.undo_commands import SaveSettingsCommand
from tests.fakes import FakeAutostart, RecordingNotifier


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


def make(
    qtbot: QtBot,
    store: Store,
    notifier: RecordingNotifier | None = None,
    autostart: FakeAutostart | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(
        store,
        notifier=notifier,
        autostart=autostart,
        undo_stack=QUndoStack(),
        on_error=pytest.fail,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_the_defaults(qtbot: QtBot, store: Store, notifier: RecordingNotifier) -> None:
    dialog = make(qtbot, store, notifier)
    defaults = Settings()
    assert dialog.window_spin.value() == defaults.reminders.window_hours
    assert dialog.quiet_check.isChecked()
    assert dialog.quiet_start_edit.time() == QTime(22, 0)
    assert dialog.stay_in_touch_spin.value() == defaults.stay_in_touch_weeks
    assert dialog.backend_label.text() == "Notifications: Recording notifier (tests)"
    assert dialog.ok_button.isEnabled()


def test_profile_and_timing_saved_in_one_go(
    qtbot: QtBot, store: Store, notifier: RecordingNotifier
) -> None:
    autostart = FakeAutostart()
    dialog = make(qtbot, store, notifier, autostart)
    qtbot.keyClicks(dialog.name_edit, "Sam Lee")
    qtbot.keyClicks(dialog.email_edit, "sam@example.org")
    dialog.signature_edit.setPlainText("Sam Lee\nportfolio.example")
    dialog.window_spin.setValue(72)
    dialog.quiet_end_edit.setTime(QTime(7, 30))
    dialog.check_in_spin.setValue(5)
    dialog.autostart_check.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    saved = store.load_settings()
    assert saved.profile.name == "Sam Lee"
    assert saved.profile.email == "sam@example.org"
    assert saved.profile.signature == "Sam Lee\nportfolio.example"
    assert saved.reminders.window_hours == 72
    assert saved.reminders.quiet_end == time(7, 30)
    assert saved.check_in_business_days == 5
    assert saved.start_at_login
    assert autostart.calls == [True]
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_save_is_one_undo_step_that_puts_the_autostart_entry_back_and_leaves_the_pause(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    stack = QUndoStack()
    # The real XDG entry, in a private config home: undo must remove the file OK wrote.
    autostart = XdgAutostart(tmp_path / "config", ["askwhy"])
    dialog = SettingsDialog(store, autostart=autostart, undo_stack=stack, on_error=pytest.fail)
    qtbot.addWidget(dialog)
    dialog.show()
    before = store.load_settings()
    dialog.signature_edit.setPlainText("")
    qtbot.keyClicks(dialog.name_edit, "Sam Lee")
    dialog.window_spin.setValue(72)
    dialog.autostart_check.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    saved = store.load_settings()
    assert (saved.profile.name, saved.reminders.window_hours) == ("Sam Lee", 72)
    assert saved.start_at_login
    assert autostart.path.is_file()
    assert stack.undoText() == "Change settings"
    # The tray pauses reminders meanwhile: not the dialog's to take back.
    pause = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    store.save_settings(replace(store.load_settings(), reminders_paused_until=pause))
    stack.undo()
    assert store.load_settings() == replace(before, reminders_paused_until=pause)
    assert not autostart.path.exists()
    stack.redo()
    assert store.load_settings() == replace(saved, reminders_paused_until=pause)
    assert autostart.is_enabled()


class BrokenAutostart(FakeAutostart):
    def set_enabled(self, enabled: bool) -> None:
        raise PermissionError("read-only config folder")


def test_an_autostart_entry_that_cannot_change_saves_nothing(qtbot: QtBot, store: Store) -> None:
    stack = QUndoStack()
    dialog = SettingsDialog(
        store, autostart=BrokenAutostart(), undo_stack=stack, on_error=pytest.fail
    )
    qtbot.addWidget(dialog)
    before = store.load_settings()
    qtbot.keyClicks(dialog.name_edit, "Sam Lee")
    dialog.autostart_check.setChecked(True)
    dialog.ok_button.click()
    assert "read-only config folder" in dialog.form_error.text()
    assert "Nothing was saved" in dialog.form_error.text()
    assert store.load_settings() == before
    assert stack.count() == 0


def test_a_refused_save_switches_the_autostart_entry_back(store: Store, tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "config", ["askwhy"])
    before = store.load_settings()
    # A value the store refuses, as it would from any path that skipped the form's check.
    refused = replace(
        before, start_at_login=True, profile=replace(before.profile, email="not an address")
    )
    command = SaveSettingsCommand(store, before, refused, autostart=autostart)
    with pytest.raises(InvalidInput):
        command.execute()
    assert not autostart.path.exists()
    assert store.load_settings() == before


def test_bad_values_are_refused_inline(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, store)
    qtbot.keyClicks(dialog.email_edit, "sam@")
    assert dialog.profile_error.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.email_edit.clear()
    assert dialog.ok_button.isEnabled()
    dialog.last_call_spin.setValue(9)  # after "closing" (8 h before the close)
    assert "Last call" in dialog.reminders_error.text()
    dialog.last_call_spin.setValue(1)
    dialog.window_spin.setValue(2)
    assert "nudge" in dialog.reminders_error.text().lower()
    dialog.window_spin.setValue(48)
    dialog.quiet_end_edit.setTime(dialog.quiet_start_edit.time())
    assert "same time" in dialog.reminders_error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.quiet_check.setChecked(False)
    assert dialog.ok_button.isEnabled()
    assert not dialog.quiet_start_edit.isEnabled()
    before = store.load_settings()
    dialog.email_edit.setText("nope")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert store.load_settings() == before


def test_test_notification_goes_to_the_backend(
    qtbot: QtBot, store: Store, notifier: RecordingNotifier
) -> None:
    dialog = make(qtbot, store, notifier)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert len(notifier.sent) == 1
    assert "notifications work" in notifier.sent[0].title
    assert dialog.test_result_label.text().startswith("Sent.")
    notifier.failed.emit("the server went away")
    assert "the server went away" in dialog.test_result_label.text()


def test_without_a_notifier_or_autostart_the_controls_say_so(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, store, None, FakeAutostart(supported=False))
    assert not dialog.test_button.isEnabled()
    assert not dialog.autostart_check.isEnabled()
    assert "not available" in dialog.autostart_check.toolTip()


@pytest.fixture
def theme(qsettings: QSettings) -> Iterator[ThemeController]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    controller = install_theme(app, choice="light", settings=qsettings)
    yield controller
    app.styleHints().colorSchemeChanged.disconnect(controller.apply)
    controller.deleteLater()
    theme_module._applied = None
    app.setPalette(original)


def test_the_colour_scheme_applies_at_once_cancel_takes_it_back_save_keeps_it(
    qtbot: QtBot, store: Store, theme: ThemeController, qsettings: QSettings
) -> None:
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    dialog = SettingsDialog(store, undo_stack=QUndoStack(), on_error=pytest.fail, theme=theme)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert theme_module.current_colors() is theme_module.DARK
    assert QApplication.palette().color(QPalette.ColorRole.Window) != window_colour
    dialog.reject()
    assert theme_module.current_colors() is theme_module.LIGHT

    dialog = SettingsDialog(store, undo_stack=QUndoStack(), on_error=pytest.fail, theme=theme)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.ok_button.click()
    assert qsettings.value(SETTINGS_THEME) == "dark"
    assert theme_module.current_colors() is theme_module.DARK


def test_undo_puts_the_colour_scheme_back_and_redo_chooses_it_again(
    qtbot: QtBot, store: Store, theme: ThemeController, qsettings: QSettings
) -> None:
    stack = QUndoStack()
    dialog = SettingsDialog(store, undo_stack=stack, on_error=pytest.fail, theme=theme)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.ok_button.click()
    assert qsettings.value(SETTINGS_THEME) == "dark"
    stack.undo()
    assert theme.choice == "light"
    assert qsettings.value(SETTINGS_THEME) == "light"
    assert theme_module.current_colors() is theme_module.LIGHT
    stack.redo()
    assert qsettings.value(SETTINGS_THEME) == "dark"
    assert theme_module.current_colors() is theme_module.DARK


def test_undo_leaves_alone_what_ok_did_not_change(
    qtbot: QtBot, store: Store, theme: ThemeController, qsettings: QSettings, tmp_path: Path
) -> None:
    stack = QUndoStack()
    autostart = XdgAutostart(tmp_path / "config", ["askwhy"])
    dialog = SettingsDialog(
        store, autostart=autostart, undo_stack=stack, on_error=pytest.fail, theme=theme
    )
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Sam Lee")
    dialog.ok_button.click()
    # Since then, elsewhere: start at login switched on (the first-run question), and the
    # scheme pinned to dark.
    autostart.set_enabled(True)
    store.save_settings(replace(store.load_settings(), start_at_login=True))
    theme.choose("dark")
    theme.save()
    stack.undo()
    assert store.load_settings().profile.name == ""
    assert store.load_settings().start_at_login
    assert autostart.is_enabled()
    assert (theme.choice, qsettings.value(SETTINGS_THEME)) == ("dark", "dark")
