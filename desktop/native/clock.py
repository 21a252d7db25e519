"""Time as an input: services ask a `Clock`, tests hand them a manual one."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
        # A named IANA zone knows its DST rules; a fixed offset from astimezone() would put
        # "tomorrow 08:00" an hour off across a DST change, so it is only the last resort.
        for name in (os.environ.get("TZ", "").lstrip(":"), _qt_zone_id()):
            if not name:
                continue
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                log.debug("time zone %r is not in the zone database", name)
        zone = datetime.now().astimezone().tzinfo
        return zone if zone is not None else UTC


def _qt_zone_id() -> str:
    # Qt maps Windows zone names to IANA ids, and reads /etc/localtime on Linux.
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
