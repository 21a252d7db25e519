"""File › Report…: choose the period of a proof of applications, and its format.

The window asks where to save it and writes it off the GUI thread (`MainWindow.report_to`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import InvalidInput
from desktop.core.proof import Period

FORMATS = ((".pdf", "PDF document"), (".csv", "CSV table"))


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ReportDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Proof of applications")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every application active in the period, with its dates, stage changes and "
            "outcome, and your name from Settings › Profile."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = _date_edit(today.replace(day=1))
        self.last = _date_edit(today)
        self.format_box = QComboBox()
        for suffix, label in FORMATS:
            self.format_box.addItem(label, suffix)
        form.addRow("&From:", self.first)
        form.addRow("&To:", self.last)
        form.addRow("F&ormat:", self.format_box)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def period(self) -> Period:
        first, last = self.first.date(), self.last.date()
        return Period(
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
        )

    def suffix(self) -> str:
        return str(self.format_box.currentData())

    def accept(self) -> None:
        try:
            self.period()
        except InvalidInput as error:
            self.error.setText(str(error))  # stay open: the user fixes the dates
            return
        super().accept()
