"""Reading request bodies defensively: a size limit as sent and once un-gzipped (a gzip bomb is
refused), and JSON validated against the protocol's models, each failure a 4xx with a reason."""

from __future__ import annotations

import zlib
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from server.errors import ApiError
from sync.protocol import Reason

M = TypeVar("M", bound=BaseModel)
MAX_REPORTED_ERRORS = 20


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise ApiError(413, Reason.TOO_LARGE, "the request body is too large", limit=limit)
        except ValueError:
            raise ApiError(400, Reason.MALFORMED, "bad Content-Length") from None
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise ApiError(413, Reason.TOO_LARGE, "the request body is too large", limit=limit)
    return bytes(received)


def decode(body: bytes, encoding: str | None, limit: int) -> bytes:
    """Undo Content-Encoding; a body that grows past ``limit`` is refused before it is all expanded."""
    encoding = (encoding or "identity").strip().lower()
    if encoding == "identity":
        return body
    if encoding != "gzip":
        raise ApiError(415, Reason.BAD_ENCODING, f"Content-Encoding {encoding!r} is not accepted; use gzip")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
        if len(out) > limit or inflater.unconsumed_tail:
            raise ApiError(413, Reason.TOO_LARGE, "the body is too large once decompressed", limit=limit)
        out += inflater.flush()
    except zlib.error:
        raise ApiError(400, Reason.BAD_ENCODING, "the gzip stream is broken") from None
    if not inflater.eof:
        raise ApiError(400, Reason.BAD_ENCODING, "the gzip stream is cut short")
    if len(out) > limit:
        raise ApiError(413, Reason.TOO_LARGE, "the body is too large once decompressed", limit=limit)
    return out


def parse(model: type[M], data: bytes) -> M:
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        errors = [
            {"loc": [str(p) for p in e["loc"]], "type": e["type"], "message": e["msg"]}
            for e in exc.errors(include_url=False)[:MAX_REPORTED_ERRORS]
        ]
        raise ApiError(
            422, Reason.MALFORMED, "the request does not match the protocol", errors=errors
        ) from None


async def read_model(request: Request, model: type[M], limit: int, decompressed_limit: int) -> M:
    body = await read_body(request, limit)
    return parse(model, decode(body, request.headers.get("content-encoding"), decompressed_limit))
