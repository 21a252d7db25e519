"""`askwhy read-email FILE|- [--json]`: what AskWhy reads in one email.

The same reading as a drop, a paste or `log-rejection --from-email`: the kind of email with
the reasons for it, the company, the role, the sender and the date. It is how a user sees why
an email was (or was not) taken for a rejection. Like the mail checker, it matches the email
against the companies the user applied to: it reads them from the data folder when there is
one, without writing a byte (and without SQLAlchemy: the command stays quick); without a
folder or a database it reads the email alone.

`log-rejection --from-email` reads its email with `read_source` from here too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection
from datetime import tzinfo
from pathlib import Path
from typing import BinaryIO

from desktop.cli import EXIT_OK, Io, one_line, print_json
from desktop.core.email_parsing import MAX_EMAIL_BYTES, ParsedEmail, parse_rejection_email
from desktop.core.errors import InvalidInput
from desktop.core.timefmt import format_local
from desktop.store.applied_to import read_companies
from desktop.store.files import read_small_file
from desktop.store.location import resolve_data_dir


def read_source(
    source: str, tz: tzinfo, stdin: BinaryIO | None = None, applied_to: Collection[str] = ()
) -> ParsedEmail:
    """What the email `source` names (a file, or `-` for stdin) says; `tz` reads a date
    without a zone; `applied_to` are the companies the user applied to."""
    return parse_rejection_email(_read_email_source(source, stdin), tz=tz, applied_to=applied_to)


def applied_to(args: argparse.Namespace) -> list[str]:
    """The companies the user applied to, from the data folder `--data-dir` names (or the
    default one); [] when there is none."""
    return read_companies(resolve_data_dir(args.data_dir))


def _read_email_source(source: str, stdin: BinaryIO | None = None) -> bytes:
    """The raw email `--from-email` (or `read-email`) names: a file, or `-` for stdin.

    Bounded like a dropped file: standard input is read up to the parser's size cap and no
    further (a mail filter that pipes forever gets a refusal, not a hang), and a terminal is
    refused rather than waited on.
    """
    if source != "-":
        return read_small_file(Path(source).expanduser(), MAX_EMAIL_BYTES)
    stream = stdin if stdin is not None else sys.stdin.buffer
    if stream.isatty():
        raise InvalidInput("pipe the email into standard input, or name its file instead of -")
    data = stream.read(MAX_EMAIL_BYTES + 1)
    if len(data) > MAX_EMAIL_BYTES:
        raise InvalidInput(
            f"the email on standard input is larger than {MAX_EMAIL_BYTES / 1e6:g} MB"
        )
    return data


def read_email_json(parsed: ParsedEmail, io: Io) -> dict[str, object]:
    """The `read-email --json` object: a public format, so keys are only ever added."""
    received = parsed.received_at
    return {
        "kind": parsed.kind.value,
        "company": parsed.company,
        "role": parsed.role,
        "contact_name": parsed.sender_name,
        "contact_email": parsed.sender_email,
        "received_at": None if received is None else received.astimezone(io.tz).isoformat(),
        "no_reply": parsed.no_reply,
        "subject": parsed.subject,
        "reasons": list(parsed.reasons),
        # The company of the user's applications it names, as they typed it; null if none.
        "applied_to": parsed.applied_to or None,
    }


def run(args: argparse.Namespace, io: Io) -> int:
    parsed = read_source(args.source, io.tz, applied_to=applied_to(args))
    if args.json:
        print_json(read_email_json(parsed, io), io.stdout)
        return EXIT_OK
    contact = " ".join(
        part
        for part in (parsed.sender_name, f"<{parsed.sender_email}>" if parsed.sender_email else "")
        if part
    )
    if parsed.no_reply:
        contact += " (a no-reply address: not offered as the contact)"
    received = parsed.received_at
    rows = (
        ("Kind", parsed.kind.value),
        ("Company", parsed.company or "-"),
        ("Applied", f"yes, to {parsed.applied_to}" if parsed.applied_to else "-"),
        ("Role", parsed.role or "-"),
        ("Contact", contact or "-"),
        ("Received", format_local(received, io.tz) if received is not None else "-"),
        ("Subject", parsed.subject or "-"),
    )
    for label, value in rows:
        print(f"{label + ':':10}{one_line(value)}", file=io.stdout)
    print("Why:", file=io.stdout)
    for reason in parsed.reasons:
        print(f"  - {one_line(reason)}", file=io.stdout)
    return EXIT_OK
