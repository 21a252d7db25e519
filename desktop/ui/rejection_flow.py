"""From "I was rejected" to a ready-to-send request, in one controller.

The main window, the tray and a dropped email all start here. The flow owns the order of
things, so that every entry point behaves the same: log the rejection (one transaction),
then open the request editor straight away, or skip the request when the rejection came
before any human contact. It keeps one editor per request: asking for a request that is
already open raises its window instead of opening a second copy.

Logging a rejection is one command on the window's undo stack (and "log and skip" is one
too): undo removes the rejection, its request and reminders, and puts the stage back.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.email_parsing import ParsedEmail
from desktop.core.errors import UserFacingError
from desktop.core.model import LoggedRejection, RejectionInput
from desktop.native.clipboard import Clipboard
from desktop.native.clock import Clock
from desktop.ui.email_confirm_dialog import EmailConfirmDialog, EmailReading
from desktop.ui.email_drop import EmailPayload
from desktop.ui.lesson_dialog import LessonDialog
from desktop.ui.rejection_dialog import RejectionDialog, RejectionPrefill
from desktop.ui.request_editor import RequestEditor, SaveFileChooser, UrlOpener
from desktop.ui.undo_commands import LogRejectionCommand

if TYPE_CHECKING:
    from desktop.store.repository import Store

log = logging.getLogger(__name__)


class RejectionFlow(QObject):
    """What it writes, the store announces: the flow tells nobody about its changes."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        clipboard: Clipboard,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        url_opener: UrlOpener | None = None,
        save_file_chooser: SaveFileChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._clipboard = clipboard
        self._undo_stack = undo_stack
        self._window = parent
        self._url_opener = url_opener
        self._save_file_chooser = save_file_chooser
        self._editors: dict[int, RequestEditor] = {}
        self.dialog: RejectionDialog | None = None
        self.last_message = ""

    @property
    def undo_stack(self) -> QUndoStack:
        """The window's one undo stack, which the flow pushes onto; so do the other ways
        a rejection comes in (the mail findings)."""
        return self._undo_stack

    # -- entry points --------------------------------------------------------------
    def start(
        self, application_id: int | None = None, *, prefill: RejectionPrefill | None = None
    ) -> RejectionDialog | None:
        """Open the rejection dialog (window-modal, not blocking); returns it for callers."""
        if self.dialog is not None and self.dialog.isVisible():
            # One rejection at a time: a second trigger (tray, shortcut) finds the first.
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        try:
            dialog = RejectionDialog(
                self._store,
                self._clock,
                application_id,
                self._window,
                log_rejection=self.log_rejection,
                prefill=prefill,
            )
        except UserFacingError as error:
            # The application may have been deleted since the user clicked on it.
            self._tell("The rejection cannot be logged", str(error))
            return None
        dialog.rejection_logged.connect(self._on_rejection_logged)
        dialog.finished.connect(functools.partial(self._forget_dialog, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def log_rejection(self, rejection: RejectionInput) -> LoggedRejection:
        """Write a rejection as one step on the undo stack (the dialog, a second launch).

        Raises UserFacingError, with nothing written and nothing pushed, for bad input.
        """
        command = LogRejectionCommand(self._store, self._clock, rejection)
        command.execute()
        command.set_error_handler(functools.partial(self._tell, "Undo did not work"))
        self._undo_stack.push(command)
        assert command.logged is not None
        return command.logged

    def log_parsed_email(self, payload: EmailPayload) -> EmailReading:
        """Read a dropped or pasted email off the GUI thread, let the user confirm what it
        says, then start the flow. Returns the reading, which the user can cancel."""
        reading = EmailReading(
            payload, self._clock.local_tz(), self._store.applied_companies, self._window
        )
        reading.read.connect(self._confirm_email)
        reading.failed.connect(
            functools.partial(self._tell, "This doesn't look like a rejection email")
        )
        reading.start()
        return reading

    def open_request(self, request_id: int) -> RequestEditor | None:
        editor = self._editors.get(request_id)
        if editor is None:
            try:
                editor = RequestEditor(
                    self._store,
                    self._clock,
                    self._clipboard,
                    request_id,
                    self._window,
                    undo_stack=self._undo_stack,
                    url_opener=self._url_opener,
                    save_file_chooser=self._save_file_chooser,
                )
            except UserFacingError as error:
                self._tell("The request cannot be opened", str(error))
                return None
            editor.closed.connect(self._on_editor_closed)
            editor.lesson_requested.connect(self.log_lesson)
            self._editors[request_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def log_lesson(self, request_id: int) -> LessonDialog | None:
        """Ask what the reply said (or that none came) for a sent request."""
        try:
            request = self._store.get_request(request_id)
        except UserFacingError as error:
            self._tell("The reply cannot be logged", str(error))
            return None
        parent = self._editors.get(request_id) or self._window
        dialog = LessonDialog(
            self._store,
            self._clock,
            request.application_id,
            request_id=request_id,
            undo_stack=self._undo_stack,
            on_error=functools.partial(self._tell, "Undo did not work"),
            parent=parent,
        )
        dialog.lesson_logged.connect(functools.partial(self._on_lesson_logged, request_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- state ---------------------------------------------------------------------
    def editor(self, request_id: int) -> RequestEditor | None:
        return self._editors.get(request_id)

    def open_editors(self) -> list[RequestEditor]:
        return list(self._editors.values())

    def close_all(self) -> None:
        """Close every editor (saving its text); the app calls this before it quits."""
        for editor in list(self._editors.values()):
            editor.close()

    # -- reactions -----------------------------------------------------------------
    def _on_rejection_logged(self, logged: LoggedRejection, skip: bool) -> None:
        request_id = logged.request.id
        if skip:
            try:
                # Part of the rejection's undo step, which is still on top of the stack: its
                # undo puts back the application as it was before the rejection, so one
                # Ctrl+Z takes back the rejection and the skip.
                self._store.skip_request(request_id, now=self._clock.now())
            except UserFacingError as error:
                self._tell("The request was not skipped", str(error))
                self.open_request(request_id)
            return
        # Straight to the editor: asking fast is the whole point.
        self.open_request(request_id)

    def _confirm_email(self, parsed: ParsedEmail) -> None:
        confirm = EmailConfirmDialog(parsed, self._clock.local_tz(), self._window)
        confirm.accepted.connect(functools.partial(self._on_email_confirmed, confirm))
        confirm.finished.connect(confirm.deleteLater)
        confirm.open()

    def _on_email_confirmed(self, confirm: EmailConfirmDialog) -> None:
        self.start(None, prefill=confirm.prefill())

    def _on_lesson_logged(self, request_id: int, _lesson: object) -> None:
        editor = self._editors.get(request_id)
        if editor is not None:
            editor.reload_status()

    def _on_editor_closed(self, request_id: int) -> None:
        editor = self._editors.pop(request_id, None)
        if editor is not None:
            editor.deleteLater()

    def _forget_dialog(self, dialog: RejectionDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _tell(self, title: str, message: str) -> None:
        """Show a message without blocking: the flow may run from a drop or the tray."""
        log.info("%s: %s", title, message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self._window)
        box.setObjectName("flow_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = message
        box.open()
