"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 17:56:06.115562
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_batches")),
    )
    op.create_table(
        "changes",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("okrug", sa.String(length=9), nullable=True),
        sa.Column("district", sa.String(length=9), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_district_seq", ["district", "seq"], unique=False)
        batch_op.create_index("ix_changes_okrug_seq", ["okrug", "seq"], unique=False)

    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_devices_okrug"), ["okrug"], unique=False)

    op.create_table(
        "enrolments",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrolments")),
    )
    op.create_table(
        "monthly_totals",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("campaign", sa.String(length=40), nullable=False),
        sa.Column("review_status", sa.String(length=16), nullable=False),
        sa.Column("district", sa.String(length=9), nullable=False),
        sa.Column("region", sa.String(length=9), nullable=False),
        sa.Column("actions", sa.BigInteger(), nullable=False),
        sa.Column("participants", sa.BigInteger(), nullable=False),
        sa.Column("area_m2", sa.BigInteger(), nullable=False),
        sa.Column("trees", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "month", "okrug", "campaign", "review_status", name=op.f("pk_monthly_totals")
        ),
    )
    with op.batch_alter_table("monthly_totals", schema=None) as batch_op:
        batch_op.create_index("ix_monthly_totals_district_month", ["district", "month"], unique=False)

    op.create_table(
        "monthly_waste",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("campaign", sa.String(length=40), nullable=False),
        sa.Column("review_status", sa.String(length=16), nullable=False),
        sa.Column("fraction", sa.String(length=40), nullable=False),
        sa.Column("district", sa.String(length=9), nullable=False),
        sa.Column("region", sa.String(length=9), nullable=False),
        sa.Column("kg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "month", "okrug", "campaign", "review_status", "fraction", name=op.f("pk_monthly_waste")
        ),
    )
    with op.batch_alter_table("monthly_waste", schema=None) as batch_op:
        batch_op.create_index("ix_monthly_waste_district_month", ["district", "month"], unique=False)

    op.create_table(
        "nil_reports",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nil_reports")),
    )
    with op.batch_alter_table("nil_reports", schema=None) as batch_op:
        batch_op.create_index("ix_nil_reports_okrug_month", ["okrug", "month"], unique=False)

    op.create_table(
        "photos",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photos")),
    )
    op.create_table(
        "places",
        sa.Column("code", sa.String(length=9), nullable=False),
        sa.Column("parent_code", sa.String(length=9), nullable=True),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("name_kk", sa.String(length=200), nullable=False),
        sa.Column("name_ru", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_places")),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=9), nullable=False),
        sa.Column("district", sa.String(length=9), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("settlement", sa.String(length=9), nullable=False),
        sa.Column("action_date", sa.Date(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("campaign", sa.String(length=40), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("area_m2", sa.BigInteger(), nullable=False),
        sa.Column("trees", sa.Integer(), nullable=False),
        sa.Column("total_kg", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("review_status", sa.String(length=16), nullable=False),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.Column("reviewed_revision", sa.Integer(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("missing_photos", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index("ix_records_date", ["action_date"], unique=False)
        batch_op.create_index("ix_records_district_date", ["district", "action_date"], unique=False)
        batch_op.create_index("ix_records_okrug_date", ["okrug", "action_date"], unique=False)

    op.create_table(
        "reference_data",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_reference_data")),
    )
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_tokens")),
    )
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tokens_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("district", sa.String(length=9), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=False),
        sa.Column("incoming_revision", sa.Integer(), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["record_id"], ["records.id"], name=op.f("fk_conflicts_record_id_records"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_conflicts_record_id", ["record_id"], unique=False)

    op.create_table(
        "record_photos",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"], ["records.id"], name=op.f("fk_record_photos_record_id_records"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("record_id", "sha256", name=op.f("pk_record_photos")),
    )
    with op.batch_alter_table("record_photos", schema=None) as batch_op:
        batch_op.create_index("ix_record_photos_sha256", ["sha256"], unique=False)

    op.create_table(
        "record_revisions",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_revisions_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", "revision", name=op.f("pk_record_revisions")),
    )
    op.create_table(
        "record_waste",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("fraction", sa.String(length=40), nullable=False),
        sa.Column("kg", sa.BigInteger(), nullable=False),
        sa.Column("action_date", sa.Date(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("region", sa.String(length=9), nullable=False),
        sa.Column("district", sa.String(length=9), nullable=False),
        sa.Column("okrug", sa.String(length=9), nullable=False),
        sa.Column("settlement", sa.String(length=9), nullable=False),
        sa.Column("campaign", sa.String(length=40), nullable=False),
        sa.Column("review_status", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"], ["records.id"], name=op.f("fk_record_waste_record_id_records"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("record_id", "fraction", name=op.f("pk_record_waste")),
    )
    with op.batch_alter_table("record_waste", schema=None) as batch_op:
        batch_op.create_index("ix_record_waste_date", ["action_date"], unique=False)
        batch_op.create_index("ix_record_waste_district_date", ["district", "action_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record_waste", schema=None) as batch_op:
        batch_op.drop_index("ix_record_waste_district_date")
        batch_op.drop_index("ix_record_waste_date")

    op.drop_table("record_waste")
    op.drop_table("record_revisions")
    with op.batch_alter_table("record_photos", schema=None) as batch_op:
        batch_op.drop_index("ix_record_photos_sha256")

    op.drop_table("record_photos")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_conflicts_record_id")

    op.drop_table("conflicts")
    op.drop_table("users")
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tokens_subject_id"))

    op.drop_table("tokens")
    op.drop_table("reference_data")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index("ix_records_okrug_date")
        batch_op.drop_index("ix_records_district_date")
        batch_op.drop_index("ix_records_date")

    op.drop_table("records")
    op.drop_table("places")
    op.drop_table("photos")
    with op.batch_alter_table("nil_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_nil_reports_okrug_month")

    op.drop_table("nil_reports")
    with op.batch_alter_table("monthly_waste", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_waste_district_month")

    op.drop_table("monthly_waste")
    with op.batch_alter_table("monthly_totals", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_totals_district_month")

    op.drop_table("monthly_totals")
    op.drop_table("enrolments")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_devices_okrug"))

    op.drop_table("devices")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_okrug_seq")
        batch_op.drop_index("ix_changes_district_seq")

    op.drop_table("changes")
    op.drop_table("batches")
