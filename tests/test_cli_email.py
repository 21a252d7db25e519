"""`askwhy log-rejection --from-email FILE|-` and `askwhy read-email FILE|-`, in real
processes: the same parser as a drop, the options override it, and any input it cannot use
is one line, exit 2, nothing written and no data folder created, without hanging on a
device, a FIFO or endless stdin."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.core.hostile_email import NORMAL_BODY, multipart_nested

REPO = Path(__file__).resolve().parents[1]

# Three hours ago, so that the follow-up window is still open for `due` to list.
RECEIVED = (datetime.now(UTC) - timedelta(hours=3)).replace(microsecond=0)
REJECTION = (
    "From: Dana Reyes <dana.reyes@acme.example>\n"
    "Subject: Your application for Data Analyst\n"
    f"Date: {format_datetime(RECEIVED)}\n"
    "Content-Type: text/plain; charset=utf-8\n\n" + NORMAL_BODY
).encode()


def _env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ASKWHY_DATA_DIR=str(tmp_path / "data"),
        ASKWHY_NOTIFIER="none",
        ASKWHY_LOG="info",
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(REPO),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def askwhy(
    tmp_path: Path,
    *argv: str | bytes,
    stdin: bytes | int | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    command: Sequence[str | bytes] = [sys.executable, "-m", "desktop", *argv]
    return subprocess.run(
        command,
        cwd=REPO,
        env=_env(tmp_path),
        input=stdin if isinstance(stdin, bytes) else None,
        stdin=stdin if isinstance(stdin, int) else (None if stdin else subprocess.DEVNULL),
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def _due(tmp_path: Path) -> list[dict[str, object]]:
    result = askwhy(tmp_path, "due", "--json")
    assert result.returncode == 0, result.stderr
    items: list[dict[str, object]] = json.loads(result.stdout)
    return items


def _closes(item: dict[str, object]) -> datetime:
    return datetime.fromisoformat(str(item["window_closes_at"]))


def _refused(result: subprocess.CompletedProcess[bytes], tmp_path: Path) -> str:
    """The one line a refusal prints, after checking it wrote nothing, not even the folder."""
    stderr = result.stderr.decode(errors="replace")
    assert result.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "data").exists()
    return stderr


def test_a_file_gives_the_company_role_contact_and_date(tmp_path: Path) -> None:
    email = tmp_path / "rejection.eml"
    email.write_bytes(REJECTION)
    result = askwhy(tmp_path, "log-rejection", "--from-email", str(email), "--no-gui")
    assert result.returncode == 0, result.stderr
    assert b"Logged the rejection from Acme Corp, Data Analyst" in result.stdout
    (item,) = _due(tmp_path)
    assert (item["company"], item["role"]) == ("Acme Corp", "Data Analyst")
    # The 48-hour window opened when the email arrived, not when the command ran.
    assert _closes(item) == RECEIVED + timedelta(hours=48)


def test_standard_input_and_options_that_override_it(tmp_path: Path) -> None:
    result = askwhy(
        tmp_path,
        "log-rejection",
        "--from-email",
        "-",
        "--role",
        "Senior Data Analyst",
        "--no-gui",
        stdin=REJECTION,
    )
    assert result.returncode == 0, result.stderr
    (item,) = _due(tmp_path)
    assert (item["company"], item["role"]) == ("Acme Corp", "Senior Data Analyst")


def test_an_email_that_names_no_role_says_which_option_to_give(tmp_path: Path) -> None:
    vague = b"From: Dana <dana@acme.example>\nSubject: Update\n\nWe went another way."
    result = askwhy(tmp_path, "log-rejection", "--from-email", "-", "--no-gui", stdin=vague)
    assert "could not tell the role from the email: give --role" in _refused(result, tmp_path)
    given = askwhy(
        tmp_path, "log-rejection", "--from-email", "-", "--role", "Analyst", "--no-gui", stdin=vague
    )
    assert given.returncode == 0, given.stderr
    assert _due(tmp_path)[0]["company"] == "Acme"


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (multipart_nested(1_000), "nests over"),
        (b"From: a@acme.example\nSubject: " + b"(" * 200_000 + b"\n\nHi", "Subject header"),
        (b"\x00\x01\x02binary" * 100, "not an email"),
        (b"x" * 5_000_001, "larger than 5 MB"),
    ],
)
def test_hostile_or_oversized_input_is_one_line(tmp_path: Path, stdin: bytes, message: str) -> None:
    result = askwhy(tmp_path, "log-rejection", "--from-email", "-", "--no-gui", stdin=stdin)
    assert message in _refused(result, tmp_path)


def test_endless_standard_input_is_read_up_to_the_cap_only(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zeros:
        result = askwhy(
            tmp_path, "log-rejection", "--from-email", "-", "--no-gui", stdin=zeros.fileno()
        )
    assert "larger than 5 MB" in _refused(result, tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_devices_fifos_and_folders_are_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "mail.fifo"
    os.mkfifo(fifo)
    link = tmp_path / "zero.eml"
    link.symlink_to("/dev/zero")
    for source, reason in (
        (fifo, "not a regular file"),
        (link, "not a regular file"),
        (tmp_path, "folder"),
        (tmp_path / "missing.eml", "No such file"),
    ):
        started = time.monotonic()
        result = askwhy(
            tmp_path, "log-rejection", "--from-email", str(source), "--no-gui", timeout=30
        )
        assert reason in _refused(result, tmp_path)
        assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    "argv",
    [
        [b"log-rejection", b"--company", b"\xff", b"--role", b"R", b"--no-gui"],
        [b"log-rejection", b"--company", b"A", b"--role", b"R\xfe", b"--no-gui"],
        [b"log-rejection", b"--company", b"A", b"--role", b"R", b"--contact-name", b"\xc3("],
        [b"log-rejection", b"--company", b"A", b"--role", b"R", b"--notified-at", b"\xff"],
    ],
)
def test_an_argument_that_is_not_utf8_is_one_line(tmp_path: Path, argv: list[bytes]) -> None:
    assert "not valid UTF-8" in _refused(askwhy(tmp_path, *argv), tmp_path)


def test_without_company_role_or_email_it_says_what_is_needed(tmp_path: Path) -> None:
    result = askwhy(tmp_path, "log-rejection", "--company", "Acme", "--no-gui")
    assert "needs --role, or --from-email FILE" in _refused(result, tmp_path)


def _wait_log(path: Path, text: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in (path.read_text(errors="replace") if path.exists() else ""):
            return
        assert process.poll() is None, path.read_text(errors="replace")
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not logged:\n{path.read_text(errors='replace')}")


def test_a_running_askwhy_receives_what_the_email_told(tmp_path: Path) -> None:
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log:
        first = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--minimized"],
            cwd=REPO,
            env=_env(tmp_path),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_log(log_path, " is running (notifications:", first)
        second = askwhy(tmp_path, "log-rejection", "--from-email", "-", stdin=REJECTION)
        assert second.returncode == 0, second.stderr
        assert b"Logged the rejection from Acme Corp, Data Analyst" in second.stdout
        assert b"handed the rejection to the running AskWhy" in second.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(20)
    (item,) = _due(tmp_path)
    assert (item["company"], item["role"]) == ("Acme Corp", "Data Analyst")
    assert _closes(item) == RECEIVED + timedelta(hours=48)


def test_read_email_prints_what_it_reads_and_why_without_a_data_folder(tmp_path: Path) -> None:
    email = tmp_path / "rejection.eml"
    email.write_bytes(REJECTION)
    result = askwhy(tmp_path, "read-email", str(email), "--json")
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert read["kind"] == "rejection"
    assert (read["company"], read["role"]) == ("Acme Corp", "Data Analyst")
    assert (read["contact_name"], read["contact_email"]) == (
        "Dana Reyes",
        "dana.reyes@acme.example",
    )
    assert datetime.fromisoformat(read["received_at"]) == RECEIVED
    assert "'not to move forward' in the body" in read["reasons"]
    assert read["applied_to"] is None  # no data folder, no list of applications
    text = askwhy(tmp_path, "read-email", "-", stdin=REJECTION)
    assert text.returncode == 0, text.stderr
    assert b"Kind:     rejection" in text.stdout
    assert b"  - 'not to move forward' in the body" in text.stdout
    assert not (tmp_path / "data").exists()


def test_read_email_shows_the_application_the_email_names(tmp_path: Path) -> None:
    made = askwhy(tmp_path, "log-rejection", "--company", "ACME Corp.", "--role", "QA", "--no-gui")
    assert made.returncode == 0, made.stderr
    database = tmp_path / "data" / "askwhy.sqlite3"
    before = database.read_bytes()
    result = askwhy(tmp_path, "read-email", "-", "--json", stdin=REJECTION)
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert (read["company"], read["applied_to"]) == ("ACME Corp.", "ACME Corp.")
    assert "you applied to ACME Corp. (named in the sender's domain)" in read["reasons"]
    text = askwhy(tmp_path, "read-email", "-", stdin=REJECTION)
    assert b"Applied:  yes, to ACME Corp." in text.stdout
    assert database.read_bytes() == before


def test_read_email_tells_an_invitation_from_a_rejection(tmp_path: Path) -> None:
    invitation = (
        b"From: Acme Recruiting <no-reply@greenhouse.io>\n"
        b"Subject: Interview invitation: Data Analyst\n\n"
        b"Hi Sam, we would like to invite you to an interview. Please book a time."
    )
    result = askwhy(tmp_path, "read-email", "-", "--json", stdin=invitation)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "interview"


def test_read_email_refuses_what_is_not_an_email_in_one_line(tmp_path: Path) -> None:
    result = askwhy(tmp_path, "read-email", "-", stdin=b"\x00\x01\x02binary" * 100)
    assert "not an email" in _refused(result, tmp_path)
