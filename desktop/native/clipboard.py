"""The system clipboard behind a one-method interface, so widgets can be tested with a fake."""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger(__name__)


class Clipboard(Protocol):
    def set_text(self, text: str) -> None: ...


class QtClipboard:
    """Qt's clipboard. On X11 the text stays available only while AskWhy runs, as X11
    clipboards belong to the program that set them (a clipboard manager keeps a copy)."""

    def __init__(self, clipboard: QClipboard | None = None) -> None:
        self._clipboard = clipboard

    def _target(self) -> QClipboard:
        # Looked up late: the clipboard exists only once a QGuiApplication does.
        return self._clipboard or QGuiApplication.clipboard()

    def set_text(self, text: str) -> None:
        self._target().setText(text, QClipboard.Mode.Clipboard)
        log.debug("copied %d characters to the clipboard", len(text))

    def text(self) -> str:
        return self._target().text(QClipboard.Mode.Clipboard)
