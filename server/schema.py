"""The server's tables (SQLAlchemy Core): one definition for SQLite and PostgreSQL.

Every revision of a record keeps its full JSON (``record_revisions.body``) as the laptop sent it;
``records`` holds the current revision's number and the columns reports and scope checks need.
Every change gets a row in ``changes``, which pulls read. Monthly sums per okrug, campaign and
review status are kept in the same transaction as each change, so a national report reads
thousands of rows, not millions.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

UUID_LEN = 36
KATO = String(9)


class UtcTimestamp(TypeDecorator):
    """A moment in UTC: stored as UTC, always read back aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a timestamp must carry its time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


TS = UtcTimestamp()

places = Table(
    "places",
    metadata,
    Column("code", KATO, primary_key=True),
    Column("parent_code", KATO, nullable=True),
    Column("level", String(16), nullable=False),
    Column("name_kk", String(200), nullable=False),
    Column("name_ru", String(200), nullable=False),
)

reference_data = Table(
    "reference_data",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("body", Text, nullable=False),
    Column("published_at", TS, nullable=False),
)

app_releases = Table(
    # The app releases an admin published, newest last (an empty version: withdrawn). Laptops are
    # told of the newest; with no row at all, of the one in the settings, if any.
    "app_releases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", String(40), nullable=False),
    Column("download_url", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("published_at", TS, nullable=False),
    Column("published_by", String(100), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", String(UUID_LEN), primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(16), nullable=False),
    Column("district", KATO, nullable=True),
    Column("region", KATO, nullable=True),  # a region user's oblast
    Column("created_at", TS, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(UUID_LEN), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("okrug", KATO, nullable=False, index=True),
    Column("created_at", TS, nullable=False),
    Column("last_seen", TS, nullable=True),
    Column("app_version", String(40), nullable=False, default=""),
    Column("waiting", Integer, nullable=False, default=0),
    Column("revoked_at", TS, nullable=True),
    # The key the laptop signs USB bundles with (HMAC-SHA256); given to it once, at enrolment.
    Column("bundle_key", String(64), nullable=True),
)

enrolments = Table(
    "enrolments",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("okrug", KATO, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Column("used_at", TS, nullable=True),
    Column("device_id", String(UUID_LEN), nullable=True),
)

tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("kind", String(8), nullable=False),  # device | user
    Column("subject_id", String(UUID_LEN), nullable=False, index=True),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=True),
    Column("revoked_at", TS, nullable=True),
)

records = Table(
    "records",
    metadata,
    Column("id", String(UUID_LEN), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("region", KATO, nullable=False),
    Column("district", KATO, nullable=False),
    Column("okrug", KATO, nullable=False),
    Column("settlement", KATO, nullable=False),
    Column("action_date", Date, nullable=False),
    Column("month", String(7), nullable=False),
    Column("campaign", String(40), nullable=False),
    Column("participants", Integer, nullable=False),
    Column("area_m2", BigInteger, nullable=False),
    Column("trees", Integer, nullable=False),
    Column("total_kg", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("review_status", String(16), nullable=False),  # pending | accepted | returned
    Column("review_comment", Text, nullable=False, default=""),
    Column("reviewed_revision", Integer, nullable=True),
    Column("reviewed_by", String(100), nullable=True),
    Column("reviewed_at", TS, nullable=True),
    Column("conflict", Boolean, nullable=False, default=False),
    Column("missing_photos", Integer, nullable=False, default=0),
    Column("device_id", String(UUID_LEN), nullable=True),
    Column("received_at", TS, nullable=False),
    # The record's JSON is kept once, in ``record_revisions`` (this revision's row there).
    Index("ix_records_district_date", "district", "action_date"),
    Index("ix_records_okrug_date", "okrug", "action_date"),
    Index("ix_records_date", "action_date"),  # national reports of loose days
)

record_waste = Table(
    # The waste of the live records (a tombstone has none), with the record's date, places,
    # campaign and review status copied beside it so that reports of loose days read this table
    # alone, by date, without joining a million records.
    "record_waste",
    metadata,
    Column("record_id", String(UUID_LEN), ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
    Column("fraction", String(40), primary_key=True),
    Column("kg", BigInteger, nullable=False),
    Column("action_date", Date, nullable=False),
    Column("month", String(7), nullable=False),
    Column("region", KATO, nullable=False),
    Column("district", KATO, nullable=False),
    Column("okrug", KATO, nullable=False),
    Column("settlement", KATO, nullable=False),
    Column("campaign", String(40), nullable=False),
    Column("review_status", String(16), nullable=False),
    Index("ix_record_waste_date", "action_date"),
    Index("ix_record_waste_district_date", "district", "action_date"),
)

record_photos = Table(
    "record_photos",
    metadata,
    Column("record_id", String(UUID_LEN), ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Index("ix_record_photos_sha256", "sha256"),
)

record_revisions = Table(
    "record_revisions",
    metadata,
    Column("record_id", String(UUID_LEN), ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("device_id", String(UUID_LEN), nullable=True),
    Column("received_at", TS, nullable=False),
    Column("body", Text, nullable=False),
    # The laptop's revisions this one was made over ({revision: content hash}, JSON), if any.
    Column("lineage", Text, nullable=True),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_id", String(UUID_LEN), ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
    Column("server_revision", Integer, nullable=False),
    Column("incoming_revision", Integer, nullable=False),
    Column("base_revision", Integer, nullable=False),
    Column("device_id", String(UUID_LEN), nullable=True),
    Column("body", Text, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("resolved_at", TS, nullable=True),
    Index("ix_conflicts_record_id", "record_id"),
)

photos = Table(
    "photos",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),  # the whole photo, as declared when it started
    Column("received", BigInteger, nullable=False, default=0),
    Column("complete", Boolean, nullable=False, default=False),
    Column("created_at", TS, nullable=False),
    Column("completed_at", TS, nullable=True),
    # What the camera said (sent with the first chunk; the upload copy carries no EXIF): its clock's
    # time as ISO 8601 text (an offset only if the camera gave one), and the GPS position.
    Column("taken_at", String(40), nullable=True),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
)

batches = Table(
    "batches",
    metadata,
    Column("batch_id", String(UUID_LEN), primary_key=True),
    Column("device_id", String(UUID_LEN), nullable=False),
    Column("received_at", TS, nullable=False),
    Column("response", Text, nullable=False),
)

changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # record | review | reference
    Column("record_id", String(UUID_LEN), nullable=True),
    Column("okrug", KATO, nullable=True),
    Column("district", KATO, nullable=True),
    Column("at", TS, nullable=False),
    # The writing transaction's id on PostgreSQL (0 on SQLite): pulls read in (txid, seq) order up
    # to the oldest transaction still running (see ``server.sql.log_changes``).
    Column("txid", BigInteger, nullable=False, default=0, server_default="0"),
    Index("ix_changes_okrug_txid_seq", "okrug", "txid", "seq"),
    Index("ix_changes_district_txid_seq", "district", "txid", "seq"),
    Index("ix_changes_txid_seq", "txid", "seq"),
)

nil_reports = Table(
    "nil_reports",
    metadata,
    Column("id", String(UUID_LEN), primary_key=True),
    Column("okrug", KATO, nullable=False),
    Column("month", String(7), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("filed_at", TS, nullable=False),
    Column("withdrawn", Boolean, nullable=False, default=False),
    Column("device_id", String(UUID_LEN), nullable=True),
    Column("received_at", TS, nullable=False),
    Index("ix_nil_reports_okrug_month", "okrug", "month"),
)

duplicate_dismissals = Table(
    # A coordinator's word that records which look alike (one settlement, day, campaign and place)
    # are different actions: the group is not shown as likely duplicates again, on any laptop of the
    # district. Who said it and when are kept; a record added to the group later shows it again.
    "duplicate_dismissals",
    metadata,
    Column("id", String(UUID_LEN), primary_key=True),  # made by the coordinator's laptop
    Column("district", KATO, nullable=False),
    Column("record_ids", Text, nullable=False),  # JSON: the records' ids, sorted
    Column("dismissed_by", String(100), nullable=False),
    Column("dismissed_at", TS, nullable=False),
    Index("ix_duplicate_dismissals_district", "district"),
)

monthly_totals = Table(
    # The sums of the live records of an okrug, month, campaign and review status: a few rows per
    # okrug and month, so a national report reads thousands of rows, not a million. (Settlements
    # are summed from ``records``, scoped to a district as a rule.)
    "monthly_totals",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("okrug", KATO, primary_key=True),
    Column("campaign", String(40), primary_key=True),
    Column("review_status", String(16), primary_key=True),
    Column("district", KATO, nullable=False),
    Column("region", KATO, nullable=False),
    Column("actions", BigInteger, nullable=False),
    Column("participants", BigInteger, nullable=False),
    Column("area_m2", BigInteger, nullable=False),
    Column("trees", BigInteger, nullable=False),
    Index("ix_monthly_totals_district_month", "district", "month"),
)
monthly_waste = Table(
    "monthly_waste",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("okrug", KATO, primary_key=True),
    Column("campaign", String(40), primary_key=True),
    Column("review_status", String(16), primary_key=True),
    Column("fraction", String(40), primary_key=True),
    Column("district", KATO, nullable=False),
    Column("region", KATO, nullable=False),
    Column("kg", BigInteger, nullable=False),
    Index("ix_monthly_waste_district_month", "district", "month"),
)

# -- the month sign-off chain, reporting deadlines and the audit log -------------------------------

NATIONAL_UNIT = "000000000"  # the ministry's unit in ``signoffs``: the whole country

signoffs = Table(
    # A month signed off at one level of the chain (DHIS2's data approval per period and org unit):
    # a district by its coordinator once every record of the month is reviewed and every okrug has
    # reported or said nothing was done; a region after all its districts; the ministry (level
    # ``national``, unit NATIONAL_UNIT) after all the regions. A row is a sign-off in force;
    # reopening removes it, and ``signoff_events`` keeps both. A district month with a row is
    # locked: records of it are held, review decisions refused.
    "signoffs",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("unit", KATO, primary_key=True),  # the district's or the region's KATO code
    Column("level", String(16), nullable=False),  # district | region | national
    Column("region", KATO, nullable=True),  # the unit's oblast (none for the ministry)
    Column("signed_by", String(100), nullable=False),
    Column("signed_at", TS, nullable=False),
    Index("ix_signoffs_month_level", "month", "level"),
)

signoff_events = Table(
    # Every sign-off and every reopening, with who, when and (for a reopening) why: shown with the
    # chain at every level.
    "signoff_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("month", String(7), nullable=False),
    Column("unit", KATO, nullable=False),
    Column("level", String(16), nullable=False),
    Column("region", KATO, nullable=True),
    Column("action", String(16), nullable=False),  # signed | reopened
    Column("actor", String(100), nullable=False),
    Column("role", String(16), nullable=False),
    Column("at", TS, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Index("ix_signoff_events_month_unit", "month", "unit"),
)

report_deadlines = Table(
    # The last day (inclusive, Kazakhstan time) an okrug's report of a month counts as on time, as
    # the admin set it; a month with no row has the default deadline (see server.rates).
    "report_deadlines",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("deadline", Date, nullable=False),
    Column("set_by", String(100), nullable=False),
    Column("set_at", TS, nullable=False),
)

first_reports = Table(
    # When each okrug's first report of each month reached the server: its first record of that
    # month (any revision, by any way) or its first "nothing done". Read against the month's
    # deadline for the on-time reporting rate; kept in the transaction of the push.
    "first_reports",
    metadata,
    Column("okrug", KATO, primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("district", KATO, nullable=False),
    Column("region", KATO, nullable=False),
    Column("first_at", TS, nullable=False),
    Index("ix_first_reports_district_month", "district", "month"),
)

audit_log = Table(
    # Who did what, when and from where: logins (and failed ones), review decisions, sign-offs,
    # reopenings, users and roles, deadlines, devices. Append-only; ``fieldapp-server audit``
    # lists it.
    "audit_log",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", TS, nullable=False),
    Column("actor", String(100), nullable=False),  # a user name, a device id, or "cli"
    Column("role", String(16), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(200), nullable=False, default=""),  # a record id, "2026-03 191010000", a user
    Column("details", Text, nullable=False, default=""),  # JSON
    Column("address", String(64), nullable=False, default=""),  # the caller's IP address
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_target", "target"),
)

__all__ = [name for name, value in globals().items() if isinstance(value, Table)] + [
    "metadata",
    "NATIONAL_UNIT",
]
