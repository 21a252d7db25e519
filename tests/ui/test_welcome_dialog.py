"""The first-run welcome: profile, then start-at-login, each step skippable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import Profile
from desktop.store.repository import Store
from desktop.ui.welcome_dialog import WelcomeDialog
from tests.fakes import FakeAutostart


def make(qtbot: QtBot, store: Store, autostart: FakeAutostart) -> WelcomeDialog:
    dialog = WelcomeDialog(store, autostart)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_profile_then_start_at_login_by_keyboard(qtbot: QtBot, store: Store) -> None:
    autostart = FakeAutostart()
    dialog = make(qtbot, store, autostart)
    qtbot.keyClicks(dialog.profile_form.name_edit, "Sam Lee")
    qtbot.keyClick(dialog.profile_form.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.profile_form.email_edit, "sam@example.org")
    dialog.profile_form.signature_edit.setPlainText("Sam Lee\nportfolio.example")
    qtbot.keyClick(dialog.profile_form.email_edit, Qt.Key.Key_Return)
    assert store.load_settings().profile == Profile(
        "Sam Lee", "sam@example.org", "Sam Lee\nportfolio.example"
    )
    assert dialog.autostart_check.hasFocus()
    qtbot.keyClick(dialog.autostart_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.autostart_check, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    settings = store.load_settings()
    assert (settings.start_at_login, settings.asked_about_autostart) == (True, True)
    assert autostart.calls == [True]


def test_a_bad_email_is_shown_in_place_and_nothing_is_saved(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, store, FakeAutostart())
    qtbot.keyClicks(dialog.profile_form.email_edit, "sam@")
    assert dialog.error_label.isVisible()
    assert not dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert store.load_settings().profile == Profile()
    assert dialog.pages.currentIndex() == 0


def test_skipping_both_steps_is_remembered_and_changes_nothing_else(
    qtbot: QtBot, store: Store
) -> None:
    autostart = FakeAutostart()
    dialog = make(qtbot, store, autostart)
    qtbot.keyClicks(dialog.profile_form.name_edit, "Not saved")
    dialog.skip_button.click()
    dialog.skip_button.click()
    settings = store.load_settings()
    assert settings.asked_about_autostart
    assert (settings.profile, settings.start_at_login, autostart.calls) == (Profile(), False, [])


def test_escape_leaves_it_for_the_next_start(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, store, FakeAutostart())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not store.load_settings().asked_about_autostart


def test_without_autostart_the_choice_is_disabled(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, store, FakeAutostart(supported=False))
    dialog.skip_button.click()
    assert not dialog.autostart_check.isEnabled()
    dialog.next_button.click()
    assert store.load_settings().asked_about_autostart
