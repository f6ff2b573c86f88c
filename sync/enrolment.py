"""Enrolling a laptop: a provisioning file from IT staff (server address, okrug, one-time code), or
the address and code typed by hand, exchanged once for the device's own token and bundle key.

Every way it can go wrong has its own message: a file that is not a provisioning file, an expired
one, a mistyped, used or expired code, a code of another okrug than the laptop's (refused by the
server before it is used up), no connection.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from datetime import datetime
from pathlib import Path

import requests
from pydantic import ValidationError

from fieldapp.device import DeviceCredentials
from fieldapp.i18n import FieldAppError, Localized, msg
from fieldapp.kato import default_kato
from fieldapp.models import utc_now
from sync.client import DEFAULT_TIMEOUTS, ServerClient, Timeouts
from sync.errors import Kind, SyncError
from sync.protocol import Provisioning, Reason

log = logging.getLogger(__name__)

MAX_PROVISIONING_BYTES = 64 * 1024
CODE_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{6,38}[A-Za-z0-9]$")


class EnrolmentError(FieldAppError):
    """Enrolment cannot go on; the message says why and what to do."""


def read_provisioning(path: Path, now: datetime | None = None) -> Provisioning:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_PROVISIONING_BYTES + 1)
    except OSError as exc:
        raise EnrolmentError(msg("sync.provisioning.unreadable", path=str(path), error=exc.strerror)) from exc
    if len(data) > MAX_PROVISIONING_BYTES:
        raise EnrolmentError(msg("sync.provisioning.not_provisioning", path=str(path)))
    try:
        provisioning = Provisioning.model_validate(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError):
        raise EnrolmentError(msg("sync.provisioning.not_provisioning", path=str(path))) from None
    if not hmac.compare_digest(provisioning.check, provisioning.seal()):
        raise EnrolmentError(msg("sync.provisioning.tampered", path=str(path)))
    if provisioning.expires_at <= (now or utc_now()):
        raise EnrolmentError(msg("sync.enrol.expired"))
    return provisioning


def forget_provisioning(path: Path) -> bool:
    """After the laptop enrolled with it, the file's one-time code goes from the disk. False when
    the file could not be removed (a read-only folder): the code is used up on the server anyway."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not remove the used provisioning file %s: %s", path, exc.strerror)
        return False
    return True


def check_server_url(text: str) -> str:
    url = text.strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise EnrolmentError(msg("sync.enrol.bad_address", address=text.strip()))
    return url


def enrol(
    server_url: str,
    code: str,
    *,
    device_name: str,
    okrug: str | None,
    session: requests.Session | None = None,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
) -> DeviceCredentials:
    """Exchange ``code`` at ``server_url`` for this laptop's credentials (not saved here)."""
    url = check_server_url(server_url)
    code = code.strip()
    if not CODE_SHAPE.fullmatch(code):
        raise EnrolmentError(msg("sync.enrol.bad_code"))
    client = ServerClient(url, session=session, timeouts=timeouts)
    try:
        answer = client.enrol(code, device_name, okrug=okrug)
    except SyncError as exc:
        raise _plain(exc) from exc
    finally:
        if session is None:
            client.close()
    return DeviceCredentials(
        server_url=url,
        device_id=answer.device_id,
        okrug=answer.okrug,
        token=answer.token,
        bundle_key=answer.bundle_key,
        enrolled_at=utc_now(),
        device_name=device_name,
        support=answer.support or "",
    )


def place_name(code: str) -> Localized | str:
    place = default_kato().get(code)
    if place is None:
        return code
    return Localized({"kk": place.name_kk, "ru": place.name_ru, "en": place.name_ru})


def _plain(exc: SyncError) -> FieldAppError:
    """The server's refusal of a code in the words of the catalogue; other failures as they are."""
    if exc.kind.no_link:
        return EnrolmentError(msg("sync.enrol.no_link"))
    if exc.kind is not Kind.REFUSED:
        return exc
    if exc.reason == Reason.ENROLMENT_UNKNOWN:
        return EnrolmentError(msg("sync.enrol.unknown"))
    if exc.reason == Reason.ENROLMENT_USED:
        return EnrolmentError(msg("sync.enrol.used"))
    if exc.reason == Reason.ENROLMENT_EXPIRED:
        return EnrolmentError(msg("sync.enrol.expired"))
    if exc.reason == Reason.ENROLMENT_OTHER_OKRUG:
        code_okrug = str(exc.details.get("code_okrug", ""))
        return EnrolmentError(msg("sync.enrol.other_okrug", code_okrug=place_name(code_okrug)))
    if exc.reason == Reason.MALFORMED:
        return EnrolmentError(msg("sync.enrol.bad_code"))
    return exc
