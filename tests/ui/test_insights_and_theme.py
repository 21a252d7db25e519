"""Insights from real history, the palettes, and emails pasted or dropped on the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.model import RejectionInput, ReplyOutcome, Stage
from desktop.store.repository import Store
from desktop.ui import theme
from desktop.ui.email_confirm_dialog import EmailConfirmDialog
from desktop.ui.insights_view import gather_insights
from desktop.ui.main_window import VIEW_INSIGHTS, MainWindow
from desktop.ui.theme import DARK, LIGHT, build_palette, install_theme
from tests.fakes import ManualClock, RecordingClipboard

REJECTION_EMAIL = (
    "From: Dana Scully <dana.scully@acme.example>\n"
    "Subject: Your application for Platform Engineer at Acme\n"
    "Date: Mon, 02 Mar 2026 08:30:00 +0000\n"
    "\n"
    "Hi Sam,\n\nThank you for interviewing for the Platform Engineer role at Acme. "
    "Unfortunately we have decided not to move forward with your application.\n\n"
    "Best regards,\nDana\n"
)


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> Iterator[MainWindow]:
    window = MainWindow(store, clock, clipboard, on_quit=lambda: None, settings=qsettings)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.loaded).wait()  # the first load runs in the background
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.rejection_flow.close_all()


def history(store: Store, clock: ManualClock) -> None:
    """Two rejections: one asked within 3 hours and answered, one left unsent."""
    for company, sent_after in (("Acme", timedelta(hours=3)), ("Globex", None)):
        app = store.add_application(company, "Engineer", now=clock.now() - timedelta(days=20))
        store.move_stage(
            app.id, Stage.INTERVIEWING, occurred_at=clock.now() - timedelta(days=9), now=clock.now()
        )
        logged = store.log_rejection(
            RejectionInput(
                company=company,
                role="Engineer",
                notified_at=clock.now() - timedelta(days=5),
                application_id=app.id,
                contact_name="Dana Scully",
            ),
            now=clock.now() - timedelta(days=5),
        )
        if sent_after is not None:
            sent = logged.request.window_opens_at + sent_after
            store.mark_sent(logged.request.id, sent_at=sent)
            store.add_lesson(
                app.id,
                ReplyOutcome.REPLIED,
                now=sent + timedelta(days=1),
                request_id=logged.request.id,
                themes=("System design", "communication"),
                action="Practise a design interview",
            )


def test_insights_view_shows_what_the_history_says(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    history(store, clock)
    with qtbot.waitSignal(window.insights.insights_ready, timeout=10_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view == VIEW_INSIGHTS
    insights = blocker.args[0]
    assert insights.median_ask_time == timedelta(hours=3)
    assert insights.requests_sent == 1
    assert insights.funnel.interviewed == 2
    assert "3 h" in window.insights.ask_tile.value.text()
    assert "100%" in window.insights.reply_tile.value.text()
    assert "System design" in window.insights.themes_tile.value.text()
    assert "Practise a design interview" in window.insights.actions_tile.value.text()


def test_insights_of_an_empty_store_say_so(store: Store) -> None:
    loaded = gather_insights(store)
    assert not loaded.insights.has_data


def test_palettes_follow_the_system_scheme() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light, dark = build_palette(LIGHT), build_palette(DARK)
    window_role = QPalette.ColorRole.Window
    assert light.color(window_role).lightness() > dark.color(window_role).lightness()
    original = app.palette()
    hints = app.styleHints()
    controller = install_theme(app)
    try:
        assert app.style().name().lower() == "fusion"
        # What the platform emits when the user switches the desktop to dark, and back.
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert app.palette().color(window_role) == dark.color(window_role)
        assert theme.current_colors() is DARK
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert app.palette().color(window_role) == light.color(window_role)
    finally:
        hints.colorSchemeChanged.disconnect(controller.apply)
        controller.deleteLater()
        theme._applied = None
        app.setPalette(original)


def test_pasting_a_rejection_email_asks_to_confirm_it(qtbot: QtBot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText(REJECTION_EMAIL)
    window.paste_email()
    qtbot.waitUntil(lambda: bool(window.findChildren(EmailConfirmDialog)))
    dialog = window.findChildren(EmailConfirmDialog)[0]
    assert dialog.isVisible()
    dialog.reject()


def test_dropping_a_rejection_email_on_the_window_asks_to_confirm_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    mime = QMimeData()
    mime.setText(REJECTION_EMAIL)
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Delivered as the drag manager would: through the window's drop filter.
    assert window.email_drop_filter.eventFilter(window, event)
    qtbot.waitUntil(lambda: bool(window.findChildren(EmailConfirmDialog)))
    window.findChildren(EmailConfirmDialog)[0].reject()
