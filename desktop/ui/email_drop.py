"""Log a rejection from the email itself: drop or paste an .eml file or its text.

`EmailDropFilter` makes any widget, usually the main window, a drop target, and
`payload_from_mime` reads what a drop or paste carries. What happens to the email is in
`email_confirm_dialog`; this module stays small because the main window needs it before its
first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

EMAIL_SUFFIXES = frozenset({".eml", ".txt", ".msg"})
# A rejection email is a few kilobytes; anything past this is not what the user meant to drop.
MAX_EMAIL_BYTES = 5 * 1024 * 1024
RFC822_MIME = "message/rfc822"


class EmailPayloadError(Exception):
    """A dropped file that cannot be read; the message is for the user."""


def payload_from_mime(mime: QMimeData) -> bytes | str | None:
    """The email a drop or paste carries: raw bytes of a file, or plain text; None if neither.

    Raises EmailPayloadError when it names a file that cannot be read.
    """
    if mime.hasFormat(RFC822_MIME):
        return bytes(mime.data(RFC822_MIME).data())
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in EMAIL_SUFFIXES:
                return read_email_file(Path(url.toLocalFile()))
        return None
    if mime.hasText() and mime.text().strip():
        return mime.text()
    return None


def can_accept(mime: QMimeData) -> bool:
    if mime.hasFormat(RFC822_MIME):
        return True
    if mime.hasUrls():
        return any(
            url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in EMAIL_SUFFIXES
            for url in mime.urls()
        )
    return mime.hasText()


def read_email_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_EMAIL_BYTES:
            raise EmailPayloadError(
                f"{path.name} is {size // 1024 // 1024} MB: too big to be a rejection email."
            )
        return path.read_bytes()
    except OSError as error:
        raise EmailPayloadError(
            f"{path.name} could not be read ({error.strerror or error})."
        ) from error


class EmailDropFilter(QObject):
    """Turns a widget into a drop target for rejection emails.

    Signals:
        email_dropped(bytes | str): the raw email, ready for `RejectionFlow.log_parsed_email`.
        drop_failed(str): a message for the user (a file that could not be read).
    """

    email_dropped = Signal(object)
    drop_failed = Signal(str)

    def install(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            if can_accept(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if isinstance(event, QDropEvent):
            try:
                payload = payload_from_mime(event.mimeData())
            except EmailPayloadError as error:
                self.drop_failed.emit(str(error))
                return True
            if payload is None:
                return False
            event.acceptProposedAction()
            self.email_dropped.emit(payload)
            return True
        return super().eventFilter(watched, event)
