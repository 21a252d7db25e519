"""The re-apply guard: a company's earlier applications, shown as its name is typed.

Sits under the company field of a new application. Each change of the name restarts a
short timer; when it fires, the store is asked (off the GUI thread) for the applications at
that company, and the panel lists the earlier roles, how each ended and what the feedback
taught. Nothing there: the panel hides.
"""

from __future__ import annotations

import html
import typing
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.company_history import PastApplication
from desktop.core.stages import OPEN_STAGES
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.store.repository import Store

DELAY_MS = 300  # typing pauses this long before the store is asked
SHOWN = 4  # the newest few; the rest are counted


class CompanyHistoryPanel(QFrame):
    """Signals:
    history_shown(list): the PastApplications now shown ([] when it hid).
    """

    history_shown = Signal(list)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._company = ""
        self._tasks: set[Task] = set()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # As wide as the fields, so the lines wrap as little as they can.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._ask)
        self.hide()

    def look_up(self, company: str) -> None:
        """Show `company`'s history once typing pauses."""
        self._company = company.strip()
        self._timer.start()

    def _ask(self) -> None:
        store, company = self._store, self._company
        if not company:
            self._show(company, [])
            return
        task = Task(lambda: store.company_history(company))
        self._tasks.add(task)
        task.signals.succeeded.connect(partial(self._on_found, task, company))
        task.signals.failed.connect(partial(self._on_failed, task))
        task.start()

    def _on_failed(self, task: Task, _message: str) -> None:
        # A guard, not a gate: if the store cannot say, the form simply shows nothing.
        self._tasks.discard(task)

    def _on_found(self, task: Task, company: str, result: object) -> None:
        self._tasks.discard(task)
        if company == self._company:  # an older answer for a name since changed is dropped
            self._show(company, typing.cast("list[PastApplication]", result))

    def _show(self, company: str, history: list[PastApplication]) -> None:
        if history:
            self.label.setText(history_html(company, history))
        self.setVisible(bool(history))
        self.history_shown.emit(history)

    def busy(self) -> bool:
        return self._timer.isActive() or bool(self._tasks)


def history_html(company: str, history: list[PastApplication]) -> str:
    lines = [f"<b>You applied to {html.escape(company)} before:</b>"]
    for past in history[:SHOWN]:
        application = past.application
        when = application.applied_at or application.created_at
        ended = (
            "still open" if application.stage in OPEN_STAGES else application.stage.label.lower()
        )
        lines.append(
            f"• {html.escape(application.role)} ({when:%Y-%m}): {ended}"
            + "".join(f"<br>&nbsp;&nbsp;↳ {html.escape(line)}" for line in past.lesson_lines())
        )
    if len(history) > SHOWN:
        lines.append(f"… and {len(history) - SHOWN} more")
    return "<br>".join(lines)
