"""What every form shares: the inline error label, and the store's rules asked early."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

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


def error_label(name: str) -> QLabel:
    """A hidden, wrapping label for one inline problem; show it with its text."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {error_colour(label.palette())};")
    label.hide()
    return label
