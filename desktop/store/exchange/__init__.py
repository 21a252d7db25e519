"""Export and import: JSON (everything), CSV (the table) and ICS (the deadlines).

The user owns the data, so a JSON export carries every record with its id, and importing it
into an empty data dir gives back the same store (same ids, same reminder states, so
`askwhy due --json` prints the same list). Bad input gets a clear message and nothing is
written: a file is checked whole, by the same rules as every other way in, before
`Store.apply_import` writes it in one transaction.
"""

from __future__ import annotations

from desktop.store.exchange.csv_format import (
    neutralise_cell,
    snapshot_to_csv,
    unneutralise_cell,
)
from desktop.store.exchange.ics_format import snapshot_to_ics
from desktop.store.exchange.json_format import FORMAT_VERSION, parse_json, snapshot_to_json
from desktop.store.exchange.snapshot import (
    SECTIONS,
    ExportResult,
    FullImport,
    ImportPlan,
    Snapshot,
    TableImport,
    TableRow,
)
from desktop.store.exchange.transfer import (
    apply_import,
    existing_keys,
    exposure_warning,
    read_all,
    write_export,
)

__all__ = [
    "FORMAT_VERSION",
    "SECTIONS",
    "ExportResult",
    "FullImport",
    "ImportPlan",
    "Snapshot",
    "TableImport",
    "TableRow",
    "apply_import",
    "existing_keys",
    "exposure_warning",
    "neutralise_cell",
    "parse_json",
    "read_all",
    "snapshot_to_csv",
    "snapshot_to_ics",
    "snapshot_to_json",
    "unneutralise_cell",
    "write_export",
]
