"""One verdict everywhere: the same good and bad values through every way into the store.

Each value goes through the command line, the hand-over message a running instance gets
from a second launch, a JSON import, a CSV import, the fields of a parsed email, the
details form and the settings; every path must accept exactly the good ones, and a refusal
must leave nothing written. A date is a wall-clock time in Berlin: the paths that carry
an instant (hand-over, JSON, email, settings) get that instant, and the daylight-saving
gap, which exists only on a wall clock, is asked only of the paths that read one.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop import cli
from desktop.core import handover, validation
from desktop.core.email_parsing import ParsedEmail
from desktop.core.errors import InvalidInput
from desktop.core.model import Channel, Profile, RejectionInput, Settings
from desktop.store import imports
from desktop.store.database import open_database
from desktop.store.repository import Store
from desktop.ui.details_dialog import DetailsDialog
from desktop.ui.email_confirm_dialog import EmailConfirmDialog
from desktop.ui.settings_dialog import SettingsDialog
from tests.fakes import ManualClock

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
GOOD_EMAIL = "dana@acme.example"
GOOD_DATE = "2026-03-01T10:00"


@dataclass(frozen=True, slots=True)
class Case:
    kind: str  # "text" (a company, a name), "email" or "date" (Berlin wall clock)
    value: str
    ok: bool
    wall_clock_only: bool = False  # a DST gap: no instant stands for it

    @property
    def instant(self) -> datetime:
        return datetime.fromisoformat(self.value).replace(tzinfo=BERLIN)


CASES = {
    "plain text": Case("text", "Acme", ok=True),
    "accents": Case("text", "Ünïcode Café", ok=True),
    "ESC": Case("text", "Ac\x1b[2Jme", ok=False),
    "BEL": Case("text", "Ac\x07me", ok=False),
    "NUL": Case("text", "Ac\x00me", ok=False),
    "C1 CSI": Case("text", "Ac\x9b2Jme", ok=False),
    "bidi override": Case("text", "Acme\u202egnp.exe", ok=False),
    "CR LF": Case("text", "Acme\r\nBcc: eve@evil.example", ok=False),
    "160 KB": Case("text", "x" * 160_000, ok=False),
    "address": Case("email", GOOD_EMAIL, ok=True),
    "address in brackets": Case("email", "<dana@acme.example>", ok=True),
    "IDN domain": Case("email", "dana@bücher.example", ok=True),
    "no dot in the domain": Case("email", "dana@localhost", ok=False),
    "non-ASCII local part": Case("email", "dänä@acme.example", ok=False),
    "address with a name": Case("email", "Dana <dana@acme.example>", ok=False),
    "address with CR LF": Case("email", "dana@acme.example\r\nBcc: e@evil.example", ok=False),
    "date": Case("date", GOOD_DATE, ok=True),
    "year 1": Case("date", "0001-01-01T12:00", ok=False),
    "1969": Case("date", "1969-12-31T12:00", ok=False),
    "2101": Case("date", "2101-01-01T12:00", ok=False),
    "9999": Case("date", "9999-12-31T12:00", ok=False),
    "DST gap": Case("date", "2025-03-30T02:30", ok=False, wall_clock_only=True),
}


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read with plain sqlite3."""
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
        return {
            table: connection.execute(f'SELECT * FROM "{table}"').fetchall()
            for table in tables
            if not table.startswith("sqlite_") and not table.startswith("ix_")
        }
    finally:
        connection.close()


@pytest.fixture
def berlin_store(tmp_path: Path) -> Store:
    return Store(open_database(tmp_path / "store"), local_tz=lambda: BERLIN)


def _rejection(case: Case) -> RejectionInput:
    return RejectionInput(
        company=case.value if case.kind == "text" else "Acme",
        role="Analyst",
        notified_at=case.instant if case.kind == "date" else NOW,
        channel=Channel.EMAIL,
        contact_name="Dana",
        contact_email=case.value if case.kind == "email" else GOOD_EMAIL,
    )


def _store_verdict(store: Store, write: Callable[[], object]) -> bool:
    """True if `write` was accepted; on a refusal, nothing may have changed."""
    before = dump(store.database.path)
    try:
        write()
    except InvalidInput:
        assert dump(store.database.path) == before
        return False
    return True


# -- the paths -------------------------------------------------------------------------------


def via_cli(case: Case, tmp_path: Path, _qtbot: QtBot) -> bool:
    data_dir = tmp_path / "cli"
    argv = ["--data-dir", str(data_dir), "log-rejection", "--no-gui", "--role", "Analyst"]
    argv += ["--company", case.value if case.kind == "text" else "Acme"]
    argv += ["--contact-email", case.value if case.kind == "email" else GOOD_EMAIL]
    argv += ["--notified-at", case.value if case.kind == "date" else GOOD_DATE]
    out, err = io.StringIO(), io.StringIO()
    code = cli.run_command(cli.parse_args(argv), now=NOW, tz=BERLIN, stdout=out, stderr=err)
    if code == 0:
        return True
    assert code == 2, err.getvalue()
    assert len(err.getvalue().splitlines()) == 1, err.getvalue()
    # Checked before the data folder is even created.
    assert not data_dir.exists()
    return False


def via_hand_over(case: Case, tmp_path: Path, _qtbot: QtBot) -> bool | None:
    """What the running instance does with a second launch's message (app.running.Wiring)."""
    if case.wall_clock_only:
        return None
    store = Store(open_database(tmp_path / "instance"), local_tz=lambda: BERLIN)
    # Over the socket the message is JSON.
    message = json.loads(json.dumps(handover.rejection_message(_rejection(case))))

    def write() -> object:
        return store.log_rejection(handover.rejection_from_message(message), now=NOW)

    return _store_verdict(store, write)


def _exported_document(tmp_path: Path) -> dict[str, object]:
    source = Store(open_database(tmp_path / "source"), local_tz=lambda: BERLIN)
    source.log_rejection(_rejection(CASES["plain text"]), now=NOW)
    target = tmp_path / "export.json"
    source.export_file(target, now=NOW)
    document: dict[str, object] = json.loads(target.read_text(encoding="utf-8"))
    return document


def via_json_import(case: Case, tmp_path: Path, _qtbot: QtBot) -> bool | None:
    if case.wall_clock_only:
        return None
    document = _exported_document(tmp_path)
    section, field = {
        "text": ("applications", "company"),
        "email": ("contacts", "email"),
        "date": ("rejections", "notified_at"),
    }[case.kind]
    records = document[section]
    assert isinstance(records, list)
    records[0][field] = case.instant.isoformat() if case.kind == "date" else case.value
    raw = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    fresh = Store(open_database(tmp_path / "fresh"), local_tz=lambda: BERLIN)

    def write() -> object:
        plan = imports.parse_import(raw, ".json", now=NOW, tz=BERLIN)
        return fresh.apply_import(plan, now=NOW)

    return _store_verdict(fresh, write)


def via_csv_import(case: Case, tmp_path: Path, _qtbot: QtBot) -> bool | None:
    if case.kind == "email":
        return None  # a CSV table has no address column
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Company", "Role", "Applied"])
    writer.writerow(
        [
            case.value if case.kind == "text" else "Acme",
            "Analyst",
            case.value if case.kind == "date" else GOOD_DATE,
        ]
    )
    raw = buffer.getvalue().encode("utf-8")
    store = Store(open_database(tmp_path / "csv"), local_tz=lambda: BERLIN)

    def write() -> object:
        plan = imports.parse_import(raw, ".csv", now=NOW, tz=BERLIN)
        return store.apply_import(plan, now=NOW)

    return _store_verdict(store, write)


def via_parsed_email(case: Case, tmp_path: Path, qtbot: QtBot) -> bool | None:
    """The fields a parsed email hands to the confirm dialog, then to the store."""
    if case.wall_clock_only:
        return None
    parsed = ParsedEmail(
        sender_name="Dana",
        sender_email=case.value if case.kind == "email" else GOOD_EMAIL,
        company=case.value if case.kind == "text" else "Acme",
        role="Analyst",
        received_at=case.instant if case.kind == "date" else NOW,
    )
    store = Store(open_database(tmp_path / "email"), local_tz=lambda: BERLIN)
    stored = _store_verdict(
        store,
        lambda: store.log_rejection(
            RejectionInput(
                company=parsed.company,
                role=parsed.role,
                notified_at=parsed.received_at or NOW,
                contact_name=parsed.sender_name,
                contact_email=parsed.sender_email,
            ),
            now=NOW,
        ),
    )
    if case.kind != "date":  # the confirm dialog shows no date to correct
        dialog = EmailConfirmDialog(parsed, BERLIN)
        qtbot.addWidget(dialog)
        assert dialog.validate() is stored
    return stored


def via_details_form(case: Case, tmp_path: Path, qtbot: QtBot) -> bool:
    store = Store(open_database(tmp_path / "form"), local_tz=lambda: BERLIN)
    dialog = DetailsDialog(store, ManualClock(NOW, BERLIN))
    qtbot.addWidget(dialog)
    dialog.company_edit.setText(case.value if case.kind == "text" else "Acme")
    dialog.role_edit.setText("Analyst")
    try:
        applied = validation.parse_moment(
            case.value if case.kind == "date" else GOOD_DATE, "Applied", tz=BERLIN, now=NOW
        )
    except InvalidInput:
        # The calendar picker's range is the rule's (1970-2100) and it holds only times
        # that exist: such a date cannot even be entered, so there is nothing to refuse.
        return None
    dialog.applied_edit.set_moment(applied)
    if case.kind == "email":
        dialog.add_contact_button.click()
        dialog.contacts_table.item(0, dialog.CONTACT_NAME).setText("Dana")
        dialog.contacts_table.item(0, dialog.CONTACT_EMAIL).setText(case.value)
    accepted = dialog.validate()
    assert dialog.ok_button.isEnabled() is accepted
    before = dump(store.database.path)
    dialog.accept()  # even forced, a refused form writes nothing
    if not accepted:
        assert dump(store.database.path) == before
    return accepted


def via_settings(case: Case, tmp_path: Path, qtbot: QtBot) -> bool | None:
    if case.wall_clock_only:
        return None
    store = Store(open_database(tmp_path / "settings"), local_tz=lambda: BERLIN)
    if case.kind == "date":
        # The pause end: no form field, written by the tray's "pause reminders".
        settings = Settings(reminders_paused_until=case.instant)
        return _store_verdict(store, lambda: store.save_settings(settings))
    profile = (
        Profile(name=case.value, email=GOOD_EMAIL)
        if case.kind == "text"
        else Profile(name="Dana", email=case.value)
    )
    stored = _store_verdict(
        store, lambda: store.save_settings(replace(Settings(), profile=profile))
    )
    dialog = SettingsDialog(Store(store.database), undo_stack=QUndoStack(), on_error=pytest.fail)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(profile.name)
    dialog.email_edit.setText(profile.email)
    assert dialog.validate() is stored
    return stored


PATHS: dict[str, Callable[[Case, Path, QtBot], bool | None]] = {
    "cli": via_cli,
    "hand-over": via_hand_over,
    "json import": via_json_import,
    "csv import": via_csv_import,
    "parsed email": via_parsed_email,
    "details form": via_details_form,
    "settings": via_settings,
}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", CASES)
def test_every_path_gives_the_same_verdict(
    path: str, name: str, tmp_path: Path, qtbot: QtBot
) -> None:
    case = CASES[name]
    verdict = PATHS[path](case, tmp_path, qtbot)
    if verdict is None:
        pytest.skip(f"{path} carries no {case.kind} of this form")
    assert verdict is case.ok
