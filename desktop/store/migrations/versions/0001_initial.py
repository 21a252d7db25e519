"""Initial schema: the pipeline, rejections, follow-up requests, reminders, lessons.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 05:34:04.197683

Frozen: this script uses plain SQLAlchemy types, never the app's models, so it keeps
producing the same schema whatever the models later become. Instants are naive UTC
DATETIME text; enums are their string values.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('match_key', sa.String(length=401), nullable=False),
    sa.Column('stage', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=True),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index('ix_applications_archived_updated_at', ['archived', 'updated_at'], unique=False)
        batch_op.create_index('ix_applications_match_key', ['match_key'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_templates')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('templates', schema=None) as batch_op:
        batch_op.create_index('ix_templates_kind', ['kind'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_contacts_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_application_id'), ['application_id'], unique=False)

    op.create_table('stage_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sa.String(length=32), nullable=True),
    sa.Column('to_stage', sa.String(length=32), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_stage_events_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_events')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('stage_events', schema=None) as batch_op:
        batch_op.create_index('ix_stage_events_application_id_occurred_at', ['application_id', 'occurred_at'], unique=False)

    op.create_table('interviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('scheduled_at', sa.DateTime(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_interviews_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_interviews_contact_id_contacts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interviews')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interviews_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interviews_contact_id'), ['contact_id'], unique=False)

    op.create_table('rejections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('notified_at', sa.DateTime(), nullable=False),
    sa.Column('stage_reached', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_rejections_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_rejections_contact_id_contacts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejections')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rejections_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rejections_contact_id'), ['contact_id'], unique=False)

    op.create_table('follow_up_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('window_opens_at', sa.DateTime(), nullable=False),
    sa.Column('window_closes_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('rejection_id', sa.Integer(), nullable=True),
    sa.Column('interview_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_follow_up_requests_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_follow_up_requests_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_follow_up_requests_interview_id_interviews'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rejection_id'], ['rejections.id'], name=op.f('fk_follow_up_requests_rejection_id_rejections'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['template_id'], ['templates.id'], name=op.f('fk_follow_up_requests_template_id_templates'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_requests')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('follow_up_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_requests_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_requests_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_requests_interview_id'), ['interview_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_requests_rejection_id'), ['rejection_id'], unique=False)
        batch_op.create_index('ix_follow_up_requests_status_window_closes_at', ['status', 'window_closes_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_requests_template_id'), ['template_id'], unique=False)

    op.create_table('lessons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('action_done', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_lessons_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['follow_up_requests.id'], name=op.f('fk_lessons_request_id_follow_up_requests'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lessons')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('lessons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lessons_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lessons_request_id'), ['request_id'], unique=False)

    op.create_table('reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('fired_at', sa.DateTime(), nullable=True),
    sa.Column('snoozed_until', sa.DateTime(), nullable=True),
    sa.Column('missed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['follow_up_requests.id'], name=op.f('fk_reminders_request_id_follow_up_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index('ix_reminders_fired_at_due_at', ['fired_at', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_request_id'), ['request_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_request_id'))
        batch_op.drop_index('ix_reminders_fired_at_due_at')

    op.drop_table('reminders')
    with op.batch_alter_table('lessons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lessons_request_id'))
        batch_op.drop_index(batch_op.f('ix_lessons_application_id'))

    op.drop_table('lessons')
    with op.batch_alter_table('follow_up_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_requests_template_id'))
        batch_op.drop_index('ix_follow_up_requests_status_window_closes_at')
        batch_op.drop_index(batch_op.f('ix_follow_up_requests_rejection_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_requests_interview_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_requests_contact_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_requests_application_id'))

    op.drop_table('follow_up_requests')
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rejections_contact_id'))
        batch_op.drop_index(batch_op.f('ix_rejections_application_id'))

    op.drop_table('rejections')
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interviews_contact_id'))
        batch_op.drop_index(batch_op.f('ix_interviews_application_id'))

    op.drop_table('interviews')
    with op.batch_alter_table('stage_events', schema=None) as batch_op:
        batch_op.drop_index('ix_stage_events_application_id_occurred_at')

    op.drop_table('stage_events')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_application_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('templates', schema=None) as batch_op:
        batch_op.drop_index('ix_templates_kind')

    op.drop_table('templates')
    op.drop_table('settings')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_match_key')
        batch_op.drop_index('ix_applications_archived_updated_at')

    op.drop_table('applications')
