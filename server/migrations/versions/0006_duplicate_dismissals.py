"""duplicate_dismissals: a coordinator's "Not duplicates" about a group of look-alike records, with
who said it and when

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_dismissals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("district", sa.String(length=9), nullable=False),
        sa.Column("record_ids", sa.Text(), nullable=False),
        sa.Column("dismissed_by", sa.String(length=100), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_dismissals")),
    )
    op.create_index(
        op.f("ix_duplicate_dismissals_district"), "duplicate_dismissals", ["district"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_duplicate_dismissals_district"), table_name="duplicate_dismissals")
    op.drop_table("duplicate_dismissals")
