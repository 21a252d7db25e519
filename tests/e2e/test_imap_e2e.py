"""IMAP sources against a real server (Dovecot, started by the test on a loopback port with
its own config, user, Maildir and self-signed certificate), the password in a real keyring
backend (keyrings.alt's file keyring in a temporary XDG_DATA_HOME).

First the command line: `mail add` over verified TLS, `mail check`, and what happens with a
wrong password or an untrusted certificate; then a grep of everything AskWhy wrote for the
password. Then the app itself, watching the inbox with IDLE while messages are delivered with
IMAP APPEND: the "ask why now?" notification on a private bus within 10 s, and its
"Log and ask" button logs the rejection and opens the editor.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from queue import Queue
from typing import Any

import pytest

from desktop.core.mail_sources import parse_source
from desktop.native.mail_watch import IdleWatcher, MailChecker, current_mark
from desktop.store.database import open_database
from desktop.store.mail import MailStore
from tests.e2e import services, x11
from tests.e2e.conftest import require
from tests.e2e.dovecot import PASSWORD, Dovecot, dovecot_server
from tests.e2e.test_reminders_e2e import quit_app, wait_running
from tests.fakes import FakePasswords
from tests.mail_messages import invitation, received_at, rejection

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    require("dovecot", "openssl")
    with dovecot_server() as server:
        yield server


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ASKWHY_DATA_DIR=str(tmp_path / "data"),
        ASKWHY_LOG="debug",  # the most a support log ever says: the password still isn't in it
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        PYTHONPATH=str(REPO),
        QT_QPA_PLATFORM="offscreen",
        TZ="UTC",
    )
    env.update(extra)
    return env


def askwhy(
    tmp_path: Path, *argv: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=REPO,
        env=_env(tmp_path, **env),
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    with (tmp_path / "askwhy.log").open("a", encoding="utf-8") as log:
        log.write(result.stdout + result.stderr)
    return result


def add_source(tmp_path: Path, dovecot: Dovecot) -> subprocess.CompletedProcess[str]:
    return askwhy(
        tmp_path,
        "mail",
        "add",
        dovecot.source,
        "--password-stdin",
        "--ca-file",
        str(dovecot.ca_file),
        stdin=PASSWORD + "\n",
    )


def check(tmp_path: Path) -> list[dict[str, Any]]:
    result = askwhy(tmp_path, "mail", "check", "--json")
    assert result.returncode == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_an_imap_source_reads_new_mail_once_and_keeps_the_password_in_the_keyring(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    dovecot.deliver(rejection(1))  # there before `add`: never read
    added = add_source(tmp_path, dovecot)
    assert added.returncode == 0, added.stderr
    dovecot.deliver(rejection(2), invitation(3), rejection(4, attachment=b"%PDF-1.4 " * 20_000))

    found = check(tmp_path)
    assert sorted(item["role"] for item in found) == ["Data Analyst 2", "Data Analyst 4"]
    second = next(item for item in found if item["role"] == "Data Analyst 2")
    assert second == {
        "company": "Acme",
        "role": "Data Analyst 2",
        "contact_email": "dana@acme.example",
        "received_at": received_at(2).isoformat(),
        "source": dovecot.source,
    }
    assert check(tmp_path) == []
    # Nothing was marked read: AskWhy only peeks.
    client = dovecot.client()
    try:
        client.select_folder("INBOX", readonly=True)
        assert client.search(["SEEN"]) == []
    finally:
        client.logout()

    # The password is in the keyring, and nowhere AskWhy writes.
    keyring_files = list((tmp_path / "xdg-data").rglob("*.cfg"))
    assert keyring_files, "the file keyring holds the password"
    exported = askwhy(tmp_path, "export", str(tmp_path / "everything.json"))
    assert exported.returncode == 0, exported.stderr
    doctor = askwhy(tmp_path, "doctor")
    listed = askwhy(tmp_path, "mail", "list", "--json")
    assert dovecot.source in listed.stdout
    secret = PASSWORD.encode()
    forms = {secret, base64.b64encode(secret), secret.hex().encode()}
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    written += [tmp_path / "everything.json", tmp_path / "askwhy.log"]
    assert any(p.name.endswith(".sqlite3") for p in written)
    for path in written:
        content = path.read_bytes()
        assert not any(form in content for form in forms), f"the password leaked into {path}"
    assert PASSWORD not in doctor.stdout + doctor.stderr
    assert f"{dovecot.source} (ok)" in doctor.stdout
    assert "keyrings.alt.file.PlaintextKeyring" in doctor.stdout


def test_a_look_back_reads_what_the_server_received_lately(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    now = datetime.now(UTC)
    dovecot.deliver(rejection(1), at=now - timedelta(days=30))
    dovecot.deliver(rejection(2), at=now - timedelta(days=2))
    added = askwhy(
        tmp_path,
        "mail",
        "add",
        dovecot.source,
        "--password-stdin",
        "--ca-file",
        str(dovecot.ca_file),
        "--look-back",
        "7",
        stdin=PASSWORD + "\n",
    )
    assert added.returncode == 0, added.stderr
    dovecot.deliver(rejection(3))
    assert sorted(item["role"] for item in check(tmp_path)) == ["Data Analyst 2", "Data Analyst 3"]


def test_a_wrong_password_or_an_untrusted_certificate_is_one_line_and_nothing_kept(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    wrong = askwhy(
        tmp_path,
        "mail",
        "add",
        dovecot.source,
        "--password-stdin",
        "--ca-file",
        str(dovecot.ca_file),
        stdin="not-the-password\n",
    )
    assert wrong.returncode == 2
    assert wrong.stderr.strip().splitlines()[-1] == (
        "askwhy: localhost refused the user name or password for sam"
    )
    untrusted = askwhy(
        tmp_path, "mail", "add", dovecot.source, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert untrusted.returncode == 1
    last = untrusted.stderr.strip().splitlines()[-1]
    assert last.startswith(f"askwhy: the certificate of localhost:{dovecot.port} could not be")
    assert last.endswith("add the source with --ca-file")
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "xdg-data").exists()


# -- the app, watching with IDLE -------------------------------------------------------------

MAIL_BUTTONS = ["default", "Show", "mail-log", "Log and ask", "mail-dismiss", "Not a rejection"]
DETECTION_DEADLINE = 10.0  # issue 14: at most 10 s from delivery to the notification


def _database(desktop: services.Desktop) -> Path:
    return Path(desktop.env["ASKWHY_DATA_DIR"]) / "askwhy.sqlite3"


def _query(desktop: services.Desktop, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(_database(desktop)) as connection:
        return connection.execute(sql).fetchall()


def _notified(recorder: Path, role: str) -> list[dict[str, Any]]:
    return [r for r in services.read_records(recorder) if f" to {role} — " in r["summary"]]


def test_the_app_watches_with_idle_and_one_click_logs_and_asks(
    desktop: services.Desktop, recorder: Path, dovecot: Dovecot
) -> None:
    require("xdotool", "xwininfo")
    desktop.env.update(
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(desktop.workdir / "xdg-data"),
    )
    options = ["--password-stdin", "--ca-file", str(dovecot.ca_file)]
    added = subprocess.run(
        [*services.askwhy_command(), "mail", "add", dovecot.source, *options],
        env=desktop.env,
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    # Mail that came while AskWhy was not running: read at start, one notification for all.
    dovecot.deliver(*(rejection(number) for number in range(10, 14)))
    app = desktop.start_app("--minimized")
    wait_running(desktop, app)
    services.wait_for(
        lambda: "mail source #1: watching with IDLE" in desktop.app_log(), 20, "IDLE to start"
    )
    (grouped,) = services.wait_for(
        lambda: services.read_records(recorder), DETECTION_DEADLINE, "the grouped notification"
    )
    assert grouped["summary"] == "4 rejections found in your mail — ask why now?"

    latencies = []
    for number in (2, 3, 4, 5, 6):
        delivered = time.time()
        dovecot.deliver(rejection(number))
        (record,) = services.wait_for(
            lambda number=number: _notified(recorder, f"Data Analyst {number}"),
            DETECTION_DEADLINE,
            f"the notification for Data Analyst {number}",
        )
        latencies.append(record["received_at"] - delivered)
    print(  # the figure the issue asks for: delivery (IMAP APPEND) to Notify
        "IDLE detection latency, delivery to Notify: "
        f"median {statistics.median(latencies):.3f} s, max {max(latencies):.3f} s, "
        f"n={len(latencies)}"
    )
    assert record["summary"] == "Acme said no to Data Analyst 6 — ask why now?"
    assert record["actions"] == MAIL_BUTTONS
    assert record["hints"]["category"] == "email.arrived"
    dovecot.deliver(invitation(7))  # not a rejection: never notified

    (two,) = _notified(recorder, "Data Analyst 2")
    services.click_notification(desktop.bus, two["id"], "mail-log")
    logged = services.wait_for(
        lambda: _query(
            desktop,
            "SELECT r.notified_at, c.email FROM rejections r JOIN applications a "
            "ON a.id = r.application_id LEFT JOIN contacts c ON c.id = r.contact_id "
            "WHERE a.role = 'Data Analyst 2'",
        ),
        10,
        "Log and ask to log the rejection",
    )
    ((notified_at, contact),) = logged
    assert datetime.fromisoformat(notified_at).replace(tzinfo=UTC) == received_at(2)
    assert contact == "dana@acme.example"
    assert _query(desktop, "SELECT count(*) FROM follow_up_requests") == [(1,)]

    def editor() -> list[str]:
        names = [x11.window_name(desktop.env, w) for w in x11.visible_windows(desktop.env, app.pid)]
        # Names in a title are bidi-isolated (FSI … PDI); the words are what is checked.
        plain = [name.replace("\u2068", "").replace("\u2069", "") for name in names]
        return [name for name in plain if name.endswith("— Acme, Data Analyst 2")]

    services.wait_for(editor, 10, "the request editor to open")

    (three,) = _notified(recorder, "Data Analyst 3")
    services.click_notification(desktop.bus, three["id"], "mail-dismiss")
    services.wait_for(
        lambda: _query(desktop, "SELECT dismissals FROM mail_sender_hints") == [(1,)],
        10,
        "Not a rejection to be remembered",
    )
    # The same sender's next rejection is listed, but no longer pops up.
    dovecot.deliver(rejection(8))
    services.wait_for(
        lambda: (
            _query(desktop, "SELECT count(*) FROM mail_findings WHERE role = 'Data Analyst 8'")
            == [(1,)]
        ),
        DETECTION_DEADLINE,
        "the quiet finding",
    )
    roles = {role for (role,) in _query(desktop, "SELECT role FROM mail_findings")}
    assert roles == {f"Data Analyst {n}" for n in (4, 5, 6, 8, 10, 11, 12, 13)}
    quit_app(desktop, app)
    assert not _notified(recorder, "Data Analyst 8")
    assert not _notified(recorder, "Data Analyst 7")
    assert PASSWORD not in desktop.app_log()


# -- the IDLE worker, through a server restart -----------------------------------------------


def test_the_idle_worker_reports_a_lost_server_and_reconnects(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    database = open_database(tmp_path / "data")
    try:
        mail = MailStore(database)
        passwords = FakePasswords()
        ca_file = str(dovecot.ca_file)
        mark = current_mark(parse_source(dovecot.source), PASSWORD, ca_file=ca_file)
        source = mail.add_source(parse_source(dovecot.source), now=NOW, ca_file=ca_file, mark=mark)
        passwords.store(source.spec, PASSWORD)
        events: Queue[tuple[str, object]] = Queue()
        watcher = IdleWatcher(
            source,
            MailChecker(mail, passwords, now=lambda: NOW, tz=lambda: UTC),
            passwords,
            on_found=lambda found: events.put(("found", [f.rejection.role for f in found])),
            on_status=lambda _id, reason: events.put(("status", reason)),
            reload_source=mail.get_source,
        )
        watcher.start()
        try:
            assert events.get(timeout=20) == ("status", "")
            dovecot.deliver(rejection(1))
            assert events.get(timeout=DETECTION_DEADLINE) == ("found", ["Data Analyst 1"])
            dovecot.stop()
            kind, reason = events.get(timeout=20)
            assert kind == "status"
            assert isinstance(reason, str)
            assert reason == f"the connection to localhost:{dovecot.port} was lost"
            assert mail.get_source(source.id).last_error == reason
            dovecot.start()
            dovecot.deliver(rejection(2))  # while it waits to retry: read when it is back
            assert events.get(timeout=20) == ("found", ["Data Analyst 2"])
            assert events.get(timeout=5) == ("status", "")
            assert mail.get_source(source.id).last_error == ""
        finally:
            watcher.stop()
    finally:
        database.close()
