"""The re-apply guard: a new application at a company with history shows that history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from desktop.core.model import ReplyOutcome, Stage
from desktop.store.repository import Store
from desktop.ui.details_dialog import DetailsDialog
from tests.fakes import ManualClock

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def history(store: Store) -> None:
    earlier = store.add_application(
        "Umbra GmbH", "Data Analyst", now=NOW, applied_at=NOW - timedelta(days=200)
    )
    store.move_stage(earlier.id, Stage.REJECTED, occurred_at=NOW - timedelta(days=150), now=NOW)
    store.add_lesson(
        earlier.id,
        ReplyOutcome.REPLIED,
        now=NOW,
        themes=("sql", "experience"),
        notes="Wanted more dbt <b>experience</b>",
        action="Take the dbt course",
    )
    store.add_application("umbra  gmbh", "Analytics Engineer", now=NOW)
    store.add_application("Umbra GmbH & Co", "Tester", now=NOW)  # another company


def test_the_store_finds_a_companys_applications_through_the_match_key(store: Store) -> None:
    history(store)
    found = store.company_history(" UMBRA GMBH ")
    assert [(p.application.role, p.application.stage) for p in found] == [
        ("Analytics Engineer", Stage.APPLIED),
        ("Data Analyst", Stage.REJECTED),
    ]
    assert found[1].lesson_lines() == [
        "sql, experience — Wanted more dbt <b>experience</b> — Take the dbt course"
    ]
    assert store.company_history("Umbra") == []
    assert store.company_history("   ") == []


def test_typing_a_known_company_shows_its_history_inline(qtbot: QtBot, store: Store) -> None:
    history(store)
    dialog = DetailsDialog(store, ManualClock(NOW))
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.history_panel
    assert panel is not None
    assert not panel.isVisible()
    with qtbot.waitSignal(panel.history_shown, timeout=5_000) as shown:
        dialog.company_edit.setText("umbra gmbh")
    assert len(shown.args[0]) == 2
    assert panel.isVisible()
    text = panel.label.text()
    assert "You applied to umbra gmbh before:" in text
    assert "Data Analyst (2025-08): rejected" in text
    assert "Analytics Engineer (2026-03): still open" in text
    # The user's own words are shown as text, never as markup.
    assert "Wanted more dbt &lt;b&gt;experience&lt;/b&gt; — Take the dbt course" in text
    with qtbot.waitSignal(panel.history_shown, timeout=5_000) as shown:
        dialog.company_edit.setText("Someone new")
    assert shown.args[0] == []
    assert not panel.isVisible()
    qtbot.waitUntil(lambda: not panel.busy(), timeout=5_000)


def test_editing_an_application_shows_no_guard(qtbot: QtBot, store: Store) -> None:
    history(store)
    existing = store.company_history("Umbra GmbH")[0].application
    dialog = DetailsDialog(store, ManualClock(NOW), application_id=existing.id)
    qtbot.addWidget(dialog)
    assert dialog.history_panel is None
