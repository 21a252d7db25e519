"""Alembic environment for AskWhy. Runs only from code (`desktop.store.migrate`).

There is no alembic.ini: the caller builds the Config and hands over an open connection
in `config.attributes["connection"]`, so the migration runs inside the caller's transaction
with the caller's pragmas (foreign keys off while tables are rebuilt).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from desktop.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("AskWhy migrations run from desktop.store.migrate, with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("AskWhy does not support offline (SQL script) migrations")
run_migrations_online()
