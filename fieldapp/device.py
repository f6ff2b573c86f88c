"""The laptop's enrolment: which server it sends to, as which device, with which secrets.

Kept in ``device.json`` beside the data, written atomically and readable by its owner only (the
token lets anyone send in this okrug's name; the bundle key signs USB bundles). A damaged file is
refused with a message, never silently replaced: the laptop must then be enrolled again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fieldapp.atomic import write_atomic
from fieldapp.i18n import FieldAppError, msg
from fieldapp.models import KatoCode, UtcDateTime


class DeviceCredentials(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    server_url: str = Field(pattern=r"^https?://\S+$", max_length=300)
    device_id: UUID
    okrug: KatoCode
    token: str = Field(min_length=20, max_length=200)
    bundle_key: str = Field(min_length=20, max_length=200)
    enrolled_at: UtcDateTime
    device_name: str = ""
    support: str = ""  # whom to ask for help, as the server said at enrolment

    def __repr__(self) -> str:  # never print the secrets into a log
        return f"DeviceCredentials(device_id={self.device_id}, okrug={self.okrug}, server={self.server_url})"

    __str__ = __repr__


class DeviceFileError(FieldAppError):
    pass


def load_device(path: Path) -> DeviceCredentials | None:
    """The enrolment, or None when this laptop has not been enrolled."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DeviceFileError(msg("device.unreadable", path=str(path), error=exc.strerror)) from exc
    try:
        return DeviceCredentials.model_validate(json.loads(data.decode("utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError, ValidationError):
        raise DeviceFileError(msg("device.damaged", path=str(path))) from None


def save_device(credentials: DeviceCredentials, path: Path) -> None:
    write_atomic(path, credentials.model_dump_json(indent=2).encode("utf-8"))
    if os.name == "posix":
        path.chmod(0o600)


def forget_device(path: Path) -> None:
    """Drop the enrolment (revoked by the server, or enrolling again)."""
    path.unlink(missing_ok=True)


def device_name_default() -> str:
    """What the server lists the laptop as, unless someone names it: the computer's name."""
    import platform

    return (platform.node() or "laptop")[:100]
