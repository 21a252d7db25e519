"""The one place that reads which time zone the machine is in.

Core functions still take `tz` as an argument; the outer layers call `system_zone()` to
supply it. It is pure Python so that the command line can answer without importing Qt.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger(__name__)

LOCALTIME = Path("/etc/localtime")


def system_zone(extra_names: Iterable[str] = ()) -> tzinfo:
    """The machine's zone, with its DST rules wherever they can be found.

    Tried in order: `TZ`, the zone `/etc/localtime` links to, that file's own rules, then
    `extra_names` (Qt's id on Windows, where there is no /etc/localtime). A fixed offset
    is the last resort: right for "now", but up to an hour off across a DST change.
    """
    for name in (os.environ.get("TZ", "").lstrip(":"), _linked_zone_name(), *extra_names):
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            log.debug("time zone %r is not in the zone database", name)
    try:
        with LOCALTIME.open("rb") as stream:
            return ZoneInfo.from_file(stream, key="localtime")
    except (ValueError, OSError):
        log.debug("%s is missing or not a zone file", LOCALTIME)
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def _linked_zone_name() -> str:
    # A named zone reads better in exports and logs than the anonymous "localtime".
    try:
        target = os.readlink(LOCALTIME)
    except OSError:
        return ""
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
