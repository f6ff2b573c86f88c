"""Photos: received in chunks, resumable from the last byte the server holds, verified by SHA-256.

A photo is named by the SHA-256 of its bytes. While it comes in, its bytes are kept in
``<photo_dir>/partial/<sha>.part`` and its row in ``photos`` says how many of them are accepted
(``received``). The database is the arbiter, the file only follows it:

- Each chunk is handled in one transaction that holds the photo's row (``SELECT … FOR UPDATE`` on
  PostgreSQL; SQLite has one writer at a time anyway), so two uploads of one photo take turns.
- The chunk is written at ``offset`` after cutting the file to the ``received`` the database holds,
  fsynced, and only then is ``received`` raised and committed. A process killed in between leaves
  bytes past ``received`` that the next chunk cuts away: nothing is lost, nothing corrupted.
- The last chunk is verified: on a match the bytes are copied to ``<photo_dir>/<ab>/<sha>.jpg``
  (temporary file, fsync, ``os.replace``), the row marked complete and every record referencing the
  photo recounted, in the same transaction; the partial file goes once that has committed. On a
  mismatch the upload is forgotten (row and partial file): the laptop starts again from byte 0.

A chunk must start where the accepted bytes end. One the server has already (the laptop lost the
answer and sent it again) is refused like any other: 409 ``bad_offset`` with ``details.received``,
from where the laptop goes on. A complete photo is never taken again: any chunk for it is answered
200 with its state (``complete: true``) and ignored.

Who: a laptop sends the photos of its okrug's records (the records come first); a coordinator sees
those of its district, a laptop those of its okrug, an admin all. Anything else is 403.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Row, delete, func, select, update

from fieldapp.atomic import write_atomic
from fieldapp.photos import process_received
from server import schema as t
from server.accounts import Principal, now_utc
from server.errors import ApiError
from server.sql import insert
from sync.protocol import PhotoFacts, PhotoState, Reason, Role

log = logging.getLogger(__name__)

SHA256 = re.compile(r"[0-9a-f]{64}")
JPEG_MAGIC = b"\xff\xd8\xff"
BLOCK = 1024 * 1024


def checked_sha(value: str) -> str:
    if not SHA256.fullmatch(value):
        raise ApiError(
            400,
            Reason.MALFORMED,
            "a photo is named by its SHA-256: 64 lowercase hex digits",
            sha256=value[:80],
        )
    return value


# -- files -------------------------------------------------------------------------------------------


class PhotoStore:
    """The photo folder: partial uploads and finished photos. Knows files, not the database."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def partial(self, sha: str) -> Path:
        return self.root / "partial" / f"{sha}.part"

    def final(self, sha: str) -> Path:
        return self.root / sha[:2] / f"{sha}.jpg"

    def held(self, sha: str) -> int:
        """Bytes in the partial file (those past the database's ``received`` are leftovers)."""
        try:
            return self.partial(sha).stat().st_size
        except FileNotFoundError:
            return 0

    def write(self, sha: str, offset: int, data: bytes) -> None:
        """Put ``data`` at ``offset``, dropping whatever the file held from there on; durable on return."""
        path = self.partial(sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        with os.fdopen(fd, "r+b") as file:
            file.truncate(offset)
            file.seek(offset)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if offset == 0:
            _sync_dir(path.parent)  # the file's name must outlive a crash too

    def digest(self, sha: str, size: int) -> str:
        """SHA-256 of the first ``size`` bytes of the partial file."""
        hasher = hashlib.sha256()
        with self.partial(sha).open("rb") as file:
            left = size
            while left > 0:
                block = file.read(min(BLOCK, left))
                if not block:
                    break
                hasher.update(block)
                left -= len(block)
        return hasher.hexdigest()

    def is_jpeg(self, sha: str) -> bool:
        """Upload copies are JPEG (``fieldapp.photos`` makes them); the server serves them as such."""
        with self.partial(sha).open("rb") as file:
            return file.read(3) == JPEG_MAGIC

    def publish(self, sha: str, size: int) -> None:
        """Copy the first ``size`` bytes of the partial file to the photo's final place, atomically."""
        final = self.final(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = final.with_name(final.name + ".tmp")
        with self.partial(sha).open("rb") as source, temporary.open("wb") as target:
            left = size
            while left > 0:
                block = source.read(min(BLOCK, left))
                if not block:
                    raise OSError(f"the partial file of {sha} is shorter than {size} bytes")
                target.write(block)
                left -= len(block)
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, final)
        _sync_dir(final.parent)

    def discard(self, sha: str) -> None:
        self.partial(sha).unlink(missing_ok=True)

    def thumbnail(self, sha: str, source: Path) -> Path:
        """The photo's small copy, made from ``source`` the first time it is asked for."""
        path = self.root / "thumbs" / sha[:2] / f"{sha}.jpg"
        if not path.is_file():
            _, data = process_received(source.read_bytes(), sha)
            write_atomic(path, data)
        return path


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder to fsync it; NTFS journals its names
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- who may touch a photo ---------------------------------------------------------------------------


def _referenced_in(conn: Connection, sha: str, column: str, value: str | None) -> bool:
    """Whether a record whose ``column`` is ``value`` references the photo."""
    if value is None:
        return False
    found = conn.execute(
        select(t.record_photos.c.record_id)
        .join(t.records, t.records.c.id == t.record_photos.c.record_id)
        .where(t.record_photos.c.sha256 == sha, t.records.c[column] == value)
        .limit(1)
    ).first()
    return found is not None


def check_upload(conn: Connection, who: Principal, sha: str) -> None:
    """Only a laptop sends photos, and only those of its okrug's records (which come first)."""
    if who.role is not Role.DEVICE:
        raise ApiError(
            403, Reason.FORBIDDEN, f"a {who.role.value} may not upload photos", role=who.role.value
        )
    if not _referenced_in(conn, sha, "okrug", who.okrug):
        raise ApiError(
            403, Reason.FORBIDDEN, "no record of this device's okrug references this photo", sha256=sha
        )


def check_read(conn: Connection, who: Principal, sha: str) -> None:
    """An admin and a national user see every photo; a region user those of its oblast; a
    coordinator those of its district; a laptop those of its okrug."""
    if who.role in (Role.ADMIN, Role.NATIONAL):
        return
    column, value = {
        Role.COORDINATOR: ("district", who.district),
        Role.REGION: ("region", who.region),
    }.get(who.role, ("okrug", who.okrug))
    if not _referenced_in(conn, sha, column, value):
        raise ApiError(
            403, Reason.FORBIDDEN, f"no record of this {who.role.value}'s area references this photo"
        )


# -- state -------------------------------------------------------------------------------------------


def _state(sha: str, row: Row | None) -> PhotoState:
    if row is None:
        return PhotoState(sha256=sha, received=0, complete=False)
    return PhotoState(sha256=sha, received=row.received, complete=row.complete)


def photo_state(conn: Connection, who: Principal, sha: str) -> PhotoState:
    """How much of the photo the server holds: the laptop sends from ``received`` on."""
    check_read(conn, who, sha)
    return _state(sha, conn.execute(select(t.photos).where(t.photos.c.sha256 == sha)).first())


def keep_facts(conn: Connection, facts: PhotoFacts) -> None:
    """What the camera said of a photo, as its laptop sent it with the first chunk (once known,
    kept: a later upload of the same photo from another laptop does not change it)."""
    conn.execute(
        update(t.photos)
        .where(t.photos.c.sha256 == facts.sha256, t.photos.c.taken_at.is_(None), t.photos.c.lat.is_(None))
        .values(taken_at=facts.taken_at, lat=facts.lat, lon=facts.lon)
    )


def photo_facts(conn: Connection, who: Principal, sha: str) -> PhotoFacts:
    """When and where the camera took the photo, as far as the server knows (nothing: all None)."""
    check_read(conn, who, sha)
    row = conn.execute(
        select(t.photos.c.taken_at, t.photos.c.lat, t.photos.c.lon).where(t.photos.c.sha256 == sha)
    ).first()
    if row is None:
        return PhotoFacts(sha256=sha)
    return PhotoFacts(sha256=sha, taken_at=row.taken_at, lat=row.lat, lon=row.lon)


def content_path(conn: Connection, store: PhotoStore, who: Principal, sha: str) -> Path:
    """The finished photo's file, for a caller allowed to see it."""
    check_read(conn, who, sha)
    complete = conn.execute(select(t.photos.c.complete).where(t.photos.c.sha256 == sha)).scalar()
    if not complete:
        raise ApiError(404, Reason.NOT_FOUND, "the server does not have this photo (yet)", sha256=sha)
    path = store.final(sha)
    if not path.is_file():
        log.error("photo %s is complete in the database but its file %s is missing", sha, path)
        raise ApiError(500, Reason.SERVER_ERROR, "the photo's file is missing on the server")
    return path


def recount_missing(conn: Connection, sha: str) -> int:
    """Recount ``missing_photos`` of every record referencing ``sha``; how many records that was."""
    mine = t.record_photos.alias("mine")
    still_missing = (
        select(func.count())
        .select_from(mine.outerjoin(t.photos, t.photos.c.sha256 == mine.c.sha256))
        .where(mine.c.record_id == t.records.c.id, t.photos.c.complete.is_not(True))
        .scalar_subquery()
    )
    referencing = select(t.record_photos.c.record_id).where(t.record_photos.c.sha256 == sha)
    result = conn.execute(
        update(t.records).where(t.records.c.id.in_(referencing)).values(missing_photos=still_missing)
    )
    return result.rowcount


# -- receiving a chunk -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    sha256: str
    offset: int
    total: int  # the whole photo's size, as the laptop declares it
    data: bytes


@dataclass(frozen=True)
class ChunkOutcome:
    """What one chunk did, decided inside the transaction."""

    state: PhotoState
    refusal: ApiError | None = None  # raised once the transaction has committed (it changed things)
    completed: bool = False  # this chunk finished the photo: its partial file may go


def _locked_row(conn: Connection, chunk: Chunk) -> Row:
    """The photo's row, created by its first chunk, held until the transaction ends."""
    held = select(t.photos).where(t.photos.c.sha256 == chunk.sha256).with_for_update()
    for _ in range(3):  # another upload may delete the row (a mismatch) between our two statements
        row = conn.execute(held).first()
        if row is not None:
            return row
        conn.execute(
            insert(conn, t.photos)
            .values(sha256=chunk.sha256, size=chunk.total, received=0, complete=False, created_at=now_utc())
            .on_conflict_do_nothing(index_elements=["sha256"])
        )
    raise RuntimeError(f"the row of photo {chunk.sha256} keeps disappearing")


def _check_against(row: Row, chunk: Chunk) -> None:
    """The chunk must continue exactly where the accepted bytes end, within the declared size."""
    if chunk.total != row.size and row.received:  # with nothing held yet, a new size is no harm
        raise ApiError(
            409,
            Reason.CONFLICT,
            f"this photo was declared {row.size} bytes long, not {chunk.total}",
            total=row.size,
            received=row.received,
        )
    if chunk.offset != row.received:
        raise _bad_offset(row.received)
    if chunk.offset + len(chunk.data) > chunk.total:
        raise ApiError(
            400,
            Reason.MALFORMED,
            "the chunk ends past the end of the photo",
            offset=chunk.offset,
            length=len(chunk.data),
            total=chunk.total,
        )


def _forget(conn: Connection, store: PhotoStore, sha: str) -> None:
    store.discard(sha)
    conn.execute(delete(t.photos).where(t.photos.c.sha256 == sha))


def accept_chunk(conn: Connection, store: PhotoStore, who: Principal, chunk: Chunk) -> ChunkOutcome:
    """Take one chunk of a photo. The caller commits, then raises ``refusal`` if there is one."""
    sha = chunk.sha256
    check_upload(conn, who, sha)
    row = _locked_row(conn, chunk)
    if row.complete:
        return ChunkOutcome(_state(sha, row))
    _check_against(row, chunk)
    if store.held(sha) < row.received:
        log.warning("the partial file of photo %s lost bytes the database counts: starting it again", sha)
        _forget(conn, store, sha)
        return ChunkOutcome(_state(sha, None), _bad_offset(0))
    store.write(sha, chunk.offset, chunk.data)
    received = chunk.offset + len(chunk.data)
    moved = conn.execute(
        update(t.photos)
        .where(t.photos.c.sha256 == sha, t.photos.c.received == chunk.offset, t.photos.c.complete.is_(False))
        .values(received=received, size=chunk.total)
    ).rowcount
    if moved != 1:  # cannot happen while the row is held; refuse rather than trust the file
        raise _bad_offset(row.received)
    if received < chunk.total:
        return ChunkOutcome(PhotoState(sha256=sha, received=received, complete=False))
    return _finish(conn, store, sha, chunk.total)


def _finish(conn: Connection, store: PhotoStore, sha: str, size: int) -> ChunkOutcome:
    actual = store.digest(sha, size)
    if actual != sha:
        log.warning("photo %s: the %s bytes received hash to %s; upload discarded", sha, size, actual)
        _forget(conn, store, sha)
        refusal = ApiError(
            422,
            Reason.HASH_MISMATCH,
            "the photo's bytes do not match its SHA-256; send it again from the start",
            received=0,
            actual=actual,
        )
        return ChunkOutcome(_state(sha, None), refusal)
    if not store.is_jpeg(sha):
        log.warning("photo %s: the %s bytes received are not a JPEG; upload discarded", sha, size)
        _forget(conn, store, sha)
        refusal = ApiError(422, Reason.VALIDATION, "photos are sent as JPEG upload copies", received=0)
        return ChunkOutcome(_state(sha, None), refusal)
    store.publish(sha, size)
    conn.execute(
        update(t.photos).where(t.photos.c.sha256 == sha).values(complete=True, completed_at=now_utc())
    )
    records = recount_missing(conn, sha)
    log.info("photo %s complete (%s bytes, %s records)", sha, size, records)
    return ChunkOutcome(PhotoState(sha256=sha, received=size, complete=True), completed=True)


def _bad_offset(received: int) -> ApiError:
    return ApiError(
        409,
        Reason.BAD_OFFSET,
        f"the server holds {received} bytes of this photo; send from there",
        received=received,
    )


def upload(
    write: Callable[[Callable[[Connection], ChunkOutcome]], ChunkOutcome],
    store: PhotoStore,
    who: Principal,
    chunk: Chunk,
) -> PhotoState:
    """One chunk in one transaction (``write``, e.g. ``Server.write``), then what follows the commit."""
    outcome = write(lambda conn: accept_chunk(conn, store, who, chunk))
    if outcome.completed:  # complete for good: no one writes its partial file again
        try:
            store.discard(chunk.sha256)
        except OSError as exc:  # a leftover, not a failure: the photo is safe in its place
            log.warning("photo %s is complete but its partial file stays: %s", chunk.sha256, exc)
    if outcome.refusal is not None:
        raise outcome.refusal
    return outcome.state
