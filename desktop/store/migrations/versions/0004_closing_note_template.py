"""The closing-note template, for databases made before the CLOSING_NOTE request kind.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 16:25:00

Data only: a request kind is stored as text, so the new kind needs no schema change, but a
new database is seeded with one default template per kind and an older one must have it
too (the template manager lists them). Frozen like the other scripts: the text is written
out here, not imported, so a later edit of the built-in wording does not change what this
migration did. Skipped when the database already has a template of the kind, and in a new
(empty) database, which the first open seeds with every kind's default.

Downgrade removes the closing-note templates no request was written from.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KIND = 'closing_note'
_NAME = 'Close the loop when they went quiet'
_SUBJECT = 'Closing the loop on the {{ role }} role'
_BODY = """Hi {{ contact_first_name }},

I haven't heard back about the {{ role }} role at {{ company }}, and I understand the \
search may have gone another way, so I'll close it on my side. Thank you for considering \
my application.

I'd still be glad to talk if the role opens again or another one fits. And if you have a \
moment to tell me what would have made my application stronger, I'd welcome it.

All the best,
{{ my_signature }}
"""


def upgrade() -> None:
    op.get_bind().execute(
        sa.text(
            "INSERT INTO templates (kind, name, subject, body, is_default)"
            " SELECT :kind, :name, :subject, :body, 1"
            " WHERE EXISTS (SELECT 1 FROM templates)"
            " AND NOT EXISTS (SELECT 1 FROM templates WHERE kind = :kind)"
        ),
        {'kind': _KIND, 'name': _NAME, 'subject': _SUBJECT, 'body': _BODY},
    )


def downgrade() -> None:
    op.get_bind().execute(
        sa.text(
            "DELETE FROM templates WHERE kind = :kind"
            " AND id NOT IN (SELECT template_id FROM follow_up_requests"
            " WHERE template_id IS NOT NULL)"
        ),
        {'kind': _KIND},
    )
