"""Privacy after real use: private files and dirs, quiet logs, a warning for exposed exports.

The CLI runs as a child with a permissive umask (022, and 000 as the worst case): SQLite and
`VACUUM INTO` create files with the umask's mode, so only the app's own care keeps them 0600.
"""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.support import (
    DRIVER,
    Lines,
    askwhy_argv,
    db_path,
    describe,
    mode,
    run_askwhy,
    started,
    wait_until,
)

EMAIL = "casey.private@example.org"
BODY_MARKER = "Zanzibar-quokka-7731 is a phrase only this template body contains"


def _use(env: dict[str, str], data_dir: Path, exports: Path, umask: int) -> None:
    steps = [
        [
            "log-rejection",
            "--company",
            "Private Co",
            "--role",
            "Writer",
            "--contact-name",
            "Casey",
            "--contact-email",
            EMAIL,
            "--no-gui",
        ],
        ["backup"],
        ["export", str(exports / "all.json")],
        ["export", str(exports / "table.csv")],
        ["export", str(exports / "deadlines.ics")],
        ["log-rejection", "--company", "Second Co", "--role", "Writer", "--no-gui"],
        ["backup"],
    ]
    for step in steps:
        result = run_askwhy(env, data_dir, *step, umask=umask)
        assert result.returncode == 0, describe(result)


def _assert_private_tree(data_dir: Path) -> None:
    assert mode(data_dir) == 0o700, oct(mode(data_dir))
    assert mode(db_path(data_dir)) == 0o600
    backups = [p for p in data_dir.rglob("*.sqlite3") if p != db_path(data_dir)]
    assert len(backups) >= 2, "the two `askwhy backup` runs made no backup files"
    for path in [data_dir, *data_dir.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, f"{path} is {oct(mode(path))}, expected {oct(expected)}"


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_database_backups_and_exports_are_private(
    umask: int, env: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir(mode=0o700)
    exports.chmod(0o700)
    _use(env, data_dir, exports, umask)
    _assert_private_tree(data_dir)
    for export in exports.iterdir():
        assert mode(export) == 0o600, f"{export.name} is {oct(mode(export))}"


def test_wal_and_shm_are_private_while_a_writer_runs(env: dict[str, str], data_dir: Path) -> None:
    created = run_askwhy(env, data_dir, "due", umask=0)
    assert created.returncode == 0, describe(created)
    argv = [
        "sh",
        "-c",
        'umask 000; exec "$@"',
        "sh",
        sys.executable,
        str(DRIVER),
        "store",
        str(data_dir),
        "wal",
    ]
    with started(argv, env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as writer:
        lines = Lines(writer)
        lines.wait_for("READY", timeout=60)
        wait_until(
            lambda: sum(line.startswith("DONE") for line in lines.snapshot()) >= 3,
            timeout=60,
            what="three committed writes",
        )
        db = db_path(data_dir)
        for suffix in ("-wal", "-shm"):
            side = db.with_name(db.name + suffix)
            assert side.exists(), f"{side.name} missing while a writer is connected"
            assert mode(side) == 0o600, f"{side.name} is {oct(mode(side))}"
        assert mode(db) == 0o600


def test_export_to_a_world_readable_folder_warns(
    env: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    private = tmp_path / "private"
    private.mkdir()
    private.chmod(0o700)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    quiet = run_askwhy(env, data_dir, "export", str(private / "out.json"))
    assert quiet.returncode == 0, describe(quiet)
    assert "warning" not in quiet.stderr.lower(), describe(quiet)
    loud = run_askwhy(env, data_dir, "export", str(shared / "out.json"))
    assert loud.returncode == 0, describe(loud)
    assert "warning" in loud.stderr.lower(), describe(loud)
    assert str(shared) in loud.stderr, describe(loud)
    assert not mode(shared / "out.json") & (stat.S_IRWXG | stat.S_IRWXO)


def test_debug_logs_hold_no_email_address_or_template_body(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """Every store and CLI path a rejection takes, at DEBUG, in this process."""
    from datetime import UTC, datetime, timedelta  # noqa: PLC0415

    from desktop import cli  # noqa: PLC0415
    from desktop.core.model import RejectionInput, RequestKind  # noqa: PLC0415
    from desktop.core.templates import DEFAULT_TEMPLATES  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    caplog.set_level(logging.DEBUG)
    data_dir = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    sink = tmp_path / "stdout.txt"
    with sink.open("w") as stdout, (tmp_path / "stderr.txt").open("w") as stderr:
        for argv in (
            [
                "--data-dir",
                str(data_dir),
                "log-rejection",
                "--company",
                "Log Co",
                "--role",
                "R",
                "--contact-name",
                "Casey",
                "--contact-email",
                EMAIL,
                "--no-gui",
            ],
            ["--data-dir", str(data_dir), "due", "--json"],
            ["--data-dir", str(data_dir), "export", str(out / "all.json")],
            ["--data-dir", str(data_dir), "export", str(out / "all.csv")],
            ["--data-dir", str(data_dir), "backup"],
        ):
            code = cli.run_command(cli.parse_args(argv), stdout=stdout, stderr=stderr)
            assert code == 0, (argv, (tmp_path / "stderr.txt").read_text())
    now = datetime.now(UTC)
    with open_database(data_dir) as database:
        store = Store(database)
        logged = store.log_rejection(
            RejectionInput(
                company="Second Log Co",
                role="R",
                notified_at=now,
                contact_name="Casey",
                contact_email=EMAIL,
            ),
            now=now,
        )
        store.save_request_text(logged.request.id, "Subject", BODY_MARKER, None)
        store.mark_sent(logged.request.id, sent_at=now + timedelta(minutes=5))
        for kind in RequestKind:
            next(t for t in store.templates(kind) if t.is_default)
    empty = tmp_path / "empty"
    with sink.open("a") as stdout, (tmp_path / "stderr.txt").open("a") as stderr:
        code = cli.run_command(
            cli.parse_args(["--data-dir", str(empty), "import", str(out / "all.json")]),
            stdout=stdout,
            stderr=stderr,
        )
        assert code == 0, (tmp_path / "stderr.txt").read_text()
    assert caplog.records, "nothing was logged at DEBUG: the check below would prove nothing"
    logged_text = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert EMAIL not in logged_text
    assert BODY_MARKER not in logged_text
    for _name, _subject, body in DEFAULT_TEMPLATES.values():
        for line in body.splitlines():
            if len(line.strip()) >= 25:
                assert line.strip() not in logged_text, f"template text logged: {line!r}"


def test_real_processes_at_debug_log_no_email_or_template_body(
    env: dict[str, str], data_dir: Path
) -> None:
    """The GUI and a hand-over, both with ASKWHY_LOG=debug: the editor renders the default
    template with the contact's address, and none of it reaches the log."""
    from desktop.core.templates import DEFAULT_TEMPLATES  # noqa: PLC0415

    debug = {**env, "ASKWHY_LOG": "debug"}
    with started(
        askwhy_argv("--data-dir", str(data_dir)),
        debug,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as app:
        log = Lines(app, stderr=True)
        wait_until(
            lambda: any(" is running" in line for line in log.snapshot()) or app.poll() is not None,
            timeout=60,
            what="the app to start",
        )
        assert app.poll() is None, "\n".join(log.snapshot())
        handed = run_askwhy(
            debug,
            data_dir,
            "log-rejection",
            "--company",
            "Debug Log Co",
            "--role",
            "Writer",
            "--contact-name",
            "Casey",
            "--contact-email",
            EMAIL,
        )
        assert handed.returncode == 0, describe(handed)
        wait_until(
            lambda: any("opening request" in line for line in log.snapshot()),
            timeout=30,
            what="the running app to open the request",
        )
        app.terminate()  # a clean quit: whatever is logged on the way out counts too
        app.wait(timeout=30)
        text = "\n".join(log.finish()) + "\n" + handed.stderr
    assert "DEBUG" in text, "no debug logging was captured: the checks below prove nothing"
    assert EMAIL not in text
    for _name, _subject, body in DEFAULT_TEMPLATES.values():
        for line in body.splitlines():
            if len(line.strip()) >= 25 and "{{" not in line:
                assert line.strip() not in text, f"template text logged: {line!r}"
