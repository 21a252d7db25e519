"""The command line: argument parsing, and each command run from a module of its own.

DESIGN.md's "Command line" section is a public contract that scripts and tests rely on, so
the parser below follows it exactly. Two promises shape this module:

- Bad usage or bad input exits 2 with ONE line on stderr and writes nothing. Argparse's own
  error path prints a multi-line usage dump, so `_Parser.error` raises instead, and every
  command validates its whole input before it opens the database.
- Starting is fast. This module imports no Qt and no store: each command lives in a module
  of its own (`COMMANDS`), with ordinary imports at its top, and `load` imports that one
  module when the command runs. So `askwhy --help` never loads SQLAlchemy, and `askwhy due`
  no Qt, Alembic, spreadsheet or IMAP code.

`args.command is None` means the GUI, and `log-rejection` without `--no-gui` is first offered
to a running instance; both are `desktop.app`'s business, which reuses `parse_args`,
`log_rejection_input`, `record_rejection` and `describe_logged` from here.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from io import StringIO, TextIOWrapper
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TextIO, TypeVar

from desktop import __version__
from desktop.core import validation
from desktop.core.errors import InvalidInput, UserFacingError

# Re-exported: every command module says `cli.EXIT_USAGE`. Their home is core, where the
# window's start reads them without this parser.
from desktop.core.exit_codes import EXIT_BROKEN as EXIT_BROKEN
from desktop.core.exit_codes import EXIT_OK as EXIT_OK
from desktop.core.exit_codes import EXIT_READER_GONE as EXIT_READER_GONE
from desktop.core.exit_codes import EXIT_USAGE as EXIT_USAGE
from desktop.core.exit_codes import PROG as PROG
from desktop.core.handover import LoggedSummary
from desktop.core.model import Channel, LoggedRejection, RejectionInput, Stage
from desktop.core.stages import OPEN_STAGES
from desktop.core.timefmt import format_local
from desktop.core.validation import printable
from desktop.core.zones import system_zone

if TYPE_CHECKING:
    from desktop.core.email_parsing import ParsedEmail

log = logging.getLogger(__name__)
_V = TypeVar("_V")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

EXPORT_SUFFIXES = (".json", ".csv", ".ics")
IMPORT_SUFFIXES = (".json", ".csv", ".xlsx")

# The stages a rejection can come from: the open ones, in pipeline order.
REJECTION_STAGES = tuple(stage for stage in Stage if stage in OPEN_STAGES)


class UsageError(InvalidInput):
    """The command line itself is wrong. `str(error)` is one line for stderr."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of printing the usage and exiting.

    Subparsers are created with the parent's class, so every level raises the same way.
    """

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{one_line(message)} (see '{self.prog} --help')")


# -- parsing ---------------------------------------------------------------------------


def _suffix_path(allowed: tuple[str, ...], verb: str) -> Callable[[str], Path]:
    def convert(text: str) -> Path:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"the file to {verb} must not be empty")
        path = Path(text).expanduser()
        if path.suffix.lower() not in allowed:
            names = ", ".join(allowed)
            raise argparse.ArgumentTypeError(
                f"cannot {verb} '{text}': the file name must end in one of {names}"
            )
        return path

    # argparse names the type function in "invalid <name> value" messages.
    convert.__name__ = f"{verb} file"
    return convert


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-01") from None


_iso_date.__name__ = "date"


def _file_path(verb: str) -> Callable[[str], Path]:
    def convert(text: str) -> Path:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"the file to {verb} must not be empty")
        return Path(text).expanduser()

    convert.__name__ = "file"
    return convert


def _request_number(text: str) -> int:
    # SQLite's integer range: a larger number is a typo, and would overflow the query.
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 2**63:
        raise argparse.ArgumentTypeError(f"'{one_line(text)[:40]}' is not a request number")
    return int(text)


def _text(text: str) -> str:
    # Bytes that are not UTF-8 reach Python as lone surrogates (surrogateescape); no
    # database, file or window can hold them, so they are refused here, before anything runs.
    if any("\udc80" <= char <= "\udcff" for char in text):
        raise argparse.ArgumentTypeError("is not valid UTF-8 text (check the terminal's encoding)")
    return text


_text.__name__ = "text"


def _email_source(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("give a file, or - for standard input")
    return text


_email_source.__name__ = "email file"


def _data_dir(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the data dir must not be empty")
    return text


def _choice(enum_values: Sequence[str], what: str) -> Callable[[str], str]:
    def convert(text: str) -> str:
        value = text.strip().lower().replace("-", "_").replace(" ", "_")
        if value not in enum_values:
            raise argparse.ArgumentTypeError(
                f"unknown {what} '{text}'; choose one of {', '.join(enum_values)}"
            )
        return value

    convert.__name__ = what
    return convert


def build_parser() -> argparse.ArgumentParser:
    # No abbreviated options: scripts that relied on `--comp` would break the day another
    # option starting with those letters is added.
    parser = _Parser(
        prog=PROG,
        allow_abbrev=False,
        description="Track job applications, and ask why you were not selected.",
        epilog="Without a command, AskWhy opens its window.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_data_dir,
        default=None,
        help="where the database and backups live (default: $ASKWHY_DATA_DIR, "
        "then the platform's user data dir)",
    )
    parser.add_argument(
        "--minimized", action="store_true", help="start in the system tray, without a window"
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    log_rejection = commands.add_parser(
        "log-rejection",
        allow_abbrev=False,
        help="log a rejection and start its feedback request",
        description="Log a rejection. Unless --no-gui is given, the running AskWhy (or a "
        "new window) opens the prefilled feedback request.",
    )
    log_rejection.add_argument(
        "--company",
        type=_text,
        help="the company that said no (required, unless --from-email tells it)",
    )
    log_rejection.add_argument(
        "--role",
        type=_text,
        help="the role you applied for (required, unless --from-email tells it)",
    )
    log_rejection.add_argument(
        "--from-email",
        type=_email_source,
        default=None,
        metavar="FILE|-",
        help="read the sender, company, role and date from the rejection email (an .eml "
        "file, or - for standard input); the other options override what it reads",
    )
    log_rejection.add_argument("--contact-name", type=_text, default=None, metavar="NAME")
    log_rejection.add_argument("--contact-email", type=_text, default=None, metavar="EMAIL")
    log_rejection.add_argument(
        "--notified-at",
        type=_text,
        default=None,
        metavar="ISO-8601",
        help="when you were told, e.g. 2026-03-01T09:30 (local time) or with an offset; "
        "default: now",
    )
    log_rejection.add_argument(
        "--stage",
        type=_choice([s.value for s in REJECTION_STAGES], "stage"),
        default=None,
        help="the stage you had reached (default: the application's current stage)",
    )
    log_rejection.add_argument(
        "--channel",
        type=_choice([c.value for c in Channel], "channel"),
        default=Channel.EMAIL.value,
        help="how the rejection reached you (default: email)",
    )
    log_rejection.add_argument(
        "--no-gui",
        action="store_true",
        help="only record it, and print when the follow-up window closes",
    )

    due = commands.add_parser(
        "due", allow_abbrev=False, help="list upcoming deadlines and reminders"
    )
    due.add_argument("--json", action="store_true", help="print a JSON list for scripts")

    draft = commands.add_parser(
        "draft",
        allow_abbrev=False,
        help="print an open follow-up request ready to send, or save it as a draft",
        description="Print the newest open request that matches: the subject, a blank "
        "line, the body, as the editor's Copy both gives it. Fields left unfilled are "
        "warned about on stderr.",
    )
    which = draft.add_mutually_exclusive_group()
    which.add_argument("--request", type=_request_number, metavar="N", help="request #N")
    which.add_argument("--company", metavar="C", help="the newest open request for company C")
    draft.add_argument("--role", metavar="R", help="with --company: only role R")
    output = draft.add_mutually_exclusive_group()
    output.add_argument(
        "--eml",
        metavar="FILE",
        type=_file_path("save the draft to"),
        help="save it as an unsent email draft that mail apps open",
    )
    output.add_argument("--mailto", action="store_true", help="print its mailto: link")
    output.add_argument(
        "--json",
        action="store_true",
        help="print {request_id, company, role, to, subject, body} for scripts",
    )

    export = commands.add_parser(
        "export", allow_abbrev=False, help="export to JSON (everything), CSV or ICS"
    )
    export.add_argument(
        "file",
        metavar="FILE",
        type=_suffix_path(EXPORT_SUFFIXES, "export"),
        help=".json, .csv or .ics",
    )

    import_ = commands.add_parser(
        "import",
        allow_abbrev=False,
        help="import a JSON export, or a table from another tracker or a spreadsheet",
        description="A JSON export restores everything into an empty data dir (use "
        "--data-dir for a new one). A table (.csv or .xlsx: AskWhy's own, Huntr's, "
        "JobSync's, or a sheet with headers like Company, Role, Date Applied, Status) adds "
        "its applications, skipping those already there. A bad file, or a row that cannot "
        "be read, refuses the whole import; --dry-run shows every row's fate first.",
    )
    import_.add_argument(
        "file",
        metavar="FILE",
        type=_suffix_path(IMPORT_SUFFIXES, "import"),
        help=".json, .csv or .xlsx",
    )
    import_.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be imported (format, columns, duplicates, refused rows) and "
        "write nothing",
    )
    import_.add_argument(
        "--map",
        action="append",
        metavar="COLUMN=FIELD",
        help="say what a column is (e.g. 'Firma=company'; fields: company, role, stage, "
        "applied_at, url, location, salary, notes, contact, email, source, ignore), or what "
        "a status word means (e.g. 'Expired=withdrawn'); repeat for more",
    )
    import_.add_argument(
        "--sheet", metavar="NAME", default=None, help="the .xlsx sheet to read (default: the first)"
    )
    import_.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        default=None,
        help="how to read a date like 03/04/2025 when the file's other dates do not tell",
    )

    report = commands.add_parser(
        "report",
        allow_abbrev=False,
        help="write a proof of applications for a period (PDF or CSV)",
        description="Every application active between the two dates (inclusive), with "
        "company, role, applied date, source, URL, contact, each stage change with its "
        "date, and the outcome; your name from the profile; page numbers in the PDF.",
    )
    report.add_argument(
        "--from", dest="from_date", required=True, type=_iso_date, metavar="DATE",
        help="the first day, like 2026-01-01",
    )  # fmt: skip
    report.add_argument(
        "--to", dest="to_date", required=True, type=_iso_date, metavar="DATE",
        help="the last day, like 2026-03-31",
    )  # fmt: skip
    report.add_argument(
        "file", metavar="FILE", type=_suffix_path((".pdf", ".csv"), "report"), help=".pdf or .csv"
    )

    read_email = commands.add_parser(
        "read-email",
        allow_abbrev=False,
        help="show what AskWhy reads in one email, and why",
        description="Read one email (an .eml file, or - for standard input) as a drop or "
        "log-rejection --from-email would: its kind (rejection, interview, offer, received, "
        "other) with the reasons, the company, the role, the sender and the date. Nothing "
        "is written.",
    )
    read_email.add_argument("source", metavar="FILE|-", type=_email_source)
    read_email.add_argument("--json", action="store_true", help="print a JSON object")

    _add_mail_parser(commands)
    commands.add_parser("backup", allow_abbrev=False, help="make a backup of the database now")
    restore = commands.add_parser(
        "restore",
        allow_abbrev=False,
        help="put a backup back (the current data is kept beside it, renamed)",
        description="List the backups, or put one back. A damaged backup is refused and "
        "nothing changes. While AskWhy's window is open, restore from its File menu.",
    )
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--list",
        action="store_true",
        help="the backups, newest first: when, size, applications, whether it passes its check",
    )
    which.add_argument(
        "--latest", action="store_true", help="restore the newest backup that passes its check"
    )
    which.add_argument("file", metavar="FILE", nargs="?", default=None, help="a backup to restore")
    restore.add_argument("--json", action="store_true", help="with --list: JSON for scripts")
    commands.add_parser(
        "doctor", allow_abbrev=False, help="check the installation and the data, for bug reports"
    )
    return parser


def _add_mail_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    mail = commands.add_parser(
        "mail",
        allow_abbrev=False,
        help="read rejections from your mail (maildir, mbox, IMAP)",
        description="Mail sources AskWhy reads for rejections: only mail that arrives after "
        "a source is added, each message once. IMAP passwords are kept in the system keyring.",
    )
    actions = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        allow_abbrev=False,
        help="add maildir:PATH, mbox:PATH or imaps://USER@HOST[:PORT][/FOLDER]",
    )
    add.add_argument("source", metavar="SOURCE", type=_text)
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the IMAP password from the first line of standard input",
    )
    add.add_argument(
        "--look-back",
        metavar="DAYS",
        type=_look_back_days,
        help="also read the mail of the last DAYS days (1-365) at the first check",
    )
    add.add_argument(
        "--ca-file",
        metavar="FILE",
        type=_file_path("trust"),
        help="trust this CA certificate (PEM) for a self-hosted IMAP server",
    )
    listing = actions.add_parser("list", allow_abbrev=False, help="list the mail sources")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    remove = actions.add_parser(
        "remove", allow_abbrev=False, help="remove a source (and its keyring entry)"
    )
    remove.add_argument("id", metavar="ID", type=_source_number)
    check = actions.add_parser(
        "check", allow_abbrev=False, help="read new mail once and print the rejections found"
    )
    check.add_argument(
        "--json",
        action="store_true",
        help="print a list of {company, role, contact_email, received_at, source}",
    )


def _look_back_days(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= 365:
        raise argparse.ArgumentTypeError(f"'{one_line(text)[:40]}' is not a number of days (1-365)")
    return int(text)


def _source_number(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 2**63:
        raise argparse.ArgumentTypeError(f"'{one_line(text)[:40]}' is not a mail source number")
    return int(text)


def parse_args(
    argv: Sequence[str] | None = None, *, stderr: TextIO | None = None
) -> argparse.Namespace:
    """Parse the command line, or print one line to stderr and exit 2.

    `--help` and `--version` print to stdout and exit 0, as argparse does.
    """
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        if args.command == "log-rejection" and args.from_email is None:
            missing = [f"--{name}" for name in ("company", "role") if getattr(args, name) is None]
            if missing:
                raise UsageError(
                    f"log-rejection needs {' and '.join(missing)}, or --from-email FILE "
                    f"(see '{PROG} log-rejection --help')"
                )
        return args
    except UsageError as error:
        print(f"{PROG}: {error}", file=stderr or sys.stderr)
        raise SystemExit(EXIT_USAGE) from None


# -- validation --------------------------------------------------------------------------


def one_line(text: str) -> str:
    """Text for one terminal line: stored text may hold anything, even escape codes."""
    return printable(text)


def _checked(option: str, check: Callable[[str], _V], value: str) -> _V:
    """`check(value)`, its refusal naming the option: the store applies the same rule again,
    but checking here refuses bad input before the database is even opened."""
    try:
        return check(value)
    except InvalidInput as error:
        raise InvalidInput(f"{option}: {one_line(str(error))}") from None


def log_rejection_input(
    args: argparse.Namespace, now: datetime, tz: tzinfo, *, stdin: BinaryIO | None = None
) -> RejectionInput:
    """Turn `log-rejection`'s options into a validated RejectionInput, or raise InvalidInput.

    `now` is UTC; `tz` interprets a `--notified-at` without an offset, or an email's date
    without a zone. With `--from-email`, the email is read here, in this process, and what
    it tells fills the options not given. Shared with `desktop.app`, which hands the same
    input to a running instance.
    """

    company, role = args.company, args.role
    contact_name, contact_email = args.contact_name, args.contact_email
    received_at: datetime | None = None
    if args.from_email is not None:
        read_email = load("read_email")
        parsed: ParsedEmail = read_email.read_source(
            args.from_email, tz, stdin, applied_to=read_email.applied_to(args)
        )
        company = parsed.company if company is None else company
        role = parsed.role if role is None else role
        unknown = [name for name, value in (("company", company), ("role", role)) if not value]
        if unknown:
            raise InvalidInput(
                f"could not tell the {' and the '.join(unknown)} from the email: give "
                + " and ".join(f"--{name}" for name in unknown)
            )
        if contact_name is None:
            contact_name = parsed.sender_name
        if contact_email is None and not parsed.no_reply:
            contact_email = _read_address(parsed.sender_email)
        if parsed.received_at is not None:
            received_at = min(parsed.received_at, now)  # a sender's clock may run ahead
    company = _checked("--company", validation.COMPANY.clean, company or "")
    role = _checked("--role", validation.ROLE.clean, role or "")
    contact_name = _checked("--contact-name", validation.PERSON_NAME.clean, contact_name or "")
    contact_email = _checked("--contact-email", validation.clean_email, contact_email or "")
    if args.notified_at is None:
        notified_at = received_at or now
    else:

        def parse(text: str) -> datetime:
            return validation.parse_moment(text, "The rejection date", tz=tz, now=now)

        notified_at = _checked("--notified-at", parse, args.notified_at)
    return RejectionInput(
        company=company,
        role=role,
        notified_at=notified_at,
        stage_reached=Stage(args.stage) if args.stage else None,
        channel=Channel(args.channel or Channel.EMAIL.value),
        contact_name=contact_name,
        contact_email=contact_email,
    )


def _read_address(address: str) -> str:
    """The sender's address as the contact's, or "" when it would not pass as one: the
    contact is optional, and a stranger's odd address must not block the rejection."""
    try:
        return validation.clean_email(address)
    except InvalidInput:
        return ""


# -- running -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Io:
    stdout: TextIO
    stderr: TextIO
    now: datetime
    tz: tzinfo


def local_tz() -> tzinfo:
    """The machine's time zone, found without importing Qt (the CLI must stay fast)."""
    return system_zone()


# Each command's module in this package: it imports what its command needs at its top, and
# `run_command` imports it only when that command runs.
COMMANDS = {
    "log-rejection": "log_rejection",
    "due": "due",
    "draft": "draft",
    "export": "export",
    "import": "import_file",
    "report": "report",
    "read-email": "read_email",
    "mail": "mail",
    "backup": "backup",
    "restore": "restore",
    "doctor": "doctor",
}


def load(module: str) -> ModuleType:
    """`desktop.cli.<module>`, imported now. Command modules are imported only here, so
    that a command pays only for the libraries it uses (the store, Qt, IMAP, ...)."""
    return importlib.import_module(f"{__name__}.{module}")


def run_command(
    args: argparse.Namespace,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run a non-GUI command and return its exit code; known errors become one line.

    `log-rejection` without `--no-gui` runs like `--no-gui` here: handing it to a window is
    `desktop.app`'s job, before it gets this far.
    """
    io = Io(
        stdout=_tolerant(stdout or sys.stdout),
        stderr=_tolerant(stderr or sys.stderr),  # see _tolerant: may be None (pythonw)
        now=(now or datetime.now(UTC)).astimezone(UTC),
        tz=tz or local_tz(),
    )
    module = COMMANDS.get(args.command or "")
    if module is None:
        print(f"{PROG}: no command given (see '{PROG} --help')", file=io.stderr)
        return EXIT_USAGE
    try:
        code: int = load(module).run(args, io)
        # Flushed here so that a reader that went away shows up in this handler, not as a
        # traceback from the interpreter's own flush at exit.
        io.stdout.flush()
        return code
    except BrokenPipeError:
        _discard_further_output(io.stdout)
        return EXIT_READER_GONE
    except (UserFacingError, OSError) as error:
        return report_error(error, io.stderr)
    except KeyboardInterrupt:
        # Every write is one transaction, so an interrupted command left nothing half-done.
        print(f"{PROG}: interrupted; nothing was left half-written", file=io.stderr)
        return 130


def report_error(error: UserFacingError | OSError, stderr: TextIO) -> int:
    """One line on stderr for a known failure, and its exit code.

    Bad input is the user's to fix (2); a StoreError (corrupt, locked or too new a
    database, an unusable dir) or a file error is the machine's (1).
    """
    if isinstance(error, OSError):
        print(f"{PROG}: {_os_error_text(error)}", file=stderr)
        return EXIT_BROKEN
    print(f"{PROG}: {one_line(str(error))}", file=stderr)
    return EXIT_USAGE if isinstance(error, InvalidInput) else EXIT_BROKEN


def _discard_further_output(stream: TextIO) -> None:
    # Python flushes stdout once more at exit; with the pipe gone that flush would raise
    # again, outside any handler. Pointing the descriptor at the null device lets it end
    # quietly, as `head` users expect (nothing was written: every write is a transaction).
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # a StringIO has no descriptor, and nothing to flush
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def _tolerant(stream: TextIO | None) -> TextIO:
    # A GUI-script entry point on Windows (pythonw) has no console: sys.stdout is None.
    if stream is None:
        return StringIO()
    # A console that cannot show a character (a Windows code page, LANG=C) gets a stand-in
    # instead of a UnicodeEncodeError halfway through a table.
    if isinstance(stream, TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


def speaks_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding in {"utf8", "utf8sig"}


def print_json(document: object, stdout: TextIO) -> None:
    """Print a command's JSON so that no stored or received text can drive the terminal.

    `\\u` escapes keep the JSON exact where the console cannot show the characters. json
    escapes C0 controls but passes C1 ones (CSI is U+009B) and direction overrides through,
    which a terminal would act on: they are escaped too. They can only sit inside strings,
    so the JSON means the same.
    """
    text = json.dumps(document, ensure_ascii=not speaks_utf8(stdout), indent=2)
    stdout.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n")


def _os_error_text(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return one_line(f"{error.strerror or error}{where}")


def record_rejection(
    args: argparse.Namespace, rejection: RejectionInput, now: datetime, tz: tzinfo
) -> LoggedRejection:
    """`desktop.cli.log_rejection.record_rejection`, for the GUI launch that finds no
    AskWhy running to hand its rejection to."""
    logged: LoggedRejection = load("log_rejection").record_rejection(args, rejection, now, tz)
    return logged


def describe_logged(logged: LoggedSummary, tz: tzinfo) -> str:
    """The line `log-rejection` prints, whichever process logged the rejection."""
    closes = logged.window_closes_at
    zone = closes.astimezone(tz).strftime("%Z")
    created = " (new application)" if logged.application_created else ""
    return (
        f"Logged the rejection from {one_line(logged.company)}, "
        f"{one_line(logged.role)}{created}. Ask why before the window closes: "
        f"{format_local(closes, tz)} {zone} (request #{logged.request_id})."
    )


def check_target(path: Path, verb: str) -> None:
    """Refuse, before anything is opened, a file that `verb` ("export to") can't write."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InvalidInput(f"cannot {verb} {path}: the folder {parent} does not exist")
    if path.is_dir():
        raise InvalidInput(f"cannot {verb} {path}: it is a folder")
