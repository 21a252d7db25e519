"""Time as an input: services ask a `Clock`, tests hand them a manual one."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import QTimeZone

log = logging.getLogger(__name__)


class Clock(Protocol):
    def now(self) -> datetime:
        """The wall clock, timezone-aware in UTC."""
        ...

    def local_tz(self) -> tzinfo:
        """The user's zone, for quiet hours and "tomorrow morning"."""
        ...


class SystemClock:
    """The machine's clock. The zone is looked up on every call, so a zone change applies."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def local_tz(self) -> tzinfo:
        # Imported on first use: zoneinfo (and the sysconfig it reads) cost ~4 ms that the
        # window's first paint, which shows no local time, would wait for.
        from desktop.core.zones import system_zone  # noqa: PLC0415

        # Qt maps Windows zone names to IANA ids; elsewhere /etc/localtime answers first.
        return system_zone(extra_names=(_qt_zone_id(),))


def _qt_zone_id() -> str:
    # Qt maps Windows zone names to IANA ids, and reads /etc/localtime on Linux.
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
