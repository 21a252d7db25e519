"""`askwhy import FILE.csv|FILE.xlsx [--dry-run] [--map …]`: the command line's side."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.cli.table_import import parse_map
from desktop.core.errors import InvalidInput
from desktop.core.import_formats import Field
from desktop.core.model import Stage
from tests.test_cli import dump, run

JOBSYNC = (
    "index,createdAt,applied,appliedDate,Company,JobTitle,jobType,Location,JobSource,Status\n"
    "1,2026-01-02,Yes,2026-01-03,Norrland,Backend Dev,Full Time,Remote,LinkedIn,Applied\n"
    "2,2026-01-02,No,N/A,Quillon,SRE,Contract,N/A,N/A,Expired\n"
    "3,2026-01-02,No,N/A,norrland,backend dev,Contract,N/A,N/A,Draft\n"
    "4,2026-01-02,Yes,03/04/2025,Tessel,Data Eng,Full Time,Oslo,Indeed,Interview\n"
)


def test_dry_run_prints_the_plan_and_creates_no_data_folder(tmp_path: Path) -> None:
    table = tmp_path / "jobs.csv"
    table.write_text(JOBSYNC)
    data = tmp_path / "data"
    result = run(data, "import", str(table), "--dry-run")
    assert result.code == 0, result.stderr
    assert not data.exists()
    out = result.stdout
    assert "Format: JobSync; CSV, comma-separated, UTF-8" in out
    assert "  JobTitle -> Role" in out
    assert "  jobType -> (ignore)" in out
    assert "1 application to import, 1 duplicate to skip, 2 rows refused." in out
    assert "  row 4: norrland, backend dev" in out
    assert "  row 5: The applied date: '03/04/2025' could be day/month or month/day" in out
    assert "  row 3: The status 'Expired' is not one AskWhy knows." in out
    assert "--date-order dmy or mdy" in out
    assert "Unknown statuses: 'Expired' (1)" in out


def test_a_refused_row_refuses_the_import_until_mapped(tmp_path: Path) -> None:
    table = tmp_path / "jobs.csv"
    table.write_text(JOBSYNC)
    data = tmp_path / "data"
    refused = run(data, "import", str(table))
    assert refused.code == 2
    assert refused.stderr.count("\n") == 1
    assert "CSV row 3: The status 'Expired' is not one AskWhy knows. Nothing" in refused.stderr
    assert "1 other row too" in refused.stderr
    assert dump(data) == []
    done = run(data, "import", str(table), "--map", "Expired=withdrawn", "--date-order", "mdy")
    assert done.code == 0, done.stderr
    assert done.stdout == f"Imported 3 applications (1 already there, skipped) from {table}.\n"
    again = run(data, "import", str(table), "--dry-run", "--map", "Expired=withdrawn")
    assert "0 applications to import, 3 duplicates to skip, 1 row refused." in again.stdout
    assert "  row 3: Quillon, SRE" in again.stdout


def test_map_names_columns_and_xlsx_sheets(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Bewerbungen"
    sheet.append(["Firma", "Stelle", "Datum"])
    sheet.append(["Fernweh AG", "QA", datetime(2026, 1, 5)])
    path = tmp_path / "sheet.xlsx"
    workbook.save(path)
    data = tmp_path / "data"
    unmapped = run(data, "import", str(path))
    assert unmapped.code == 2
    assert "no Company and no Role column" in unmapped.stderr
    args = ["--map", "Firma=company", "--map", "stelle=role", "--map", "Datum=applied"]
    assert run(data, "import", str(path), "--sheet", "Nope", *args).code == 2
    result = run(data, "import", str(path), "--sheet", "Bewerbungen", *args)
    assert result.code == 0, result.stderr
    assert "Imported 1 application" in result.stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--map", "Firma"], "should look like COLUMN=FIELD"),
        (["--map", "Firma=boss"], "is neither a field"),
        (["--map", "Nope=company"], "no column 'Nope'"),
        (["--sheet", "S"], "Only an .xlsx workbook has sheets"),
    ],
)
def test_bad_options_exit_2_in_one_line(tmp_path: Path, argv: list[str], message: str) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Company,Role\nA,R\n")
    result = run(tmp_path / "data", "import", str(table), *argv)
    assert result.code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "data").exists()


def test_json_takes_no_table_options(tmp_path: Path) -> None:
    export = tmp_path / "all.json"
    export.write_text("{}")
    result = run(tmp_path / "data", "import", str(export), "--map", "a=company")
    assert result.code == 2
    assert "--map, --sheet and --date-order are for .csv and .xlsx tables" in result.stderr


def test_parse_map_tells_fields_from_stages() -> None:
    assert parse_map(["Firma=company", "Expired = Withdrawn", "a=b=applied_at"]) == (
        {"Firma": Field.COMPANY, "a=b": Field.APPLIED_AT},
        {"Expired": Stage.WITHDRAWN},
    )
    with pytest.raises(InvalidInput):
        parse_map(["=company"])


def test_a_json_dry_run_says_what_it_would_restore_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "source"
    assert run(source, "log-rejection", "--company", "Acme", "--role", "R", "--no-gui").code == 0
    export = tmp_path / "all.json"
    assert run(source, "export", str(export)).code == 0
    target = tmp_path / "target"
    result = run(target, "import", str(export), "--dry-run")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("Would restore 1 application, 1 request")
    assert "nothing was written" in result.stdout
    assert not target.exists()
