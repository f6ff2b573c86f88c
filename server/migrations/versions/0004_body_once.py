"""a record's JSON kept once: in record_revisions (records.body dropped)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 02:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_column("body")


def downgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("body", sa.Text(), nullable=False, server_default=""))
    op.execute(
        "UPDATE records SET body = (SELECT r.body FROM record_revisions r "
        "WHERE r.record_id = records.id AND r.revision = records.revision)"
    )
