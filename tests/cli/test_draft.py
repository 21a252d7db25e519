"""`askwhy draft`: the scripting face of the request editor's copy, mail and save buttons."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop import cli
from desktop.core.model import Profile
from desktop.store.database import open_database
from desktop.store.repository import Store
from desktop.ui.request_editor import RequestEditor
from tests.core.hostile import EVIL, INJECTIONS, read_draft
from tests.fakes import ManualClock, RecordingClipboard

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
REPO = Path(__file__).resolve().parents[2]
HOSTILE_ROLE = "=?utf-8?q?=0D=0ABcc:_someone@evil.example?="


@dataclasses.dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run(data_dir: Path, *argv: str, now: datetime = NOW) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        args = cli.parse_args(["--data-dir", str(data_dir), *argv], stderr=err)
    except SystemExit as exit_:
        return Run(int(exit_.code or 0), out.getvalue(), err.getvalue())
    code = cli.run_command(args, now=now, tz=BERLIN, stdout=out, stderr=err)
    return Run(code, out.getvalue(), err.getvalue())


def log(
    data_dir: Path,
    company: str,
    role: str,
    *,
    contact: tuple[str, str] = ("Dana Reyes", "dana@acme.example"),
    now: datetime = NOW,
) -> int:
    result = run(
        data_dir,
        "log-rejection",
        *("--company", company, "--role", role),
        *("--contact-name", contact[0], "--contact-email", contact[1]),
        "--no-gui",
        now=now,
    )
    assert result.code == 0, result.stderr
    return int(result.stdout.rsplit("#", 1)[1].rstrip(").\n"))


def set_profile(data_dir: Path, name: str, email: str) -> None:
    with open_database(data_dir) as database:
        store = Store(database, local_tz=lambda: BERLIN)
        settings = store.load_settings()
        store.save_settings(dataclasses.replace(settings, profile=Profile(name, email, name)))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    log(data_dir, "Acme", "Data Analyst", now=NOW - timedelta(hours=3))
    log(data_dir, "Acme", "Backend Engineer", now=NOW - timedelta(hours=2))
    log(data_dir, "Beta GmbH", "Tester", contact=("", ""), now=NOW - timedelta(hours=1))
    set_profile(data_dir, "Sam Lee", "sam@example.org")
    return data_dir


def test_prints_the_newest_open_request_subject_blank_line_body(data: Path) -> None:
    newest = run(data, "draft")
    assert newest.code == 0, newest.stderr
    assert newest.stdout.startswith("Feedback on my Tester application\n\nHi Beta GmbH team,\n")
    acme = run(data, "draft", "--company", "  ACME ")
    assert acme.stdout.startswith("Feedback on my Backend Engineer application\n\nHi Dana,\n")
    assert acme.stdout.endswith("Thank you,\nSam Lee\n")
    assert acme.stderr == ""
    analyst = run(data, "draft", "--company", "acme", "--role", "data analyst")
    assert analyst.stdout.startswith("Feedback on my Data Analyst application\n\n")
    assert run(data, "draft", "--request", "1").stdout == analyst.stdout


def test_unfilled_fields_print_the_draft_and_warn_like_the_editor(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    log(data_dir, "Beta GmbH", "Tester", contact=("", ""))
    result = run(data_dir, "draft", "--company", "Beta GmbH")
    assert result.code == 0
    # No contact name: the greeting falls back to the team; no profile: no signature.
    assert "Hi Beta GmbH team," in result.stdout
    assert "{{ my_signature }}" in result.stdout
    assert result.stderr == "askwhy: warning: {{ my_signature }} is empty (in the body)\n"


def test_json_for_scripts(data: Path) -> None:
    result = run(data, "draft", "--company", "Acme", "--json")
    document = json.loads(result.stdout)
    assert document == {
        "request_id": 2,
        "company": "Acme",
        "role": "Backend Engineer",
        "to": "dana@acme.example",
        "subject": "Feedback on my Backend Engineer application",
        "body": document["body"],
    }
    assert document["body"].startswith("Hi Dana,\n")


def test_mailto_prints_the_link(data: Path) -> None:
    result = run(data, "draft", "--request", "2", "--mailto")
    assert result.stdout.startswith(
        "mailto:dana@acme.example?subject=Feedback%20on%20my%20Backend%20Engineer%20application"
        "&body=Hi%20Dana%2C%0D%0A"
    )
    assert result.stdout.count("\n") == 1


def test_eml_writes_a_private_draft_to_with_name_from_profile(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "draft.eml"
    result = run(data, "draft", "--company", "Acme", "--eml", str(target))
    assert result.code == 0, result.stderr
    assert result.stdout == f"Saved the draft of request #2 to {target}.\n"
    assert target.stat().st_mode & 0o777 == 0o600
    message = read_draft(target.read_bytes())
    assert message["To"] == "Dana Reyes <dana@acme.example>"
    assert message["From"] == "Sam Lee <sam@example.org>"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Feedback on my Backend Engineer application"
    assert [path.name for path in tmp_path.iterdir()] == ["data", "draft.eml"]


def test_the_reported_injection_through_the_cli_gives_no_bcc(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    log(data_dir, "Acme", HOSTILE_ROLE, contact=(f"Dana {HOSTILE_ROLE}", "dana@bücher.example"))
    set_profile(data_dir, f"Sam {HOSTILE_ROLE}", "sam@example.org")
    target = tmp_path / "draft.eml"
    assert run(data_dir, "draft", "--eml", str(target)).code == 0
    raw = target.read_bytes()
    message = read_draft(raw)
    assert message["Bcc"] is None
    assert b"<dana@xn--bcher-kva.example>" in raw
    assert str(message["Subject"]) == f"Feedback on my {HOSTILE_ROLE} application"
    assert message["To"].addresses[0].display_name == f"Dana {HOSTILE_ROLE}"
    assert message["From"].addresses[0].display_name == f"Sam {HOSTILE_ROLE}"


def test_generated_injections_in_company_role_and_names_never_add_a_header(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    # Only what the CLI accepts reaches the store: one line, no control characters.
    # Every 37th: a prime step walks through all the encodings and line breaks.
    accepted = [value for value in INJECTIONS if value.isprintable()][::37]
    for number, value in enumerate(accepted):
        log(data_dir, f"{value} {number}", value, contact=(value, "dana@acme.example"))
        target = tmp_path / f"{number}.eml"
        assert run(data_dir, "draft", "--eml", str(target)).code == 0
        head = target.read_bytes().partition(b"\r\n\r\n")[0]
        assert EVIL.encode() not in head
        assert read_draft(target.read_bytes())["To"].addresses[0].display_name == value


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--company", "Nobody"], "there is no open request for Nobody (see 'askwhy due')"),
        (["--company", "Acme", "--role", "CEO"], "there is no open request for Acme, CEO"),
        (["--request", "99"], "there is no request #99"),
    ],
)
def test_no_match_exits_2_with_one_line(data: Path, argv: list[str], message: str) -> None:
    result = run(data, "draft", *argv)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"askwhy: {message}")
    assert result.stderr.count("\n") == 1


def test_a_sent_request_is_not_open(data: Path) -> None:
    with open_database(data) as database:
        Store(database, local_tz=lambda: BERLIN).mark_sent(1, sent_at=NOW)
    result = run(data, "draft", "--request", "1")
    assert result.code == 2
    assert result.stderr == "askwhy: request #1 is sent, not open: reopen it in AskWhy\n"
    assert run(data, "draft", "--company", "Acme", "--role", "Data Analyst").code == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--role", "Analyst"], "--role needs --company"),
        (["--company", " "], "--company must not be empty"),
        (["--company", "Acme", "--role", ""], "--role must not be empty"),
        (["--request", "0"], "'0' is not a request number"),
        (["--request", "abc"], "'abc' is not a request number"),
        (["--request", "9" * 40], "is not a request number"),
        (["--request", "1", "--company", "Acme"], "not allowed with argument"),
        (["--mailto", "--json"], "not allowed with argument"),
        (["--eml", "x.eml", "--json"], "not allowed with argument"),
        (["--eml", ""], "must not be empty"),
        (["--eml", "no-such-folder/x.eml"], "the folder no-such-folder does not exist"),
        (["--eml", "."], "it is a folder"),
        (["--company"], "expected one argument"),
    ],
)
def test_bad_options_exit_2_write_nothing_and_create_no_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path / "data", "draft", *argv)
    assert (result.code, result.stdout) == (2, "")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


# Request 3 has no contact: both greet the company's team.
@pytest.mark.parametrize("request_id", [2, 3])
def test_the_cli_and_the_editor_buttons_give_the_same_draft(
    qtbot: QtBot, data: Path, tmp_path: Path, request_id: int
) -> None:
    eml_path = tmp_path / "cli.eml"
    assert run(data, "draft", "--request", str(request_id), "--eml", str(eml_path)).code == 0
    printed = run(data, "draft", "--request", str(request_id)).stdout
    link = run(data, "draft", "--request", str(request_id), "--mailto").stdout
    clipboard = RecordingClipboard()
    editor_path = tmp_path / "editor.eml"
    with open_database(data) as database:
        store = Store(database, local_tz=lambda: BERLIN)
        editor = RequestEditor(
            store,
            ManualClock(NOW, BERLIN),
            clipboard,
            request_id,
            save_file_chooser=lambda *_args: str(editor_path),
            undo_stack=QUndoStack(),
        )
        qtbot.addWidget(editor)
        editor.copy_both()
        assert editor.save_as_eml() == editor_path
        assert editor.mailto_url() + "\n" == link
        editor.stop_timers()
    # The template's body ends with a line break, so the printed text is the copied one.
    assert clipboard.texts == [printed]
    assert editor_path.read_bytes() == eml_path.read_bytes()


def test_draft_in_a_real_process(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    log(data_dir, "Acme", HOSTILE_ROLE)
    target = tmp_path / "real.eml"
    environment = {**os.environ, "ASKWHY_DATA_DIR": str(data_dir), "TZ": "Europe/Berlin"}
    finished = subprocess.run(
        [sys.executable, "-m", "desktop", "draft", "--company", "acme", "--eml", str(target)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == "askwhy: warning: {{ my_signature }} is empty (in the body)\n"
    message = read_draft(target.read_bytes())
    assert message["Bcc"] is None
    assert message["To"] == "Dana Reyes <dana@acme.example>"
    assert str(message["Subject"]) == f"Feedback on my {HOSTILE_ROLE} application"
