"""Backfill the applied date from the timeline, for applications that have none.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 16:20:00

Data only. An application's applied date is the earliest event in its timeline that moved
it into a stage which means the application was sent: Applied, Screening, Interviewing,
Offer, Accepted, Rejected or Ghosted (a company cannot screen, reject or go silent on an
application it never received). Withdrawn is left out because a saved posting can be
withdrawn without ever being sent, and an application still Saved gets no date at all.
Frozen like the other scripts: the stage values are written out, not imported, and one
UPDATE with a correlated MIN over the (application_id, occurred_at) index does the work,
which stays fast at 100,000 applications.

Downgrade keeps the dates: a backfilled date cannot be told from one the user typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
        UPDATE applications
        SET applied_at = (
            SELECT MIN(stage_events.occurred_at)
            FROM stage_events
            WHERE stage_events.application_id = applications.id
              AND stage_events.to_stage IN (
                  'applied', 'screening', 'interviewing', 'offer', 'accepted',
                  'rejected', 'ghosted'
              )
        )
        WHERE applied_at IS NULL AND stage != 'saved'
        """
    )


def downgrade() -> None:
    pass
