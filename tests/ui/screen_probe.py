"""Opens every top-level window and dialog on the screen Qt was started with; prints problems.

Run by tests/ui/test_fits_screen.py in a subprocess, because a screen's size and scale are
fixed when QApplication starts: `QT_QPA_PLATFORM=offscreen:configfile=…` gives the offscreen
screen its size, `QT_SCALE_FACTOR` its scale. Prints one JSON list of problems (empty: every
window fits and every button is reachable).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QByteArray, QEventLoop, QPoint, QRect, QSettings, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QTabWidget,
    QWidget,
)

from desktop.core.email_parsing import ParsedEmail
from desktop.core.model import LoggedRejection, RejectionInput, Stage
from desktop.store.database import open_database
from desktop.store.repository import Store
from desktop.ui.mail_settings import MailSetup
from desktop.ui.main_window import SETTINGS_GEOMETRY, MainWindow
from tests.fakes import FakeAutostart, ManualClock, RecordingClipboard

LONG_COMPANY = ("Ωmega Öberg Zoë Internationale Holding & Söhne " * 5)[:200]
LONG_ROLE = "Senior Principal Staff Software Engineer, Platform Reliability & Developer Tools"
NAMES = (
    (LONG_COMPANY, LONG_ROLE),
    ("شركة الاتصالات السعودية المحدودة", "مهندس برمجيات أول"),
    ("🚀 Rocket 🦄 Labs 🎉", "Developer 👩‍💻"),
    ("AT&T — R&D", "Engineer & Architect"),
)
LOAD_TIMEOUT_MS = 20_000
CONTACT = "Zoë Öberg-Al Rashid (شركة) 🦄 & Partners"


def _inside_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _clipped_labels(window: QWidget) -> Iterator[str]:
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text() or not label.wordWrap():
            continue
        if _inside_scroll_area(label, window):
            continue
        needed = label.heightForWidth(label.width())
        if label.height() < needed:
            yield f"label {label.text()[:40]!r} is {label.height()} px high, needs {needed}"


def _unreachable_buttons(window: QWidget) -> Iterator[str]:
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _inside_scroll_area(button, window):
            continue
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        name = button.text() or button.objectName() or type(button).__name__
        if not window.rect().contains(rect):
            yield f"button {name!r} at {rect.getRect()} is outside {window.rect().getRect()}"
        elif button.visibleRegion().boundingRect() != button.rect():
            yield f"button {name!r} is partly hidden"


def problems(name: str, window: QWidget, area: QRect) -> list[str]:
    window.show()
    QApplication.processEvents()
    found: list[str] = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        found.append(f"window at {frame.getRect()} is not inside {area.getRect()}")
    tabs = [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)]
    # Every page of every tab widget, or the window as it is when it has none.
    pages: list[tuple[QTabWidget | None, int]] = [
        (tab_widget, index) for tab_widget in tabs for index in range(tab_widget.count())
    ]
    for tab_widget, index in pages or [(None, 0)]:
        if tab_widget is not None:
            tab_widget.setCurrentIndex(index)
            QApplication.processEvents()
        found += _unreachable_buttons(window)
        found += _clipped_labels(window)
    window.close()
    return [f"{name}: {problem}" for problem in dict.fromkeys(found)]


def shown_loaded(window: MainWindow) -> None:
    """Until the window's first load (a background task) is on screen."""
    loop = QEventLoop()
    window.loaded.connect(loop.quit)
    QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
    loop.exec()


def mail_setup(store: Store, clock: ManualClock, data: Path) -> MailSetup:
    """Settings › Mail with a long maildir path and an IMAP source failing at length."""
    from desktop.core.mail_sources import parse_source  # noqa: PLC0415
    from desktop.native.mail_service import MailService  # noqa: PLC0415
    from desktop.native.mail_watch import MailChecker, PasswordKeyring  # noqa: PLC0415
    from desktop.store.mail import ImapMark, MailStore  # noqa: PLC0415
    from desktop.ui.mail_settings import MailSetup  # noqa: PLC0415

    mail, passwords = MailStore(store.database), PasswordKeyring()
    folder = data / ("Ωmega Öberg Zoë Mail " * 6) / "INBOX"
    local = mail.add_source(parse_source(f"maildir:{folder}"), now=clock.now())
    mail.set_status(local.id, now=clock.now())
    imap = parse_source(f"imaps://{'zoe.oberg' * 8}@imap.{'very-long-subdomain.' * 4}example.com")
    remote = mail.add_source(imap, now=clock.now(), mark=ImapMark(1, 1))
    mail.set_status(remote.id, now=clock.now(), error=f"{imap.host}:993 said: {CONTACT * 3}")
    checker = MailChecker(mail, passwords, now=clock.now, tz=clock.local_tz)
    return MailSetup(MailService(mail, checker, passwords), mail, passwords, clock)


def windows(data: Path) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    from desktop.ui.details_dialog import DetailsDialog  # noqa: PLC0415
    from desktop.ui.email_confirm_dialog import EmailConfirmDialog  # noqa: PLC0415
    from desktop.ui.follow_ups_view import FollowUpsDialog  # noqa: PLC0415
    from desktop.ui.lesson_dialog import LessonDialog  # noqa: PLC0415
    from desktop.ui.mail_settings import AddSourceDialog  # noqa: PLC0415
    from desktop.ui.missed_list import MissedList  # noqa: PLC0415
    from desktop.ui.rejection_dialog import RejectionDialog, RejectionPrefill  # noqa: PLC0415
    from desktop.ui.report_dialog import ReportDialog  # noqa: PLC0415
    from desktop.ui.request_editor import NewContactDialog, RequestEditor  # noqa: PLC0415
    from desktop.ui.restore_controller import RestoreController  # noqa: PLC0415
    from desktop.ui.restore_dialog import RestoreDialog  # noqa: PLC0415
    from desktop.ui.settings_dialog import SettingsDialog  # noqa: PLC0415
    from desktop.ui.template_manager import TemplateManager  # noqa: PLC0415
    from desktop.ui.welcome_dialog import WelcomeDialog  # noqa: PLC0415

    clock = ManualClock()
    store = Store(open_database(data / "data"), local_tz=clock.local_tz)
    clipboard = RecordingClipboard()
    for company, role in NAMES:
        store.add_application(company, role, now=clock.now(), stage=Stage.SCREENING)
        store.add_application(company, role + " II", now=clock.now(), stage=Stage.APPLIED)
    logged = store.log_rejection(
        RejectionInput(
            company=LONG_COMPANY,
            role=LONG_ROLE,
            notified_at=clock.now(),
            stage_reached=Stage.APPLIED,
            contact_name=CONTACT,
            contact_email="zoe.oberg@example.com",
        ),
        now=clock.now(),
    )
    settings = store.load_settings()
    store.save_settings(settings)
    app_id, request_id = logged.application.id, logged.request.id

    def main_window(saved: QByteArray | None) -> QWidget:
        ini = QSettings(str(data / f"ui-{saved is not None}.ini"), QSettings.Format.IniFormat)
        if saved is not None:
            ini.setValue(SETTINGS_GEOMETRY, saved)
        window = MainWindow(store, clock, clipboard, on_quit=lambda: None, settings=ini)
        shown_loaded(window)
        return window

    def big_saved_geometry() -> QByteArray:
        # What a 1920×1200 monitor saved: the window must come back inside this screen.
        window = MainWindow(
            store,
            clock,
            clipboard,
            on_quit=lambda: None,
            settings=QSettings(str(data / "big.ini"), QSettings.Format.IniFormat),
        )
        window.setGeometry(300, 200, 1800, 1100)
        return window.saveGeometry()

    parsed = ParsedEmail(
        sender_name=CONTACT,
        sender_email="no-reply@" + "very-long-subdomain." * 4 + "example.com",
        company=LONG_COMPANY,
        role=LONG_ROLE,
        received_at=clock.now(),
        subject=f"Your application to {LONG_COMPANY} for {LONG_ROLE}",
        no_reply=True,
    )
    yield "main window", lambda: main_window(None)
    yield "main window (saved on a big monitor)", lambda: main_window(big_saved_geometry())

    def log_it(rejection: RejectionInput) -> LoggedRejection:
        return store.log_rejection(rejection, now=clock.now())

    new_one = RejectionPrefill(company=LONG_COMPANY)
    yield "log a rejection", lambda: RejectionDialog(store, clock, log_rejection=log_it)
    yield (
        "log a rejection (new application)",
        lambda: RejectionDialog(store, clock, log_rejection=log_it, prefill=new_one),
    )
    yield (
        "log a rejection (of one)",
        lambda: RejectionDialog(store, clock, app_id, log_rejection=log_it),
    )
    yield "new application", lambda: DetailsDialog(store, clock)
    yield "details", lambda: DetailsDialog(store, clock, application_id=app_id)
    undo_stack = QUndoStack()

    def settings(mail: MailSetup | None = None) -> SettingsDialog:
        return SettingsDialog(
            store,
            autostart=FakeAutostart(),
            undo_stack=undo_stack,
            on_error=lambda _message: None,
            mail=mail,
        )

    yield "settings", settings
    mail = mail_setup(store, clock, data)
    yield "settings (mail)", lambda: settings(mail)
    yield "add a mail source", lambda: AddSourceDialog(mail)
    yield (
        "templates",
        lambda: TemplateManager(store, undo_stack=undo_stack, on_error=lambda _message: None),
    )
    yield (
        "log a reply",
        lambda: LessonDialog(
            store,
            clock,
            app_id,
            request_id=request_id,
            undo_stack=undo_stack,
            on_error=lambda _message: None,
        ),
    )
    yield (
        "request editor",
        lambda: RequestEditor(store, clock, clipboard, request_id, undo_stack=undo_stack),
    )
    yield "add a contact (request editor)", NewContactDialog
    yield "log this rejection?", lambda: EmailConfirmDialog(parsed, clock.local_tz())
    yield "welcome", lambda: WelcomeDialog(store, FakeAutostart())
    yield "follow-ups", lambda: FollowUpsDialog(store, clock)
    yield (
        "missed reminders",
        lambda: MissedList(
            store,
            clock.local_tz(),
            lambda _id: None,
            undo_stack=undo_stack,
            on_error=lambda _message: None,
            parent=None,
        ),
    )
    yield "report", lambda: ReportDialog(clock.now().date())
    restore = RestoreController(data / "data", clock.now)
    yield "restore from backup", lambda: RestoreDialog(restore, clock.local_tz())


def main() -> None:
    app = QApplication(sys.argv[:1])
    area = app.primaryScreen().availableGeometry()
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in windows(Path(tmp)):
            found += problems(name, build(), area)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
