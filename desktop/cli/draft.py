"""`askwhy draft`: the scripting face of the request editor's copy, mail and save buttons.

It renders with the editor's own code (`desktop.core.drafts`), so a script gets exactly
what the buttons give: the same text, the same `mailto:` link, the same `.eml` bytes, and
the same warnings about fields left unfilled.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import EXIT_OK, PROG, Io, UsageError, check_target, one_line, print_json
from desktop.cli.data import open_data
from desktop.core.drafts import Draft, draft_for
from desktop.core.errors import InvalidInput
from desktop.core.model import RequestContext, Template
from desktop.store.errors import NotFound
from desktop.store.files import write_atomically
from desktop.store.models import match_key
from desktop.store.repository import Store


def _which(args: argparse.Namespace) -> str:
    if args.request is not None:
        return f"request #{args.request}"
    if args.company is None:
        return "open request"
    role = f", {one_line(args.role)}" if args.role is not None else ""
    return f"open request for {one_line(args.company)}{role}"


def _find(args: argparse.Namespace, io: Io) -> tuple[RequestContext, list[Template]]:
    """The newest open request that matches, with the templates of its kind."""
    with open_data(args) as database:
        store = Store(database, local_tz=lambda: io.tz)
        if args.request is not None:
            try:
                request = store.get_request(args.request)
            except NotFound:
                raise InvalidInput(f"there is no {_which(args)}") from None
            if not request.status.is_open:
                raise InvalidInput(
                    f"{_which(args)} is {request.status.value}, not open: reopen it in AskWhy"
                )
            request_id = request.id
        else:
            wanted = match_key(args.company or "", args.role or "")
            matches = [
                item.request
                for item in store.due_items(now=io.now)
                if args.company is None
                or match_key(item.company, item.role if args.role is not None else "") == wanted
            ]
            if not matches:
                raise InvalidInput(f"there is no {_which(args)} (see '{PROG} due')")
            newest = max(matches, key=lambda request: (request.created_at, request.id))
            request_id = newest.id
        context = store.request_context(request_id)
        return context, store.templates(context.request.kind)


def run(args: argparse.Namespace, io: Io) -> int:
    if args.role is not None and args.company is None:
        raise UsageError(f"draft: --role needs --company (see '{PROG} draft --help')")
    for option, value in (("--company", args.company), ("--role", args.role)):
        if value is not None and not value.strip():
            raise UsageError(f"draft: {option} must not be empty")
    eml: Path | None = args.eml
    if eml is not None:
        check_target(eml, "save the draft to")
    context, templates = _find(args, io)
    draft = draft_for(context, templates, io.tz)
    for problem in draft.problems:
        print(f"{PROG}: warning: {problem}", file=io.stderr)
    if eml is not None:
        _save(draft, eml, io)
    elif args.mailto:
        print(draft.mailto(), file=io.stdout)
    elif args.json:
        _print_json(draft, io)
    else:
        text = draft.text()
        io.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _save(draft: Draft, path: Path, io: Io) -> None:
    write_atomically(path, draft.eml(io.now))
    print(f"Saved the draft of request #{draft.context.request.id} to {path}.", file=io.stdout)


def _print_json(draft: Draft, io: Io) -> None:
    """`{request_id, company, role, to, subject, body}`: a public format, keys only added."""
    application = draft.context.application
    document = {
        "request_id": draft.context.request.id,
        "company": application.company,
        "role": application.role,
        # The address alone, as the mailto: link has it: what a script hands to a mailer.
        "to": draft.to.addr_spec if draft.to is not None else "",
        "subject": draft.subject.text,
        "body": draft.body.text,
    }
    print_json(document, io.stdout)
