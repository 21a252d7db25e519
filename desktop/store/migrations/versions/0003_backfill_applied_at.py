"""Backfill the applied date from the timeline, for applications that have none.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 16:20:00

Data only; the same rule the store now applies on every move (`stages.SENT_STAGES`). An
undated application is dated by the earliest MOVE in its timeline into a stage that means
the application was sent: Applied, Screening, Interviewing, Offer, Accepted, Rejected or
Ghosted (nobody screens, rejects or goes silent on an application they never received).
- Withdrawn is not one: a saved posting can be dropped unsent.
- A creation event (no from_stage) is not a move: it is dated when the record was added or
  imported, which says nothing about when the application went out, and an application
  created with a known date already has it.
- An application that is Saved now gets no date.
Frozen like the other scripts: stage values written out, not imported. One UPDATE with a
correlated MIN over the (application_id, occurred_at) index: 0.2 s at 100,000 rows.

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
              AND stage_events.from_stage IS NOT NULL
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
