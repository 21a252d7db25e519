"""Any export imports again into an empty folder, in any time zone, and reads never crash
on what an older AskWhy may have stored (control characters, years 1 and 9999)."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop import cli
from desktop.core.errors import InvalidInput
from desktop.core.model import Channel, RejectionInput, ReplyOutcome
from desktop.store import exchange, imports
from desktop.store.database import open_database
from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from tests.core.strategies import ZONES
from tests.fakes import ManualClock, RecordingClipboard

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
# The widest offsets there are, on both sides of UTC, besides DST zones.
ALL_ZONES = (*ZONES, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Etc/GMT+12"))

ROUND_TRIP = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

texts = st.text(max_size=24) | st.sampled_from(
    ["Acme", "=1+2", "-minus", "'quoted", "שלום", "🙂 emoji", "a\nb", "x\x1by", "  spaced  "]
)
emails = st.sampled_from(["", "dana@acme.example", "<lee@globex.example>", "x@bücher.example"])
moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2026, 3, 1), timezones=st.just(UTC)
)
rejections = st.builds(
    RejectionInput,
    company=texts,
    role=texts,
    notified_at=moments,
    channel=st.sampled_from(Channel),
    contact_name=texts,
    contact_email=emails,
    note=texts,
)


def _export(store: Store, folder: Path, suffix: str, tz: ZoneInfo) -> Path:
    path = folder / f"export{suffix}"
    store.export_file(path, now=NOW, tz=tz)
    return path


@ROUND_TRIP
@given(
    logged=st.lists(rejections, max_size=4),
    themes=st.lists(texts, max_size=3),
    tz=st.sampled_from(ALL_ZONES),
)
def test_any_export_imports_again_into_an_empty_folder(
    logged: list[RejectionInput], themes: list[str], tz: ZoneInfo
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = Store(open_database(folder / "source"), local_tz=lambda: tz)
        for rejection in logged:
            try:
                done = source.log_rejection(rejection, now=NOW)
            except InvalidInput:
                continue  # the rules refused it: nothing to carry over
            with contextlib.suppress(InvalidInput):
                source.add_lesson(
                    done.application.id, ReplyOutcome.NO_REPLY, now=NOW, themes=tuple(themes)
                )
        first = _export(source, folder, ".json", tz)
        table = _export(source, folder, ".csv", tz)
        Calendar.from_ical(_export(source, folder, ".ics", tz).read_bytes())

        again = Store(open_database(folder / "again"), local_tz=lambda: tz)
        plan = imports.parse_import(first.read_bytes(), ".json", now=NOW, tz=tz)
        again.apply_import(plan, now=NOW)
        second = folder / "second.json"
        again.export_file(second, now=NOW, tz=tz)
        assert exchange.parse_json(second.read_bytes()) == exchange.parse_json(first.read_bytes())

        rows = Store(open_database(folder / "rows"), local_tz=lambda: tz)
        rows.apply_import(imports.parse_import(table.read_bytes(), ".csv", now=NOW, tz=tz), now=NOW)
        assert len(rows.list_summaries()) == len(source.list_summaries())
        for store in (source, again, rows):
            store.database.close()


# -- what an older AskWhy may have stored --------------------------------------------------


@pytest.fixture
def old_data(tmp_path: Path) -> Path:
    """A data folder whose rows break today's rules, written past the store with sqlite3."""
    data_dir = tmp_path / "old"
    store = Store(open_database(data_dir), local_tz=lambda: UTC)
    logged = store.log_rejection(
        RejectionInput(company="Acme", role="Analyst", notified_at=NOW - timedelta(hours=1)),
        now=NOW,
    )
    store.database.close()
    connection = sqlite3.connect(data_dir / "askwhy.sqlite3")
    with connection:
        connection.execute(
            "UPDATE applications SET company = ?, notes = ?, applied_at = ?, created_at = ?",
            (
                "Ac\x1b[2Jme\x9b",
                "a\x00b",
                "0001-01-01 00:00:00.000000",
                "9999-12-31 23:59:59.000000",
            ),
        )
        connection.execute(
            "UPDATE follow_up_requests SET window_closes_at = ?, subject = ? WHERE id = ?",
            ("9999-12-31 23:59:59.000000", "Hi\x07", logged.request.id),
        )
        connection.execute(
            "UPDATE reminders SET due_at = ? WHERE request_id = ?",
            ("0001-01-01 00:00:00.000000", logged.request.id),
        )
    connection.close()
    return data_dir


@pytest.mark.parametrize("tz", ALL_ZONES, ids=str)
def test_due_and_exports_read_old_edge_values_in_any_zone(
    old_data: Path, tmp_path: Path, tz: ZoneInfo
) -> None:
    for argv in (["due"], ["due", "--json"]):
        out, err = io.StringIO(), io.StringIO()
        args = cli.parse_args(["--data-dir", str(old_data), *argv])
        assert cli.run_command(args, now=NOW, tz=tz, stdout=out, stderr=err) == 0, err.getvalue()
        # No escape code from the stored company reaches the terminal.
        assert "\x1b" not in out.getvalue()
        assert "\x9b" not in out.getvalue()
    store = Store(open_database(old_data), local_tz=lambda: tz)
    assert store.list_summaries()
    for suffix in (".json", ".csv", ".ics"):
        store.export_file(tmp_path / f"out{suffix}", now=NOW, tz=tz)
    table = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "Ac [2Jme" in table
    assert "\x1b" not in table
    # The JSON export of those rows imports again: what today's rules refuse was left out.
    fresh = Store(open_database(tmp_path / "fresh"), local_tz=lambda: tz)
    raw = (tmp_path / "out.json").read_bytes()
    fresh.apply_import(imports.parse_import(raw, ".json", now=NOW, tz=tz), now=NOW)
    document = json.loads(raw)
    assert document["applications"][0]["applied_at"].startswith("1970-01-01")


@pytest.mark.parametrize("tz", ALL_ZONES, ids=str)
def test_the_window_loads_and_shows_old_edge_values_in_any_zone(
    old_data: Path, tmp_path: Path, qtbot: QtBot, tz: ZoneInfo
) -> None:
    store = Store(open_database(old_data), local_tz=lambda: tz)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    clock = ManualClock(NOW, tz)
    window = MainWindow(store, clock, RecordingClipboard(), on_quit=lambda: None, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.loaded).wait()
    window.show()
    model = window.model
    assert model.rowCount() == 1
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            model.data(model.index(0, column), role)  # formats every date: must not raise
    window.rejection_flow.close_all()


def test_ics_alarms_are_absolute_date_times(tmp_path: Path) -> None:
    store = Store(open_database(tmp_path / "ics"), local_tz=lambda: UTC)
    store.log_rejection(
        RejectionInput(company="Acme", role="Analyst", notified_at=NOW - timedelta(hours=1)),
        now=NOW,
    )
    target = tmp_path / "deadlines.ics"
    store.export_file(target, now=NOW)
    text = target.read_text(encoding="utf-8")
    triggers = [line for line in text.splitlines() if line.startswith("TRIGGER")]
    assert triggers
    assert all(line.startswith("TRIGGER;VALUE=DATE-TIME:") for line in triggers)
