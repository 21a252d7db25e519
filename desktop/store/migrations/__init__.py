"""Alembic scripts for the AskWhy database (run from code by `desktop.store.migrate`)."""
