"""`askwhy read-email FILE|- [--json]`: what AskWhy reads in one email.

The same reading as a drop, a paste or `log-rejection --from-email`: the kind of email with
the reasons for it, the company, the role, the sender and the date. It is how a user sees why
an email was (or was not) taken for a rejection. It never opens the data folder.
"""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, Io, one_line, print_json, read_email_source
from desktop.core.email_parsing import ParsedEmail, parse_rejection_email
from desktop.core.timefmt import format_local


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
    }


def run(args: argparse.Namespace, io: Io) -> int:
    parsed = parse_rejection_email(read_email_source(args.source), tz=io.tz)
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
