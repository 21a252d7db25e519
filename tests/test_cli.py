"""The command line: DESIGN.md's public contract, driven in-process and as real processes."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop import __version__, cli
from desktop.core.errors import InvalidInput
from desktop.core.model import Channel, Stage
from desktop.core.reminders import PAUSED_INDEFINITELY
from desktop.store.database import open_database
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
LONG = os.environ.get("ASKWHY_LONG_TESTS") == "1"
REPO = Path(__file__).resolve().parents[1]


class Run:
    """One in-process command: exit code and what it printed."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code = code
        self.stdout = stdout
        self.stderr = stderr

    def json(self) -> object:
        return json.loads(self.stdout)


def run(data_dir: Path, *argv: str, now: datetime = NOW) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        args = cli.parse_args(["--data-dir", str(data_dir), *argv], stderr=err)
    except SystemExit as exit_:
        return Run(int(exit_.code or 0), out.getvalue(), err.getvalue())
    code = cli.run_command(args, now=now, tz=BERLIN, stdout=out, stderr=err)
    return Run(code, out.getvalue(), err.getvalue())


def dump(data_dir: Path) -> list[str]:
    """Every row of the database, or [] when there is no database at all."""
    path = data_dir / "askwhy.sqlite3"
    if not path.exists():
        return []
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def log_acme(data_dir: Path, notified: datetime = NOW - timedelta(hours=1)) -> Run:
    return run(
        data_dir,
        "log-rejection",
        "--company",
        "Acme",
        "--role",
        "Data Analyst",
        "--contact-name",
        "Dana Reyes",
        "--contact-email",
        "dana@acme.example",
        "--notified-at",
        notified.isoformat(),
        "--no-gui",
    )


# -- parsing ---------------------------------------------------------------------------


def test_no_command_means_the_gui() -> None:
    args = cli.parse_args(["--minimized", "--data-dir", "/tmp/x"])
    assert args.command is None
    assert args.minimized
    assert args.data_dir == "/tmp/x"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.parse_args(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"askwhy {__version__}"


def test_log_rejection_options() -> None:
    args = cli.parse_args(
        [
            "log-rejection",
            "--company",
            "Acme",
            "--role",
            "R",
            "--stage",
            "Interviewing",
            "--channel",
            "in-person",
            "--no-gui",
        ]
    )
    assert (args.command, args.stage, args.channel, args.no_gui) == (
        "log-rejection",
        "interviewing",
        "in_person",
        True,
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["log-rejection", "--role", "R"], "needs --company, or --from-email"),
        (["log-rejection", "--company", "A", "--role", "R", "--stage", "hired"], "stage"),
        (["log-rejection", "--company", "A", "--role", "R", "--channel", "fax"], "channel"),
        (["export", "out.xlsx"], "must end in one of .json, .csv, .ics"),
        (["import", "out.ics"], "must end in one of .json, .csv"),
        (["import"], "required: FILE"),
        (["frobnicate"], "invalid choice"),
        (["--data-dir", "", "due"], "data dir must not be empty"),
        (["due", "--jsn"], "unrecognized arguments"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        cli.parse_args(argv, stderr=err)
    assert exit_.value.code == 2
    lines = err.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert message in lines[0]
    assert lines[0].startswith("askwhy: ")


def namespace(**overrides: object) -> argparse.Namespace:
    values: dict[str, object] = {
        "command": "log-rejection",
        "company": "Acme",
        "role": "Data Analyst",
        "from_email": None,
        "contact_name": "",
        "contact_email": "",
        "notified_at": None,
        "stage": None,
        "channel": "email",
        "no_gui": True,
        "data_dir": None,
    }
    values.update(overrides)
    return argparse.Namespace(**values)


def test_log_rejection_input_defaults_to_now_and_reads_local_times() -> None:
    rejection = cli.log_rejection_input(namespace(), NOW, BERLIN)
    assert rejection.notified_at == NOW
    assert rejection.channel is Channel.EMAIL
    assert rejection.stage_reached is None
    local = cli.log_rejection_input(namespace(notified_at="2026-03-10T09:30"), NOW, BERLIN)
    assert local.notified_at == datetime(2026, 3, 10, 8, 30, tzinfo=UTC)
    staged = cli.log_rejection_input(namespace(stage="screening"), NOW, BERLIN)
    assert staged.stage_reached is Stage.SCREENING


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"company": "   "}, "--company: The company can't be empty"),
        ({"role": ""}, "--role: The role can't be empty"),
        ({"company": "x" * 201}, "too long"),
        ({"company": "Acme\nInc"}, "single line"),
        ({"notified_at": "yesterday-ish"}, "--notified-at"),
        ({"notified_at": "2026-03-11T12:00+00:00"}, "future"),
        ({"contact_email": "dana@"}, "not an email address"),
        ({"contact_email": "dana reyes@acme.example"}, "not an email address"),
        ({"contact_email": "dana@acme"}, "needs a full domain"),
        ({"contact_email": "dänä@acme.example"}, "plain letters"),
        ({"notified_at": "0001-01-01"}, "between 1970 and 2100"),
    ],
)
def test_log_rejection_input_refuses_bad_input(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        cli.log_rejection_input(namespace(**overrides), NOW, BERLIN)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


# -- running, in-process ---------------------------------------------------------------


def test_log_rejection_then_due_json_shows_the_48_hour_window(tmp_path: Path) -> None:
    notified = NOW - timedelta(hours=1)
    logged = log_acme(tmp_path)
    assert logged.code == 0, logged.stderr
    assert logged.stderr == ""
    assert "Acme" in logged.stdout
    assert len(logged.stdout.splitlines()) == 1
    due = run(tmp_path, "due", "--json")
    assert due.code == 0, due.stderr
    items = due.json()
    assert isinstance(items, list)
    assert len(items) == 1
    item = items[0]
    assert {
        "company",
        "role",
        "kind",
        "status",
        "window_closes_at",
        "next_reminder_at",
        "request_id",
    } <= set(item)
    assert (item["company"], item["role"], item["kind"], item["status"]) == (
        "Acme",
        "Data Analyst",
        "feedback",
        "draft",
    )
    closes = datetime.fromisoformat(item["window_closes_at"])
    assert closes.utcoffset() == timedelta(hours=1)  # Berlin in March, shown with its offset
    assert closes - notified == timedelta(hours=48)
    assert item["next_reminder_at"] is not None
    assert datetime.fromisoformat(item["next_reminder_at"]).utcoffset() is not None


def test_due_prints_an_aligned_table(tmp_path: Path) -> None:
    assert run(tmp_path, "due").stdout.startswith("Nothing due")
    log_acme(tmp_path)
    lines = run(tmp_path, "due").stdout.splitlines()
    assert lines[0].split()[:2] == ["Company", "Role"]
    assert lines[1].startswith("Acme")
    assert lines[0].index("Role") == lines[1].index("Data Analyst")
    assert "1 d 23 h left" in lines[1]


def pause_reminders(data_dir: Path, until: datetime) -> None:
    """What the tray's "Pause reminders" writes."""
    with open_database(data_dir) as database:
        store = Store(database)
        settings = store.load_settings()
        store.save_settings(dataclasses.replace(settings, reminders_paused_until=until))


def only_due_item(data_dir: Path, now: datetime = NOW) -> dict[str, str | None]:
    items = run(data_dir, "due", "--json", now=now).json()
    assert isinstance(items, list)
    [item] = items
    assert isinstance(item, dict)
    return item


def test_due_tells_a_pause_apart_from_the_next_reminder(tmp_path: Path) -> None:
    log_acme(tmp_path)  # its 2 h nudge falls due in an hour, at 14:00 Berlin time
    item = only_due_item(tmp_path)
    assert item["paused_until"] is None
    nudge = datetime.fromisoformat(str(item["next_reminder_at"]))
    assert nudge == NOW + timedelta(hours=1)
    # Paused past the nudge: nothing fires before the pause ends.
    pause_reminders(tmp_path, NOW + timedelta(hours=3))
    item = only_due_item(tmp_path)
    assert item["paused_until"] == "2026-03-10T16:00:00+01:00"
    assert item["next_reminder_at"] == item["paused_until"]
    assert "paused until Tue 10 Mar 16:00" in run(tmp_path, "due").stdout
    # A pause that ends before the reminder leaves its time as it was.
    pause_reminders(tmp_path, NOW + timedelta(minutes=30))
    item = only_due_item(tmp_path)
    assert datetime.fromisoformat(str(item["next_reminder_at"])) == nudge
    assert "Tue 10 Mar 14:00" in run(tmp_path, "due").stdout
    # Until resumed: no reminder time can be promised.
    pause_reminders(tmp_path, PAUSED_INDEFINITELY)
    item = only_due_item(tmp_path)
    assert item["next_reminder_at"] is None
    assert item["paused_until"] is not None
    assert "paused until resumed" in run(tmp_path, "due").stdout
    # A pause that has ended is no pause.
    item = only_due_item(tmp_path, now=PAUSED_INDEFINITELY)
    assert item["paused_until"] is None


@pytest.mark.parametrize(
    "argv",
    [
        ["log-rejection", "--company", "", "--role", "R", "--no-gui"],
        [
            "log-rejection",
            "--company",
            "A",
            "--role",
            "R",
            "--notified-at",
            "yesterday-ish",
            "--no-gui",
        ],
        ["log-rejection", "--company", "A", "--role", "R", "--contact-email", "nope", "--no-gui"],
        [
            "log-rejection",
            "--company",
            "A",
            "--role",
            "R",
            "--notified-at",
            "2030-01-01T00:00Z",
            "--no-gui",
        ],
        ["import", "missing.json"],
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, argv: list[str]
) -> None:
    log_acme(tmp_path)
    before = dump(tmp_path)
    result = run(tmp_path, *argv)
    assert result.code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stdout == ""
    assert dump(tmp_path) == before


def test_bad_input_does_not_even_create_the_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "never"
    result = run(data_dir, "log-rejection", "--company", " ", "--role", "R", "--no-gui")
    assert result.code == 2
    assert not data_dir.exists()


def test_malformed_import_exits_2_and_changes_no_row(tmp_path: Path) -> None:
    log_acme(tmp_path)
    before = dump(tmp_path)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format": "askwhy-export", "format_version": 1, "applications": [1]}')
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("Company,Role\nGlobex,Dev\n,Nobody\n")
    for path in (bad_json, bad_csv):
        result = run(tmp_path, "import", str(path))
        assert result.code == 2
        assert len(result.stderr.splitlines()) == 1
    assert "CSV row 3" in result.stderr
    assert dump(tmp_path) == before


def test_json_export_into_an_empty_data_dir_reproduces_due_json(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    log_acme(source)
    run(
        source,
        "log-rejection",
        "--company",
        "Globex",
        "--role",
        "Dev",
        "--no-gui",
        "--notified-at",
        (NOW - timedelta(hours=30)).isoformat(),
    )
    export_path = tmp_path / "out" / "all.json"
    export_path.parent.mkdir(mode=0o700)
    export_path.parent.chmod(0o700)
    exported = run(source, "export", str(export_path))
    assert exported.code == 0, exported.stderr
    assert exported.stderr == ""  # a private folder: no warning
    if os.name == "posix":
        assert export_path.stat().st_mode & 0o777 == 0o600
    imported = run(target, "import", str(export_path))
    assert imported.code == 0, imported.stderr
    later = NOW + timedelta(hours=3)
    assert (
        run(target, "due", "--json", now=later).stdout
        == run(source, "due", "--json", now=later).stdout
    )
    again = run(target, "import", str(export_path))
    assert again.code == 2
    assert "already holds 2 applications" in again.stderr


def test_export_csv_and_ics_and_warn_about_shared_folders(tmp_path: Path) -> None:
    log_acme(tmp_path / "data")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    for name in ("table.csv", "deadlines.ics"):
        result = run(tmp_path / "data", "export", str(shared / name))
        assert result.code == 0, result.stderr
        assert (shared / name).stat().st_size > 0
        if os.name == "posix":
            assert "warning:" in result.stderr
    assert "Acme" in (shared / "table.csv").read_text(encoding="utf-8-sig")
    assert b"BEGIN:VEVENT" in (shared / "deadlines.ics").read_bytes()
    missing = run(tmp_path / "data", "export", str(tmp_path / "nope" / "x.json"))
    assert missing.code == 2
    assert "does not exist" in missing.stderr


def test_csv_import_adds_applications(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_bytes("\ufeffCompany,Role\r\nInitech,Tester\r\n".encode())
    result = run(tmp_path / "data", "import", str(table))
    assert result.code == 0, result.stderr
    assert "Imported 1 application from" in result.stdout
    assert run(tmp_path / "data", "import", str(table)).stdout.count("skipped") == 1


def test_backup_makes_a_file(tmp_path: Path) -> None:
    log_acme(tmp_path)
    result = run(tmp_path, "backup")
    assert result.code == 0, result.stderr
    path = Path(result.stdout.split("Backed up to ", 1)[1].strip())
    assert path.is_file()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_a_corrupt_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    (tmp_path / "askwhy.sqlite3").write_bytes(b"this is not a database" * 100)
    before = (tmp_path / "askwhy.sqlite3").read_bytes()
    for argv in (["due"], ["backup"], ["export", str(tmp_path / "x.json")]):
        result = run(tmp_path, *argv)
        assert result.code == 1
        assert len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert (tmp_path / "askwhy.sqlite3").read_bytes() == before


# -- fuzzing every argument -------------------------------------------------------------

option_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "yesterday-ish",
            "2026-03-10T10:00",
            "2026-03-10T10:00+05:00",
            "2999-01-01",
            "a@b.example",
            "@",
            "=1+1",
            "مرحبا",
            "🙂",
            "x" * 300,
            "\x00",
            "--no-gui",
            "-",
            "out.json",
            "out.csv",
        ]
    ),
)
options = st.sampled_from(
    [
        "--company",
        "--role",
        "--contact-name",
        "--contact-email",
        "--notified-at",
        "--stage",
        "--channel",
        "--no-gui",
        "--json",
        "--data-dir",
        "--minimized",
        "--bogus",
    ]
)


FUZZ_EXAMPLES = 1000 if LONG else 80


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(["log-rejection", "due", "export", "import", "backup", "zap"]),
    company=st.none() | option_values,
    role=st.none() | option_values,
    pairs=st.lists(st.tuples(options, option_values), max_size=5),
    file=st.sampled_from(["out.json", "out.csv", "out.ics", "out.txt", "", "missing/x.json"]),
)
# Explicit examples always run: one success and one refusal at the least, whatever the seed.
@example(command="log-rejection", company="Acme", role="Analyst", pairs=[], file="")
@example(command="log-rejection", company=" ", role="Analyst", pairs=[], file="")
@example(command="import", company="Acme", role="Analyst", pairs=[], file="out.csv")
def test_fuzzed_arguments_succeed_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory,
    *,
    command: str,
    company: str | None,
    role: str | None,
    pairs: list[tuple[str, str]],
    file: str,
) -> None:
    data_dir = tmp_path_factory.mktemp("fuzz")
    argv = [command]
    # Mostly well-formed commands with a few wild values, so that fuzzing reaches past the
    # parser into validation and the store, where "nothing written" matters.
    if command == "log-rejection":
        argv += ["--no-gui"]
        argv += [] if company is None else ["--company", company]
        argv += [] if role is None else ["--role", role]
    if command in {"export", "import"}:
        argv.append(str(data_dir / file) if file else file)
        if command == "import" and file.endswith((".json", ".csv")):
            (data_dir / file).parent.mkdir(exist_ok=True)
            (data_dir / file).write_text(f"Company,Role\n{company},{role}\n")
    for option, value in pairs:
        if option == "--data-dir":
            continue  # always our temporary dir
        argv += [option] if option in {"--no-gui", "--json", "--minimized"} else [option, value]
    result = run(data_dir / "data", *argv)
    assert result.code in (0, 1, 2), result
    if result.code:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    if result.code == 2:
        # Validation comes first, so a refused command leaves no record behind.
        assert not [line for line in dump(data_dir / "data") if 'INTO "applications"' in line]
    _FUZZ_OUTCOMES[result.code] = _FUZZ_OUTCOMES.get(result.code, 0) + 1


_FUZZ_OUTCOMES: dict[int, int] = {}


def test_fuzzing_reached_every_outcome() -> None:
    # Runs after the fuzz test (same module, file order): a generator that only ever
    # produced usage errors would prove nothing about the store.
    if not _FUZZ_OUTCOMES:
        pytest.skip("the fuzz test did not run in this session")
    print(f"CLI fuzz outcomes by exit code: {dict(sorted(_FUZZ_OUTCOMES.items()))}")
    assert _FUZZ_OUTCOMES.get(0, 0) > 0
    assert _FUZZ_OUTCOMES.get(2, 0) > 0


# -- real processes ----------------------------------------------------------------------


def askwhy(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "ASKWHY_DATA_DIR": str(data_dir), "TZ": "Europe/Berlin"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    # `askwhy due | head -1` where head has already gone: every write meets a closed pipe.
    logged = askwhy(tmp_path, "log-rejection", "--no-gui", "--company", "Acme", "--role", "Analyst")
    assert logged.returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "due"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "ASKWHY_DATA_DIR": str(tmp_path)},
            cwd=REPO,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == cli.EXIT_READER_GONE


def test_done_means_scenario_in_real_processes(tmp_path: Path) -> None:
    notified = (datetime.now(UTC) - timedelta(hours=1)).replace(microsecond=0)
    logged = askwhy(
        tmp_path,
        "log-rejection",
        "--company",
        "Acme",
        "--role",
        "Data Analyst",
        "--contact-name",
        "Dana Reyes",
        "--contact-email",
        "dana@acme.example",
        "--notified-at",
        notified.isoformat(),
        "--no-gui",
    )
    assert logged.returncode == 0, logged.stderr
    due = askwhy(tmp_path, "due", "--json")
    assert due.returncode == 0, due.stderr
    (item,) = json.loads(due.stdout)
    assert item["company"] == "Acme"
    assert datetime.fromisoformat(item["window_closes_at"]) - notified == timedelta(hours=48)

    # The JSON export, imported into an empty data dir by another process, lists the same.
    export_path = tmp_path / "exports" / "all.json"
    export_path.parent.mkdir(mode=0o700)
    assert askwhy(tmp_path, "export", str(export_path)).returncode == 0
    restored = tmp_path / "restored"
    imported = askwhy(restored, "import", str(export_path))
    assert imported.returncode == 0, imported.stderr
    assert askwhy(restored, "due", "--json").stdout == due.stdout

    before = dump(tmp_path)
    for argv in (
        [
            "log-rejection",
            "--company",
            "Acme",
            "--role",
            "Data Analyst",
            "--notified-at",
            "yesterday-ish",
            "--no-gui",
        ],
        ["log-rejection", "--company", "", "--role", "Data Analyst", "--no-gui"],
        ["import", str(tmp_path / "missing.csv")],
        ["export", "out.pdf"],
    ):
        bad = askwhy(tmp_path, *argv)
        assert bad.returncode == 2, (argv, bad.stderr)
        assert len(bad.stderr.splitlines()) == 1, bad.stderr
        assert "Traceback" not in bad.stderr
    assert dump(tmp_path) == before


def test_doctor_reports_a_healthy_install(tmp_path: Path) -> None:
    # A real process: doctor asks Qt about the tray, which wants a fresh QApplication.
    askwhy(tmp_path, "backup")
    result = askwhy(tmp_path, "doctor")
    labels = (
        "AskWhy:",
        "Platform:",
        "Python:",
        "Qt:",
        "Resources:",
        "Data dir:",
        "Database:",
        "Schema revision:",
        "Integrity check:",
        "Latest backup:",
        "Notifications:",
        "System tray:",
        "Start at login:",
    )
    for label in labels:
        assert label in result.stdout, label
    assert "Integrity check: ok" in " ".join(result.stdout.split())
    assert "(up to date)" in result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_doctor_reports_a_corrupt_database_and_what_to_do(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    database = tmp_path / "askwhy.sqlite3"
    database.write_bytes(b"SQLite format 3\x00" + b"garbage" * 1000)
    before = database.read_bytes()
    result = askwhy(tmp_path, "doctor")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "PROBLEM" in result.stdout
    assert "What to do:" in result.stdout
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before


def test_every_command_of_the_parser_has_a_module_that_runs_it() -> None:
    (commands,) = (
        action
        for action in cli.build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert set(commands.choices) == set(cli.COMMANDS)
    for module in cli.COMMANDS.values():
        assert callable(cli.load(module).run), module


def test_version_in_a_real_process(tmp_path: Path) -> None:
    result = askwhy(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"askwhy {__version__}"
    assert not (tmp_path / "askwhy.sqlite3").exists()


# What each command must not import: a command loads its own module only (cli.COMMANDS),
# so --help pays for no store, and due for no Qt, Alembic, spreadsheet, calendar or mail code.
_NEVER_FOR_DUE = ("PySide6", "alembic", "openpyxl", "icalendar", "imapclient", "keyring")


@pytest.mark.parametrize(
    ("argv", "never"),
    [
        (["--help"], ("sqlalchemy", "desktop.core.email_parsing", *_NEVER_FOR_DUE)),
        (["--version"], ("sqlalchemy", "desktop.core.email_parsing", *_NEVER_FOR_DUE)),
        (["due", "--json"], _NEVER_FOR_DUE),
        (["read-email", "-"], ("sqlalchemy", *_NEVER_FOR_DUE)),
    ],
)
def test_a_command_imports_only_what_it_needs(
    tmp_path: Path, argv: list[str], never: tuple[str, ...]
) -> None:
    askwhy(tmp_path, "export", str(tmp_path / "made.json"))  # the data dir exists, migrated
    code = (
        "import sys\n"
        "from desktop.app import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(tmp_path), *argv],
        input="From: Dana <dana@acme.example>\nSubject: Your application\n\nSorry.\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    modules = result.stderr.rpartition("MODULES ")[2].split()
    assert "desktop.cli" in modules, result.stderr
    loaded = [name for name in never if name in modules]
    assert not loaded, f"{argv} imported {loaded}"
