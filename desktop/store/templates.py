"""Message templates: each kind of request always has exactly one default."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.core import templates, validation
from desktop.core.errors import InvalidInput
from desktop.core.model import RequestKind, Template
from desktop.store.changes import ChangeBuilder
from desktop.store.errors import NotFound
from desktop.store.models import FollowUpRequestRow, TemplateRow
from desktop.store.rows import record


def listed(session: Session, kind: RequestKind | None) -> list[Template]:
    query = select(TemplateRow).order_by(TemplateRow.kind, TemplateRow.id)
    if kind is not None:
        query = query.where(TemplateRow.kind == kind)
    return [record(Template, row) for row in session.scalars(query)]


def check_text(text: str, rule: validation.TextRule) -> str:
    """Text a template may hold: the rule's, and fields that all exist, braces balanced,
    so that a saved template always renders as intended."""
    cleaned = rule.clean(text)
    problems = templates.check(cleaned)
    if problems:
        raise InvalidInput(f"{rule.what}: {problems[0].message}")
    return cleaned


def save(session: Session, change: ChangeBuilder, template: Template) -> Template:
    """Inserts when `template.id` is 0, updates otherwise."""
    name = validation.TEMPLATE_NAME.clean(template.name)
    subject = check_text(template.subject, validation.SUBJECT)
    body = check_text(template.body, validation.MESSAGE)
    if template.id == 0:
        row = TemplateRow(kind=RequestKind(template.kind), is_default=False)
        session.add(row)
    else:
        found = session.get(TemplateRow, template.id)
        if found is None:
            raise NotFound("That template no longer exists.")
        row = found
        if row.kind is not template.kind:
            raise InvalidInput("A template can't change its kind; make a new one.")
    row.name, row.subject, row.body = name, subject, body
    session.flush()
    if template.is_default:
        session.execute(
            update(TemplateRow)
            .where(TemplateRow.kind == row.kind, TemplateRow.id != row.id)
            .values(is_default=False)
        )
        row.is_default = True
    elif row.is_default:
        # Unmarking the default leaves the kind without one; the oldest takes over.
        row.is_default = False
        session.flush()
        default_row(session, row.kind)
    session.flush()
    session.refresh(row)
    change.templates = True
    return record(Template, row)


def delete(session: Session, change: ChangeBuilder, template_id: int) -> list[int]:
    """Deletes the template; returns the requests written with it, whose reference the
    database clears (their text stays), so that an undo can put the reference back."""
    row = session.get(TemplateRow, template_id)
    if row is None:
        raise NotFound("That template no longer exists.")
    siblings = session.scalar(
        select(func.count()).select_from(TemplateRow).where(TemplateRow.kind == row.kind)
    )
    if (siblings or 0) <= 1:
        raise InvalidInput("This is the only template of its kind; edit it instead.")
    kind, was_default = row.kind, row.is_default
    written = list(
        session.scalars(
            select(FollowUpRequestRow.id).where(FollowUpRequestRow.template_id == template_id)
        )
    )
    session.delete(row)
    session.flush()
    if was_default:
        default_row(session, kind)
    change.templates = True
    return written


def default_row(session: Session, kind: RequestKind) -> TemplateRow:
    """The default of `kind`; promotes the oldest, or restores the built-in text, so a new
    request always has a template. Runs inside write transactions only."""
    rows = list(
        session.scalars(
            select(TemplateRow)
            .where(TemplateRow.kind == kind)
            .order_by(TemplateRow.is_default.desc(), TemplateRow.id)
        )
    )
    if rows:
        if not rows[0].is_default:
            rows[0].is_default = True
            session.flush()
        return rows[0]
    name, subject, body = templates.DEFAULT_TEMPLATES[kind]
    row = TemplateRow(kind=kind, name=name, subject=subject, body=body, is_default=True)
    session.add(row)
    session.flush()
    return row
