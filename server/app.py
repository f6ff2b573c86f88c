"""The HTTP API (``/api/v1``): FastAPI over the functions of this package.

Every request but ``/health``, ``/version`` and the docs must say which protocol it speaks
(``X-Taza-Protocol: 1``); a different version gets 426 with reason ``protocol_mismatch``. Every
refusal is a 4xx JSON body with a machine-readable reason (``sync.protocol.Reason``); a bug is a 500
with reason ``server_error`` and a line in the log, never a stack trace to the caller.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar
from uuid import UUID

import anyio
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection, Engine, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from fieldapp import __version__
from fieldapp.kato import Kato, default_kato
from fieldapp.models import CleanupAction
from fieldapp.reference import ReferenceData, default_reference
from fieldapp.support import support_tag
from server import accounts, clock, signoffs
from server import schema as t
from server.accounts import Principal, now_utc
from server.bodies import M, decode, parse, read_body, read_model
from server.db import READ_ONLY, make_engine
from server.dismissals import dismiss, dismissals
from server.errors import ApiError
from server.ingest import Ingest, push_with_retry
from server.photos import PhotoStore
from server.pull import STATUS_OF_REVIEW, newest_reference, pull
from server.releases import current_release
from server.reviews import review
from server.settings import ServerSettings
from server.sql import current_records
from sync.protocol import (
    API_PREFIX,
    APP_VERSION_HEADER,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    AppRelease,
    BundleImport,
    DeviceInfo,
    DismissalBatch,
    DismissalList,
    DismissalResponse,
    EnrolRequest,
    EnrolResponse,
    HealthResponse,
    LoginRequest,
    LoginResponse,
    PullResponse,
    PushBatch,
    PushResponse,
    Reason,
    ReviewBatch,
    ReviewResponse,
    Role,
    ServerRecord,
    VersionResponse,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

REFERENCE_TTL_S = 30.0
OPEN_PATHS = (f"{API_PREFIX}/health", f"{API_PREFIX}/version")


class Server:
    """What the endpoints share: settings, the engine, the classifier, the reference data."""

    def __init__(
        self, settings: ServerSettings, engine: Engine, kato: Kato, reference: ReferenceData
    ) -> None:
        self.settings, self.engine, self.kato, self.default_reference = settings, engine, kato, reference
        self.ingest = Ingest(kato, settings.clock_skew_days)
        self.photo_store = PhotoStore(settings.photo_dir)
        self.push_limiter = anyio.CapacityLimiter(settings.push_threads)
        self._reference: tuple[float, ReferenceData] | None = None

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def read(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.connect() as conn:
            conn.execution_options(**{READ_ONLY: True})
            return fn(conn)

    def write(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.begin() as conn:
            return fn(conn)

    def reference(self) -> ReferenceData:
        """The newest reference data, read again at most every ``REFERENCE_TTL_S`` seconds."""
        cached = self._reference
        if cached is not None and time.monotonic() - cached[0] < REFERENCE_TTL_S:
            return cached[1]
        reference = self.read(lambda conn: newest_reference(conn, self.default_reference))
        self._reference = (time.monotonic(), reference)
        return reference


def create_app(settings: ServerSettings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    clock.clock.set(settings.now)
    engine = engine or make_engine(settings.database_url)
    server = Server(settings, engine, default_kato(), default_reference())
    app = FastAPI(
        title="Taza Field server",
        version=__version__,
        description=(
            "Receives the clean-up records of the villages; serves the district coordinators, and the"
            " region (oblast) and national users who read their part of the country. Roles: `device`"
            " (an okrug's laptop), `coordinator` (a district: reads it, records review decisions),"
            " `region` (an oblast: reads its records, pull, totals and completeness), `national` (reads"
            " everything), `admin`. Region and national users write nothing (403 `forbidden`)."
        ),
    )
    app.state.server = server
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    _install_guards(app)
    _install_routes(app, server)
    from server.photo_routes import install_photo_routes  # here: it imports this module

    install_photo_routes(app, server)
    from server.report_routes import install_report_routes  # here: it imports this module

    install_report_routes(app, server)
    from server.signoff_routes import install_signoff_routes  # here: it imports this module

    install_signoff_routes(app, server)
    from server.release_routes import install_release_routes  # here: it imports this module

    install_release_routes(app, server)
    return app


# -- guards ----------------------------------------------------------------------------------------


def _install_guards(app: FastAPI) -> None:
    @app.middleware("http")
    async def protocol_version(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        path = request.url.path
        if path.startswith(API_PREFIX) and path not in OPEN_PATHS:
            spoken = request.headers.get(PROTOCOL_HEADER)
            if spoken != str(PROTOCOL_VERSION):
                error = ApiError(
                    426,
                    Reason.PROTOCOL_MISMATCH,
                    f"this server speaks protocol {PROTOCOL_VERSION}; the request says {spoken or 'nothing'}",
                    supported=[PROTOCOL_VERSION],
                )
                return JSONResponse(error.body(), status_code=error.status)
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        if exc.status == 403:
            log.warning("refused %s %s: %s", request.method, request.url.path, exc.message)
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(ClientDisconnect)
    async def client_gone(request: Request, exc: ClientDisconnect) -> Response:
        # A link that drops mid-upload is everyday life on 2G, not a server error. Nothing of the
        # cut body was kept (bodies are read whole before anything is written), the client starts
        # again from what the server holds, and there is no one left to answer: this response
        # is never sent.
        log.info(
            "client went away during %s %s (%s bytes announced)",
            request.method,
            request.url.path,
            request.headers.get("content-length", "unknown"),
        )
        return Response(status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in e["loc"]], "type": e["type"], "message": e["msg"]} for e in exc.errors()
        ]
        error = ApiError(422, Reason.MALFORMED, "the request does not match the protocol", errors=errors[:20])
        return JSONResponse(error.body(), status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("server error on %s %s", request.method, request.url.path, exc_info=exc)
        error = ApiError(500, Reason.SERVER_ERROR, "the server failed; try again later")
        return JSONResponse(error.body(), status_code=500)


# -- who is calling ----------------------------------------------------------------------------------


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _caller(request: Request) -> Principal:
    server: Server = request.app.state.server
    token = _bearer(request)
    return server.read(lambda conn: accounts.authenticate(conn, token))


def _role(*allowed: Role) -> Callable[[Request], Principal]:
    def check(request: Request) -> Principal:
        who = _caller(request)
        if who.role in (Role.REGION, Role.NATIONAL) and who.role not in allowed:
            raise ApiError(
                403,
                Reason.FORBIDDEN,
                f"a {who.role.value} user only reads records and reports",
                role=who.role.value,
            )
        if who.role not in allowed:
            raise ApiError(403, Reason.FORBIDDEN, f"a {who.role.value} may not do this", role=who.role.value)
        return who

    return check


Device = Annotated[Principal, Depends(_role(Role.DEVICE))]
# Record review decisions are the district's level: a region or national user reads, never decides.
Reviewer = Annotated[Principal, Depends(_role(Role.COORDINATOR, Role.ADMIN))]
# Reads of records and reports: each in its own subtree of KATO (see ``sees``).
Reader = Annotated[Principal, Depends(_role(Role.COORDINATOR, Role.REGION, Role.NATIONAL, Role.ADMIN))]
Admin = Annotated[Principal, Depends(_role(Role.ADMIN))]
Anyone = Annotated[Principal, Depends(_role(*Role))]


def sees(who: Principal, okrug: str, district: str, region: str) -> bool:
    """Whether the caller may read a record of these places (a device its okrug, a coordinator its
    district, a region user its oblast, national and admin all)."""
    if who.role in (Role.ADMIN, Role.NATIONAL):
        return True
    if who.role is Role.DEVICE:
        return okrug == who.okrug
    if who.role is Role.COORDINATOR:
        return district == who.district
    if who.role is Role.REGION:
        return region == who.region
    return False


def _district_of(server: Server, who: Principal) -> str | None:
    """The district whose locked months concern the caller: a laptop's okrug's, a coordinator's."""
    if who.role is Role.DEVICE and who.okrug:
        found = server.kato.district_of(who.okrug)
        return found.code if found else None
    return who.district if who.role is Role.COORDINATOR else None


def _body_schema(model: type[Any]) -> dict[str, Any]:
    """Document a body the endpoint reads itself (to guard its size and encoding)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": model.model_json_schema()}},
        }
    }


# -- routes --------------------------------------------------------------------------------------------


def _install_routes(app: FastAPI, server: Server) -> None:
    settings = server.settings

    async def body(request: Request, model: type[M]) -> M:
        return await read_model(request, model, settings.max_body_bytes, settings.max_decompressed_bytes)

    @app.get(f"{API_PREFIX}/health", response_model=HealthResponse)
    def health() -> HealthResponse:
        server.read(lambda conn: conn.execute(select(1)).scalar())
        return HealthResponse(status="ok", database=server.engine.dialect.name)

    @app.get(f"{API_PREFIX}/version", response_model=VersionResponse)
    def version() -> VersionResponse:
        release = server.read(lambda conn: current_release(conn, settings))
        return VersionResponse(
            server=__version__,
            protocols=[PROTOCOL_VERSION],
            latest_app_version=release.version if release else "",
            download_url=release.download_url if release else "",
            release_notes=release.notes if release else "",
        )

    @app.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse, openapi_extra=_body_schema(EnrolRequest))
    async def enrol(
        request: Request,
        support: Annotated[
            str | None, Query(max_length=40, description="asked by apps that show the support contact")
        ] = None,
    ) -> Response:
        asked = await body(request, EnrolRequest)
        now = now_utc()
        done = await run_in_threadpool(
            server.write,
            lambda conn: accounts.enrol(
                conn, asked.code, asked.device_name, asked.app_version, now, okrug=asked.okrug
            ),
        )
        answer = EnrolResponse(
            device_id=done.device_id,
            token=done.token,
            okrug=done.okrug,
            server_time=now,
            bundle_key=done.bundle_key,
            support=None if support is None else settings.support_contact,
        )
        text = answer.model_dump_json(exclude=None if support is not None else {"support"})
        return Response(text, media_type="application/json")

    @app.post(f"{API_PREFIX}/login", response_model=LoginResponse, openapi_extra=_body_schema(LoginRequest))
    async def login(request: Request) -> LoginResponse:
        asked = await body(request, LoginRequest)
        token, expires, role, district, region = await run_in_threadpool(
            server.write,
            lambda conn: accounts.login(conn, asked.username, asked.password, settings.user_session_hours),
        )
        return LoginResponse(token=token, expires_at=expires, role=role, district=district, region=region)

    @app.post(f"{API_PREFIX}/logout", status_code=204)
    def logout(request: Request, who: Anyone) -> Response:
        token = _bearer(request)
        if token:
            server.write(lambda conn: accounts.revoke_token(conn, token))
        return Response(status_code=204)

    @app.post(f"{API_PREFIX}/push", response_model=PushResponse, openapi_extra=_body_schema(PushBatch))
    async def push(request: Request, who: Device) -> Response:
        raw = await read_body(request, settings.max_body_bytes)
        encoding = request.headers.get("content-encoding")
        app_version = request.headers.get(APP_VERSION_HEADER, "")

        def work() -> str:  # in a worker thread: parsing 500 records is work too
            batch = parse(PushBatch, decode(raw, encoding, settings.max_decompressed_bytes))
            if len(batch.records) > settings.max_batch_records:
                raise ApiError(
                    413, Reason.TOO_LARGE, "too many records in one batch", limit=settings.max_batch_records
                )
            reference = server.reference()
            return push_with_retry(server.ingest, server.begin, who, batch, reference, now_utc(), app_version)

        # A few pushes at a time per process: more threads only fight over the interpreter lock,
        # and stretch the moment a push holds its okrug's lock.
        answer = await anyio.to_thread.run_sync(work, limiter=server.push_limiter)
        # Serialised once, as stored for a repeat of the batch: the same bytes every time.
        return Response(answer, media_type="application/json")

    @app.get(f"{API_PREFIX}/pull", response_model=PullResponse)
    def pull_changes(
        who: Anyone,
        cursor: Annotated[str, Query(max_length=40)] = "",
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        reference_version: Annotated[int, Query(ge=0)] = 0,
        release: Annotated[
            str | None, Query(max_length=40, description="tag of the app release the caller knows")
        ] = None,
        support: Annotated[
            str | None, Query(max_length=40, description="tag of the support contact the caller knows")
        ] = None,
        closed_months: Annotated[
            bool, Query(description="also answer the signed-off (locked) months of the caller's district")
        ] = False,
    ) -> Response:
        def read(conn: Connection) -> PullResponse:
            answer = pull(conn, who, cursor, limit, reference_version, server.default_reference)
            if closed_months:
                district = _district_of(server, who)
                months = (
                    sorted(signoffs.closed_months(conn, server.kato, district), reverse=True)
                    if district
                    else []
                )
                answer = answer.model_copy(update={"closed_months": months})
            if support is not None and support_tag(settings.support_contact) != support:
                answer = answer.model_copy(update={"support": settings.support_contact})
            if release is None:  # an app that does not ask (older ones would refuse the field)
                return answer
            current = current_release(conn, settings) or AppRelease()
            return answer if current.tag == release else answer.model_copy(update={"release": current})

        answer = server.read(read)
        left_out = {name for name in ("release", "support", "closed_months") if getattr(answer, name) is None}
        text = answer.model_dump_json(exclude=left_out or None)
        return Response(text, media_type="application/json")

    @app.get(f"{API_PREFIX}/records/{{record_id}}", response_model=ServerRecord)
    def server_record(who: Anyone, record_id: UUID) -> ServerRecord:
        """The server's copy of one record: a laptop's of its okrug, a coordinator's of its district,
        a region user's of its oblast; a national user's or an admin's of any."""
        rid = str(record_id)
        row = server.read(lambda conn: conn.execute(current_records().where(t.records.c.id == rid)).first())
        if row is None:
            raise ApiError(404, Reason.NOT_FOUND, "the server has no such record", record_id=rid)
        if not sees(who, row.okrug, row.district, row.region):
            raise ApiError(403, Reason.FORBIDDEN, f"this record is outside the {who.role.value}'s area")
        action = CleanupAction.model_validate_json(row.body).with_server_state(
            status=STATUS_OF_REVIEW[row.review_status], review_comment=row.review_comment
        )
        return ServerRecord(record=action, conflict=row.conflict)

    @app.post(f"{API_PREFIX}/reviews", response_model=ReviewResponse, openapi_extra=_body_schema(ReviewBatch))
    async def reviews(request: Request, who: Reviewer) -> ReviewResponse:
        batch = await body(request, ReviewBatch)
        now = now_utc()
        return await run_in_threadpool(server.write, lambda conn: review(conn, server.kato, who, batch, now))

    @app.post(
        f"{API_PREFIX}/duplicates/dismissals",
        response_model=DismissalResponse,
        openapi_extra=_body_schema(DismissalBatch),
    )
    async def dismiss_duplicates(request: Request, who: Reviewer) -> DismissalResponse:
        """A coordinator's "Not duplicates" about groups of look-alike records (kept with who and when)."""
        batch = await body(request, DismissalBatch)
        now = now_utc()
        return await run_in_threadpool(server.write, lambda conn: dismiss(conn, who, batch, now))

    @app.get(f"{API_PREFIX}/duplicates/dismissals", response_model=DismissalList)
    def duplicate_dismissals(who: Reviewer) -> DismissalList:
        return server.read(lambda conn: dismissals(conn, who))

    @app.post(
        f"{API_PREFIX}/bundles",
        response_model=BundleImport,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        },
    )
    async def bundles(request: Request, who: Reviewer) -> BundleImport:
        """A USB bundle a village brought to the district: checked whole, then applied."""
        from server.bundles import import_bundle
        from sync.bundle import BundleError

        with tempfile.TemporaryDirectory(prefix="taza-bundle-") as folder:
            path = Path(folder) / "upload.tazabundle"
            size = 0
            with path.open("wb") as file:
                async for piece in request.stream():
                    size += len(piece)
                    if size > settings.max_bundle_bytes:
                        raise ApiError(
                            413, Reason.TOO_LARGE, "the bundle is too large", limit=settings.max_bundle_bytes
                        )
                    file.write(piece)

            def work() -> BundleImport:
                summary = import_bundle(
                    server.engine,
                    path,
                    kato=server.kato,
                    photo_store=server.photo_store,
                    max_chunk_bytes=settings.max_chunk_bytes,
                    clock_skew_days=settings.clock_skew_days,
                    importer=who,
                )
                return BundleImport.model_validate(summary.as_dict())

            try:
                return await run_in_threadpool(work)
            except BundleError as exc:
                raise ApiError(422, Reason.BAD_BUNDLE, exc.text("en"), problem=exc.problem) from None

    @app.get(f"{API_PREFIX}/devices", response_model=list[DeviceInfo])
    def devices(who: Reviewer) -> list[DeviceInfo]:
        query = select(t.devices)
        if who.role is Role.COORDINATOR:
            places = server.kato.okrugs(who.district or "")
            query = query.where(t.devices.c.okrug.in_([p.code for p in places]))
        rows = server.read(
            lambda conn: conn.execute(query.order_by(t.devices.c.okrug, t.devices.c.name)).all()
        )
        return [
            DeviceInfo(
                device_id=r.id,
                name=r.name,
                okrug=r.okrug,
                created_at=r.created_at,
                last_seen=r.last_seen,
                app_version=r.app_version,
                waiting=r.waiting,
                revoked=r.revoked_at is not None,
            )
            for r in rows
        ]


def app_from_environment() -> FastAPI:
    """For ``uvicorn --factory`` (and its worker processes): settings from the environment."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return create_app()
