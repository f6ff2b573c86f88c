"""The server's configuration: environment variables (``TAZA_SERVER_*``) or a ``.env`` file.

Declared once, typed, each with its default and help text. The defaults make a development server
that runs with no setup at all (SQLite and photos in ``./server-data``). In production the server
refuses to start on them: the database, the photo folder and the public address must be given,
and the address must be https.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from fieldapp.support import MAX_SUPPORT_LENGTH

DEFAULT_DATA = Path("server-data")


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TAZA_SERVER_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = Field(
        "development", description="production refuses the development defaults"
    )
    database_url: str = Field(
        f"sqlite:///{DEFAULT_DATA / 'taza-server.sqlite'}",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user:pw@host/db",
    )
    photo_dir: Path = Field(DEFAULT_DATA / "photos", description="where uploaded photos are kept")
    public_url: str = Field("http://127.0.0.1:8765", description="the address laptops use")
    host: str = Field("127.0.0.1", description="interface to listen on")
    port: int = Field(8765, description="port to listen on")
    workers: int = Field(1, ge=1, le=32, description="uvicorn worker processes (PostgreSQL only)")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        "warning",
        description="what the server logs: info adds every request and every client gone mid-upload",
    )

    push_threads: int = Field(2, ge=1, le=32, description="pushes applied at once in each worker process")
    max_body_bytes: int = Field(8 * 1024 * 1024, description="largest request body, as sent")
    max_decompressed_bytes: int = Field(32 * 1024 * 1024, description="largest body once un-gzipped")
    max_batch_records: int = Field(1000, ge=1, le=1000, description="records in one push")
    max_photo_bytes: int = Field(20 * 1024 * 1024, description="largest photo (an upload copy)")
    max_chunk_bytes: int = Field(1024 * 1024, description="largest piece of a photo in one request")
    max_bundle_bytes: int = Field(2 * 1024**3, description="largest USB bundle a coordinator may upload")
    user_session_hours: int = Field(12, ge=1, description="how long a coordinator's login lasts")
    enrolment_days: int = Field(14, ge=1, description="how long an enrolment code stays valid")
    clock_skew_days: int = Field(1, ge=0, description="how far in the future a record's date may be")

    now: AwareDatetime | None = Field(
        None, description="for tests and drills: the time when the server starts (ISO 8601 with its offset)"
    )

    latest_app_version: str = Field(
        "", description="newest app version the apps are told of, until `fieldapp-server release set`"
    )
    download_url: str = Field("", description="where to get it (https), with latest_app_version")
    support_contact: str = Field(
        "",
        max_length=MAX_SUPPORT_LENGTH,
        description="whom the apps' users ask for help (a name, a phone, an e-mail): sent to each laptop "
        "at enrolment and with every sync, shown in its Help",
    )

    @model_validator(mode="after")
    def _safe_in_production(self) -> ServerSettings:
        if self.environment != "production":
            return self
        fields = type(self).model_fields
        problems = []
        if self.database_url == fields["database_url"].default or self.database_url.startswith("sqlite"):
            problems.append("TAZA_SERVER_DATABASE_URL must name the PostgreSQL database")
        if self.photo_dir == fields["photo_dir"].default:
            problems.append("TAZA_SERVER_PHOTO_DIR must be set")
        if not self.public_url.startswith("https://"):
            problems.append("TAZA_SERVER_PUBLIC_URL must be the https address laptops use")
        if self.now is not None:
            problems.append("TAZA_SERVER_NOW is for tests: a production server keeps the real time")
        if problems:
            raise ValueError("unsafe production settings: " + "; ".join(problems))
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
