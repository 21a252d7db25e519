"""Render AskWhy's main screens with realistic sample data to PNGs, offscreen.

    python packaging/screenshots.py [--out resources/screenshots] [--dark]

Builds a throwaway data dir, fills it through the real store (the same calls the UI
makes), opens the real windows and saves `QWidget.grab()` of each: board, table, details,
rejection dialog, request editor, insights and the empty state. The README shows them.
The clock is fixed, so the countdowns and ages in the pictures are the same on every run.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The store (SQLAlchemy) before PySide6: PySide6's import hook slows later imports.
from desktop.core.model import (  # noqa: E402
    Channel,
    ContactRole,
    Profile,
    RejectionInput,
    ReplyOutcome,
    Stage,
)
from desktop.store.database import open_database  # noqa: E402
from desktop.store.repository import Store  # noqa: E402

log = logging.getLogger("screenshots")

NOW = datetime(2026, 3, 12, 10, 30, tzinfo=UTC)
SIZE = (1280, 760)


class FixedClock:
    def __init__(self, now: datetime, tz: tzinfo) -> None:
        self._now = now
        self._tz = tz

    def now(self) -> datetime:
        return self._now

    def local_tz(self) -> tzinfo:
        return self._tz


class NullClipboard:
    def set_text(self, text: str) -> None:  # noqa: ARG002 (screenshots copy nothing)
        return None


# company, role, stage, days ago, location, contact (name, email, role) or None, notes
APPLICATIONS: list[tuple[str, str, Stage, int, str, tuple[str, str, ContactRole] | None, str]] = [
    (
        "Northwind Labs",
        "Senior Backend Engineer",
        Stage.INTERVIEWING,
        18,
        "Berlin",
        ("Priya Raman", "priya@northwind.example", ContactRole.HIRING_MANAGER),
        "Second round on system design. Bring the queueing story.",
    ),
    (
        "Fjord Analytics",
        "Data Engineer",
        Stage.SCREENING,
        9,
        "Remote (EU)",
        ("Ole Hansen", "ole@fjord.example", ContactRole.RECRUITER),
        "",
    ),
    (
        "Helio Energy",
        "Platform Engineer",
        Stage.APPLIED,
        4,
        "Hamburg",
        None,
        "Referral from the meetup.",
    ),
    ("Copperleaf", "Site Reliability Engineer", Stage.APPLIED, 6, "Remote", None, ""),
    (
        "Tessellate",
        "Backend Developer (Go)",
        Stage.SAVED,
        2,
        "Munich",
        None,
        "Deadline end of month.",
    ),
    ("Quill & Co", "Software Engineer, Payments", Stage.SAVED, 1, "Amsterdam", None, ""),
    (
        "Brightwave Health",
        "Python Developer",
        Stage.OFFER,
        31,
        "Berlin",
        ("Amara Okafor", "amara@brightwave.example", ContactRole.HIRING_MANAGER),
        "Offer until Friday. Ask about the on-call rota.",
    ),
    (
        "Lumen Robotics",
        "Infrastructure Engineer",
        Stage.INTERVIEWING,
        14,
        "Zurich",
        ("Jonas Weber", "jonas@lumen.example", ContactRole.INTERVIEWER),
        "",
    ),
    ("Parcelpoint", "Engineering Manager", Stage.APPLIED, 11, "Remote", None, ""),
    (
        "Atlas Freight",
        "Backend Engineer",
        Stage.GHOSTED,
        40,
        "Rotterdam",
        ("Mia Jansen", "mia@atlas.example", ContactRole.RECRUITER),
        "No answer since the screen.",
    ),
    (
        "Kestrel Games",
        "Tools Programmer",
        Stage.WITHDRAWN,
        26,
        "Remote",
        None,
        "Withdrew: relocation needed.",
    ),
    (
        "Orbital Bank",
        "Senior Python Engineer",
        Stage.ACCEPTED,
        60,
        "Frankfurt",
        ("Lena Vogel", "lena@orbital.example", ContactRole.HIRING_MANAGER),
        "Start 1 April.",
    ),
    ("Meridian Maps", "GIS Developer", Stage.SCREENING, 7, "Vienna", None, ""),
    ("Pinecone Retail", "Full-stack Engineer", Stage.APPLIED, 3, "Remote", None, ""),
]

# company, role, contact, days and hours ago notified, stage reached, sent after (h) or None,
# lesson (outcome, themes, action) or None
REJECTIONS = [
    (
        "Solstice Media",
        "Backend Engineer",
        ("Hannah Becker", "hannah@solstice.example"),
        timedelta(hours=20),
        Stage.INTERVIEWING,
        None,
        None,
    ),
    (
        "Granite Systems",
        "Platform Engineer",
        ("Tom Richter", "tom@granite.example"),
        timedelta(hours=5),
        Stage.INTERVIEWING,
        None,
        None,
    ),
    (
        "Vireo Cloud",
        "SRE",
        ("Sofia Marino", "sofia@vireo.example"),
        timedelta(days=12),
        Stage.INTERVIEWING,
        3,
        (
            ReplyOutcome.REPLIED,
            ("system design", "communication"),
            "Practise whiteboarding a rate limiter",
        ),
    ),
    (
        "Harbor Logistics",
        "Python Developer",
        ("Ben Carter", "ben@harbor.example"),
        timedelta(days=20),
        Stage.INTERVIEWING,
        1,
        (ReplyOutcome.REPLIED, ("experience", "system design"), "Write up the Kafka migration"),
    ),
    (
        "Ember Studio",
        "Backend Engineer",
        ("Chloe Dubois", "chloe@ember.example"),
        timedelta(days=25),
        Stage.SCREENING,
        6,
        (ReplyOutcome.NO_REPLY, (), ""),
    ),
    (
        "Nimbus AI",
        "ML Platform Engineer",
        ("Ravi Patel", "ravi@nimbus.example"),
        timedelta(days=33),
        Stage.INTERVIEWING,
        2,
        (ReplyOutcome.REPLIED, ("communication", "fit"), ""),
    ),
]


def populate(store: Store) -> dict[str, int]:
    """Fill the store the way months of use would; return a few ids the shots need."""
    ids: dict[str, int] = {}
    store.save_settings(
        replace(
            store.load_settings(),
            profile=Profile(name="Sam Rivera", email="sam.rivera@example.com"),
        )
    )
    for company, role, stage, days, location, contact, notes in APPLICATIONS:
        created = NOW - timedelta(days=days, hours=3)
        first = Stage.SAVED if stage is Stage.SAVED else Stage.APPLIED
        app = store.add_application(
            company,
            role,
            now=created,
            stage=first,
            location=location,
            notes=notes,
            applied_at=created if first is Stage.APPLIED else None,
        )
        ids.setdefault("first", app.id)
        if contact is not None:
            name, email, contact_role = contact
            store.add_contact(app.id, name, email=email, role=contact_role)
        path = {
            Stage.SCREENING: [Stage.SCREENING],
            Stage.INTERVIEWING: [Stage.SCREENING, Stage.INTERVIEWING],
            Stage.OFFER: [Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER],
            Stage.ACCEPTED: [Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED],
            Stage.GHOSTED: [Stage.SCREENING, Stage.GHOSTED],
            Stage.WITHDRAWN: [Stage.WITHDRAWN],
        }.get(stage, [])
        for step, target in enumerate(path, start=1):
            when = created + timedelta(days=step * max(1, days // (len(path) + 1)))
            store.move_stage(app.id, target, occurred_at=min(when, NOW), now=NOW)
        if stage in (Stage.INTERVIEWING, Stage.OFFER):
            store.add_interview(
                app.id, NOW + timedelta(days=2, hours=4), duration_minutes=60, kind="video"
            )
        if company == "Northwind Labs":
            ids["details"] = app.id
    for company, role, (name, email), ago, reached, sent_after, lesson in REJECTIONS:
        notified = NOW - ago
        applied = notified - timedelta(days=14)
        app = store.add_application(company, role, now=applied, applied_at=applied)
        store.move_stage(app.id, reached, occurred_at=applied + timedelta(days=5), now=NOW)
        logged = store.log_rejection(
            RejectionInput(
                company=company,
                role=role,
                notified_at=notified,
                stage_reached=reached,
                channel=Channel.EMAIL,
                contact_name=name,
                contact_email=email,
                application_id=app.id,
            ),
            now=notified,
        )
        if sent_after is not None:
            sent_at = notified + timedelta(hours=sent_after)
            store.mark_sent(logged.request.id, sent_at=sent_at)
            if lesson is not None:
                outcome, themes, action = lesson
                store.add_lesson(
                    app.id,
                    outcome,
                    now=sent_at + timedelta(days=2),
                    request_id=logged.request.id,
                    themes=themes,
                    action=action,
                )
        if company == "Granite Systems":
            ids["request"] = logged.request.id
            ids["rejected"] = app.id
    return ids


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 (a linear script)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="render the dark palette")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    from PySide6.QtCore import QSettings, Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: PLC0415

    app = QApplication(sys.argv[:1])

    from desktop.ui.main_window import VIEW_BOARD, VIEW_INSIGHTS, VIEW_TABLE, MainWindow  # noqa: PLC0415
    from desktop.ui.theme import install_theme  # noqa: PLC0415

    # Pinned: the offscreen platform has no system scheme to follow.
    install_theme(app, forced=Qt.ColorScheme.Dark if args.dark else Qt.ColorScheme.Light)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-dark" if args.dark else ""
    clock = FixedClock(NOW, UTC)

    def save(widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        log.info("wrote %s", path)

    def open_window(store: Store) -> MainWindow:
        """The window with its data on screen (it loads in the background)."""
        window = MainWindow(store, clock, NullClipboard(), on_quit=app.quit, settings=settings)
        loaded: list[bool] = []
        window.loaded.connect(lambda: loaded.append(True))
        window.resize(*SIZE)
        window.show()
        deadline = time.monotonic() + 20
        while not loaded and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        return window

    with tempfile.TemporaryDirectory(prefix="askwhy-shots-") as tmp:
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)

        empty_db = open_database(Path(tmp) / "empty")
        window = open_window(Store(empty_db))
        save(window, "empty-state")
        window.close()
        window.deleteLater()
        empty_db.close()

        database = open_database(Path(tmp) / "data")
        store = Store(database)
        ids = populate(store)
        window = open_window(store)
        window.set_view(VIEW_BOARD)
        window.board.select_application(ids["details"])
        save(window, "board")
        window.board.select_application(ids["rejected"])
        save(window, "board-follow-ups")
        window.set_view(VIEW_TABLE)
        window.table.select_application(ids["details"])
        save(window, "table")

        ready = {"done": False}
        window.insights.insights_ready.connect(lambda _i: ready.update(done=True))
        window.set_view(VIEW_INSIGHTS)  # computes in a worker thread
        deadline = time.monotonic() + 20
        while not ready["done"] and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        save(window, "insights")

        window.set_view(VIEW_BOARD)
        dialog = window.open_details(ids["details"])
        if dialog is not None:
            dialog.resize(680, 560)
            save(dialog, "details")
            dialog.tabs.setCurrentIndex(3)
            save(dialog, "details-timeline")
            dialog.reject()

        rejection = window.rejection_flow.start(ids["first"])
        if rejection is not None:
            save(rejection, "rejection-dialog")
            rejection.reject()
        editor = window.rejection_flow.open_request(ids["request"])
        if editor is not None:
            editor.resize(980, 700)
            save(editor, "request-editor")
            editor.close()
        window.rejection_flow.close_all()
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
