"""What every form shares: the inline error label, and the store's rules asked early."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy

from desktop.core.errors import InvalidInput
from desktop.ui.template_highlighter import is_dark

V = TypeVar("V")


def problem(check: Callable[[V], object], value: V) -> str:
    """The message a rule of `desktop.core.validation` gives for `value`, or "" when it
    passes. Forms show it inline as the user types; the store applies the same rule again
    when the value is written, so a form can't let through what the store refuses."""
    try:
        check(value)
    except InvalidInput as error:
        return str(error)
    return ""


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
