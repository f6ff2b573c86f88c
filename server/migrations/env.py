"""Alembic's entry point: migrations run on the connection the server hands over."""

from __future__ import annotations

from typing import Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, create_engine

from server.schema import UtcTimestamp, metadata

config = context.config


def render_item(kind: str, item: object, autogen_context: AutogenContext) -> str | Literal[False]:
    """Migrations spell the server's own column types in plain SQLAlchemy (they must not change
    when ``server.schema`` does)."""
    if kind == "type" and isinstance(item, UtcTimestamp):
        return "sa.DateTime(timezone=True)"
    return False


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=metadata, render_as_batch=True, render_item=render_item
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic: no connection handed over and no sqlalchemy.url set")
    engine = create_engine(url)
    with engine.begin() as conn:
        _migrate(conn)
    engine.dispose()


run()
