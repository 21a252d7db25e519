"""The earlier applications at one company, with their lessons (the re-apply guard).

Found through the applications' match-key index: every key for a company starts with the
company's folded name and the separator, so a key range finds them without a scan.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.company_history import PastApplication
from desktop.core.model import Application, Lesson
from desktop.store.models import ApplicationRow, LessonRow, match_key
from desktop.store.rows import lesson, record

# More than a lifetime of applications at one company; the panel shows the newest.
LIMIT = 50


def for_company(session: Session, company: str) -> list[PastApplication]:
    """`company`'s applications (case, width and spacing ignored), newest first."""
    prefix = match_key(company, "")  # "<company>\x1f"
    if prefix == "\x1f":
        return []
    # The separator \x1f is followed by \x20 in code point order: the range is the prefix.
    after = prefix[:-1] + "\x20"
    key = ApplicationRow.match_key
    rows = session.scalars(
        select(ApplicationRow)
        .where(key >= prefix, key < after)
        .order_by(ApplicationRow.created_at.desc(), ApplicationRow.id.desc())
        .limit(LIMIT)
    ).all()
    applications = [record(Application, row) for row in rows]
    lessons: defaultdict[int, list[Lesson]] = defaultdict(list)
    if applications:
        for row in session.scalars(
            select(LessonRow)
            .where(LessonRow.application_id.in_([a.id for a in applications]))
            .order_by(LessonRow.recorded_at, LessonRow.id)
        ):
            lessons[row.application_id].append(lesson(row))
    return [PastApplication(a, tuple(lessons[a.id])) for a in applications]
