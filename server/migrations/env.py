"""Alembic's entry point: migrations run on the connection the server hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from server.schema import UtcTimestamp, metadata

config = context.config


def render_item(kind: str, item: object, autogen_context: object) -> str | bool:
    """Migrations spell the server's own column types in plain SQLAlchemy (they must not change
    when ``server.schema`` does)."""
    if kind == "type" and isinstance(item, UtcTimestamp):
        return "sa.DateTime(timezone=True)"
    return False


OPTIONS = {"target_metadata": metadata, "render_as_batch": True, "render_item": render_item}


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        context.configure(connection=conn, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
