"""USB bundles: everything a laptop has not had acknowledged, in one file carried to the district.

A bundle is a ZIP file (``.tazabundle``)::

    manifest.json       what is inside: device, okrug, time, and every file with its size and SHA-256
    manifest.sig        HMAC-SHA256 of manifest.json with the device's bundle key (hex)
    batches/0001.json   push batches (the protocol's PushBatch), exactly as they would go online
    photos/<sha>.jpg    the photos they need, each named by its SHA-256

The server (``fieldapp-server import-bundle``, or a coordinator's app through ``POST /bundles``)
checks all of it before it applies anything: the signature with the key it gave the device at
enrolment, then every file against the manifest, every photo against its name. A tampered,
truncated or foreign bundle is refused whole, with the reason. The batches then go through the same
code as an online push — same ids, same answers — so importing twice, or importing and then syncing
online, changes nothing more.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from fieldapp import __version__
from fieldapp.atomic import fsync_file, replace
from fieldapp.device import DeviceCredentials
from fieldapp.i18n import FieldAppError, msg
from fieldapp.ids import uuid7
from fieldapp.models import CleanupAction, KatoCode, Sha256Hex, UtcDateTime, utc_now
from fieldapp.photo_library import PhotoLibrary
from fieldapp.store import Store
from sync.protocol import MAX_BATCH_RECORDS, NilReport, PushBatch, PushRecord

FORMAT = 1
SUFFIX = ".tazabundle"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_BATCH_BYTES = 64 * 1024 * 1024  # once inflated


class BundleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, StringConstraints(pattern=r"^(batches/\d{4}\.json|photos/[0-9a-f]{64}\.jpg)$")]
    sha256: Sha256Hex
    size: int = Field(ge=0)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["taza-field-bundle"] = "taza-field-bundle"
    format: int = Field(ge=1)
    device_id: UUID
    okrug: KatoCode
    created_at: UtcDateTime
    app_version: str = ""
    records: int = Field(ge=0)
    batches: list[BundleFile]
    photos: list[BundleFile]


class BundleError(FieldAppError):
    """A bundle refused whole. ``problem`` is machine-readable (the server's API answers with it)."""

    def __init__(self, problem: str, **params: Any) -> None:
        super().__init__(msg(f"sync.bundle.problem.{problem}", **params))
        self.problem = problem


@dataclass(frozen=True)
class ExportSummary:
    records: int
    photos: int
    size: int


@dataclass(frozen=True)
class Bundle:
    """A checked bundle: its manifest, its batches and a way to read each photo."""

    manifest: Manifest
    batches: list[PushBatch]
    read_photo: Callable[[str], bytes]


def default_bundle_name(credentials: DeviceCredentials, now: datetime | None = None) -> str:
    stamp = (now or utc_now()).strftime("%Y%m%d-%H%M")
    return f"taza-{credentials.okrug}-{stamp}{SUFFIX}"


def signature(key: str, manifest: bytes) -> str:
    return hmac.new(key.encode("utf-8"), manifest, hashlib.sha256).hexdigest()


# -- writing, on the laptop ---------------------------------------------------------------------------


def export_bundle(
    store: Store, library: PhotoLibrary, credentials: DeviceCredentials, target: Path
) -> ExportSummary:
    """Write every record and photo not yet acknowledged into ``target`` (atomically). The batch
    on its way, if any, goes first and as it is: the server then answers it as it would online."""
    batches: list[bytes] = []
    carried: list[CleanupAction] = []  # the records of the batch on its way
    pending = store.pending_batch()
    if pending is not None:
        import gzip

        text = gzip.decompress(pending.body)
        batches.append(text)
        carried = [r.record for r in PushBatch.model_validate_json(text).records]
    taken = {(str(a.id), a.revision) for a in carried}
    records = [r for r in store.outgoing(10**9) if (str(r.action.id), r.action.revision) not in taken]
    nils = [
        NilReport(
            id=n.id, okrug=n.okrug, month=n.month, note=n.note, filed_at=n.filed_at, withdrawn=n.withdrawn
        )
        for n in store.unsent_nil_reports()
    ]
    for start in range(0, max(len(records), 1 if nils else 0), MAX_BATCH_RECORDS):
        part = records[start : start + MAX_BATCH_RECORDS]
        batch = PushBatch(
            batch_id=uuid7(),
            records=[
                PushRecord(record=r.action, base_revision=r.base_revision, lineage=r.lineage) for r in part
            ],
            nil_reports=nils[:120] if start == 0 else [],
        )
        batches.append(batch.model_dump_json(exclude_defaults=True).encode())
    photos = [sha for sha in store.photos_waiting() if library.has(sha)]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    batch_files, photo_files = [], []
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for number, body in enumerate(batches, start=1):
                name = f"batches/{number:04}.json"
                archive.writestr(name, body, compress_type=zipfile.ZIP_DEFLATED)
                batch_files.append(BundleFile(name=name, sha256=_sha(body), size=len(body)))
            for sha in photos:
                data = library.upload_path(sha).read_bytes()
                name = f"photos/{sha}.jpg"
                archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)  # JPEG: no gain
                photo_files.append(BundleFile(name=name, sha256=_sha(data), size=len(data)))
            manifest = Manifest(
                format=FORMAT,
                device_id=credentials.device_id,
                okrug=credentials.okrug,
                created_at=utc_now(),
                app_version=__version__,
                records=len(taken) + len(records),
                batches=batch_files,
                photos=photo_files,
            )
            text = manifest.model_dump_json(indent=1).encode()
            archive.writestr(MANIFEST, text, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr(SIGNATURE, signature(credentials.bundle_key, text))
        fsync_file(partial)  # Windows flushes only a handle open for writing
        replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    # Once a file carries a deletion, the district deletes the record when it imports it: taking
    # the deletion back here would leave this laptop and the server disagreeing without a word.
    store.note_deletions_written(
        {str(a.id): a.revision for a in [*carried, *(r.action for r in records)] if a.deleted}
    )
    return ExportSummary(manifest.records, len(photo_files), target.stat().st_size)


# -- reading, at the district ------------------------------------------------------------------------------


def open_bundle(source: Path | bytes, key_of: Callable[[UUID], str | None]) -> tuple[Bundle, zipfile.ZipFile]:
    """Check a bundle whole and return it (with its open archive: close it when done).
    ``key_of(device_id)``: the device's bundle key, or None for a device the server does not know
    (or has revoked). Raises :class:`BundleError` for anything wrong; applies nothing."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile:
        # A ZIP that begins right but has lost its end (the directory) was cut short on the way.
        raise BundleError("truncated" if _starts_like_zip(source) else "not_a_bundle") from None
    except OSError as exc:
        raise BundleError("unreadable", error=exc.strerror or str(exc)) from None
    try:
        bundle = _check(archive, key_of)
    except BaseException:
        archive.close()
        raise
    return bundle, archive


def _check(archive: zipfile.ZipFile, key_of: Callable[[UUID], str | None]) -> Bundle:
    names = set(archive.namelist())
    if MANIFEST not in names or SIGNATURE not in names:
        raise BundleError("not_a_bundle")
    text = _read(archive, MANIFEST, MAX_MANIFEST_BYTES)
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise BundleError("not_a_bundle") from None
    if isinstance(raw, dict) and isinstance(raw.get("format"), int) and raw["format"] > FORMAT:
        raise BundleError("too_new")
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError:
        raise BundleError("not_a_bundle") from None
    key = key_of(manifest.device_id)
    if key is None:
        raise BundleError("unknown_device")
    given = _read(archive, SIGNATURE, 200).decode("ascii", errors="replace").strip()
    if not hmac.compare_digest(given, signature(key, text)):
        raise BundleError("signature")
    listed = [*manifest.batches, *manifest.photos]
    extra = names - {f.name for f in listed} - {MANIFEST, SIGNATURE}
    if extra:
        raise BundleError("unexpected_file", name=sorted(extra)[0])
    for item in listed:
        if item.name not in names:
            raise BundleError("truncated")
        data = _read(archive, item.name, item.size)
        if len(data) != item.size or _sha(data) != item.sha256:
            raise BundleError("checksum", name=item.name)
    for item in manifest.photos:
        if item.name != f"photos/{item.sha256}.jpg":
            raise BundleError("checksum", name=item.name)
    batches = []
    for item in manifest.batches:
        try:
            batches.append(PushBatch.model_validate_json(_read(archive, item.name, MAX_BATCH_BYTES)))
        except ValidationError:
            raise BundleError("batch", name=item.name) from None
    return Bundle(manifest, batches, lambda sha: _read(archive, f"photos/{sha}.jpg", 1 << 31))


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, refusing one that inflates past ``limit`` (a zip bomb) or is cut short."""
    try:
        info = archive.getinfo(name)
        if info.file_size > limit:
            raise BundleError("checksum", name=name)
        with archive.open(info) as member:
            data = member.read(limit + 1)
    except KeyError:
        raise BundleError("truncated") from None
    except zipfile.BadZipFile:  # a member whose CRC does not match: changed after it was written
        raise BundleError("checksum", name=name) from None
    except (EOFError, OSError, ValueError, NotImplementedError):
        raise BundleError("truncated") from None
    if len(data) > limit:
        raise BundleError("checksum", name=name)
    return data


def _starts_like_zip(source: Path | bytes) -> bool:
    if isinstance(source, bytes):
        return source[:4] == b"PK\x03\x04"
    try:
        with source.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
