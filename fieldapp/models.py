"""The clean-up action record: the single definition the store, the wire and the forms derive from.

Quantities are integers: kilograms for waste (typed as tonnes), square metres for area (typed as
hectares). Every change to a record is a new revision; deletion is a tombstone revision. The
record's ``status`` is its lifecycle: a person sets ``draft`` or ``ready``; ``sent`` (the server
has it) and ``accepted`` / ``returned`` (the coordinator's decision, with ``review_comment``) come
from the server.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Self
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from fieldapp.ids import uuid7

# Hard limits: beyond these a value is a typing error, not an unusual clean-up.
MAX_PARTICIPANTS = 100_000
MAX_KG_PER_FRACTION = 10_000_000  # 10,000 t
MAX_AREA_M2 = 1_000_000_000  # 100,000 ha, the size of a large rural okrug
MAX_TREES = 1_000_000
MAX_PHOTOS = 50
MAX_FRACTIONS = 30
MAX_PLACE_CHARS = 300
MAX_NOTES_CHARS = 2000
MAX_REPORTER_CHARS = 200
MAX_COMMENT_CHARS = 2000
EARLIEST_DATE = date(2024, 1, 1)  # the programme's records start in 2024


class Status(StrEnum):
    DRAFT = "draft"  # being written; stays on the laptop
    READY = "ready"  # to be sent
    SENT = "sent"  # the server has this revision
    ACCEPTED = "accepted"  # the coordinator accepted it
    RETURNED = "returned"  # the coordinator sent it back with a comment

    @property
    def set_by_person(self) -> bool:
        """Statuses the village user chooses; the others come from the server."""
        return self in (Status.DRAFT, Status.READY)


class PhotoRole(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"
    OTHER = "other"


# Unicode's control characters (category Cc) but tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean_text(value: Any) -> Any:
    """NFC, no control characters but newlines and tabs, no surrounding whitespace."""
    if not isinstance(value, str) or not value:
        return value
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return _CONTROL.sub("", value).strip()


def _single_line(value: str) -> str:
    return " ".join(value.split())


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("timestamp must carry a time zone")
    return value.astimezone(UTC)


KatoCode = Annotated[str, StringConstraints(pattern=r"^\d{9}$")]
RefCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,39}$")]
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Line = Annotated[str, BeforeValidator(_clean_text), AfterValidator(_single_line)]
Text = Annotated[str, BeforeValidator(_clean_text)]
UtcDateTime = Annotated[datetime, AfterValidator(_utc)]


def utc_now() -> datetime:
    return datetime.now(UTC)


class GeoPoint(BaseModel):
    """WGS 84 position in degrees, kept to 6 decimals (about 10 cm)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)

    @field_validator("lat", "lon")
    @classmethod
    def _round(cls, value: float) -> float:
        return round(value, 6)


class WasteAmount(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fraction: RefCode
    kg: int = Field(ge=0, le=MAX_KG_PER_FRACTION)


class PhotoRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sha256: Sha256Hex
    role: PhotoRole = PhotoRole.OTHER


class CleanupAction(BaseModel):
    """One revision of one clean-up action."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_max_length=10_000)

    id: UUID
    revision: int = Field(ge=1)
    okrug: KatoCode
    settlement: KatoCode
    action_date: date
    campaign: RefCode
    place: Line = Field(default="", max_length=MAX_PLACE_CHARS)
    gps: GeoPoint | None = None
    participants: int = Field(ge=0, le=MAX_PARTICIPANTS)
    waste: tuple[WasteAmount, ...] = Field(default=(), max_length=MAX_FRACTIONS)
    area_m2: int = Field(default=0, ge=0, le=MAX_AREA_M2)
    trees: int = Field(default=0, ge=0, le=MAX_TREES)
    notes: Text = Field(default="", max_length=MAX_NOTES_CHARS)
    reporter: Line = Field(default="", max_length=MAX_REPORTER_CHARS)
    photos: tuple[PhotoRef, ...] = Field(default=(), max_length=MAX_PHOTOS)
    status: Status = Status.DRAFT
    review_comment: Text = Field(default="", max_length=MAX_COMMENT_CHARS)
    created_at: UtcDateTime
    updated_at: UtcDateTime
    deleted: bool = False

    @field_validator("waste")
    @classmethod
    def _one_amount_per_fraction(cls, value: tuple[WasteAmount, ...]) -> tuple[WasteAmount, ...]:
        fractions = [amount.fraction for amount in value]
        if len(set(fractions)) != len(fractions):
            raise ValueError("each waste fraction may appear once")
        if fractions == sorted(fractions) and all(amount.kg for amount in value):
            return value  # as stored and sent: in order, no zeros (a server checks 1,000s of these)
        # Zero amounts carry nothing; keeping them would make equal records compare unequal.
        return tuple(sorted((a for a in value if a.kg), key=lambda a: a.fraction))

    @field_validator("photos")
    @classmethod
    def _each_photo_once(cls, value: tuple[PhotoRef, ...]) -> tuple[PhotoRef, ...]:
        hashes = [ref.sha256 for ref in value]
        if len(set(hashes)) != len(hashes):
            raise ValueError("each photo may be attached once")
        return value

    @model_validator(mode="after")
    def _times_in_order(self) -> Self:
        if self.updated_at < self.created_at:
            raise ValueError("updated_at is before created_at")
        return self

    # -- derived figures -------------------------------------------------------------------

    @property
    def total_kg(self) -> int:
        return sum(amount.kg for amount in self.waste)

    def kg_of(self, fraction: str) -> int:
        return next((a.kg for a in self.waste if a.fraction == fraction), 0)

    # -- making revisions ------------------------------------------------------------------

    @classmethod
    def new(cls, *, now: datetime | None = None, **fields: Any) -> CleanupAction:
        """A first revision with a fresh time-ordered id."""
        stamp = now or utc_now()
        return cls.model_validate(
            {"id": uuid7(), "revision": 1, "created_at": stamp, "updated_at": stamp, **fields}
        )

    def revise(self, *, now: datetime | None = None, **changes: Any) -> CleanupAction:
        """The next revision with ``changes`` applied, validated like a new record."""
        data = self.model_dump()
        data.update(changes)
        data["revision"] = self.revision + 1
        data["updated_at"] = max(now or utc_now(), self.updated_at)
        return type(self).model_validate(data)

    def content_hash(self) -> str:
        """What this revision says, leaving out what the server sets (status, review comment):
        the same on the laptop and on the server for the same revision. 32 hex digits."""
        data = self.model_dump(mode="json", exclude={"status", "review_comment"})
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def with_server_state(self, **changes: Any) -> CleanupAction:
        """The same revision with server-owned fields changed (status, review comment)."""
        data = self.model_dump()
        data.update(changes)
        return type(self).model_validate(data)
