"""Importing a USB bundle from a village with no link (``fieldapp-server import-bundle``, or a
coordinator's app through ``POST /api/v1/bundles``).

The bundle is checked whole first (``sync.bundle.open_bundle``: the device's signature, every
file's checksum): one wrong byte and nothing is applied. Then its batches go through the very code
of an online push, as the device that made them — same batch ids, same answers — and its photos
through the code of an online upload. Importing twice, or importing and then syncing online,
changes nothing more.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Engine, select

from fieldapp.kato import Kato
from fieldapp.reference import default_reference
from server import schema as t
from server.accounts import Principal, now_utc
from server.errors import ApiError
from server.ingest import Ingest, push_with_retry
from server.photos import Chunk, PhotoStore, upload
from server.pull import newest_reference
from sync.bundle import open_bundle
from sync.protocol import PushResponse, Reason, Role

log = logging.getLogger(__name__)


@dataclass
class ImportSummary:
    device_id: str
    okrug: str
    batches: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # applied, already, conflict, rejected
    photos_stored: int = 0
    photos_had: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "okrug": self.okrug,
            "batches": self.batches,
            "records": dict(self.outcomes),
            "photos_stored": self.photos_stored,
            "photos_had": self.photos_had,
        }


def import_bundle(
    engine: Engine,
    source: Path | bytes,
    *,
    kato: Kato,
    photo_store: PhotoStore,
    max_chunk_bytes: int,
    clock_skew_days: int = 1,
    importer: Principal | None = None,
) -> ImportSummary:
    """Check and apply a bundle. ``importer``: the coordinator or admin who brought it (a
    coordinator only for a laptop of the district); None from the server's command line.
    Raises ``sync.bundle.BundleError`` (refused whole) or :class:`ApiError`."""

    def key_of(device_id: UUID) -> str | None:
        with engine.connect() as conn:
            row = conn.execute(select(t.devices).where(t.devices.c.id == str(device_id))).first()
        if row is None or row.revoked_at is not None or not row.bundle_key:
            return None
        return row.bundle_key

    bundle, archive = open_bundle(source, key_of)
    with archive:
        manifest = bundle.manifest
        with engine.connect() as conn:
            device_row = conn.execute(
                select(t.devices).where(t.devices.c.id == str(manifest.device_id))
            ).one()
            reference = newest_reference(conn, default_reference())
        device = Principal(Role.DEVICE, device_row.id, device_row.name, okrug=device_row.okrug)
        if importer is not None and importer.role is Role.COORDINATOR:
            district = kato.district_of(device.okrug or "")
            if district is None or district.code != importer.district:
                log.warning(
                    "coordinator %s tried to import a bundle of okrug %s: refused",
                    importer.name,
                    device.okrug,
                )
                raise ApiError(403, Reason.FORBIDDEN, "the bundle comes from a laptop outside your district")
        summary = ImportSummary(str(manifest.device_id), device_row.okrug)
        ingest = Ingest(kato, clock_skew_days)
        for batch in bundle.batches:
            answer = push_with_retry(
                ingest, engine.begin, device, batch, reference, now_utc(), manifest.app_version
            )
            summary.outcomes.update(r.outcome.value for r in PushResponse.model_validate_json(answer).results)
            summary.batches += 1

        def write(fn: Callable[[Connection], Any]) -> Any:
            with engine.begin() as conn:
                return fn(conn)

        for photo in manifest.photos:
            if _complete(engine, photo.sha256):
                summary.photos_had += 1
                continue
            _store_photo(
                write, photo_store, device, photo.sha256, bundle.read_photo(photo.sha256), max_chunk_bytes
            )
            summary.photos_stored += 1
    log.info("bundle of device %s imported: %s", summary.device_id, summary.as_dict())
    return summary


def _complete(engine: Engine, sha: str) -> bool:
    with engine.connect() as conn:
        return bool(conn.execute(select(t.photos.c.complete).where(t.photos.c.sha256 == sha)).scalar())


def _store_photo(
    write: Callable[[Callable[[Connection], Any]], Any],
    store: PhotoStore,
    device: Principal,
    sha: str,
    data: bytes,
    chunk_bytes: int,
) -> None:
    """The photo through the online upload's own steps, from whatever the server holds already."""
    offset = 0
    while True:
        try:
            state = upload(
                write, store, device, Chunk(sha, offset, len(data), data[offset : offset + chunk_bytes])
            )
        except ApiError as exc:
            if exc.reason is Reason.BAD_OFFSET:
                offset = int(exc.details.get("received", 0))
                continue
            raise
        if state.complete:
            return
        offset = state.received
