"""The companies the user applied to, which mail is matched against: the same list from the
store's session, from `Store` and `MailStore`, and from the plain-sqlite3 reader that
`askwhy read-email` uses, which never writes a byte and finds nothing where there is no
database."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.store.applied_to import read_companies
from desktop.store.database import Database
from desktop.store.mail import MailStore
from desktop.store.repository import Store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_each_company_once_as_typed_archived_ones_too(
    store: Store, database: Database, data_dir: Path
) -> None:
    for company, role in (("Müller & Söhne", "Buchhalter"), ("Acme", "Analyst"), ("Acme", "QA")):
        store.add_application(company, role, now=NOW)
    archived = store.add_application("Globex", "Engineer", now=NOW)
    store.set_archived(archived.id, True, now=NOW)
    expected = ["Acme", "Globex", "Müller & Söhne"]
    assert store.applied_companies() == expected
    assert MailStore(database).applied_companies() == expected
    assert read_companies(data_dir) == expected  # while the store is open (a -wal beside)
    database.close()
    before = _files(data_dir)
    assert read_companies(data_dir) == expected
    assert _files(data_dir) == before  # nothing written, no -shm or -wal left


def test_no_folder_no_database_or_not_a_database_is_no_list(tmp_path: Path) -> None:
    assert read_companies(tmp_path / "missing") == []
    assert read_companies(tmp_path) == []
    (tmp_path / "askwhy.sqlite3").write_bytes(b"not a database at all" * 100)
    assert read_companies(tmp_path) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["askwhy.sqlite3"]
