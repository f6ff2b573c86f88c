"""The photo endpoints (``/api/v1/photos/…``): chunked, resumable upload and download.

``GET /photos/{sha256}`` says how many bytes the server holds; ``PUT /photos/{sha256}?offset=&total=``
sends the next chunk (the raw bytes as the body); ``GET /photos/{sha256}/content`` returns a finished
photo, ``GET /photos/{sha256}/thumb`` a small copy of it, ``GET /photos/{sha256}/facts`` when and
where the camera took it. The rules are in :mod:`server.photos`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from server import photos
from server.app import Anyone, Device, Server
from server.bodies import read_body
from server.errors import ApiError
from server.photos import Chunk
from server.settings import ServerSettings
from sync.protocol import API_PREFIX, MAX_TAKEN_AT_LENGTH, PhotoFacts, PhotoState, Reason

IMMUTABLE = "private, max-age=31536000, immutable"  # a photo's name is its hash: it never changes
CHUNK_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def install_photo_routes(app: FastAPI, server: Server) -> None:
    settings = server.settings
    store = server.photo_store
    path = f"{API_PREFIX}/photos/{{sha256}}"

    @app.get(path, response_model=PhotoState)
    def photo_state(who: Anyone, sha256: str) -> PhotoState:
        sha = photos.checked_sha(sha256)
        return server.read(lambda conn: photos.photo_state(conn, who, sha))

    @app.put(path, response_model=PhotoState, openapi_extra=CHUNK_BODY)
    async def put_chunk(
        request: Request,
        who: Device,
        sha256: str,
        offset: Annotated[int, Query(ge=0)],
        total: Annotated[int, Query(ge=1)],
        taken_at: Annotated[str | None, Query(max_length=MAX_TAKEN_AT_LENGTH)] = None,
        lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
        lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    ) -> PhotoState:
        """``taken_at``, ``lat``, ``lon``: what the camera said, given with the first chunk."""
        sha = photos.checked_sha(sha256)
        if total > settings.max_photo_bytes:
            raise _too_large(
                settings, f"a photo may be at most {settings.max_photo_bytes} bytes", total=total
            )
        try:
            facts = PhotoFacts(sha256=sha, taken_at=taken_at, lat=lat, lon=lon)
        except ValidationError:
            raise ApiError(
                422, Reason.VALIDATION, "taken_at is not an ISO 8601 time", taken_at=taken_at
            ) from None
        chunk = Chunk(sha, offset, total, await _chunk_body(request, settings))
        state = await run_in_threadpool(photos.upload, server.write, store, who, chunk)
        if offset == 0 and (taken_at is not None or lat is not None):
            await run_in_threadpool(server.write, lambda conn: photos.keep_facts(conn, facts))
        return state

    @app.get(f"{path}/facts", response_model=PhotoFacts)
    def photo_facts(who: Anyone, sha256: str) -> PhotoFacts:
        """When and where the camera took the photo, as its laptop read it (for the large view)."""
        sha = photos.checked_sha(sha256)
        return server.read(lambda conn: photos.photo_facts(conn, who, sha))

    @app.get(f"{path}/thumb", response_class=FileResponse)
    def photo_thumb(who: Anyone, sha256: str) -> FileResponse:
        """A small copy (long side 320 px) for lists and review queues: made once, then kept."""
        sha = photos.checked_sha(sha256)
        found = server.read(lambda conn: photos.content_path(conn, store, who, sha))
        thumb = store.thumbnail(sha, found)
        return FileResponse(
            thumb, media_type="image/jpeg", headers={"ETag": f'"t-{sha}"', "Cache-Control": IMMUTABLE}
        )

    @app.get(f"{path}/content", response_class=FileResponse)
    def photo_content(who: Anyone, sha256: str) -> FileResponse:
        sha = photos.checked_sha(sha256)
        found = server.read(lambda conn: photos.content_path(conn, store, who, sha))
        return FileResponse(
            found, media_type="image/jpeg", headers={"ETag": f'"{sha}"', "Cache-Control": IMMUTABLE}
        )


async def _chunk_body(request: Request, settings: ServerSettings) -> bytes:
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding != "identity":
        raise ApiError(415, Reason.BAD_ENCODING, "send a photo's bytes as they are, without Content-Encoding")
    try:
        data = await read_body(request, settings.max_chunk_bytes)
    except ApiError as exc:
        if exc.status != 413:
            raise
        raise _too_large(settings, f"a chunk may be at most {settings.max_chunk_bytes} bytes") from None
    if not data:
        raise ApiError(400, Reason.MALFORMED, "the chunk is empty")
    return data


def _too_large(settings: ServerSettings, message: str, **details: int) -> ApiError:
    return ApiError(
        413,
        Reason.TOO_LARGE,
        message,
        max_chunk_bytes=settings.max_chunk_bytes,
        max_photo_bytes=settings.max_photo_bytes,
        **details,
    )
