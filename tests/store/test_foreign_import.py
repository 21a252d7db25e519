"""Importing other trackers' exports and hand-made sheets: files the tests write themselves.

Each tool's file uses that tool's real header (see desktop/core/import_formats.py for the
sources) with our own rows under it, and every company, role, stage and applied date is
checked.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from desktop.core.errors import InvalidInput
from desktop.core.import_formats import DateOrder, Field
from desktop.core.model import Stage
from desktop.store import exchange
from desktop.store.database import Database
from desktop.store.foreign_import import (
    MAX_COLUMNS,
    MAX_XLSX_UNCOMPRESSED,
    ImportPlan,
    plan_import,
    read_table,
    with_duplicates,
)
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def noon(year: int, month: int, day: int) -> datetime:
    """A date alone is noon on the user's wall clock (Berlin here), kept as UTC."""
    return datetime(year, month, day, 12, 0, tzinfo=BERLIN).astimezone(UTC)


def csv_bytes(
    header: list[str], rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def plan(raw: bytes, suffix: str = ".csv", **options: object) -> ImportPlan:
    table = read_table(raw, suffix, sheet=options.pop("sheet", None))  # type: ignore[arg-type]
    return plan_import(table, now=NOW, tz=BERLIN, **options)  # type: ignore[arg-type]


def summary(result: ImportPlan) -> list[tuple[str, str, Stage, datetime | None]]:
    return [(r.company, r.role, r.stage, r.applied_at) for r in result.rows]


# -- each tool's export ----------------------------------------------------------------

HUNTR_HEADER = [
    "id", "createdAt", "title", "salary", "location", "url", "rootDomain", "htmlDescription",
    "deadline", "color", "lastMovedAt", "boardId", "boardName", "listId", "listName",
    "companyId", "companyName", "companyDomain", "creatorUserId", "creatorUserFirstName",
    "creatorUserLastName", "creatorUserEmail",
]  # fmt: skip


def huntr_row(created: str, title: str, salary: str, lst: str, company: str) -> list[str]:
    row = dict.fromkeys(HUNTR_HEADER, "-")
    row |= {
        "createdAt": created, "title": title, "salary": salary, "listName": lst,
        "companyName": company, "boardName": "Search 2026", "url": "https://jobs.example/1",
    }  # fmt: skip
    return [row[name] for name in HUNTR_HEADER]


def test_huntr_export() -> None:
    raw = csv_bytes(
        HUNTR_HEADER,
        [
            huntr_row("2026-01-05 09:15:00", "Data Analyst, Growth", "-", "Applied", "Umbra"),
            huntr_row("2026-01-07 16:40:12", "Platform Engineer", "90k", "wishlist", "Kestrel"),
            huntr_row("2026-02-01 08:00:00", "QA Lead", "-", "Interview", "Fernweh AG"),
            huntr_row("2026-02-11 10:30:00", "Designer", "-", "rejected", "Loam"),
            huntr_row("2026-02-20 13:00:00", "Analyst", "-", "Offer", "Brightwater"),
        ],
    )
    result = plan(raw)
    assert result.format_name == "Huntr"
    assert result.table.encoding == "UTF-8"
    assert result.table.kind == "CSV, comma-separated"
    assert summary(result) == [
        ("Umbra", "Data Analyst, Growth", Stage.APPLIED, datetime(2026, 1, 5, 8, 15, tzinfo=UTC)),
        ("Kestrel", "Platform Engineer", Stage.SAVED, datetime(2026, 1, 7, 15, 40, 12, tzinfo=UTC)),
        ("Fernweh AG", "QA Lead", Stage.INTERVIEWING, datetime(2026, 2, 1, 7, 0, tzinfo=UTC)),
        ("Loam", "Designer", Stage.REJECTED, datetime(2026, 2, 11, 9, 30, tzinfo=UTC)),
        ("Brightwater", "Analyst", Stage.OFFER, datetime(2026, 2, 20, 12, 0, tzinfo=UTC)),
    ]
    # "-" is Huntr's empty value; the salary has no field of its own, so notes keep it.
    assert result.rows[0].notes == ""
    assert result.rows[1].notes == "Salary: 90k"
    assert result.rows[0].url == "https://jobs.example/1"
    assert not result.refused


JOBSYNC_HEADER = [
    "index", "createdAt", "applied", "appliedDate", "Company", "JobTitle", "jobType",
    "Location", "JobSource", "Status",
]  # fmt: skip


def test_jobsync_export_with_an_unknown_status() -> None:
    rows = [
        ["1", "2026-01-02", "Yes", "2026-01-03", "Norrland", "Backend Dev", "Full Time",
         "Remote", "LinkedIn", "Applied"],
        ["2", "2026-01-04", "No", "N/A", "Quillon", "SRE", "Contract", "N/A", "N/A", "Draft"],
        ["3", "2026-01-05", "Yes", "2026-01-06", "Tessel", "Data Eng", "Full Time", "Oslo",
         "Indeed", "Interview"],
        ["4", "2026-01-07", "Yes", "2026-01-08", "Vantor", "PM", "Part Time", "Bergen",
         "Company site", "Expired"],
        ["5", "2026-01-09", "Yes", "2026-01-10", "Wexley", "Analyst", "Full Time", "Remote",
         "Referral", "Rejected"],
    ]  # fmt: skip
    result = plan(csv_bytes(JOBSYNC_HEADER, rows))
    assert result.format_name == "JobSync"
    assert summary(result) == [
        ("Norrland", "Backend Dev", Stage.APPLIED, noon(2026, 1, 3)),
        ("Quillon", "SRE", Stage.SAVED, None),
        ("Tessel", "Data Eng", Stage.INTERVIEWING, noon(2026, 1, 6)),
        ("Wexley", "Analyst", Stage.REJECTED, noon(2026, 1, 10)),
    ]
    assert [(r.source, r.location) for r in result.rows] == [
        ("LinkedIn", "Remote"), ("", ""), ("Indeed", "Oslo"), ("Referral", "Remote"),
    ]  # fmt: skip
    assert [(r.row, r.reason) for r in result.refused] == [
        (5, "The status 'Expired' is not one AskWhy knows.")
    ]
    assert result.unknown_statuses == {"Expired": 1}
    # The user maps the word, and the row comes in.
    mapped = plan(csv_bytes(JOBSYNC_HEADER, rows), statuses={"expired": Stage.WITHDRAWN})
    assert ("Vantor", "PM", Stage.WITHDRAWN, noon(2026, 1, 8)) in summary(mapped)
    assert not mapped.refused


SIMPLIFY_HEADER = [
    "Job Title", "Company Name", "Job URL", "Applied Date", "Status", "Status Date",
    "Archived", "Date Archived", "Notes",
]  # fmt: skip


def test_simplify_export() -> None:
    rows = [
        ["SWE Intern", "Quillon", "https://q.example/1", "2025-10-02", "APPLIED", "2025-10-02",
         "No", "", ""],
        ["Data Intern", "Norrland", "https://n.example/2", "2025-10-05", "INTERVIEWING",
         "2025-10-20", "No", "", "Panel of three"],
        ["ML Intern", "Tessel", "", "2025-09-28", "REJECTED", "2025-10-11", "Yes",
         "2025-10-12", ""],
        ["PM Intern", "Vantor", "", "", "SAVED", "", "No", "", ""],
        ["QA Intern", "Wexley", "", "2025-09-01", "WITHDRAWN", "2025-09-09", "No", "", ""],
    ]  # fmt: skip
    result = plan(csv_bytes(SIMPLIFY_HEADER, rows))
    assert result.format_name == "Simplify"
    assert summary(result) == [
        ("Quillon", "SWE Intern", Stage.APPLIED, noon(2025, 10, 2)),
        ("Norrland", "Data Intern", Stage.INTERVIEWING, noon(2025, 10, 5)),
        ("Tessel", "ML Intern", Stage.REJECTED, noon(2025, 9, 28)),
        ("Vantor", "PM Intern", Stage.SAVED, None),
        ("Wexley", "QA Intern", Stage.WITHDRAWN, noon(2025, 9, 1)),
    ]
    assert result.rows[1].notes == "Panel of three"
    assert result.rows[0].url == "https://q.example/1"


def test_hand_made_sheet_semicolons_european_dates_in_windows_1252() -> None:
    header = ["Firma", "Stelle", "Beworben am", "Status", "Link", "Ort", "Gehalt", "Notizen",
              "Ansprechpartner", "E-Mail"]  # fmt: skip
    rows = [
        ["Müller & Söhne GmbH", "Entwickler", "19.09.2025", "Beworben", "https://m.example",
         "Köln", "55.000 €", "per Post; \"dringend\"", "Frau Kühn", "kuehn@m.example"],
        ["Zürich Lab", "Analystin", "3.10.2025", "Absage", "", "Zürich", "", "", "", ""],
    ]  # fmt: skip
    raw = csv_bytes(header, rows, delimiter=";", encoding="cp1252")
    # Nothing is recognised until the user names the columns (`--map Firma=company` …).
    with pytest.raises(InvalidInput, match="no Company and no Role column"):
        plan(raw)
    overrides = {
        "Firma": Field.COMPANY, "Stelle": Field.ROLE, "Beworben am": Field.APPLIED_AT,
        "Status": Field.STAGE, "Link": Field.URL, "Ort": Field.LOCATION,
        "Gehalt": Field.SALARY, "Notizen": Field.NOTES, "Ansprechpartner": Field.CONTACT,
        "E-Mail": Field.EMAIL,
    }  # fmt: skip
    statuses = {"Beworben": Stage.APPLIED, "Absage": Stage.REJECTED}
    result = plan(raw, overrides=overrides, statuses=statuses)
    assert result.table.encoding == "Windows-1252"
    assert result.table.kind == "CSV, semicolon-separated"
    assert summary(result) == [
        ("Müller & Söhne GmbH", "Entwickler", Stage.APPLIED, noon(2025, 9, 19)),
        ("Zürich Lab", "Analystin", Stage.REJECTED, noon(2025, 10, 3)),
    ]
    first = result.rows[0]
    assert first.notes == 'Salary: 55.000 €\nper Post; "dringend"'
    assert (first.contact_name, first.contact_email) == ("Frau Kühn", "kuehn@m.example")


def test_latin_1_when_windows_1252_cannot_decode() -> None:
    # 0x81 is undefined in Windows-1252; only Latin-1 reads every byte (as a control
    # character, which the company rule then refuses).
    raw = "Company,Role\nCafé,Barista\n".encode("latin-1") + b"Ex\x81,R\n"
    result = plan(raw)
    assert result.table.encoding == "Latin-1 (ISO-8859-1)"
    assert [r.company for r in result.rows] == ["Café"]
    assert result.refused[0].row == 3
    assert "control characters" in result.refused[0].reason


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-8-sig", "UTF-8 with BOM")],
)
def test_tab_separated_utf16_and_bom_with_quoted_commas_and_newlines(
    encoding: str, label: str
) -> None:
    header = ["Company", "Job Title", "Date Applied", "Stage", "Notes"]
    rows = [
        ["Acme, Inc.", "Analyst", "9/19/25", "phone screen", "line one\nline two"],
        ["Globex", "Engineer", "2025/10/02", "Negotiating", ""],
    ]
    result = plan(csv_bytes(header, rows, delimiter="\t", encoding=encoding))
    assert result.table.encoding == label
    assert result.table.kind == "CSV, tab-separated"
    assert result.format_name == "Spreadsheet"
    assert summary(result) == [
        ("Acme, Inc.", "Analyst", Stage.SCREENING, noon(2025, 9, 19)),
        ("Globex", "Engineer", Stage.OFFER, noon(2025, 10, 2)),
    ]
    assert result.rows[0].notes == "line one\nline two"


def test_common_headers_and_status_vocabulary() -> None:
    header = ["Organization", "Position", "Applied On", "List", "Job Link", "Details",
              "Recruiter", "Email"]  # fmt: skip
    words = {
        "Bookmarked": Stage.SAVED, "WISHLIST": Stage.SAVED, "Phone Screen": Stage.SCREENING,
        "negotiating": Stage.OFFER, "Not selected": Stage.REJECTED,
        "I withdrew": Stage.WITHDRAWN, "No response": Stage.GHOSTED,
        "Offer accepted": Stage.ACCEPTED,
    }  # fmt: skip
    rows = [
        [f"Co {i}", f"Role {i}", "2026-01-15", word, "", "", "Sam Lee", "sam@co.example"]
        for i, word in enumerate(words)
    ]
    result = plan(csv_bytes(header, rows))
    assert [r.stage for r in result.rows] == list(words.values())
    assert all(r.applied_at == noon(2026, 1, 15) for r in result.rows)
    assert result.rows[0].contact_name == "Sam Lee"


# -- dates -----------------------------------------------------------------------------


def test_mixed_date_formats_and_an_ambiguous_one_settled_by_the_file() -> None:
    dates = [
        "2025-09-19", "2025-09-19T14:30:00Z", "2025-09-19T14:30:00+02:00",
        "2025-09-19 14:30", "19.09.2025", "2025/09/19", "19/09/2025", "03/04/2025", "-", "",
    ]  # fmt: skip
    rows = [[f"Co {i}", "Role", text] for i, text in enumerate(dates)]
    result = plan(csv_bytes(["Company", "Role", "Applied"], rows))
    assert result.date_order is DateOrder.DAY_FIRST  # "19/09/2025" can only be day first
    assert [r.applied_at for r in result.rows] == [
        noon(2025, 9, 19),
        datetime(2025, 9, 19, 14, 30, tzinfo=UTC),
        datetime(2025, 9, 19, 12, 30, tzinfo=UTC),
        datetime(2025, 9, 19, 12, 30, tzinfo=UTC),  # wall time in Berlin (summer: +2)
        noon(2025, 9, 19),
        noon(2025, 9, 19),
        noon(2025, 9, 19),
        noon(2025, 4, 3),
        None,
        None,
    ]


def test_month_first_evidence_and_two_digit_years() -> None:
    rows = [["A", "R", "9/19/25"], ["B", "R", "03/04/2025"]]
    result = plan(csv_bytes(["Company", "Role", "Date Applied"], rows))
    assert result.date_order is DateOrder.MONTH_FIRST
    assert [r.applied_at for r in result.rows] == [noon(2025, 9, 19), noon(2025, 3, 4)]


def test_an_ambiguous_date_with_no_evidence_is_reported_then_settled_by_the_user() -> None:
    raw = csv_bytes(["Company", "Role", "Date Applied"], [["A", "R", "03/04/2025"]])
    result = plan(raw)
    assert not result.rows
    assert result.refused[0].row == 2
    assert "could be day/month or month/day" in result.refused[0].reason
    settled = plan(raw, date_order=DateOrder.DAY_FIRST)
    assert settled.rows[0].applied_at == noon(2025, 4, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.02.2025", "The applied date: '31.02.2025' is not a real date."),
        ("next week", "The applied date: 'next week' is not a date like"),
        ("2099-01-01", "The applied date can't be in the future."),
        ("01.01.1901", "The applied date must be between 1970 and 2100."),
    ],
)
def test_bad_dates_refuse_their_row(text: str, reason: str) -> None:
    result = plan(csv_bytes(["Company", "Role", "Applied"], [["A", "R", text], ["B", "R", ""]]))
    assert [r.company for r in result.rows] == ["B"]
    assert reason in result.refused[0].reason


# -- .xlsx -----------------------------------------------------------------------------


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_date_cells_text_dates_and_a_chosen_sheet() -> None:
    raw = xlsx_bytes(
        {
            "Notes": [["Nothing here"]],
            "Applications": [
                ["Company", "Role", "Date Applied", "Status", "Salary"],
                ["Umbra", "Analyst", datetime(2026, 1, 5), "Applied", 65000],
                ["Kestrel", "Engineer", date(2026, 1, 9), "Phone screen", None],
                ["Loam", "Designer", "1/20/2026", "Rejected", "-"],
                [None, None, None, None, None],
                ["Tessel", "Data Eng", datetime(2026, 2, 2, 9, 30), "", 70000.5],
            ],
        }
    )
    with pytest.raises(InvalidInput, match="no Company and no Role column"):
        plan(raw, ".xlsx")  # the first sheet is the default
    result = plan(raw, ".xlsx", sheet="Applications")
    assert result.table.kind == "Excel workbook, sheet 'Applications'"
    assert result.table.encoding is None
    assert result.table.sheets == ("Notes", "Applications")
    assert summary(result) == [
        ("Umbra", "Analyst", Stage.APPLIED, noon(2026, 1, 5)),
        ("Kestrel", "Engineer", Stage.SCREENING, noon(2026, 1, 9)),
        ("Loam", "Designer", Stage.REJECTED, noon(2026, 1, 20)),
        ("Tessel", "Data Eng", Stage.APPLIED, datetime(2026, 2, 2, 8, 30, tzinfo=UTC)),
    ]
    assert [r.notes for r in result.rows] == ["Salary: 65000", "", "", "Salary: 70000.5"]
    assert [r.line for r in result.rows] == [2, 3, 4, 6]
    with pytest.raises(InvalidInput, match="no sheet 'Jobs'; its sheets are 'Notes', 'Appl"):
        plan(raw, ".xlsx", sheet="Jobs")


# -- hostile files ---------------------------------------------------------------------


def test_a_row_of_a_thousand_columns_is_refused_and_not_kept() -> None:
    raw = b"Company,Role\nA,R\n" + b"x," * 999 + b"x\nB,R\n"
    result = plan(raw)
    assert [r.company for r in result.rows] == ["A", "B"]
    assert [(r.row, r.reason) for r in result.refused] == [
        (3, f"The row has more than {MAX_COLUMNS} cells (the header has 2).")
    ]


def test_a_header_of_a_thousand_columns_refuses_the_file() -> None:
    with pytest.raises(InvalidInput, match="The header row has 1000 columns"):
        read_table(b"Company,Role" + b",x" * 998 + b"\n", ".csv")


def test_a_160_kb_cell_refuses_the_file_in_one_line() -> None:
    raw = b"Company,Role,Notes\nA,R," + b"n" * 160_000 + b"\n"
    with pytest.raises(InvalidInput) as raised:
        read_table(raw, ".csv")
    assert str(raised.value).startswith("CSV row 2: field larger than field limit")
    assert "\n" not in str(raised.value)


def test_a_zip_bomb_is_refused_before_openpyxl_inflates_it() -> None:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        block = b"\0" * 2**20
        for _ in range(MAX_XLSX_UNCOMPRESSED // 2**20 + 1):
            member.write(block)
    assert len(buffer.getvalue()) < 2 * 2**20  # small on disk, huge unpacked
    with pytest.raises(InvalidInput, match="unpacks to 513 MiB"):
        read_table(buffer.getvalue(), ".xlsx")


@pytest.mark.parametrize(
    "raw",
    [b"not a zip", b"PK\x03\x04garbage", xlsx_bytes({"S": []})[:200]],
)
def test_broken_workbooks_are_one_line_errors(raw: bytes) -> None:
    with pytest.raises(InvalidInput) as raised:
        read_table(raw, ".xlsx")
    assert "\n" not in str(raised.value)


def test_an_unknown_map_column_is_an_error() -> None:
    with pytest.raises(InvalidInput, match="no column 'Firma'; its columns are 'Company', 'R"):
        plan(b"Company,Role\nA,R\n", overrides={"Firma": Field.COMPANY})


# -- into the store --------------------------------------------------------------------


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    from desktop.store.database import open_database  # noqa: PLC0415

    database = open_database(tmp_path / "data")
    yield database
    database.close()


def test_duplicates_come_from_the_store_and_the_file_and_the_rest_is_one_transaction(
    fresh: Database,
) -> None:
    store = Store(fresh)
    first = plan(b"Company,Role\nAcme,Analyst\n")
    store.apply_import(exchange.TableImport(first.rows), now=NOW)
    raw = csv_bytes(
        ["Company", "Role", "Contact", "Email"],
        [
            ["ACME ", " analyst", "", ""],  # already in the store
            ["Globex", "Dev", "Ana Ruiz", "ana@globex.example"],
            ["globex", "DEV", "", ""],  # repeats the row above
            ["Initech", "QA", "", ""],
        ],
    )
    result = with_duplicates(plan(raw), fresh)
    assert result.duplicates == frozenset({0, 2})
    assert result.counts() == "2 applications to import, 2 duplicates to skip, 0 rows refused"
    summary_text = store.apply_import(exchange.TableImport(result.fresh_rows), now=NOW)
    assert summary_text == "2 applications"
    connection = sqlite3.connect(fresh.path)
    try:
        companies = [r[0] for r in connection.execute("SELECT company FROM applications")]
        contacts = list(connection.execute("SELECT name, email FROM contacts"))
    finally:
        connection.close()
    assert sorted(companies) == ["Acme", "Globex", "Initech"]
    assert contacts == [("Ana Ruiz", "ana@globex.example")]


def test_without_a_store_only_repeats_count() -> None:
    result = with_duplicates(plan(b"Company,Role\nA,R\na,r\nB,R\n"), None)
    assert result.duplicates == frozenset({1})
