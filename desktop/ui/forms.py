"""What every form shares: the email check and the inline error label."""

from __future__ import annotations

import re

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy

from desktop.ui.template_highlighter import is_dark

# Loose on purpose: it catches typos (a missing @, a space), not every RFC 5322 corner.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_valid_email(text: str) -> bool:
    return bool(EMAIL_PATTERN.match(text.strip()))


def error_colour(palette: QPalette) -> str:
    """A red that keeps a readable contrast on the palette's window colour."""
    return "#ff8a80" if is_dark(palette) else "#b3261e"


class ErrorLabel(QLabel):
    """A hidden, wrapping label for one inline problem; `show_error` shows it with its text.

    It takes the whole width of its row: a wrapping label left at its own size hint breaks
    a short message over two lines in a narrow box, and a tight form then clips both.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"color: {error_colour(self.palette())};")
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))
