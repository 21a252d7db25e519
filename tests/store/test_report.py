"""The proof of applications: which applications belong in a period, and the CSV and PDF of it.

The PDF is read back with `pdftotext` (poppler-utils, installed by
`packaging/system-packages.sh test`).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.model import Stage
from desktop.core.proof import Period
from desktop.store.report import load_report, report_to_csv
from desktop.store.repository import Store
from tests.test_cli import run

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
MARCH = Period(date(2026, 2, 1), date(2026, 2, 28))


def at(day: int, month: int = 2) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=UTC)


def seed(store: Store) -> None:
    """Applications around February 2026, each a case of "active in the period"."""
    umbra = store.add_application(
        "Umbra", "Analyst", now=NOW, applied_at=at(20, 1), source="LinkedIn",
        url="https://umbra.example/jobs/7",
    )  # fmt: skip
    store.add_contact(umbra.id, "Kim Vogel", email="kim@umbra.example")
    store.move_stage(umbra.id, Stage.SCREENING, occurred_at=at(3), now=NOW)
    store.move_stage(umbra.id, Stage.REJECTED, occurred_at=at(17), now=NOW)
    # Applied before February, still open in it: active.
    store.add_application("Kestrel", "Engineer", now=NOW, applied_at=at(15, 1))
    # Closed before February: not active.
    loam = store.add_application("Loam", "Designer", now=NOW, applied_at=at(5, 1))
    store.move_stage(loam.id, Stage.REJECTED, occurred_at=at(25, 1), now=NOW)
    # Applied after February: not active.
    store.add_application("Tessel", "Data Eng", now=NOW, applied_at=at(2, 3))
    # Never applied for: not an application.
    store.add_application("Brightwater", "PM", now=NOW, stage=Stage.SAVED)
    # A formula in a company name must stay text in the CSV.
    store.add_application("=HYPERLINK(1)", "Tester", now=NOW, applied_at=at(10))


def test_only_applications_active_in_the_period_with_their_history(store: Store) -> None:
    seed(store)
    store.save_settings(replace(store.load_settings(), profile=replace(
        store.load_settings().profile, name="Alex Muster")))  # fmt: skip
    report = load_report(store, MARCH, tz=BERLIN, now=NOW)
    assert report.name == "Alex Muster"
    assert [(e.application.company, e.applied_on, e.outcome) for e in report.entries] == [
        ("Kestrel", date(2026, 1, 15), "Open (Applied)"),
        ("Umbra", date(2026, 1, 20), "Rejected"),
        ("=HYPERLINK(1)", date(2026, 2, 10), "Open (Applied)"),
    ]
    umbra = report.entries[1]
    assert umbra.history_text() == "Applied 2026-01-20; Screening 2026-02-03; Rejected 2026-02-17"
    assert umbra.contact_text() == "Kim Vogel <kim@umbra.example>"


def test_csv_has_the_title_block_and_neutralises_formulas(store: Store) -> None:
    seed(store)
    rows = list(
        csv.reader(io.StringIO(report_to_csv(load_report(store, MARCH, tz=BERLIN, now=NOW))))
    )
    assert rows[:4] == [
        ["Proof of applications"],
        ["Name", ""],
        ["Period", "2026-02-01 to 2026-02-28"],
        ["Applications", "3"],
    ]
    assert rows[5][:3] == ["Company", "Role", "Applied on"]
    assert rows[7] == [
        "Umbra", "Analyst", "2026-01-20", "LinkedIn", "https://umbra.example/jobs/7",
        "Kim Vogel <kim@umbra.example>",
        "Applied 2026-01-20; Screening 2026-02-03; Rejected 2026-02-17", "Rejected",
    ]  # fmt: skip
    assert rows[8][0] == "'=HYPERLINK(1)"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidInput, match="ends"):
        Period(date(2026, 3, 1), date(2026, 2, 1))


needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext missing: run packaging/system-packages.sh test as root",
)


@needs_pdftotext
def test_cli_pdf_reads_back_with_name_period_history_and_page_numbers(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    seed(store)
    # Enough applications for a second page.
    for index in range(30):
        store.add_application(f"Filler {index:02d}", "Role", now=NOW, applied_at=at(12))
    settings = store.load_settings()
    store.save_settings(replace(settings, profile=replace(settings.profile, name="Alex Muster")))
    target = tmp_path / "proof.pdf"
    result = run(data_dir, "report", "--from", "2026-02-01", "--to", "2026-02-28", str(target))
    assert result.code == 0, result.stderr
    assert result.stdout == (
        f"Wrote a proof of 33 applications for 2026-02-01 to 2026-02-28 to {target}.\n"
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Proof of applications" in flat
    assert "Name: Alex Muster" in flat
    assert "Period: 2026-02-01 to 2026-02-28" in flat
    assert "Umbra — Analyst" in flat
    assert "Applied on: 2026-01-20" in flat
    assert "Source: LinkedIn" in flat
    assert "URL: https://umbra.example/jobs/7" in flat
    assert "Contact: Kim Vogel <kim@umbra.example>" in flat
    assert "2026-02-03: Screening" in flat
    assert "2026-02-17: Rejected" in flat
    assert "Outcome: Rejected" in flat
    for absent in ("Loam", "Tessel", "Brightwater"):
        assert absent not in flat
    pages = text.count("\f")
    assert pages >= 2
    assert f"Page 1 of {pages}" in flat
    assert f"Page {pages} of {pages}" in flat


def test_cli_report_csv_and_bad_input(store: Store, data_dir: Path, tmp_path: Path) -> None:
    seed(store)
    target = tmp_path / "proof.csv"
    done = run(data_dir, "report", "--from", "2026-02-01", "--to", "2026-02-28", str(target))
    assert done.code == 0, done.stderr
    assert target.read_bytes().startswith("\ufeffProof of applications\r\n".encode())
    for argv, message in (
        (["--from", "2026-02-30", "--to", "2026-03-01", "x.pdf"], "not a date like"),
        (["--from", "2026-03-01", "--to", "2026-02-01", "x.pdf"], "ends (2026-02-01) before"),
        (["--from", "2026-02-01", "--to", "2026-03-01", "x.txt"], "must end in one of .pdf"),
    ):
        result = run(data_dir, "report", *argv)
        assert result.code == 2, result
        assert message in result.stderr
        assert result.stderr.count("\n") == 1
    nothing = run(tmp_path / "none", "report", "--from", "2026-02-01", "--to", "2026-02-02",
                  str(tmp_path / "n.csv"))  # fmt: skip
    assert nothing.code == 2
    assert not (tmp_path / "none").exists()
