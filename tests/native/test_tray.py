"""The tray's menu and icon state, offscreen (no tray host needed to build the menu)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from desktop.core.model import Settings
from desktop.core.user_text import isolate
from desktop.native.tray import CloseToTrayFilter, Tray
from desktop.store.changes import Change
from tests.fakes import FakeReminderStore, ManualClock

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def make_tray(store: FakeReminderStore, clock: ManualClock) -> Tray:
    return Tray(
        lambda: store.due_items(now=clock.now()),
        lambda: store.load_settings().reminders_pause_end_at(clock.now()),
        clock.now,
        local_tz=clock.local_tz,
        changes=store.changes,
    )


def texts(tray: Tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if not a.isSeparator()]


def test_menu_lists_due_requests_and_actions(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=3))
    tray = make_tray(store, clock)
    tray.menu.aboutToShow.emit()
    assert texts(tray) == [
        "Open AskWhy",
        "Log rejection…",
        "Due next",
        f"{isolate('Acme')} — {isolate('Engineer')}: 1 d 21 h left",
        "Snooze all",
        "Pause reminders",
        "Quit AskWhy",
    ]
    tray.close()


def test_an_ampersand_in_a_name_is_shown_not_taken_for_a_mnemonic(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    store.add_feedback_request("AT&T", "R&D", notified_at=START)
    tray = make_tray(store, clock)
    tray.menu.aboutToShow.emit()
    # iconText() is the text without its mnemonic marks: what the menu draws.
    shown = [a.iconText() for a in tray.menu.actions()]
    assert f"{isolate('AT&T')} — {isolate('R&D')}: 2 d left" in shown
    tray.close()


def test_menu_is_rebuilt_when_it_opens(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock)
    assert "Nothing due" in texts(tray)
    store.add_feedback_request("Globex", "Analyst", notified_at=START)
    tray.menu.aboutToShow.emit()
    assert f"{isolate('Globex')} — {isolate('Analyst')}: 2 d left" in texts(tray)
    tray.close()


def test_menu_actions_emit_what_the_user_chose(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    request = store.add_feedback_request("Acme", "Engineer", notified_at=START)
    tray = make_tray(store, clock)
    tray.menu.aboutToShow.emit()
    actions = {a.text(): a for a in tray.menu.actions()}
    with qtbot.waitSignal(tray.request_chosen) as chosen:
        actions[f"{isolate('Acme')} — {isolate('Engineer')}: 2 d left"].trigger()
    assert chosen.args == [request.id]
    pause_menu = actions["Pause reminders"].menu()
    assert pause_menu is not None
    assert [a.text() for a in pause_menu.actions()] == [
        "Until tomorrow morning",
        "For 1 hour",
        "For 4 hours",
        "Until resumed",
    ]
    with qtbot.waitSignal(tray.pause_requested) as pause:
        pause_menu.actions()[2].trigger()
    assert pause.args == ["4h"]
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


def test_a_pause_shows_its_end_and_offers_resume(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    store.settings = Settings(reminders_paused_until=START + timedelta(hours=4))
    tray = make_tray(store, clock)
    tray.refresh()
    assert tray.icon.toolTip() == "AskWhy\nReminders paused until Mon 2 Mar 16:00"
    tray.menu.aboutToShow.emit()
    assert "Pause reminders" not in texts(tray)
    heading = next(a for a in tray.menu.actions() if a.text().startswith("Reminders paused"))
    assert heading.text() == "Reminders paused until Mon 2 Mar 16:00"
    assert not heading.isEnabled()
    resume = next(a for a in tray.menu.actions() if a.text() == "Resume reminders")
    with qtbot.waitSignal(tray.resume_requested):
        resume.trigger()
    # The pause ends by itself: the menu offers pausing again.
    clock.advance(hours=4)
    tray.menu.aboutToShow.emit()
    assert "Pause reminders" in texts(tray)
    assert not any(text.startswith("Reminders paused") for text in texts(tray))
    tray.close()


def test_icon_state_follows_open_windows(qtbot: QtBot):
    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock)
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
    tray = make_tray(store, clock)
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
    tray = make_tray(store, clock)
    assert not tray.is_due()
    store.add_feedback_request("Acme", "Engineer", notified_at=START - timedelta(hours=3))
    store.changes.publish(Change(applications=frozenset({1}), requests=frozenset({1})))
    assert tray.is_due()
    tray.close()


def test_rebuilding_the_menu_leaves_no_submenus_behind(qtbot: QtBot):
    from PySide6.QtCore import QEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMenu  # noqa: PLC0415

    store, clock = FakeReminderStore(), ManualClock(START)
    tray = make_tray(store, clock)
    for _ in range(3):
        tray.menu.aboutToShow.emit()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(tray.menu.findChildren(QMenu)) == 2  # "Snooze all" and "Pause reminders"
    tray.close()
