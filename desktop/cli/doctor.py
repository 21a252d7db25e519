"""`askwhy doctor`: what a bug report needs to know about this machine and this data.

Every probe is guarded on its own. Doctor exists to describe a broken machine, so a
failing probe becomes a line of the report rather than a traceback. That is why the
modules that need Qt are imported inside their probes: on a machine where Qt cannot load,
saying so is doctor's job.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.cli import EXIT_BROKEN, EXIT_OK, Io, one_line
from desktop.core.errors import UserFacingError
from desktop.core.mail_sources import SourceKind
from desktop.core.timefmt import format_duration
from desktop.native.autostart import current_autostart
from desktop.native.mail_watch import PasswordKeyring
from desktop.resources import missing_essentials, resources_root
from desktop.store.backups import PARTIAL_PREFIX, Backups
from desktop.store.database import Database, open_database
from desktop.store.errors import DatabaseLocked, DataDirUnusable
from desktop.store.location import resolve_data_dir
from desktop.store.mail import MailStore
from desktop.store.migrate import HEAD_REVISION


@dataclass(slots=True)
class _Report:
    """Doctor's findings. A problem (something broken) makes it exit 1; a warning (works,
    but less well than it could) is reported with advice and still exits 0."""

    lines: list[tuple[str, str]]
    problems: list[str]
    warnings: list[str]

    def add(self, label: str, value: str) -> None:
        self.lines.append((label, value))

    def problem(self, label: str, value: str, advice: str) -> None:
        self.lines.append((label, f"PROBLEM: {value}"))
        self.problems.append(advice)

    def warning(self, label: str, value: str, advice: str) -> None:
        self.lines.append((label, f"{value} (see below)"))
        self.warnings.append(advice)


def run(args: argparse.Namespace, io: Io) -> int:
    report = _Report(lines=[], problems=[], warnings=[])
    report.add("AskWhy", __version__)
    report.add("Platform", f"{platform.platform()} ({platform.machine()})")
    report.add("Python", f"{platform.python_version()} ({sys.executable})")
    report.add("Frozen bundle", "yes" if getattr(sys, "frozen", False) else "no")
    _doctor_qt(report)
    _doctor_resources(report)
    _doctor_data(args, report, io)
    _doctor_native(report)
    width = max(len(label) for label, _ in report.lines)
    for label, value in report.lines:
        print(f"{label + ':':<{width + 1}} {value}", file=io.stdout)
    if report.problems or report.warnings:
        print("", file=io.stdout)
    for advice in report.problems:
        print(f"What to do: {advice}", file=io.stdout)
    for advice in report.warnings:
        print(f"Worth doing: {advice}", file=io.stdout)
    if report.problems:
        return EXIT_BROKEN
    print("" if report.warnings else "\nEverything looks fine.", file=io.stdout)
    return EXIT_OK


def _doctor_qt(report: _Report) -> None:
    try:
        import PySide6.QtCore  # noqa: PLC0415 - the import is the probe
    except ImportError as error:
        report.problem(
            "Qt",
            f"PySide6 cannot be imported ({one_line(str(error))})",
            "reinstall AskWhy; from a checkout run `make run`, which installs what Qt needs",
        )
        return
    report.add("Qt", f"{PySide6.QtCore.qVersion()} (PySide6 {PySide6.__version__})")


def _doctor_resources(report: _Report) -> None:
    missing = missing_essentials()
    if missing:
        report.problem(
            "Resources",
            f"missing in {resources_root()}: {', '.join(missing)}",
            "reinstall AskWhy: without its resources it has no window, tray or About icon",
        )
    else:
        report.add("Resources", str(resources_root()))


def _doctor_data(args: argparse.Namespace, report: _Report, io: Io) -> None:
    data_dir = resolve_data_dir(args.data_dir)
    dir_mode = data_dir.stat().st_mode & 0o777 if data_dir.is_dir() else None
    if os.name == "posix" and dir_mode is not None and dir_mode & 0o077:
        report.warning(
            "Data dir",
            f"{data_dir} (mode {dir_mode:o}: other users can look inside)",
            f"run: chmod 700 {data_dir}",
        )
    else:
        report.add("Data dir", str(data_dir))
    try:
        database = open_database(data_dir)
    except UserFacingError as error:
        if isinstance(error, DataDirUnusable | DatabaseLocked):
            advice = "do what the Database line says; a backup would not help here"
        else:
            advice = (
                "run 'askwhy restore --latest' (or choose in 'askwhy restore --list', or in "
                f"the window's recovery screen), or move the data dir aside ({data_dir}) and "
                "start again; the broken file is never overwritten"
            )
        report.problem("Database", one_line(str(error)), advice)
        _doctor_backups(data_dir, report, io)
        return
    try:
        report.add("Database", str(database.path))
        _doctor_schema(database, report)
        integrity = database.integrity_check()
        if integrity == "ok":
            report.add("Integrity check", "ok")
        else:
            report.problem(
                "Integrity check",
                one_line(integrity)[:200],
                "make a copy of the data dir, then run 'askwhy restore --latest'",
            )
        _doctor_mail(database, report)
        mode = database.path.stat().st_mode & 0o777
        if os.name == "posix" and mode & 0o077:
            report.problem(
                "File mode",
                f"{mode:o} (readable by other users)",
                f"run: chmod 600 {database.path}",
            )
    finally:
        database.close()
    _doctor_backups(data_dir, report, io)


def _doctor_mail(database: Database, report: _Report) -> None:
    """Each mail source and how its last read went; the keyring's name, never its content."""
    sources = MailStore(database).sources()
    if not sources:
        report.add("Mail sources", "none")
        return
    for source in sources:
        state = "not read yet" if source.last_checked_at is None else "ok"
        if source.last_error:
            state = f"failing, retried: {source.last_error[:200]}"
        report.add(f"Mail source #{source.id}", one_line(f"{source.spec.location} ({state})"))
    if any(source.spec.kind is SourceKind.IMAPS for source in sources):
        report.add("Password keyring", PasswordKeyring().describe())


def _doctor_schema(database: Database, report: _Report) -> None:
    revision = database.schema_revision()
    if revision == HEAD_REVISION:
        report.add("Schema revision", f"{revision} (up to date)")
    else:
        report.problem(
            "Schema revision",
            f"{revision}, but this AskWhy expects {HEAD_REVISION}",
            "start AskWhy once so that it upgrades the database (a backup is made first)",
        )


def _doctor_backups(data_dir: Path, report: _Report, io: Io) -> None:
    backups = Backups(data_dir)
    try:
        latest = backups.latest()
        partials = backups.partials()
        partial_bytes = sum(path.lstat().st_size for path in partials)
    except (UserFacingError, OSError) as error:
        report.add("Latest backup", f"cannot list backups ({one_line(str(error))})")
        return
    if latest is None:
        report.add("Latest backup", "none yet (run 'askwhy backup' to make one)")
    else:
        when = latest.created_at.astimezone(io.tz)
        age = format_duration(io.now - latest.created_at)
        report.add("Latest backup", f"{latest.path} ({when:%Y-%m-%d %H:%M}, {age} ago)")
    if partials:
        report.warning(
            "Unfinished backups",
            f"{len(partials)} ({partial_bytes / 2**20:.1f} MB) left by backups that were stopped",
            f"AskWhy removes them at its next start; or delete {backups.directory}"
            f"/{PARTIAL_PREFIX}* while no backup runs",
        )


def _doctor_native(report: _Report) -> None:
    try:
        from desktop.native.notifications import (  # noqa: PLC0415 - needs Qt: see the docstring
            NullNotifier,
            choose_notifier,
            describe_backend,
        )

        notifier = choose_notifier()
        try:
            if isinstance(notifier, NullNotifier):
                report.warning(
                    "Notifications",
                    describe_backend(notifier),
                    "reminders need a notification service: run AskWhy in a desktop session "
                    "(on Linux, any desktop or a notification daemon such as dunst)",
                )
            else:
                report.add("Notifications", describe_backend(notifier))
            report.add(
                "Notification buttons",
                "yes (Open draft, Snooze 1 h, Skip)"
                if notifier.supports_actions
                else "no: the body says to open AskWhy instead",
            )
        finally:
            notifier.close()
    except Exception as error:
        report.add("Notifications", f"cannot tell ({one_line(str(error))[:120]})")
    report.add("System tray", _tray_state())
    report.add("Start at login", _autostart_state())


def _tray_state() -> str:
    try:
        from desktop.native.tray import describe_tray_host  # noqa: PLC0415 - needs Qt

        return describe_tray_host()
    except Exception as error:
        return f"cannot tell ({one_line(str(error))[:120]})"


def _autostart_state() -> str:
    try:
        autostart = current_autostart()
        if not autostart.supported:
            return "not supported on this system"
        state = "on" if autostart.is_enabled() else "off"
        return f"{state} ({autostart.describe()})"
    except Exception as error:
        return f"cannot tell ({one_line(str(error))[:120]})"
