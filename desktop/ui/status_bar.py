"""The window's status bar: how many applications are where, the next deadline, and
whether reminders are paused."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from desktop.core.model import ApplicationSummary, Stage
from desktop.core.reminders import pause_text
from desktop.core.stages import OPEN_STAGES
from desktop.core.timefmt import format_countdown, format_local
from desktop.core.user_text import isolate
from desktop.core.wording import plural
from desktop.ui.screen_fit import ElidedLabel
from desktop.ui.theme import current_colors

if TYPE_CHECKING:
    from desktop.ui.table_model import ApplicationTableModel


def counts_text(by_stage: Mapping[Stage, int], open_requests: int) -> str:
    """`by_stage`: how many applications are at each stage; `open_requests`: how many
    have a follow-up to send."""
    total = sum(by_stage.values())
    if not total:
        return "No applications yet"
    active = sum(n for stage, n in by_stage.items() if stage in OPEN_STAGES)
    parts = [
        plural(total, "application"),
        f"{active} active",
        f"{by_stage.get(Stage.INTERVIEWING, 0)} interviewing",
        f"{by_stage.get(Stage.REJECTED, 0)} rejected",
    ]
    if open_requests:
        parts.append(f"{open_requests} to follow up")
    return " · ".join(parts)


def next_deadline_text(summaries: Iterable[ApplicationSummary], now: datetime, tz: tzinfo) -> str:
    upcoming = [
        (s.open_request.window_closes_at, s.application.company)
        for s in summaries
        if s.open_request is not None and s.open_request.window_closes_at > now
    ]
    if not upcoming:
        return "No follow-up due"
    closes_at, company = min(upcoming)
    return (
        f"Next: {isolate(company)} — {format_countdown(closes_at - now)}"
        f" (closes {format_local(closes_at, tz)})"
    )


class StatusBar(QStatusBar):
    # The user clicked "Resume" beside "Reminders paused until …".
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts_label = QLabel()
        self.deadline_label = ElidedLabel()
        self.pause_label = QLabel()
        self.resume_button = QToolButton()
        self.resume_button.setText("Resume")
        self.resume_button.setAccessibleName("Resume reminders")
        self.resume_button.setToolTip("Resume reminders now")
        self.resume_button.clicked.connect(self.resume_requested)
        # Shown while the applications load in the background (import, restore); built on
        # first use, as the window's first paint must not wait for it.
        self.busy: QProgressBar | None = None
        self.addWidget(self.counts_label, 1)
        self.addPermanentWidget(self.deadline_label)
        self.addPermanentWidget(self.pause_label)
        self.addPermanentWidget(self.resume_button)
        self.pause_label.hide()
        self.resume_button.hide()

    def set_loading(self, loading: bool) -> None:
        if self.busy is None:
            if not loading:
                return
            self.busy = QProgressBar()
            self.busy.setRange(0, 0)
            self.busy.setMaximumWidth(120)
            self.busy.setTextVisible(False)
            self.busy.setAccessibleName("Loading applications")
            self.addPermanentWidget(self.busy)
        self.busy.setVisible(loading)
        if loading:
            self.counts_label.setText("Loading applications…")

    def update_from(self, model: ApplicationTableModel, now: datetime, tz: tzinfo) -> None:
        # The model's running count per stage and its few open rows: at 100,000
        # applications a pass over every row here would stall each single change.
        summaries = model.summaries
        open_summaries = [summaries[row] for row in model.open_rows]
        self.counts_label.setText(counts_text(model.stage_counts, len(open_summaries)))
        text = next_deadline_text(open_summaries, now, tz)
        self.deadline_label.setText(text)
        # Only a closing window earns the urgent colour; read the palette now so that a
        # switch between light and dark is followed at the next update.
        urgent = text.startswith("Next:")
        self.deadline_label.setStyleSheet(f"color: {current_colors().urgent};" if urgent else "")

    def set_paused(self, until: datetime | None, tz: tzinfo) -> None:
        """Shows "Reminders paused until …" and "Resume" while `until` is set."""
        if until is not None:
            self.pause_label.setText(f"Reminders paused {pause_text(until, tz)} —")
        self.pause_label.setVisible(until is not None)
        self.resume_button.setVisible(until is not None)
