"""Protocol version 1: what the laptops, the coordinators' apps and the server say to each other.

One definition for both sides (the server validates requests with these models, the client builds
them). Everything lives under ``/api/v1``; every request carries ``X-Taza-Protocol: 1``, and a side
that does not speak the other's version says so plainly (HTTP 426, reason ``protocol_mismatch``).

Quantities stay integers on the wire (kilograms, square metres) as in the record itself. Errors are
``{"error": {"reason": "...", "message": "...", "details": {...}}}`` with a 4xx status; ``reason``
is machine-readable and stable (:class:`Reason`), ``message`` is for a log, not for a person (the
client shows its own translated text for each reason).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from fieldapp.models import CleanupAction, KatoCode, Sha256Hex, Status, UtcDateTime
from fieldapp.reference import ReferenceData
from fieldapp.reporting import Rate, Reporting, State
from fieldapp.support import MAX_SUPPORT_LENGTH
from fieldapp.updates import MAX_NOTES_LENGTH, MAX_URL_LENGTH, MAX_VERSION_LENGTH, release_tag

PROTOCOL_VERSION = 1
API_PREFIX = f"/api/v{PROTOCOL_VERSION}"
PROTOCOL_HEADER = "X-Taza-Protocol"
APP_VERSION_HEADER = "X-Taza-App-Version"

# Limits the server enforces and the client respects when it builds batches.
MAX_BATCH_RECORDS = 1000
MAX_PULL_LIMIT = 5000


class Reason(StrEnum):
    """Why a request or a record was refused: the same words on both sides."""

    PROTOCOL_MISMATCH = "protocol_mismatch"
    UNAUTHENTICATED = "unauthenticated"  # no token, or one that never existed
    TOKEN_REVOKED = "token_revoked"  # the device was revoked: enrol again
    TOKEN_EXPIRED = "token_expired"  # a user's session ended: log in again
    FORBIDDEN = "forbidden"  # outside the caller's okrug or district, or not its role
    BAD_CREDENTIALS = "bad_credentials"
    ENROLMENT_UNKNOWN = "enrolment_unknown"
    ENROLMENT_USED = "enrolment_used"
    ENROLMENT_EXPIRED = "enrolment_expired"
    ENROLMENT_OTHER_OKRUG = "enrolment_other_okrug"  # the code is for another okrug: left unused
    MALFORMED = "malformed"  # not JSON, wrong types, missing fields
    TOO_LARGE = "too_large"  # body, decompressed body, batch or photo over the limit
    BAD_ENCODING = "bad_encoding"  # a Content-Encoding the server does not take, or broken gzip
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    HASH_MISMATCH = "hash_mismatch"
    BAD_OFFSET = "bad_offset"
    BAD_BUNDLE = "bad_bundle"  # a USB bundle refused whole; details.problem says why
    VALIDATION = "validation"  # a record that breaks the rules
    SCOPE = "scope"  # a record outside the device's okrug
    # The record's month is signed off (details: month, closed_by = district | region | national):
    # the laptop keeps it and sends it once the month is reopened.
    MONTH_CLOSED = "month_closed"
    NOT_READY = "not_ready"  # a month that cannot be signed off yet: details say what stands in the way
    SERVER_ERROR = "server_error"  # a bug on the server: try again later


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(Wire):
    reason: Reason
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(Wire):
    error: ErrorBody


# -- who is calling --------------------------------------------------------------------------------


class Role(StrEnum):
    DEVICE = "device"  # a village laptop: its okrug
    COORDINATOR = "coordinator"  # a district
    REGION = "region"  # an oblast: reads its districts, writes no records nor record decisions
    NATIONAL = "national"  # the ministry: reads everything, writes no records nor record decisions
    ADMIN = "admin"  # everything


EnrolmentCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=40)]


class EnrolRequest(Wire):
    code: EnrolmentCode
    device_name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    app_version: Annotated[str, StringConstraints(max_length=40)] = ""
    # The okrug the laptop already reports for, if any: a code made for another one is refused
    # (and stays unused) instead of binding the laptop to the wrong okrug.
    okrug: KatoCode | None = None


class EnrolResponse(Wire):
    device_id: UUID
    token: str  # shown once; the server keeps only its hash
    okrug: KatoCode
    server_time: UtcDateTime
    bundle_key: str  # the device's key for signing USB bundles (HMAC-SHA256), shown once
    # Whom to ask for help, as IT staff set it on the server; only to a caller that asked
    # (``?support=``): an older app refuses fields it does not know.
    support: str | None = Field(None, max_length=MAX_SUPPORT_LENGTH)


class LoginRequest(Wire):
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class LoginResponse(Wire):
    token: str
    expires_at: UtcDateTime
    role: Role
    district: KatoCode | None = None  # a coordinator's district
    region: KatoCode | None = None  # a region user's oblast (none for national: it sees all)


class Provisioning(Wire):
    """The file IT staff put next to the app (or open from its menu) to enrol a laptop."""

    kind: Literal["taza-field-provisioning"] = "taza-field-provisioning"
    server_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=300)]
    okrug: KatoCode
    code: EnrolmentCode
    expires_at: UtcDateTime
    # SHA-256 of the fields above as the server wrote them: a file edited or damaged since (an okrug
    # changed by hand, a line lost) is refused whole before its code is sent anywhere.
    check: str = ""

    def seal(self) -> str:
        fields = self.model_dump(mode="json", exclude={"check"})
        return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def sealed(self) -> Provisioning:
        return self.model_copy(update={"check": self.seal()})


# -- push --------------------------------------------------------------------------------------------


ContentHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
MAX_LINEAGE = 100


class PushRecord(Wire):
    """One record as it stands on the laptop, and the server revision it was made from (0: new).

    ``lineage`` names the laptop's own revisions between ``base_revision`` and this one (revision →
    :meth:`CleanupAction.content_hash`): if one of them reached the server by another way (a USB
    bundle, an answer lost on the way back), the server recognises it as this record's ancestor
    instead of calling it a conflict.
    """

    record: CleanupAction
    base_revision: int = Field(ge=0)
    lineage: dict[int, ContentHash] = Field(default_factory=dict, max_length=MAX_LINEAGE)


Month = Annotated[str, StringConstraints(pattern=r"^20[2-9][0-9]-(0[1-9]|1[0-2])$")]


class NilReport(Wire):
    """A village's explicit statement that no clean-up took place in a month."""

    id: UUID
    okrug: KatoCode
    month: Month
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""
    filed_at: UtcDateTime
    withdrawn: bool = False  # a record for that month came after all


class PushBatch(Wire):
    batch_id: UUID  # the same batch sent again gets the same answer and changes nothing
    records: list[PushRecord] = Field(default_factory=list, max_length=MAX_BATCH_RECORDS)
    nil_reports: list[NilReport] = Field(default_factory=list, max_length=120)
    waiting: int = Field(default=0, ge=0)  # records still in the laptop's outbox after this batch


class Outcome(StrEnum):
    APPLIED = "applied"  # stored as the record's newest revision
    ALREADY = "already"  # the server had this revision already
    CONFLICT = "conflict"  # made from an older revision than the server holds: both kept, flagged
    REJECTED = "rejected"  # refused; ``reason`` says why, the rest of the batch is unaffected


class RecordResult(Wire):
    id: UUID
    revision: int
    outcome: Outcome
    reason: Reason | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    missing_photos: list[Sha256Hex] = Field(default_factory=list)  # the server waits for these


class PushResponse(Wire):
    batch_id: UUID
    results: list[RecordResult]
    nil_reports: list[RecordResult] = Field(default_factory=list)  # revision 1 each


# -- photos ------------------------------------------------------------------------------------------


class PhotoState(Wire):
    sha256: Sha256Hex
    received: int = Field(ge=0)  # bytes the server holds; send from here
    complete: bool


MAX_TAKEN_AT_LENGTH = 40


class PhotoFacts(Wire):
    """What the camera said of a photo (its EXIF, read on the laptop; the upload copy has none):
    when (the camera's clock, ISO 8601, with its offset if it gave one) and where."""

    sha256: Sha256Hex
    taken_at: Annotated[str, StringConstraints(max_length=MAX_TAKEN_AT_LENGTH)] | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @field_validator("taken_at")
    @classmethod
    def _a_time(cls, value: str | None) -> str | None:
        if value is not None:
            datetime.fromisoformat(value)  # ValueError: not a time
        return value


# -- pull --------------------------------------------------------------------------------------------


class ReviewDecision(Wire):
    """A coordinator's decision about one revision of one record."""

    record_id: UUID
    revision: int = Field(ge=1)
    decision: Literal[Status.ACCEPTED, Status.RETURNED]
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""
    decided_at: UtcDateTime | None = None
    decided_by: str = ""


class ServerRecord(Wire):
    """The server's copy of one record (to show beside the laptop's in a conflict)."""

    record: CleanupAction  # with the server's status and review comment
    conflict: bool  # versions made from an older revision wait for a person


class AppRelease(Wire):
    """The newest app release the server publishes (``fieldapp-server release set``). The app only
    tells the person; it never downloads or installs anything. An empty ``version``: none."""

    version: str = Field("", max_length=MAX_VERSION_LENGTH)
    download_url: str = Field("", max_length=MAX_URL_LENGTH)
    notes: str = Field("", max_length=MAX_NOTES_LENGTH)

    @property
    def tag(self) -> str:
        return release_tag(self.version, self.download_url, self.notes)


class ReleaseRequest(Wire):
    """An admin publishes a release (``PUT /release``)."""

    version: str = Field(min_length=1, max_length=MAX_VERSION_LENGTH)
    download_url: str = Field(min_length=1, max_length=MAX_URL_LENGTH)
    notes: str = Field("", max_length=MAX_NOTES_LENGTH)


class PullResponse(Wire):
    cursor: str  # opaque; send it back to get what changed after
    more: bool  # there is more to fetch right away
    decisions: list[ReviewDecision] = Field(default_factory=list)
    reference: ReferenceData | None = None  # newer reference data, if the server has one
    records: list[CleanupAction] = Field(default_factory=list)  # a coordinator's district
    review_status: dict[str, str] = Field(default_factory=dict)  # record id → review status
    conflicts: list[UUID] = Field(default_factory=list)  # of those, the ones flagged for a person
    nil_reports: list[NilReport] = Field(default_factory=list)  # a district's "nothing this month"
    # The months (YYYY-MM) of the caller's district that are signed off and locked, newest first:
    # a laptop holds its records of them until one is reopened (then it is no longer listed). Only
    # to a caller that asked with ``closed_months=true`` (left out of the JSON otherwise: an older
    # app refuses fields it does not know).
    closed_months: list[Month] | None = None
    # The published app release, only to a caller that asked with ``release=TAG`` and knows
    # another one (an empty version: none any more). Left out of the JSON when None: an older app,
    # which does not ask, refuses fields it does not know.
    release: AppRelease | None = None
    # Whom to ask for help (``ServerSettings.support_contact``), to a caller that asked with
    # ``support=TAG`` and knows another one ("" : none any more). Left out when None, as ``release``.
    support: str | None = Field(None, max_length=MAX_SUPPORT_LENGTH)


class ReviewBatch(Wire):
    decisions: list[ReviewDecision] = Field(min_length=1, max_length=MAX_BATCH_RECORDS)


class ReviewResult(Wire):
    record_id: UUID
    outcome: Outcome
    reason: Reason | None = None


class ReviewResponse(Wire):
    results: list[ReviewResult]


MAX_GROUP_RECORDS = 50


class DuplicateDismissal(Wire):
    """A coordinator's "Not duplicates": these records look alike but are different actions."""

    id: UUID  # made by the coordinator's laptop: sending it again changes nothing
    record_ids: list[UUID] = Field(min_length=2, max_length=MAX_GROUP_RECORDS)


class DismissalBatch(Wire):
    dismissals: list[DuplicateDismissal] = Field(min_length=1, max_length=MAX_BATCH_RECORDS)


class DismissalResult(Wire):
    id: UUID
    outcome: Outcome  # applied | already | rejected
    reason: Reason | None = None


class DismissalResponse(Wire):
    results: list[DismissalResult]


class DismissalInfo(Wire):
    """A dismissal as the server keeps it: with who said it and when."""

    id: UUID
    record_ids: list[UUID]
    dismissed_by: str
    dismissed_at: UtcDateTime


class DismissalList(Wire):
    dismissals: list[DismissalInfo]


# -- consolidation -------------------------------------------------------------------------------------


class TotalsRow(Wire):
    group: dict[str, str]
    actions: int
    participants: int
    area_m2: int
    trees: int
    kg_by_fraction: dict[str, int]

    @property
    def total_kg(self) -> int:
        return sum(self.kg_by_fraction.values())


class TotalsResponse(Wire):
    start: date
    end: date  # exclusive
    group_by: list[str]
    rows: list[TotalsRow]


class Completeness(StrEnum):
    REPORTED = "reported"  # at least one record that month
    NOTHING = "nothing"  # an explicit report that nothing was done
    MISSING = "missing"


class ReportingRate(Wire):
    """``done`` of ``expected`` months reported (records or "nothing done")."""

    done: int
    expected: int

    @classmethod
    def of(cls, rate: Rate) -> ReportingRate:
        return cls(done=rate.done, expected=rate.expected)


class CompletenessRow(Wire):
    okrug: KatoCode
    months: dict[str, Completeness]  # "2026-05" → the fact: reported, nothing or missing
    last_sync: UtcDateTime | None = None
    app_version: str = ""
    # The months read against the calendar (fieldapp.reporting): the month under way and the months
    # before the okrug's first record or nil report (``first_month``) are not expected yet.
    states: dict[str, State] = Field(default_factory=dict)
    first_month: str | None = None
    rate: ReportingRate | None = None


class CompletenessResponse(Wire):
    year: int
    rows: list[CompletenessRow]
    this_month: str | None = None  # YYYY-MM, in Kazakhstan, when the report was made
    month_rates: dict[str, ReportingRate] = Field(default_factory=dict)
    rate: ReportingRate | None = None  # of the whole matrix

    def reporting(self) -> Reporting:
        """The matrix as fieldapp.reporting reads it (made by ``read_against``)."""
        first = {row.okrug: row.first_month for row in self.rows if row.first_month}
        return self._read(first, self.this_month or "")

    def _read(self, first: dict[str, str], this_month: str) -> Reporting:
        facts = {row.okrug: {m: s.value for m, s in row.months.items()} for row in self.rows}
        return Reporting(facts, {o: first[o] for o in facts if o in first}, this_month)

    def read_against(self, first: dict[str, str], this_month: str) -> CompletenessResponse:
        """This matrix with its states and rates: ``first`` holds each okrug's first month with a
        record or a nil report, ``this_month`` today's YYYY-MM."""
        found = self._read(first, this_month)
        rows = [
            row.model_copy(
                update={
                    "states": found.states(row.okrug),
                    "first_month": first.get(row.okrug),
                    "rate": ReportingRate.of(found.rate(okrug=row.okrug)),
                }
            )
            for row in self.rows
        ]
        return self.model_copy(
            update={
                "rows": rows,
                "this_month": this_month,
                "month_rates": {m: ReportingRate.of(found.rate(month=m)) for m in found.months},
                "rate": ReportingRate.of(found.rate()),
            }
        )


class BundleImport(Wire):
    """What importing a USB bundle did."""

    device_id: UUID
    okrug: KatoCode
    batches: int
    records: dict[str, int]  # outcome → how many records
    photos_stored: int
    photos_had: int


class VersionResponse(Wire):
    server: str
    protocols: list[int]
    latest_app_version: str = ""
    download_url: str = ""
    release_notes: str = ""


class HealthResponse(Wire):
    status: Literal["ok"]
    database: str


class DeviceInfo(Wire):
    device_id: UUID
    name: str
    okrug: KatoCode
    created_at: datetime
    last_seen: datetime | None = None
    app_version: str = ""
    waiting: int = 0
    revoked: bool = False


# -- the month sign-off chain (district → region → ministry) ----------------------------------------


class SignoffLevel(StrEnum):
    DISTRICT = "district"  # by the district's coordinator
    REGION = "region"  # by the oblast's region user
    NATIONAL = "national"  # the ministry accepts the month for the country


class SignoffRequest(Wire):
    """Sign off a month, or reopen it (with a reason). ``unit`` is the district or region: by default
    the caller's own (a coordinator's district, a region user's oblast); a region user reopening one
    of its districts, or an admin, names it. The ministry's level has no unit."""

    month: Month
    decision: Literal["sign", "reopen"]
    level: SignoffLevel | None = None  # default: the caller's own level
    unit: KatoCode | None = None
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""


class SignoffEvent(Wire):
    month: Month
    level: SignoffLevel
    unit: str  # KATO code; "000000000" for the ministry
    action: Literal["signed", "reopened"]
    actor: str
    role: str
    at: UtcDateTime
    reason: str = ""


class UnitSignoff(Wire):
    """One unit's place in the chain for a month: signed or not, and what still stands in the way."""

    level: SignoffLevel
    unit: str  # KATO code; "000000000" for the ministry
    signed: bool
    signed_by: str = ""
    signed_at: UtcDateTime | None = None
    # What keeps it from being signed now (empty: it may be): pending_records, conflicts,
    # missing_okrugs (district); unsigned_districts (region); unsigned_regions (national);
    # month_not_over — each a count.
    blockers: dict[str, int] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)  # the okrugs / districts / regions still to come


class SignoffChain(Wire):
    """A month's chain as far as the caller sees: the ministry, the regions, the districts."""

    month: Month
    national: UnitSignoff
    regions: list[UnitSignoff] = Field(default_factory=list)
    districts: list[UnitSignoff] = Field(default_factory=list)
    events: list[SignoffEvent] = Field(default_factory=list)  # oldest first


class SignoffResponse(Wire):
    outcome: Outcome  # applied, or already (it was signed / open already)
    unit: UnitSignoff
    chain: SignoffChain


# -- reporting rates (DHIS2's REPORTING_RATE and REPORTING_RATE_ON_TIME) -------------------------------


class RateCell(Wire):
    """Of one unit (okrug, district or region) and one month, or summed over months or units."""

    expected: int = 0  # okrug-months expected to report
    actual: int = 0  # of them, reported: records or "nothing done"
    on_time: int = 0  # of those, by the month's deadline
    nothing: int = 0  # of the actual, "nothing done"

    @property
    def reporting_rate(self) -> float | None:
        return self.actual / self.expected if self.expected else None

    @property
    def reporting_rate_on_time(self) -> float | None:
        return self.on_time / self.expected if self.expected else None


class RatesRow(Wire):
    unit: KatoCode
    level: Literal["okrug", "district", "region"]
    months: dict[str, RateCell]  # "2026-03" → the cell
    total: RateCell


class RatesResponse(Wire):
    year: int
    level: Literal["okrug", "district", "region"]
    months: list[str]
    deadlines: dict[str, date]  # each month's deadline (the last day on time, Kazakhstan time)
    rows: list[RatesRow]
    month_totals: dict[str, RateCell] = Field(default_factory=dict)
    total: RateCell = Field(default_factory=RateCell)
