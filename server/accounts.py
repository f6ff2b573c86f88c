"""Devices and people: enrolment, login, and who a token belongs to.

Functions of a database connection; the caller owns the transaction.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import Connection, select, update

from server import clock
from server import schema as t
from server.errors import ApiError
from server.security import (
    check_password,
    code_hash,
    hash_password,
    new_enrolment_code,
    new_token,
    same,
    token_hash,
)
from sync.protocol import Reason, Role

log = logging.getLogger(__name__)


def now_utc() -> datetime:
    return clock.now()


@dataclass(frozen=True)
class Principal:
    """Who is calling: a device of one okrug, a coordinator of one district, a region user of one
    oblast, a national user (all of them, reading) or an admin."""

    role: Role
    subject_id: str
    name: str
    okrug: str | None = None  # a device's
    district: str | None = None  # a coordinator's
    region: str | None = None  # a region user's


# -- devices -------------------------------------------------------------------------------------


def create_enrolment(
    conn: Connection, okrug: str, days: int, now: datetime | None = None
) -> tuple[str, datetime]:
    """A one-time code for a laptop of ``okrug``; only its hash is kept."""
    now = now or now_utc()
    code = new_enrolment_code()
    expires = now + timedelta(days=days)
    conn.execute(
        t.enrolments.insert().values(
            code_hash=code_hash(code), okrug=okrug, created_at=now, expires_at=expires
        )
    )
    return code, expires


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    token: str  # shown once; only its hash is kept
    okrug: str
    bundle_key: str  # the device signs USB bundles with it (HMAC-SHA256)


def enrol(
    conn: Connection,
    code: str,
    device_name: str,
    app_version: str,
    now: datetime | None = None,
    okrug: str | None = None,
) -> Enrolled:
    """Exchange a code for a device, its token and its bundle key. ``okrug``: the one the laptop
    reports for already; a code for another is refused and left unused."""
    now = now or now_utc()
    row = conn.execute(select(t.enrolments).where(t.enrolments.c.code_hash == code_hash(code))).first()
    if row is None:
        raise ApiError(404, Reason.ENROLMENT_UNKNOWN, "no such enrolment code")
    if row.used_at is not None:
        raise ApiError(409, Reason.ENROLMENT_USED, "this enrolment code was used already")
    if row.expires_at < now:
        raise ApiError(410, Reason.ENROLMENT_EXPIRED, "this enrolment code has expired")
    if okrug is not None and row.okrug != okrug:
        raise ApiError(
            409,
            Reason.ENROLMENT_OTHER_OKRUG,
            "this enrolment code is for another okrug than the laptop's",
            code_okrug=row.okrug,
            laptop_okrug=okrug,
        )
    device_id = str(uuid.uuid4())
    token, bundle_key = new_token(), new_token()
    used = conn.execute(
        update(t.enrolments)
        .where(t.enrolments.c.code_hash == row.code_hash, t.enrolments.c.used_at.is_(None))
        .values(used_at=now, device_id=device_id)
    )
    if used.rowcount != 1:  # another laptop took it in the same instant
        raise ApiError(409, Reason.ENROLMENT_USED, "this enrolment code was used already")
    conn.execute(
        t.devices.insert().values(
            id=device_id,
            name=device_name,
            okrug=row.okrug,
            created_at=now,
            app_version=app_version,
            waiting=0,
            bundle_key=bundle_key,
        )
    )
    conn.execute(
        t.tokens.insert().values(
            token_hash=token_hash(token), kind="device", subject_id=device_id, created_at=now
        )
    )
    log.info("device %s (%s) enrolled for okrug %s", device_id, device_name, row.okrug)
    return Enrolled(device_id, token, row.okrug, bundle_key)


def revoke_device(conn: Connection, device_id: str, now: datetime | None = None) -> bool:
    now = now or now_utc()
    done = conn.execute(
        update(t.devices)
        .where(t.devices.c.id == device_id, t.devices.c.revoked_at.is_(None))
        .values(revoked_at=now)
    ).rowcount
    conn.execute(
        update(t.tokens)
        .where(t.tokens.c.subject_id == device_id, t.tokens.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(done)


def touch_device(
    conn: Connection, device_id: str, app_version: str, waiting: int | None, now: datetime
) -> None:
    values: dict[str, object] = {"last_seen": now}
    if app_version:
        values["app_version"] = app_version[:40]
    if waiting is not None:
        values["waiting"] = waiting
    conn.execute(update(t.devices).where(t.devices.c.id == device_id).values(**values))


# -- people --------------------------------------------------------------------------------------


def create_user(
    conn: Connection,
    username: str,
    password: str,
    role: Role,
    district: str | None,
    region: str | None = None,
) -> str:
    if role is Role.DEVICE:
        raise ValueError("devices enrol; they are not users")
    if role is Role.COORDINATOR and not district:
        raise ValueError("a coordinator needs a district")
    if role is Role.REGION and not region:
        raise ValueError("a region user needs a region")
    user_id = str(uuid.uuid4())
    conn.execute(
        t.users.insert().values(
            id=user_id,
            username=username,
            password_hash=hash_password(password),
            role=role.value,
            district=district if role is Role.COORDINATOR else None,
            region=region if role is Role.REGION else None,
            created_at=now_utc(),
            disabled=False,
        )
    )
    return user_id


def login(
    conn: Connection, username: str, password: str, hours: int, now: datetime | None = None
) -> tuple[str, datetime, Role, str | None, str | None]:
    """A session token, when it expires, and whose: role, district (a coordinator's), region."""
    now = now or now_utc()
    user = conn.execute(select(t.users).where(t.users.c.username == username)).first()
    # The KDF runs even for an unknown name, so timing does not tell which names exist.
    stored = user.password_hash if user is not None else _dummy_hash()
    if not check_password(password, stored) or user is None or user.disabled:
        log.warning("failed login for %r", username)
        raise ApiError(401, Reason.BAD_CREDENTIALS, "wrong user name or password")
    token = new_token()
    expires = now + timedelta(hours=hours)
    conn.execute(
        t.tokens.insert().values(
            token_hash=token_hash(token), kind="user", subject_id=user.id, created_at=now, expires_at=expires
        )
    )
    return token, expires, Role(user.role), user.district, user.region


@cache
def _dummy_hash() -> str:
    return hash_password("not a real password")


# -- who is calling ------------------------------------------------------------------------------


def authenticate(conn: Connection, token: str | None, now: datetime | None = None) -> Principal:
    now = now or now_utc()
    if not token:
        raise ApiError(401, Reason.UNAUTHENTICATED, "a token is needed")
    digest = token_hash(token)
    row = conn.execute(select(t.tokens).where(t.tokens.c.token_hash == digest)).first()
    if row is None or not same(row.token_hash, digest):
        raise ApiError(401, Reason.UNAUTHENTICATED, "unknown token")
    if row.revoked_at is not None:
        raise ApiError(401, Reason.TOKEN_REVOKED, "this token was revoked")
    if row.expires_at is not None and row.expires_at <= now:
        raise ApiError(401, Reason.TOKEN_EXPIRED, "this session has expired: log in again")
    if row.kind == "device":
        device = conn.execute(select(t.devices).where(t.devices.c.id == row.subject_id)).first()
        if device is None or device.revoked_at is not None:
            raise ApiError(401, Reason.TOKEN_REVOKED, "this device was revoked")
        return Principal(Role.DEVICE, device.id, device.name, okrug=device.okrug)
    user = conn.execute(select(t.users).where(t.users.c.id == row.subject_id)).first()
    if user is None or user.disabled:
        raise ApiError(401, Reason.TOKEN_REVOKED, "this account is disabled")
    return Principal(Role(user.role), user.id, user.username, district=user.district, region=user.region)


def revoke_token(conn: Connection, token: str, now: datetime | None = None) -> None:
    conn.execute(
        update(t.tokens).where(t.tokens.c.token_hash == token_hash(token)).values(revoked_at=now or now_utc())
    )
