"""changes: the writing transaction's id, read up to the oldest running one (no lock between writers)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 02:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("txid", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.drop_index("ix_changes_okrug_seq")
        batch_op.drop_index("ix_changes_district_seq")
        batch_op.create_index("ix_changes_okrug_txid_seq", ["okrug", "txid", "seq"], unique=False)
        batch_op.create_index("ix_changes_district_txid_seq", ["district", "txid", "seq"], unique=False)
        batch_op.create_index("ix_changes_txid_seq", ["txid", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_txid_seq")
        batch_op.drop_index("ix_changes_district_txid_seq")
        batch_op.drop_index("ix_changes_okrug_txid_seq")
        batch_op.create_index("ix_changes_district_seq", ["district", "seq"], unique=False)
        batch_op.create_index("ix_changes_okrug_seq", ["okrug", "seq"], unique=False)
        batch_op.drop_column("txid")
