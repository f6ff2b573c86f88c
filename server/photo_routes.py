"""The photo endpoints (``/api/v1/photos/…``): chunked, resumable upload and download.

``GET /photos/{sha256}`` says how many bytes the server holds; ``PUT /photos/{sha256}?offset=&total=``
sends the next chunk (the raw bytes as the body); ``GET /photos/{sha256}/content`` returns a finished
photo, ``GET /photos/{sha256}/thumb`` a small copy of it. The rules are in :mod:`server.photos`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from server import photos
from server.app import Anyone, Device, Server
from server.bodies import read_body
from server.errors import ApiError
from server.photos import Chunk
from server.settings import ServerSettings
from sync.protocol import API_PREFIX, PhotoState, Reason

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
    ) -> PhotoState:
        sha = photos.checked_sha(sha256)
        if total > settings.max_photo_bytes:
            raise _too_large(
                settings, f"a photo may be at most {settings.max_photo_bytes} bytes", total=total
            )
        chunk = Chunk(sha, offset, total, await _chunk_body(request, settings))
        return await run_in_threadpool(photos.upload, server.write, store, who, chunk)

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
