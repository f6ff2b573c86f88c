"""An admin publishes the app release over HTTP (``PUT /api/v1/release``) or withdraws it
(``DELETE``), as ``fieldapp-server release set|clear`` does on the server itself. Only an admin:
a coordinator or a laptop gets 403 with reason ``forbidden``. Everyone reads it on ``/version``,
and laptops get it with their pull."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from server.accounts import now_utc
from server.app import Admin, Server, _body_schema
from server.bodies import read_model
from server.errors import ApiError
from server.releases import ReleaseError, check_release, publish, withdraw
from sync.protocol import API_PREFIX, AppRelease, Reason, ReleaseRequest


def install_release_routes(app: FastAPI, server: Server) -> None:
    settings = server.settings

    @app.put(f"{API_PREFIX}/release", response_model=AppRelease, openapi_extra=_body_schema(ReleaseRequest))
    async def set_release(request: Request, who: Admin) -> AppRelease:
        asked = await read_model(
            request, ReleaseRequest, settings.max_body_bytes, settings.max_decompressed_bytes
        )
        try:
            release = check_release(
                asked.version,
                asked.download_url,
                asked.notes,
                production=settings.environment == "production",
            )
        except ReleaseError as exc:
            raise ApiError(422, Reason.VALIDATION, str(exc)) from None
        now = now_utc()
        await run_in_threadpool(server.write, lambda conn: publish(conn, release, f"admin {who.name}", now))
        return release

    @app.delete(f"{API_PREFIX}/release", status_code=204)
    def clear_release(who: Admin) -> Response:
        now = now_utc()
        server.write(lambda conn: withdraw(conn, f"admin {who.name}", now))
        return Response(status_code=204)
