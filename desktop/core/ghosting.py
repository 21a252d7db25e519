"""Ghosted, proposed: when a company has gone quiet long enough to say so.

AskWhy never marks an application Ghosted by itself. After a quiet period (two settings:
after applying or a screening, and after an interview) it lists the application under
"Needs action" with the reason, and the user decides. Pure: the caller passes `now`.

"Quiet" counts from the last thing that happened to the application (`updated_at`: a stage
change, an edit, a follow-up), or from the day it was sent when that is later (an imported
application edited today was still sent months ago, and its clock starts at the edit).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.core.model import Application, Settings, Stage

_DAY = timedelta(days=1)


def quiet_limit_days(stage: Stage, settings: Settings) -> int | None:
    """How many quiet days make `stage` a Ghosted proposal; None where it never is (Saved:
    nothing was sent yet; Offer: the next word is the user's; the closed stages)."""
    if stage in (Stage.APPLIED, Stage.SCREENING):
        return settings.ghosted_after_applied_days
    if stage is Stage.INTERVIEWING:
        return settings.ghosted_after_interview_days
    return None


def quiet_since(app: Application) -> datetime:
    """The last moment anything happened to `app`."""
    applied = app.applied_at
    return app.updated_at if applied is None or applied < app.updated_at else applied


def ghosted_from(app: Application, settings: Settings) -> datetime | None:
    """From when `app` is proposed as Ghosted, or None when its stage never is (or it is
    archived: out of sight, out of the list)."""
    days = quiet_limit_days(app.stage, settings)
    if days is None or app.archived:
        return None
    return quiet_since(app) + days * _DAY


def ghosted_reason(app: Application, settings: Settings, now: datetime) -> str:
    """ "No word for 23 days" when `app` is proposed as Ghosted at `now`, else ''."""
    due = ghosted_from(app, settings)
    if due is None or now < due:
        return ""
    days = (now - quiet_since(app)) // _DAY
    return f"No word for {days} days"
