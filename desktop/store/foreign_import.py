"""Importing other trackers' exports and people's own spreadsheets (CSV or .xlsx).

Two steps, so that the preview dialog can show the plan and let the user change it:

1. `read_table(raw, suffix)` turns the file into a `RawTable`: the header row and the cells,
   with the encoding, the CSV dialect or the sheet it came from. This is the slow part, and
   the part that faces hostile input: every size is bounded before anything grows.
2. `plan_import(table, …)` maps the columns (detected from `desktop.core.import_formats`'s
   table, or as the user chose) and turns each row into exchange's `TableRow`, or into a
   `Refusal` with the row number and the reason. Rows are numbered as a spreadsheet shows
   them: the header is row 1.

`with_duplicates` then asks the applications' indexed match key which rows are already
there, and `Store.apply_import` writes the rest in one transaction. Every cell is cleaned
by `desktop.core.validation`'s rules, the ones every other way in applies.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from desktop.core import validation
from desktop.core.errors import InvalidInput
from desktop.core.import_formats import (
    REQUIRED_FIELDS,
    AmbiguousDate,
    DateOrder,
    DateProblem,
    Field,
    applied_instant,
    detect_columns,
    header_key,
    is_placeholder,
    parse_date_text,
    recognised_count,
    slash_evidence,
    status_to_stage,
)
from desktop.core.model import Stage
from desktop.core.wording import plural
from desktop.store.exchange.csv_format import unneutralise_cell
from desktop.store.exchange.snapshot import TableRow
from desktop.store.exchange.transfer import existing_keys
from desktop.store.models import match_key

if TYPE_CHECKING:
    from desktop.store.database import Database

# Far beyond a real job search (100,000 rows is the benchmark), and each a hard stop, so
# that a hostile file costs bounded memory and time.
MAX_COLUMNS = 200
MAX_ROWS = 1_000_000
# Uncompressed size of everything inside an .xlsx: a zip bomb stops here, before parsing.
MAX_XLSX_UNCOMPRESSED = 512 * 2**20
MAX_XLSX_MEMBERS = 10_000
# csv.Sniffer runs regular expressions over its sample: keep the sample small.
SNIFF_CHARS = 16_000
_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}

Cell = str | date | datetime


@dataclass(frozen=True, slots=True)
class RawTable:
    """A file as a header row and rows of cells, before any column means anything."""

    kind: str  # for the user: "CSV, semicolon-separated" or "Excel workbook, sheet 'Jobs'"
    encoding: str | None  # None for .xlsx
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]  # (row number, cells)
    sheets: tuple[str, ...] = ()  # a workbook's sheets, in order
    sheet: str | None = None  # the sheet read
    too_wide: tuple[int, ...] = ()  # rows with more than MAX_COLUMNS cells, not kept

    @property
    def what(self) -> str:
        """How a message names the file's rows: "CSV row 3" or "Sheet row 3"."""
        return "Sheet" if self.encoding is None else "CSV"


@dataclass(frozen=True, slots=True)
class Refusal:
    row: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do. Nothing is written until `Store.apply_import`."""

    table: RawTable
    format_name: str
    fields: tuple[Field, ...]  # one per column
    rows: tuple[TableRow, ...]
    refused: tuple[Refusal, ...]
    unknown_statuses: Mapping[str, int]
    date_order: DateOrder | None  # how slashed dates were read; None: no slashed dates
    undecided_dates: int = 0  # rows refused because only the user can say day or month first
    duplicates: frozenset[int] = field(default_factory=frozenset)  # indices into rows

    @property
    def fresh_rows(self) -> tuple[TableRow, ...]:
        return tuple(row for index, row in enumerate(self.rows) if index not in self.duplicates)

    def counts(self) -> str:
        return (
            f"{plural(len(self.rows) - len(self.duplicates), 'application')} to import, "
            f"{plural(len(self.duplicates), 'duplicate')} to skip, "
            f"{plural(len(self.refused), 'row')} refused"
        )


# -- reading files ---------------------------------------------------------------------


def read_table(raw: bytes, suffix: str, *, sheet: str | None = None) -> RawTable:
    """Read a .csv or .xlsx file into a RawTable, or raise InvalidInput in one line."""
    if suffix.lower() == ".xlsx":
        return _read_xlsx(raw, sheet)
    if sheet is not None:
        raise InvalidInput("Only an .xlsx workbook has sheets to choose from.")
    return _read_csv(raw)


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding, for the user.

    A byte order mark decides; without one, UTF-16 shows itself by its zero bytes, UTF-8
    by decoding cleanly, and anything else is read as Windows-1252 (Latin-1 plus the curly
    quotes and euro sign that Excel on Windows writes), or Latin-1 when it has bytes that
    Windows-1252 leaves undefined.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_as(raw[3:], "utf-8", "UTF-8 with BOM")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(raw, "utf-16", "UTF-16")
    head = raw[:4096]
    if head.count(0) > len(head) // 4:
        # ASCII text in UTF-16 has a zero in every other byte; which side says the order.
        little = head[1::2].count(0) > head[0::2].count(0)
        return _decode_as(raw, "utf-16-le" if little else "utf-16-be", "UTF-16")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1 (ISO-8859-1)"


def _decode_as(raw: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        return raw.decode(codec), label
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"The file says it is {label} but is not (bad bytes at position {error.start}); "
            "save it again as UTF-8 and try again."
        ) from None


def _pick_delimiter(text: str) -> str:
    """The delimiter under which the header row names the most known columns.

    A header of unknown names (to be mapped by hand) leaves it to csv.Sniffer, on a
    bounded sample, and to the comma when the sniffer cannot tell either.
    """
    first_line = text.split("\n", 1)[0][:SNIFF_CHARS]
    scores = {
        delimiter: recognised_count(next(csv.reader([first_line], delimiter=delimiter), []))
        for delimiter in _DELIMITERS
    }
    best = max(_DELIMITERS, key=lambda delimiter: scores[delimiter])
    if scores[best]:
        return best
    sample = text[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return ","


def _read_csv(raw: bytes) -> RawTable:
    text, encoding = decode(raw)
    if "\x00" in text:
        raise InvalidInput("The CSV file contains NUL characters; it is not a text table.")
    # Files that went through several editors mix \r\n, \n and lone \r.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = _pick_delimiter(text)
    # strict: an unclosed quote is an error, not a cell that swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    kind = f"CSV, {_DELIMITER_NAMES[delimiter]}-separated"
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InvalidInput(f"The CSV header is not valid: {error}.") from None
    if not header or not any(cell.strip() for cell in header):
        raise InvalidInput("The CSV file is empty: its first row must name the columns.")
    _check_header(header)
    rows, too_wide = _collect(enumerate(reader, start=2), "CSV")
    return RawTable(kind, encoding, tuple(header), rows, too_wide=too_wide)


def _check_header(header: Sequence[object]) -> None:
    if len(header) > MAX_COLUMNS:
        raise InvalidInput(
            f"The header row has {len(header)} columns; at most {MAX_COLUMNS} are read. "
            "Is this the right file?"
        )


def _collect(
    numbered: Iterator[tuple[int, Sequence[Cell | None]]], what: str
) -> tuple[tuple[tuple[int, tuple[Cell, ...]], ...], tuple[int, ...]]:
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    too_wide: list[int] = []
    number = 1
    try:
        for number, cells in numbered:
            _take(number, cells, rows, too_wide, what)
    except csv.Error as error:
        # The usual one from a hostile file: a cell past csv's field limit (128 KiB).
        raise InvalidInput(f"{what} row {number + 1}: {error}; nothing was imported.") from None
    return tuple(rows), tuple(too_wide)


def _take(
    number: int,
    cells: Sequence[Cell | None],
    rows: list[tuple[int, tuple[Cell, ...]]],
    too_wide: list[int],
    what: str,
) -> None:
    if len(rows) + len(too_wide) >= MAX_ROWS:
        raise InvalidInput(
            f"The file has more than {MAX_ROWS:,} rows; split it and import each part."
        )
    if len(cells) > MAX_COLUMNS:
        # Keep the row number, not the cells: a row this wide is damage, not data.
        too_wide.append(number)
        return
    values = tuple("" if cell is None else cell for cell in cells)
    if all(isinstance(value, str) and not value.strip() for value in values):
        return
    for value in values:
        if isinstance(value, str) and len(value) > validation.MAX_TEXT:
            raise InvalidInput(
                f"{what} row {number}: a cell has {len(value):,} characters (at most "
                f"{validation.MAX_TEXT:,}); nothing was imported."
            )
    rows.append((number, values))


def _check_zip(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise InvalidInput(
            "The file is not an Excel workbook (.xlsx): it is not a zip archive."
        ) from None
    # Each member decompresses to at most its declared size (zipfile stops there), so the
    # declared sizes bound what openpyxl can be made to inflate.
    total = sum(member.file_size for member in members)
    if len(members) > MAX_XLSX_MEMBERS or total > MAX_XLSX_UNCOMPRESSED:
        raise InvalidInput(
            f"The workbook unpacks to {total // 2**20:,} MiB in {len(members):,} parts; at most "
            f"{MAX_XLSX_UNCOMPRESSED // 2**20} MiB are read. Save the sheet as CSV instead."
        )


def _cell(value: object) -> Cell | None:
    if isinstance(value, datetime) and value.time() == time(0, 0) and value.tzinfo is None:
        # A date cell: Excel stores days, and openpyxl hands them back at midnight.
        return value.date()
    if value is None or isinstance(value, str | datetime | date):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def _trimmed(row: Sequence[object]) -> tuple[Cell | None, ...]:
    values = [_cell(value) for value in row]
    while values and values[-1] in (None, ""):
        values.pop()
    return tuple(values)


def _read_xlsx(raw: bytes, sheet: str | None) -> RawTable:
    _check_zip(raw)
    import openpyxl  # noqa: PLC0415 - only a workbook import pays for it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # a stranger's file can break openpyxl anywhere: one line
        raise InvalidInput(
            f"The workbook cannot be read ({type(error).__name__}); open it in a spreadsheet "
            "and save it again, or save the sheet as CSV."
        ) from None
    try:
        names = tuple(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise InvalidInput(
                f"The workbook has no sheet {sheet!r}; its sheets are "
                f"{', '.join(repr(name) for name in names)}."
            )
        worksheet = workbook[sheet or names[0]]
        # A read-only sheet pads each row to max_col, and without max_row and max_col it
        # first reads the whole sheet to measure it. So the header is found with a wide
        # bound, and the rows are read as wide as the header: cells past it have no name.
        last = MAX_ROWS + 1
        scan = worksheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=last)
        for number, row in enumerate(scan, start=1):  # noqa: B007 - used after the loop
            if header := _trimmed(row):
                break
        else:
            raise InvalidInput(f"The sheet {worksheet.title!r} is empty.")
        _check_header(header)
        headers = tuple("" if value is None else str(value) for value in header)
        body = worksheet.iter_rows(
            values_only=True, min_row=number + 1, max_row=number + last, max_col=len(header)
        )
        rows, too_wide = _collect(
            ((n, _trimmed(row)) for n, row in enumerate(body, start=number + 1)), "Sheet"
        )
    except InvalidInput:
        raise
    except Exception as error:  # as above: damaged XML inside the archive
        raise InvalidInput(
            f"The workbook cannot be read ({type(error).__name__}); save the sheet as CSV."
        ) from None
    finally:
        workbook.close()
    return RawTable(
        f"Excel workbook, sheet {worksheet.title!r}",
        None,
        headers,
        rows,
        sheets=names,
        sheet=worksheet.title,
        too_wide=too_wide,
    )


# -- planning --------------------------------------------------------------------------


def column_fields(
    table: RawTable, overrides: Mapping[str, Field] | None = None
) -> tuple[str, tuple[Field, ...]]:
    """The detected format and each column's field, with the user's choices applied.

    `overrides` names columns by header (compared as `header_key` does); a header the file
    does not have is an error, so a typo in `--map` does not silently do nothing.
    """
    detection = detect_columns(table.headers)
    fields = list(detection.fields)
    keys = [header_key(header) for header in table.headers]
    for column, chosen in (overrides or {}).items():
        key = header_key(column)
        if key not in keys:
            shown = ", ".join(repr(header) for header in table.headers[:12])
            raise InvalidInput(f"The file has no column {column!r}; its columns are {shown}.")
        index = keys.index(key)
        if chosen is not Field.IGNORE:
            # A field comes from one column: the one the user named wins.
            fields = [Field.IGNORE if f is chosen else f for f in fields]
        fields[index] = chosen
    return detection.format_name, tuple(fields)


def plan_import(
    table: RawTable,
    *,
    now: datetime,
    tz: tzinfo,
    overrides: Mapping[str, Field] | None = None,
    statuses: Mapping[str, Stage] | None = None,
    date_order: DateOrder | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Turn every row into a TableRow or a Refusal. Raises InvalidInput only for the file.

    `statuses` maps the file's own status words to stages (what the user chose for the
    words no table knows); `date_order` settles slashed dates that the file leaves open.
    """
    format_name, fields = column_fields(table, overrides)
    missing = [f for f in REQUIRED_FIELDS if f not in fields]
    if missing:
        names = " and no ".join(f.label for f in missing)
        raise InvalidInput(
            f"The header has no {names} column; say which column it is with "
            f"--map COLUMN={missing[0].value}, or choose it in the import preview."
        )
    where: dict[Field, int] = {
        f: fields.index(f) for f in Field if f is not Field.IGNORE and f in fields
    }
    order = date_order
    if order is None and Field.APPLIED_AT in where:
        column = where[Field.APPLIED_AT]
        order = slash_evidence(
            cell
            for _number, cells in table.rows
            if column < len(cells) and isinstance(cell := cells[column], str)
        )
    reader = _RowReader(
        where=where,
        order=order,
        statuses=statuses or {},
        now=now,
        tz=tz,
        neutralised=format_name == "AskWhy",
    )
    rows: list[TableRow] = []
    refused = [Refusal(number, _too_wide_reason(len(table.headers))) for number in table.too_wide]
    for done, (number, cells) in enumerate(table.rows, start=1):
        try:
            rows.append(reader.row(number, cells))
        except _Refused as refusal:
            refused.append(Refusal(number, str(refusal)))
        if progress is not None and done % 5000 == 0:
            progress(done, len(table.rows))
    refused.sort(key=lambda refusal: refusal.row)
    return ImportPlan(
        table=table,
        format_name=format_name,
        fields=fields,
        rows=tuple(rows),
        refused=tuple(refused),
        unknown_statuses=dict(reader.unknown_statuses),
        date_order=order if reader.saw_slashed else None,
        undecided_dates=reader.undecided_dates,
    )


def _too_wide_reason(width: int) -> str:
    return f"The row has more than {MAX_COLUMNS} cells (the header has {width})."


class _Refused(Exception):
    """One row cannot be imported; the message says why, for the plan."""


class _RowReader:
    def __init__(
        self,
        *,
        where: Mapping[Field, int],
        order: DateOrder | None,
        statuses: Mapping[str, Stage],
        now: datetime,
        tz: tzinfo,
        neutralised: bool,
    ) -> None:
        self._where = where
        self._order = order
        self._statuses = statuses
        self._now = now
        self._tz = tz
        # AskWhy's own CSV export puts an apostrophe before a cell a spreadsheet would run.
        self._neutralised = neutralised
        self.unknown_statuses: Counter[str] = Counter()
        self.saw_slashed = False
        self.undecided_dates = 0

    def _raw(self, cells: Sequence[Cell], name: Field) -> Cell:
        index = self._where.get(name)
        if index is None or index >= len(cells):
            return ""
        return cells[index]

    def _text(self, cells: Sequence[Cell], name: Field) -> str:
        """The cell as text, empty for a placeholder such as "-" or "N/A"."""
        value = self._raw(cells, name)
        text = value.isoformat() if isinstance(value, date) else value
        if self._neutralised:
            # AskWhy's own CSV export: every cell is what was stored (a role may be "NIL"),
            # with an apostrophe before a cell a spreadsheet would run.
            return unneutralise_cell(text)
        return "" if is_placeholder(text) else text

    def _clean(self, cells: Sequence[Cell], name: Field) -> str:
        """The cell as the store keeps it, by the rule every way in applies."""
        return _rule(_RULES[name], self._text(cells, name))

    def row(self, number: int, cells: Sequence[Cell]) -> TableRow:
        notes = self._text(cells, Field.NOTES)
        salary = self._text(cells, Field.SALARY)
        if salary:
            # AskWhy has no salary field; the notes keep it where the user will look.
            notes = f"Salary: {salary}\n{notes}"
        email = self._text(cells, Field.EMAIL).strip()
        return TableRow(
            line=number,
            company=self._clean(cells, Field.COMPANY),
            role=self._clean(cells, Field.ROLE),
            stage=self._stage(cells),
            applied_at=self._applied(cells),
            location=self._clean(cells, Field.LOCATION),
            url=self._clean(cells, Field.URL),
            source=self._clean(cells, Field.SOURCE),
            notes=_rule(validation.NOTES, notes),
            contact_name=self._clean(cells, Field.CONTACT),
            contact_email=_rule(validation.clean_email, email) if email else "",
        )

    def _stage(self, cells: Sequence[Cell]) -> Stage:
        text = " ".join(self._text(cells, Field.STAGE).split())
        if not text:
            return Stage.APPLIED
        stage = status_to_stage(text, self._statuses)
        if stage is None:
            self.unknown_statuses[text[:60]] += 1
            raise _Refused(f"The status {text[:60]!r} is not one AskWhy knows.")
        return stage

    def _applied(self, cells: Sequence[Cell]) -> datetime | None:
        value = self._raw(cells, Field.APPLIED_AT)
        try:
            if isinstance(value, date):
                return applied_instant(value, self._tz, self._now)
            if is_placeholder(value):
                return None
            self.saw_slashed |= "/" in value and not value.strip()[:4].isdigit()
            return applied_instant(parse_date_text(value, self._order), self._tz, self._now)
        except DateProblem as problem:
            self.undecided_dates += isinstance(problem, AmbiguousDate)
            raise _Refused(f"The applied date: {problem}.") from None
        except InvalidInput as error:
            raise _Refused(str(error)) from None


_RULES: dict[Field, validation.TextRule] = {
    Field.COMPANY: validation.COMPANY,
    Field.ROLE: validation.ROLE,
    Field.LOCATION: validation.LOCATION,
    Field.URL: validation.LINK,
    Field.SOURCE: validation.SOURCE,
    Field.CONTACT: validation.PERSON_NAME,
}


def _rule(rule: validation.TextRule | Callable[[str], str], text: str) -> str:
    try:
        return rule.clean(text) if isinstance(rule, validation.TextRule) else rule(text)
    except InvalidInput as error:
        raise _Refused(str(error)) from None


def accepted_rows(plan: ImportPlan) -> tuple[TableRow, ...]:
    """The plan's rows when none was refused; otherwise InvalidInput naming the first.

    For callers that write without showing the plan: bad input writes nothing.
    """
    if plan.refused:
        first = plan.refused[0]
        more = len(plan.refused) - 1
        others = f" ({plural(more, 'other row')} too; `askwhy import --dry-run` lists them)"
        raise InvalidInput(
            f"{plan.table.what} row {first.row}: {first.reason} Nothing was imported"
            f"{others if more else ''}."
        )
    return plan.rows


# -- duplicates ------------------------------------------------------------------------


def with_duplicates(plan: ImportPlan, database: Database | None) -> ImportPlan:
    """The plan with the rows marked that are already in the store or repeat an earlier row.

    Each key is looked up in the applications' match-key index, so the cost follows the
    size of the file, not of the store. Without a store (no data dir yet) only repeats count.
    """
    keys = [match_key(row.company, row.role) for row in plan.rows]
    present: set[str] = set()
    if database is not None:
        with database.transaction() as session:
            present = existing_keys(session, keys)
    duplicates: set[int] = set()
    for index, key in enumerate(keys):
        if key in present:
            duplicates.add(index)
        present.add(key)
    return dataclasses.replace(plan, duplicates=frozenset(duplicates))
