"""The user's settings: declared once, typed, each with its default and help text.

Kept as JSON beside the data (``settings.json``), written atomically. A damaged or hand-edited file
that does not validate is refused with a message saying which setting is wrong; it is never
overwritten silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fieldapp.atomic import write_atomic
from fieldapp.i18n import FieldAppError, msg
from fieldapp.models import KatoCode, Line


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    language: Literal["kk", "ru", "en"] | None = Field(
        default=None,
        description="Language of the app; none means the system's language.",
    )
    okrug: KatoCode | None = Field(
        default=None,
        description="KATO code of the rural okrug this laptop reports for (set at first start).",
    )
    reporter: Line = Field(
        default="",
        max_length=200,
        description="Name put in «Reported by» of new records.",
    )
    role: Literal["village", "coordinator"] = Field(
        default="village",
        description="Who uses this laptop: a village's akimat (logs actions) or a district coordinator.",
    )


class SettingsError(FieldAppError):
    pass


def load_settings(path: Path) -> Settings:
    """The settings at ``path``, or the defaults when there is no file yet."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(msg("settings.unreadable", path=str(path), error=exc.strerror)) from exc
    try:
        return Settings.model_validate(json.loads(data.decode("utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise SettingsError(msg("settings.not_json", path=str(path))) from None
    except ValidationError as exc:
        names = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        raise SettingsError(msg("settings.invalid", path=str(path), names=names)) from None


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash leaves either the old file or the new one, never half of one."""
    write_atomic(path, settings.model_dump_json(indent=2, exclude_defaults=True).encode("utf-8"))
