"""Settings as key/value rows: one row per top-level field of `Settings`, each a JSON value
in the form `desktop.core.declared_settings` reads and writes."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import declared_settings
from desktop.core.errors import InvalidInput
from desktop.core.model import Settings
from desktop.store.models import SettingRow

logger = logging.getLogger(__name__)


def load(session: Session) -> Settings:
    """The stored settings; a value that no longer fits takes its default, with a warning."""

    def ignore(setting: declared_settings.Setting, error: InvalidInput) -> None:
        # A hand-edited or damaged value must not stop the app; the rest still load.
        logger.warning("Ignoring a bad stored setting %s: %s", setting.key, error)

    stored = {row.key: row.value for row in session.scalars(select(SettingRow))}
    return declared_settings.from_json(stored, on_bad=ignore)


def save(session: Session, settings: Settings) -> Settings:
    """Checks `settings` against the declared limits (InvalidInput) and stores them."""
    cleaned = declared_settings.check(settings)
    for key, value in declared_settings.to_json(cleaned).items():
        session.merge(SettingRow(key=key, value=value))
    return cleaned
