"""The month sign-off chain (signoffs, signoff_events), reporting deadlines and first reports (the
on-time reporting rate), and the audit log. first_reports is filled from what the server holds: the
first revision of each live record received, and the nil reports

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 05:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KATO = sa.String(length=9)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "signoffs",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("unit", KATO, nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("region", KATO, nullable=True),
        sa.Column("signed_by", sa.String(length=100), nullable=False),
        sa.Column("signed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("month", "unit", name=op.f("pk_signoffs")),
    )
    op.create_index(op.f("ix_signoffs_month_level"), "signoffs", ["month", "level"], unique=False)
    op.create_table(
        "signoff_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("unit", KATO, nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("region", KATO, nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signoff_events")),
    )
    op.create_index(op.f("ix_signoff_events_month_unit"), "signoff_events", ["month", "unit"], unique=False)
    op.create_table(
        "report_deadlines",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        sa.Column("set_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_report_deadlines")),
    )
    op.create_table(
        "first_reports",
        sa.Column("okrug", KATO, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("district", KATO, nullable=False),
        sa.Column("region", KATO, nullable=False),
        sa.Column("first_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("okrug", "month", name=op.f("pk_first_reports")),
    )
    op.create_index(
        op.f("ix_first_reports_district_month"), "first_reports", ["district", "month"], unique=False
    )
    op.create_table(
        "audit_log",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_target"), "audit_log", ["target"], unique=False)
    # What the server already holds: each okrug's first report of each month. A record counts in
    # the month it is of now, from when its first revision arrived; a nil report from when it did.
    op.execute(
        """
        INSERT INTO first_reports (okrug, month, district, region, first_at)
        SELECT okrug, month, MIN(district), MIN(region), MIN(first_at) FROM (
            SELECT r.okrug AS okrug, r.month AS month, r.district AS district, r.region AS region,
                   (SELECT MIN(v.received_at) FROM record_revisions v WHERE v.record_id = r.id)
                   AS first_at
            FROM records r WHERE NOT r.deleted
            UNION ALL
            SELECT n.okrug, n.month, p.parent_code, SUBSTR(n.okrug, 1, 2) || '0000000', n.received_at
            FROM nil_reports n JOIN places o ON o.code = n.okrug JOIN places p ON p.code = o.parent_code
            WHERE NOT n.withdrawn
        ) AS reports
        WHERE first_at IS NOT NULL
        GROUP BY okrug, month
        """
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_target"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_first_reports_district_month"), table_name="first_reports")
    op.drop_table("first_reports")
    op.drop_table("report_deadlines")
    op.drop_index(op.f("ix_signoff_events_month_unit"), table_name="signoff_events")
    op.drop_table("signoff_events")
    op.drop_index(op.f("ix_signoffs_month_level"), table_name="signoffs")
    op.drop_table("signoffs")
