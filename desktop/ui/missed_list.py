"""The missed list: reminders that fell due long ago, while AskWhy was not running.

DESIGN.md: long-stale reminders go to a list, not a burst of pop-ups. The reminder service
marks them missed (claimed, so they never fire); this dialog shows them, one row each (the
company, what was missed, when), with "Open request" to act on it and "Dismiss" to take it
off the list ("Dismiss all" for every row). A dismissal is a step on the window's undo
stack, which the dialog carries (`DialogUndo`). The list follows the store's changes, so
it shows what stands whoever changed it: Undo here or in the window, the reminder service,
the tray. It is reachable from View › Missed reminders and from the message bar that
announces them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserFacingError
from desktop.core.model import FiringReminder, ReminderKind, RequestKind
from desktop.core.timefmt import format_local
from desktop.native.store_changes import StoreChanges
from desktop.ui import undo_commands
from desktop.ui.dialog_undo import DialogUndo
from desktop.ui.list_table import list_table
from desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from desktop.store.changes import Change
    from desktop.store.repository import Store

_REMINDER = {
    ReminderKind.NUDGE: "The first nudge",
    ReminderKind.CLOSING: "The “closing soon” reminder",
    ReminderKind.LAST_CALL: "The last call",
    ReminderKind.CLOSED: "The “window closed” notice",
}
_REQUEST = {
    RequestKind.FEEDBACK: "asking why",
    RequestKind.THANK_YOU: "the thank-you note",
    RequestKind.CHECK_IN: "the check-in",
    RequestKind.STAY_IN_TOUCH: "staying in touch",
    RequestKind.CLOSING_NOTE: "the closing note",
}


def what_was_missed(item: FiringReminder) -> str:
    """ "The last call for asking why (Designer)": a reminder, in the user's words."""
    reminder = _REMINDER.get(item.reminder.kind, "A reminder")
    request = _REQUEST.get(item.request.kind, "a follow-up")
    return f"{reminder} for {request} ({item.role})"


class MissedList(QDialog):
    """Window-modal list of missed reminders; `open_request` is called with a request id.
    A dismissal goes onto `undo_stack`; a refusal, or an undo that fails later (when this
    dialog may be closed), goes to `on_error`."""

    COMPANY, WHAT, WHEN, ACTIONS = range(4)

    def __init__(
        self,
        store: Store,
        local_tz: tzinfo,
        open_request: Callable[[int], object],
        *,
        undo_stack: QUndoStack,
        on_error: undo_commands.ErrorHandler,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tz = local_tz
        self._open_request = open_request
        self._undo_stack = undo_stack
        self._on_error = on_error
        self.items: list[FiringReminder] = []
        self.setObjectName("missed_list")
        self.setWindowTitle("Missed reminders")
        fit_to_screen(self, QSize(760, 380))

        self.intro = QLabel(
            "These reminders fell due long ago, while AskWhy was not running. Sending late "
            "still beats not asking."
        )
        self.intro.setWordWrap(True)
        self.empty_label = QLabel("Nothing was missed.")
        self.table = list_table(
            "missed_table", ["Company", "What was missed", "When", ""], stretch=self.WHAT
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.dismiss_all_button = buttons.addButton(
            "Dismiss &all", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.dismiss_all_button.setObjectName("dismiss_all")
        self.history = DialogUndo(self, undo_stack)
        buttons.rejected.connect(self.reject)
        self.dismiss_all_button.clicked.connect(self.dismiss_all)
        self.table.cellActivated.connect(self._on_activated)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.history.button)
        bottom.addWidget(buttons, 1)
        layout.addLayout(bottom)
        self._changes = StoreChanges(store.changes, self)
        self._changes.changed.connect(self._on_store_changed)
        self.reload()

    def _on_store_changed(self, change: Change) -> None:
        # Missed or listed again: announced as a change to the reminder's request.
        if change.touches_requests():
            self.reload()

    def reload(self) -> None:
        try:
            self.items = self._store.missed_reminders()
        except UserFacingError as error:
            self.items = []
            self.empty_label.setText(str(error))
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            when = item.reminder.snoozed_until or item.reminder.due_at
            for column, text in (
                (self.COMPANY, item.company),
                (self.WHAT, what_was_missed(item)),
                (self.WHEN, format_local(when, self._tz)),
            ):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.reminder.id)
                self.table.setItem(row, column, cell)
            self.table.setCellWidget(row, self.ACTIONS, self._actions(item))
        self.table.setVisible(bool(self.items))
        self.empty_label.setVisible(not self.items)
        self.dismiss_all_button.setEnabled(bool(self.items))
        if self.items:
            self.table.selectRow(0)
            self.table.setFocus()

    def _actions(self, item: FiringReminder) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 0)
        open_button = QPushButton("Open request")
        open_button.setObjectName(f"open_{item.reminder.id}")
        dismiss = QPushButton("Dismiss")
        dismiss.setObjectName(f"dismiss_{item.reminder.id}")
        open_button.clicked.connect(functools.partial(self.open_item, item))
        dismiss.clicked.connect(functools.partial(self.dismiss, item))
        layout.addWidget(open_button)
        layout.addWidget(dismiss)
        return box

    def _on_activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.items):
            self.open_item(self.items[row])

    def open_item(self, item: FiringReminder, *_ignored: object) -> None:
        self._open_request(item.request.id)

    def dismiss(self, item: FiringReminder, *_ignored: object) -> None:
        self._run([item])

    def dismiss_all(self) -> None:
        self._run(list(self.items))

    def _run(self, missed: list[FiringReminder]) -> None:
        command = undo_commands.DismissMissedCommand(self._store, missed)
        # Done, the change is announced; refused (changed in another launch meanwhile),
        # nothing is: show what stands.
        if not undo_commands.run(self._undo_stack, command, self._on_error):
            self.reload()
