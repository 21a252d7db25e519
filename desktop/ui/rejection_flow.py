"""From "I was rejected" to a ready-to-send request, in one controller.

The main window, the tray and a dropped email all start here. The flow owns the order of
things, so that every entry point behaves the same: log the rejection (one transaction),
then open the request editor straight away, or skip the request when the rejection came
before any human contact. It keeps one editor per request: asking for a request that is
already open raises its window instead of opening a second copy.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.email_parsing import ParsedEmail
from desktop.core.errors import UserFacingError
from desktop.core.model import LoggedRejection
from desktop.native.clipboard import Clipboard
from desktop.native.clock import Clock
from desktop.ui.email_confirm_dialog import EmailConfirmDialog, EmailReading
from desktop.ui.email_drop import EmailPayload
from desktop.ui.lesson_dialog import LessonDialog
from desktop.ui.rejection_dialog import RejectionDialog, RejectionPrefill
from desktop.ui.request_editor import RequestEditor, SaveFileChooser, UrlOpener

if TYPE_CHECKING:
    from desktop.store.repository import Store

log = logging.getLogger(__name__)


class RejectionFlow(QObject):
    """Signals:
    request_opened(request_id): an editor is shown (new, or raised).
    rejection_logged(application_id): a rejection was written.
    request_skipped(request_id): skipped from the rejection dialog; `undo_skip` reverses it.
    data_changed(): anything the board or table shows may have changed.
    """

    request_opened = Signal(int)
    rejection_logged = Signal(int)
    request_skipped = Signal(int)
    data_changed = Signal()

    def __init__(
        self,
        store: Store,
        clock: Clock,
        clipboard: Clipboard,
        parent: QWidget | None = None,
        *,
        url_opener: UrlOpener | None = None,
        save_file_chooser: SaveFileChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._clipboard = clipboard
        self._window = parent
        self._url_opener = url_opener
        self._save_file_chooser = save_file_chooser
        self._editors: dict[int, RequestEditor] = {}
        self.dialog: RejectionDialog | None = None
        self.last_message = ""

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
                self._store, self._clock, application_id, self._window, prefill=prefill
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

    def log_parsed_email(self, payload: EmailPayload) -> EmailReading:
        """Read a dropped or pasted email off the GUI thread, let the user confirm what it
        says, then start the flow. Returns the reading, which the user can cancel."""
        reading = EmailReading(payload, self._clock.local_tz(), self._window)
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
                    url_opener=self._url_opener,
                    save_file_chooser=self._save_file_chooser,
                )
            except UserFacingError as error:
                self._tell("The request cannot be opened", str(error))
                return None
            editor.request_changed.connect(self._on_request_changed)
            editor.closed.connect(self._on_editor_closed)
            editor.lesson_requested.connect(self.log_lesson)
            self._editors[request_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        self.request_opened.emit(request_id)
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
            self._store, self._clock, request.application_id, request_id=request_id, parent=parent
        )
        dialog.lesson_logged.connect(functools.partial(self._on_lesson_logged, request_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def undo_skip(self, request_id: int) -> None:
        try:
            self._store.reopen_request(request_id, now=self._clock.now())
        except UserFacingError as error:
            self._tell("The request was not reopened", str(error))
            return
        self.data_changed.emit()

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
        self.rejection_logged.emit(logged.application.id)
        request_id = logged.request.id
        if skip:
            try:
                self._store.skip_request(request_id, now=self._clock.now())
            except UserFacingError as error:
                self._tell("The request was not skipped", str(error))
                self.open_request(request_id)
            else:
                self.request_skipped.emit(request_id)
            self.data_changed.emit()
            return
        self.data_changed.emit()
        # Straight to the editor: asking fast is the whole point.
        self.open_request(request_id)

    def _confirm_email(self, parsed: ParsedEmail) -> None:
        confirm = EmailConfirmDialog(parsed, self._clock.local_tz(), self._window)
        confirm.accepted.connect(functools.partial(self._on_email_confirmed, confirm))
        confirm.finished.connect(confirm.deleteLater)
        confirm.open()

    def _on_email_confirmed(self, confirm: EmailConfirmDialog) -> None:
        self.start(None, prefill=confirm.prefill())

    def _on_request_changed(self, _request_id: int) -> None:
        self.data_changed.emit()

    def _on_lesson_logged(self, request_id: int, _lesson: object) -> None:
        editor = self._editors.get(request_id)
        if editor is not None:
            editor.reload_status()
        self.data_changed.emit()

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
