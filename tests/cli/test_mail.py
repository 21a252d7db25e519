"""`askwhy mail` with maildir and mbox sources made of real files, in real processes: only
mail that arrives after `add` is read, each rejection is reported once across runs and
across a kill -9, and bad sources are one line, exit 2, with no data folder made."""

from __future__ import annotations

import json
import mailbox
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.mail_messages import invitation, received_at, rejection

REPO = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ASKWHY_DATA_DIR=str(tmp_path / "data"),
        ASKWHY_LOG="info",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        PYTHONPATH=str(REPO),
        TZ="UTC",
    )
    env.update(extra)
    return env


def askwhy(tmp_path: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=REPO,
        env=_env(tmp_path, **env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check(tmp_path: Path) -> list[dict[str, Any]]:
    result = askwhy(tmp_path, "mail", "check", "--json")
    assert result.returncode == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def roles(found: list[dict[str, Any]]) -> list[str]:
    return sorted(str(item["role"]) for item in found)


Opener = Callable[[], "mailbox.Mailbox[Any]"]


def make_source(tmp_path: Path, kind: str) -> tuple[str, Opener]:
    """The source's text, and how to open it to deliver mail into it (as a mail app would)."""
    if kind == "maildir":
        source, opener = f"maildir:{tmp_path / 'Mail'}", partial(mailbox.Maildir, tmp_path / "Mail")
    else:
        source, opener = (
            f"mbox:{tmp_path / 'inbox.mbox'}",
            partial(mailbox.mbox, tmp_path / "inbox.mbox"),
        )
    deliver(opener)  # made, empty
    return source, opener


def deliver(open_box: Opener, *messages: bytes) -> None:
    box = open_box()
    try:
        box.lock()
        for message in messages:
            box.add(message)
        box.flush()
    finally:
        box.unlock()
        box.close()


@pytest.mark.parametrize("kind", ["maildir", "mbox"])
def test_only_new_mail_is_read_and_each_rejection_is_reported_once(
    tmp_path: Path, kind: str
) -> None:
    source, box = make_source(tmp_path, kind)
    deliver(box, rejection(1), invitation(2))  # already there: never examined
    added = askwhy(tmp_path, "mail", "add", source)
    assert added.returncode == 0, added.stderr
    assert "Added mail source #1" in added.stdout

    deliver(box, rejection(3), invitation(4), rejection(5, attachment=b"%PDF-1.4 " * 2000))
    found = check(tmp_path)
    assert roles(found) == ["Data Analyst 3", "Data Analyst 5"]
    first = next(item for item in found if item["role"] == "Data Analyst 3")
    assert first == {
        "company": "Acme",
        "role": "Data Analyst 3",
        "contact_email": "dana@acme.example",
        "received_at": received_at(3).isoformat(),
        "source": source.replace(str(tmp_path), str(tmp_path.resolve())),
    }
    assert check(tmp_path) == []  # a second run: nothing is reported twice

    deliver(box, rejection(6))
    assert roles(check(tmp_path)) == ["Data Analyst 6"]
    listed = askwhy(tmp_path, "mail", "list", "--json")
    (entry,) = json.loads(listed.stdout)
    assert entry["id"] == 1
    assert entry["error"] is None
    assert entry["last_checked_at"] is not None


def test_each_rejection_is_reported_once_across_a_kill_9(tmp_path: Path) -> None:
    source, box = make_source(tmp_path, "maildir")
    assert askwhy(tmp_path, "mail", "add", source).returncode == 0
    count = 400
    deliver(box, *(rejection(n) if n % 2 else invitation(n) for n in range(count)))
    database = tmp_path / "data" / "askwhy.sqlite3"

    def findings() -> set[str]:
        with sqlite3.connect(database) as connection:
            return {row[0] for row in connection.execute("SELECT role FROM mail_findings")}

    killed = subprocess.Popen(
        [sys.executable, "-m", "desktop", "mail", "check", "--json"],
        cwd=REPO,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not findings() and time.monotonic() < deadline and killed.poll() is None:
            time.sleep(0.02)
        os.kill(killed.pid, signal.SIGKILL)
    finally:
        killed.wait(10)
        assert killed.stdout is not None
        killed.stdout.close()
    before = findings()
    assert 0 < len(before) < count // 2, "the kill should land halfway through"

    again = roles(check(tmp_path))
    rejections = {f"Data Analyst {n}" for n in range(1, count, 2)}
    # What the killed run committed is not reported again, and nothing is lost.
    assert not before & set(again)
    assert len(again) == len(set(again))
    assert before | set(again) == rejections
    with sqlite3.connect(database) as connection:
        seen = connection.execute("SELECT count(*) FROM mail_seen").fetchone()[0]
    assert seen == count
    assert check(tmp_path) == []


@pytest.mark.parametrize("kind", ["maildir", "mbox"])
def test_a_look_back_reads_the_recent_mail_already_there(tmp_path: Path, kind: str) -> None:
    source, box = make_source(tmp_path, kind)
    now = datetime.now(UTC)
    deliver(
        box, rejection(1, sent=now - timedelta(days=30)), rejection(2, sent=now - timedelta(days=2))
    )
    added = askwhy(tmp_path, "mail", "add", source, "--look-back", "7")
    assert added.returncode == 0, added.stderr
    assert "Only mail that arrives since " in added.stdout
    assert roles(check(tmp_path)) == ["Data Analyst 2"]
    assert check(tmp_path) == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("maildir:{tmp}/nowhere", "is not a maildir"),
        ("mbox:{tmp}", "is not an mbox file"),
        ("imap://sam@mail.example", "only imaps:// is supported"),
        ("imaps://sam:secret@mail.example", "leave the password out of the source"),
        ("imaps://mail.example", "needs the user name"),
        ("imaps://sam@mail.example:99999", "is not a port number"),
        ("pop3://sam@mail.example", "is not a mail source"),
        ("maildir:{tmp} --look-back 0", "is not a number of days (1-365)"),
    ],
)
def test_a_bad_source_is_one_line_exit_2_and_nothing_made(
    tmp_path: Path, source: str, message: str
) -> None:
    result = askwhy(tmp_path, "mail", "add", *source.format(tmp=tmp_path).split())
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()


def test_without_a_keyring_an_imap_source_is_refused_before_the_password(
    tmp_path: Path,
) -> None:
    result = askwhy(
        tmp_path,
        "mail",
        "add",
        "imaps://sam@mail.example",
        "--password-stdin",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    assert result.returncode == 1
    assert result.stderr.startswith("askwhy: no system keyring to keep the password in")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()


def test_removing_a_source_forgets_what_it_found(tmp_path: Path) -> None:
    source, box = make_source(tmp_path, "mbox")
    assert askwhy(tmp_path, "mail", "add", source).returncode == 0
    deliver(box, rejection(1))
    assert roles(check(tmp_path)) == ["Data Analyst 1"]
    removed = askwhy(tmp_path, "mail", "remove", "1")
    assert removed.returncode == 0, removed.stderr
    with sqlite3.connect(tmp_path / "data" / "askwhy.sqlite3") as connection:
        for table in ("mail_sources", "mail_seen", "mail_findings"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    assert askwhy(tmp_path, "mail", "list").stdout.startswith("No mail sources.")
    again = askwhy(tmp_path, "mail", "remove", "1")
    assert again.returncode == 2
    assert "there is no mail source #1" in again.stderr
