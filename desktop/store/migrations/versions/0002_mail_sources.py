"""Mail sources: the sources, the messages already examined, the rejections found, and the
per-sender "not a rejection" hint.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 15:30:00

Frozen like 0001: plain SQLAlchemy types only. A message is remembered by its key (UID,
Message-ID, maildir file name), never its content; passwords live in the OS keyring.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('mail_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('location', sa.String(length=1100), nullable=False),
    sa.Column('ca_file', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('last_checked_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('imap_uid_validity', sa.Integer(), nullable=True),
    sa.Column('imap_uid_next', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_sources')),
    sa.UniqueConstraint('location', name=op.f('uq_mail_sources_location')),
    sqlite_autoincrement=True
    )
    op.create_table('mail_sender_hints',
    sa.Column('sender', sa.String(length=320), nullable=False),
    sa.Column('dismissals', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('sender', name=op.f('pk_mail_sender_hints'))
    )
    op.create_table('mail_seen',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('message_key', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['mail_sources.id'], name=op.f('fk_mail_seen_source_id_mail_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id', 'message_key', name=op.f('pk_mail_seen'))
    )
    op.create_table('mail_findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('contact_email', sa.String(length=320), nullable=False),
    sa.Column('sender', sa.String(length=320), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('found_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['mail_sources.id'], name=op.f('fk_mail_findings_source_id_mail_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_findings')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('mail_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_findings_source_id'), ['source_id'], unique=False)


def downgrade() -> None:
    op.drop_table('mail_findings')
    op.drop_table('mail_seen')
    op.drop_table('mail_sender_hints')
    op.drop_table('mail_sources')
