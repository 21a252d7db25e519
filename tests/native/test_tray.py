"""The tray's menu and icon state, offscreen (no tray host needed to build the menu)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from desktop.native.tray import CloseToTrayFilter, Tray
from desktop.store.changes import Change
from tests.fakes import FakeReminderStore, ManualClock

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def make_tray(store: FakeReminderStore, clock: ManualClock, paused: list[bool]) -> Tray:
    return Tray(
        lambda: store.due_items(now=clock.now()),
        lambda: paused[0],
        clock.now,
        changes=store.changes,
    )


def texts(tray: Tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if not a.isSeparator()]


def test_menu_lists_due_requests_and_actions(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=3))
    tray = make_tray(store, clock, [False])
    tray.menu.aboutToShow.emit()
    assert texts(tray) == [
        "Open AskWhy",
        "Log rejection…",
        "Due next",
        "Acme — Engineer: 1 d 21 h left",
        "Snooze all",
        "Pause reminders",
        "Quit AskWhy",
    ]
    tray.close()


def test_menu_is_rebuilt_when_it_opens(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock, [False])
    assert "Nothing due" in texts(tray)
    store.add_feedback_request("Globex", "Analyst", notified_at=START)
    tray.menu.aboutToShow.emit()
    assert "Globex — Analyst: 2 d left" in texts(tray)
    tray.close()


def test_menu_actions_emit_what_the_user_chose(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    request = store.add_feedback_request("Acme", "Engineer", notified_at=START)
    paused = [False]
    tray = make_tray(store, clock, paused)
    tray.menu.aboutToShow.emit()
    actions = {a.text(): a for a in tray.menu.actions()}
    with qtbot.waitSignal(tray.request_chosen) as chosen:
        actions["Acme — Engineer: 2 d left"].trigger()
    assert chosen.args == [request.id]
    with qtbot.waitSignal(tray.pause_requested) as pause:
        actions["Pause reminders"].trigger()
    assert pause.args == [True]
    snooze_menu = actions["Snooze all"].menu()
    assert snooze_menu is not None
    with qtbot.waitSignal(tray.snooze_all_requested) as snooze:
        snooze_menu.actions()[1].trigger()
    assert snooze.args == ["1h"]
    with qtbot.waitSignal(tray.open_requested):
        actions["Open AskWhy"].trigger()
    with qtbot.waitSignal(tray.log_rejection_requested):
        actions["Log rejection…"].trigger()
    with qtbot.waitSignal(tray.quit_requested):
        actions["Quit AskWhy"].trigger()
    tray.close()


def test_pause_shows_checked_and_resume_is_offered(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    paused = [True]
    tray = make_tray(store, clock, paused)
    tray.menu.aboutToShow.emit()
    pause = next(a for a in tray.menu.actions() if a.text() == "Pause reminders")
    assert pause.isChecked()
    with qtbot.waitSignal(tray.pause_requested) as resumed:
        pause.trigger()
    assert resumed.args == [False]
    tray.close()


def test_icon_state_follows_open_windows(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock, [False])
    tray.refresh()
    assert not tray.is_due()
    store.add_feedback_request("Acme", "Engineer", notified_at=START)
    tray.refresh()
    assert tray.is_due()
    assert "Acme" in tray.icon.toolTip()
    clock.advance(hours=49)
    tray.refresh()
    assert not tray.is_due()
    tray.close()


def test_message_click_names_its_request(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock, [False])
    tray.show_message("title", "body", 7)
    with qtbot.waitSignal(tray.message_clicked) as clicked:
        tray.icon.messageClicked.emit()
    assert clicked.args == [7]
    tray.close()


def test_close_filter_hides_only_when_told(qtbot: QtBot):
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    window = QWidget()
    qtbot.addWidget(window)
    hide = [True]
    window.installEventFilter(CloseToTrayFilter(window, lambda: hide[0]))
    window.show()
    assert not window.close()  # swallowed: it stays (the callback would hide it)
    hide[0] = False
    assert window.close()


def test_the_icon_follows_the_store_announcements(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock, [False])
    assert not tray.is_due()
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=3))
    store.changes.publish(Change(applications=frozenset({1}), requests=frozenset({1})))
    assert tray.is_due()
    tray.close()
