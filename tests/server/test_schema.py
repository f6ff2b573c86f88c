"""The Alembic migrations build exactly the schema ``server/schema.py`` declares, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from server.db import current_revision, head_revision, make_engine, upgrade
from server.schema import metadata


def differences(url: str) -> list[object]:
    engine = make_engine(url)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()


def test_migrations_match_the_schema_on_sqlite(tmp_path: Path) -> None:
    assert differences(f"sqlite:///{tmp_path / 'new.sqlite'}") == []


def test_migrations_match_the_schema_on_postgres(postgres_db: str) -> None:
    assert differences(postgres_db) == []
