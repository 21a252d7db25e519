"""`askwhy mail add SOURCE | list | remove ID | check [--json]`: the mail AskWhy reads.

`add` records where the source stands now (the IMAP folder's UIDVALIDITY and UIDNEXT, or the
keys of every message a maildir or mbox holds), so that only mail arriving later is read.
An IMAP password is prompted for, or read from standard input with `--password-stdin`, and
kept only in the OS keyring: never in the data folder, a log line or an export.

`check` reads what is new in every source once and prints the rejections it found; each
message is examined once, ever, whatever happens to this process meanwhile.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import timedelta

from desktop.cli import EXIT_BROKEN, EXIT_OK, PROG, Io, one_line, print_json
from desktop.cli.data import open_data
from desktop.core.errors import InvalidInput
from desktop.core.mail_sources import (
    Finding,
    MailSource,
    SourceKind,
    SourceSpec,
    notification_title,
    parse_source,
)
from desktop.core.timefmt import format_local
from desktop.native.mail_setup import (
    MAX_PASSWORD_CHARS,
    check_ca_file,
    prepare_source,
    remove_source,
    save_source,
)
from desktop.native.mail_watch import MailChecker, PasswordKeyring
from desktop.store.mail import MailStore


def run(args: argparse.Namespace, io: Io) -> int:
    actions = {"add": _add, "list": _list, "remove": _remove, "check": _check}
    return actions[args.mail_command](args, io)


def _read_password(args: argparse.Namespace, spec: SourceSpec) -> str:
    if args.password_stdin:
        line = sys.stdin.readline(MAX_PASSWORD_CHARS + 1)
        return line.removesuffix("\n").removesuffix("\r")
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {spec.user} at {spec.host}: ")
    raise InvalidInput("no terminal to ask for the password: give it with --password-stdin")


def _add(args: argparse.Namespace, io: Io) -> int:
    spec = parse_source(args.source)
    passwords = PasswordKeyring()
    ca_file = check_ca_file(spec, "" if args.ca_file is None else str(args.ca_file))
    since = None if args.look_back is None else io.now - timedelta(days=args.look_back)
    password = ""
    if spec.kind is SourceKind.IMAPS:
        passwords.check_available()  # before asking for a password it could not keep
        password = _read_password(args, spec)
    new = prepare_source(spec, password=password, ca_file=ca_file, since=since)
    with open_data(args) as database:
        source = save_source(MailStore(database), passwords, new, now=io.now)
    since_text = "from now on" if since is None else f"since {format_local(since, io.tz)}"
    print(
        f"Added mail source #{source.id}: {one_line(source.spec.location)}. Only mail that "
        f"arrives {since_text} is read.",
        file=io.stdout,
    )
    return EXIT_OK


def _list(args: argparse.Namespace, io: Io) -> int:
    with open_data(args) as database:
        sources = MailStore(database).sources()
    if args.json:
        print_json([_source_json(source, io) for source in sources], io.stdout)
        return EXIT_OK
    if not sources:
        print(f"No mail sources. Add one with '{PROG} mail add SOURCE'.", file=io.stdout)
        return EXIT_OK
    for source in sources:
        checked = format_local(source.last_checked_at, io.tz) if source.last_checked_at else "never"
        status = f"failing: {source.last_error}" if source.last_error else "ok"
        print(
            one_line(f"#{source.id}  {source.spec.location}  (checked {checked}; {status})"),
            file=io.stdout,
        )
    return EXIT_OK


def _source_json(source: MailSource, io: Io) -> dict[str, object]:
    checked = source.last_checked_at
    return {
        "id": source.id,
        "source": source.spec.location,
        "added_at": source.added_at.astimezone(io.tz).isoformat(),
        "last_checked_at": None if checked is None else checked.astimezone(io.tz).isoformat(),
        "error": source.last_error or None,
    }


def _remove(args: argparse.Namespace, io: Io) -> int:
    with open_data(args) as database:
        source = remove_source(MailStore(database), PasswordKeyring(), args.id)
    print(f"Removed mail source #{source.id}: {one_line(source.spec.location)}.", file=io.stdout)
    return EXIT_OK


def _check(args: argparse.Namespace, io: Io) -> int:
    with open_data(args) as database:
        store = MailStore(database)
        checker = MailChecker(store, PasswordKeyring(), now=lambda: io.now, tz=lambda: io.tz)
        result = checker.check_all()
        locations = {source.id: source.spec.location for source in store.sources()}
    for source, reason in result.failed:
        print(
            f"{PROG}: mail source #{source.id} ({one_line(source.spec.location)}): "
            f"{one_line(reason)}",
            file=io.stderr,
        )
    if args.json:
        print_json([_finding_json(finding, locations, io) for finding in result.found], io.stdout)
    elif not result.found:
        print("No new rejections in your mail.", file=io.stdout)
    else:
        for finding in result.found:
            rejection = finding.rejection
            sender = f" (from {rejection.contact_email})" if rejection.contact_email else ""
            print(f"{one_line(notification_title(rejection))}{sender}", file=io.stdout)
    return EXIT_BROKEN if result.failed else EXIT_OK


def _finding_json(finding: Finding, locations: dict[int, str], io: Io) -> dict[str, object]:
    """A `mail check --json` item: a public format, so keys are only ever added."""
    rejection = finding.rejection
    received = rejection.received_at
    return {
        "company": rejection.company,
        "role": rejection.role,
        "contact_email": rejection.contact_email,
        "received_at": None if received is None else received.astimezone(io.tz).isoformat(),
        "source": locations.get(finding.source_id, ""),
    }
