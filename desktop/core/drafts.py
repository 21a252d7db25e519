"""A follow-up request as it would be sent: the one home of what copy, mail and save produce.

The request editor's buttons and `askwhy draft` both start here, so the clipboard, the
`mailto:` link, the `.eml` file and the command line can never disagree about the text, the
recipient or the fields left unfilled.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from desktop.core.eml import build_eml
from desktop.core.mailbox import Mailbox, mailbox_or_none
from desktop.core.mailto import build_mailto
from desktop.core.model import FollowUpRequest, RequestContext, Template
from desktop.core.templates import FieldState, Rendered, check, merge_values, render

# A brace problem inside a `{{ … }}` is an unknown field, already reported from the render.
_FIELD_SOURCE = re.compile(r"\{\{.*\}\}", re.DOTALL)


def choose_template(request: FollowUpRequest, templates: Sequence[Template]) -> Template | None:
    """The template the request was written from, else the kind's default, else the first."""
    return (
        next((t for t in templates if t.id == request.template_id), None)
        or next((t for t in templates if t.is_default), None)
        or (templates[0] if templates else None)
    )


def starting_text(
    request: FollowUpRequest, template: Template | None, values: Mapping[str, str]
) -> tuple[str, str]:
    """The subject and body to start from.

    The store keeps the text as it would be sent (rendered). While it is empty, or still
    exactly what the template renders to, the template's source is used instead, so every
    field, filled ones included, shows where it came from; otherwise the stored text.
    """
    stored = (request.subject, request.body)
    if template is not None and (
        not any(stored)
        or stored == (render(template.subject, values).text, render(template.body, values).text)
    ):
        return template.subject, template.body
    return stored


def describe_unresolved(subject: Rendered, body: Rendered) -> list[str]:
    """One short line per field still showing as `{{ … }}`, in reading order, no repeats."""
    lines: list[str] = []
    for where, rendered in (("subject", subject), ("body", body)):
        for span in rendered.unresolved:
            shown = "{{ " + span.name + " }}" if span.name else "{{ }}"
            if span.state is FieldState.EMPTY:
                line = f"{shown} is empty (in the {where})"
            else:
                line = f"{shown} is not a field AskWhy knows (in the {where})"
            if line not in lines:
                lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Draft:
    """A request's text rendered for sending, with who it is to and from."""

    context: RequestContext
    subject: Rendered
    body: Rendered
    # Everything that would reach the recipient as template syntax, one line each.
    problems: tuple[str, ...]

    @property
    def to(self) -> Mailbox | None:
        contact = self.context.contact
        return None if contact is None else mailbox_or_none(contact.name, contact.email)

    @property
    def sender(self) -> Mailbox | None:
        profile = self.context.profile
        return mailbox_or_none(profile.name, profile.email)

    def text(self) -> str:
        """Subject, a blank line, the body: what "Copy both" copies and `draft` prints."""
        return f"{self.subject.text}\n\n{self.body.text}"

    def mailto(self) -> str:
        """The `mailto:` link; raises InvalidInput when the address can't be written."""
        return build_mailto(self.to, self.subject.text, self.body.text)

    def eml(self, date: datetime) -> bytes:
        """The `.eml` draft; raises InvalidInput when it can't be written as intended."""
        return build_eml(
            to=self.to,
            sender=self.sender,
            subject=self.subject.text,
            body=self.body.text,
            date=date,
        )


def compose(
    context: RequestContext, values: Mapping[str, str], subject_source: str, body_source: str
) -> Draft:
    """Render the subject and body sources with `values` into a Draft."""
    subject, body = render(subject_source, values), render(body_source, values)
    problems = describe_unresolved(subject, body)
    for where, text in (("subject", subject_source), ("body", body_source)):
        problems.extend(
            f"{problem.message} (in the {where})"
            for problem in check(text)
            if not _FIELD_SOURCE.fullmatch(text[problem.start : problem.end])
        )
    return Draft(context, subject, body, tuple(problems))


def draft_for(context: RequestContext, templates: Sequence[Template], tz: tzinfo) -> Draft:
    """The request as the editor would open it, ready to send: `askwhy draft`'s text."""
    values = merge_values(context, tz)
    template = choose_template(context.request, templates)
    return compose(context, values, *starting_text(context.request, template, values))
