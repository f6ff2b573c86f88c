"""device keys for USB bundles; the lineage of record revisions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bundle_key", sa.String(length=64), nullable=True))
    with op.batch_alter_table("record_revisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lineage", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("record_revisions", schema=None) as batch_op:
        batch_op.drop_column("lineage")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("bundle_key")
