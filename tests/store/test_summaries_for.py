"""`Store.summaries_for`: what a change's rows look like now, read without the rest."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.core.model import RejectionInput
from desktop.store.repository import Store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_rows_a_change_names_match_the_full_list(store: Store) -> None:
    apps = [store.add_application(c, "Engineer", now=NOW) for c in ("Acme", "Globex", "Initech")]
    store.add_contact(apps[1].id, "Dana Scully", email="dana@example.com")
    store.log_rejection(RejectionInput(company="Globex", role="Engineer", notified_at=NOW), now=NOW)
    store.set_archived(apps[2].id, True, now=NOW)
    every = {s.application.id: s for s in store.list_summaries(include_archived=True)}
    wanted = {apps[1].id, apps[2].id, 999}
    assert store.summaries_for(wanted, include_archived=True) == [
        every[apps[1].id],
        every[apps[2].id],
    ]
    # Archived rows stay out unless asked for, as in list_summaries; unknown ids are skipped.
    assert store.summaries_for(wanted) == [every[apps[1].id]]
    assert store.summaries_for(set()) == []
