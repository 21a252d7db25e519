"""Insights: how fast the user asks, how often people reply, what keeps coming back.

The numbers come from `core.insights.compute_insights`; this view gathers its inputs from
the store in a worker thread (one query per application for timelines and requests, which
is fine for a job search but not for the GUI thread) and shows them as a few tiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.insights import Insights, compute_insights
from desktop.core.model import FollowUpRequest, Stage, StageEvent
from desktop.core.timefmt import format_duration
from desktop.core.wording import plural
from desktop.ui.tasks import Task
from desktop.ui.theme import CARD_RADIUS, MARGIN, SPACING, STAGE_COLORS, current_colors

if TYPE_CHECKING:
    from desktop.store.repository import Store

# Bars in the funnel and theme lists are text, so they scale with the font and need no
# painting code: one full-block character per step.
BAR_STEPS = 24
MAX_THEMES = 8
MAX_ACTIONS = 8


@dataclass(frozen=True, slots=True)
class _Loaded:
    insights: Insights
    applications: int


def gather_insights(store: Store) -> _Loaded:
    """Read everything compute_insights needs. Runs in a worker thread."""
    applications = [s.application for s in store.list_summaries(include_archived=True)]
    events: list[StageEvent] = []
    requests: list[FollowUpRequest] = []
    for app in applications:
        # An offer or acceptance already says how far the application got.
        if app.stage not in (Stage.OFFER, Stage.ACCEPTED):
            events.extend(store.timeline(app.id))
        # Feedback requests only exist once a rejection was logged.
        if app.stage is Stage.REJECTED:
            requests.extend(store.requests_for(app.id))
    lessons = store.lessons()
    return _Loaded(compute_insights(applications, events, requests, lessons), len(applications))


def _bar(fraction: float, color: str) -> str:
    steps = max(0, min(BAR_STEPS, round(fraction * BAR_STEPS)))
    return f"<span style='color:{color}'>{'█' * steps}</span>" if steps else ""


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class Tile(QFrame):
    """One titled box of the insights grid."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightTile")
        colors = current_colors()
        self.setStyleSheet(
            f"#insightTile {{ background: {colors.card}; border: 1px solid {colors.card_border};"
            f" border-radius: {CARD_RADIUS}px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING // 2)
        heading = QLabel(f"<span style='color:{colors.muted}'>{escape(title)}</span>")
        layout.addWidget(heading)
        self.value = QLabel()
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.value)
        layout.addStretch(1)

    def set_html(self, html: str) -> None:
        self.value.setText(html)


class InsightsView(QWidget):
    """Signals: insights_ready(Insights) after a refresh finished; load_failed(str)."""

    insights_ready = Signal(object)
    load_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._again: Store | None = None
        self.insights: Insights | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        page = QWidget()
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(MARGIN * 2, MARGIN * 2, MARGIN * 2, MARGIN * 2)
        layout.setSpacing(SPACING * 2)
        self.summary = QLabel("Loading…")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        grid = QGridLayout()
        grid.setSpacing(SPACING * 2)
        self.ask_tile = Tile("How fast you ask (median, notified → sent)")
        self.reply_tile = Tile("Reply rate")
        self.funnel_tile = Tile("Funnel")
        self.themes_tile = Tile("Recurring themes")
        self.actions_tile = Tile("Open actions")
        grid.addWidget(self.ask_tile, 0, 0)
        grid.addWidget(self.reply_tile, 0, 1)
        grid.addWidget(self.funnel_tile, 1, 0, 1, 2)
        grid.addWidget(self.themes_tile, 2, 0)
        grid.addWidget(self.actions_tile, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    # -- loading -----------------------------------------------------------------------
    def update_from(self, store: Store) -> None:
        """Recompute in the background; the tiles update when the result arrives."""
        if self._task is not None:
            # One at a time: run again when this one is done, so the result is not stale.
            self._again = store
            return
        task = Task(lambda: gather_insights(store))
        task.signals.succeeded.connect(self._on_loaded)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        task.start()

    def _on_loaded(self, loaded: object) -> None:
        self._task = None
        assert isinstance(loaded, _Loaded)
        self.show_insights(loaded.insights, loaded.applications)
        self._run_again()

    def _on_failed(self, message: str) -> None:
        self._task = None
        self._run_again()
        self.summary.setText(escape(message))
        self.load_failed.emit(message)

    def _run_again(self) -> None:
        store, self._again = self._again, None
        if store is not None:
            self.update_from(store)

    # -- showing -----------------------------------------------------------------------
    def show_insights(self, insights: Insights, applications: int) -> None:
        self.insights = insights
        colors = current_colors()
        big = "font-size: 22pt; font-weight: 600;"
        if not insights.has_data:
            self.summary.setText(
                "<b>Nothing to learn from yet.</b> Insights fill in as you apply, log "
                "rejections, send feedback requests and record what the replies said."
            )
        else:
            self.summary.setText(
                f"<b>{plural(applications, 'application')}</b> so far. Ask fast, keep it short, "
                "and write down what each reply teaches."
            )

        if insights.median_ask_time is None:
            ask = f"<span style='{big}'>—</span><br>No feedback request sent yet."
        else:
            fast = insights.median_ask_time <= timedelta(hours=24)
            color = colors.ok if fast else colors.urgent
            verdict = "Fast: they still remember you." if fast else "Try to ask within a day."
            ask = (
                f"<span style='{big} color:{color}'>"
                f"{escape(format_duration(insights.median_ask_time))}</span><br>{verdict}"
            )
        self.ask_tile.set_html(ask)

        reply = (
            f"<span style='{big}'>{_percent(insights.reply_rate)}</span><br>"
            f"{plural(insights.replies, 'reply', 'replies')} to "
            f"{plural(insights.requests_sent, 'request')} sent"
        )
        if insights.expired_requests:
            reply += f"<br>{plural(insights.expired_requests, 'request')} expired unsent"
        self.reply_tile.set_html(reply)

        funnel = insights.funnel
        top = max(funnel.applied, 1)
        rows = [
            ("Applied", funnel.applied, STAGE_COLORS[Stage.APPLIED], ""),
            (
                "Interviewed",
                funnel.interviewed,
                STAGE_COLORS[Stage.INTERVIEWING],
                _percent(funnel.interview_rate),
            ),
            ("Offered", funnel.offered, STAGE_COLORS[Stage.OFFER], _percent(funnel.offer_rate)),
        ]
        self.funnel_tile.set_html(
            "<table cellspacing='4'>"
            + "".join(
                f"<tr><td>{label}</td><td align='right'><b>{count}</b></td>"
                f"<td>{_bar(count / top, color)}</td>"
                f"<td style='color:{colors.muted}'>{rate}</td></tr>"
                for label, count, color, rate in rows
            )
            + "</table>"
        )

        if insights.themes:
            most = insights.themes[0][1]
            self.themes_tile.set_html(
                "<table cellspacing='4'>"
                + "".join(
                    f"<tr><td>{escape(theme)}</td><td align='right'><b>{count}</b></td>"
                    f"<td>{_bar(count / most, colors.highlight)}</td></tr>"
                    for theme, count in insights.themes[:MAX_THEMES]
                )
                + "</table>"
            )
        else:
            self.themes_tile.set_html("Tag the replies you log; the themes that recur show here.")

        if insights.open_actions:
            items = "".join(
                f"<li>{escape(lesson.action)}</li>"
                for lesson in insights.open_actions[:MAX_ACTIONS]
            )
            more = len(insights.open_actions) - MAX_ACTIONS
            tail = f"<br>and {more} more" if more > 0 else ""
            self.actions_tile.set_html(f"<ul style='margin-left:-20px'>{items}</ul>{tail}")
        else:
            self.actions_tile.set_html(
                "No open actions. Note one when a reply teaches you something."
            )
        self.insights_ready.emit(insights)
