"""Log a rejection from the email itself: drop or paste an .eml file or its text.

`EmailDropFilter` makes any widget, usually the main window, a drop target, and
`payload_from_mime` says what a drop or paste carries. Nothing is read here: a dropped file
is only named, and `email_confirm_dialog.EmailReading` reads and parses it off the GUI
thread (a file can be a FIFO, a device or 5 MB of hostile text). This module stays small
because the main window needs it before its first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

EMAIL_SUFFIXES = frozenset({".eml", ".txt", ".msg"})
RFC822_MIME = "message/rfc822"

# What a drop or paste carries: a message's bytes, pasted text, or a file to read.
EmailPayload = bytes | str | Path


def payload_from_mime(mime: QMimeData) -> EmailPayload | None:
    """The email a drop or paste carries: raw bytes of a message, plain text, or the path of
    an email file (read later, off the GUI thread); None if none of these."""
    if mime.hasFormat(RFC822_MIME):
        return bytes(mime.data(RFC822_MIME).data())
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in EMAIL_SUFFIXES:
                return Path(url.toLocalFile())
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


class EmailDropFilter(QObject):
    """Turns a widget into a drop target for rejection emails.

    Signals:
        email_dropped(bytes | str | Path): the email, ready for `RejectionFlow.read_email`.
    """

    email_dropped = Signal(object)

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
            payload = payload_from_mime(event.mimeData())
            if payload is None:
                return False
            event.acceptProposedAction()
            self.email_dropped.emit(payload)
            return True
        return super().eventFilter(watched, event)
