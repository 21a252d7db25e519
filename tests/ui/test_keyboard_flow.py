"""Done means (issue 3): from an empty database, using only the keyboard, a user adds an
application, logs its rejection and copies the finished request.

Every step is a key press sent to whatever widget has the focus, the way a user's keyboard
reaches the app; no widget method is called to move things along.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import RequestStatus, Stage
from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from tests.fakes import ManualClock, RecordingClipboard

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Types into the focused widget of the active window, like a real keyboard."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot

    def focused(self) -> QWidget:
        self._qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self._qtbot.keyClick(self.focused(), key, modifier)

    def type(self, text: str) -> None:
        self._qtbot.keyClicks(self.focused(), text)


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> Iterator[MainWindow]:
    window = MainWindow(store, clock, clipboard, on_quit=lambda: None, settings=qsettings)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.loaded).wait()  # the first load runs in the background
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.rejection_flow.close_all()


def test_add_reject_and_copy_with_the_keyboard_only(
    qtbot: QtBot, window: MainWindow, store: Store, clipboard: RecordingClipboard
) -> None:
    keys = Keyboard(qtbot)
    assert window.stack.currentWidget() is window.empty_state

    # 1. Sign the letters: Settings (Ctrl+,), Alt+N jumps to the name, then Save.
    keys.press(Qt.Key.Key_Comma, CTRL)
    settings = window.side_dialog
    assert settings is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is settings)
    keys.press(Qt.Key.Key_N, ALT)
    keys.type("Sam Rivera")
    save = settings.ok_button  # type: ignore[attr-defined]
    # "&Save" shares Alt+S with "&Stay in touch after": Qt then moves the focus between the
    # two on each press instead of clicking, and Space presses the focused button.
    for _ in range(3):
        if save.hasFocus():
            break
        keys.press(Qt.Key.Key_S, ALT)
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.side_dialog is None)
    assert store.load_settings().profile.name == "Sam Rivera"

    # 2. Add the application: Ctrl+N, company, Tab, role, Enter.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keys.press(Qt.Key.Key_N, CTRL)
    details = window.details_dialog
    assert details is not None
    qtbot.waitUntil(details.company_edit.hasFocus)
    keys.type("Acme Corp")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Platform Engineer")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.details_dialog is None)
    [summary] = store.list_summaries()
    application = summary.application
    assert (application.company, application.role) == ("Acme Corp", "Platform Engineer")

    # 3. Log the rejection for the selected card: Ctrl+R; Alt+O to the contact; End picks
    #    "Add a contact…"; Tab to its name and email; Enter logs it.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.selected_application_id() == application.id
    keys.press(Qt.Key.Key_R, CTRL)
    rejection = window.rejection_flow.dialog
    assert rejection is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is rejection)
    keys.press(Qt.Key.Key_O, ALT)
    assert rejection.contact_combo.hasFocus()
    keys.press(Qt.Key.Key_End)
    keys.press(Qt.Key.Key_Tab)
    assert rejection.contact_name_edit.hasFocus()
    keys.type("Dana Scully")
    keys.press(Qt.Key.Key_Tab)
    keys.type("dana.scully@acme.example")
    keys.press(Qt.Key.Key_Return)
    [request] = store.requests_for(application.id)
    request_id = request.id
    assert store.get_application(application.id).stage is Stage.REJECTED

    # 4. The editor is up at once, prefilled; Ctrl+Shift+C copies subject and body.
    editor = window.rejection_flow.editor(request_id)
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    keys.press(Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(clipboard.texts))
    copied = clipboard.text()
    assert "{{" not in copied  # finished: every merge field filled
    assert "Platform Engineer" in copied
    assert "Hi Dana," in copied
    assert "Acme Corp" in copied
    assert "Sam Rivera" in copied
    assert store.get_request(request_id).status is RequestStatus.DRAFT
