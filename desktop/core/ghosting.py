"""Ghosted, proposed: when a company has gone quiet long enough to say so.

AskWhy never marks an application Ghosted by itself. After a quiet period (two settings:
after applying or a screening, and after an interview) it lists the application under
"Needs action" with the reason, and the user decides. Pure: the caller passes `now`.

"Quiet" counts from the last thing that happened to the application (`updated_at`: a stage
change, an edit, a follow-up), or from the day it was sent when that is later (an imported
application edited today was still sent months ago, and its clock starts at the edit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core.model import Application, Settings, Stage

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class GhostRule:
    """The quiet period of each stage that can be proposed as Ghosted. Built once per
    settings: the table asks it about every row (Saved: nothing was sent yet; Offer: the
    next word is the user's; the closed stages are closed)."""

    quiet_limits: Mapping[Stage, timedelta]

    @classmethod
    def from_settings(cls, settings: Settings) -> GhostRule:
        after_applied = settings.ghosted_after_applied_days * _DAY
        return cls(
            {
                Stage.APPLIED: after_applied,
                Stage.SCREENING: after_applied,
                Stage.INTERVIEWING: settings.ghosted_after_interview_days * _DAY,
            }
        )

    def due(self, app: Application) -> datetime | None:
        """From when `app` is proposed as Ghosted; None when its stage never is, or it is
        archived (out of sight, out of the list)."""
        limit = self.quiet_limits.get(app.stage)
        if limit is None or app.archived:
            return None
        return quiet_since(app) + limit

    def reason(self, app: Application, now: datetime) -> str:
        """ "No word for 23 days" when `app` is proposed as Ghosted at `now`, else ''."""
        due = self.due(app)
        if due is None or now < due:
            return ""
        return f"No word for {(now - quiet_since(app)) // _DAY} days"


def quiet_since(app: Application) -> datetime:
    """The last moment anything happened to `app`."""
    applied = app.applied_at
    return app.updated_at if applied is None or applied < app.updated_at else applied
