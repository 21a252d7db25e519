"""Which reader an imported file goes to, by its suffix: a JSON export is a restore
(`exchange`), a table (.csv, .xlsx) is read as other trackers' exports are
(`foreign_import`).

This sits above both because it needs both, while `foreign_import` builds on exchange's
`TableRow` and duplicate lookup: exchange never reaches back up (an import-linter contract
in pyproject.toml keeps it so).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from desktop.core.errors import InvalidInput
from desktop.store import foreign_import
from desktop.store.exchange import FullImport, ImportPlan, TableImport, parse_json


def parse_import(raw: bytes, suffix: str, *, now: datetime, tz: tzinfo) -> ImportPlan:
    """Validate a whole file before anything is written. Raises InvalidInput.

    Here any table row `foreign_import` refuses refuses the file. The preview dialog and
    `--dry-run` show every refused row instead, and import the others only when the user
    has seen them.
    """
    if suffix.lower() == ".json":
        return FullImport(parse_json(raw))
    if suffix.lower() in (".csv", ".xlsx"):
        table = foreign_import.read_table(raw, suffix)
        plan = foreign_import.plan_import(table, now=now, tz=tz)
        return TableImport(foreign_import.accepted_rows(plan))
    raise InvalidInput(f"Cannot import a {suffix or 'suffix-less'} file: use .json, .csv or .xlsx.")
