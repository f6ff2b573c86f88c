"""The HTTP client of the protocol (``requests``): one method per endpoint, every request with a
timeout, every failure a :class:`~sync.errors.SyncError` of a known kind.

The session is injected (tests and benchmarks point it at a real local server, through a proxy
that cuts and throttles). Bodies are sent from an iterator that counts what has gone and notices a
cancel between pieces, so a long upload on a slow link reports progress and can be stopped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

import requests
from pydantic import BaseModel, ValidationError
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

from fieldapp import __version__
from sync.errors import Cancelled, Kind, SyncError, connection_kind
from sync.protocol import (
    API_PREFIX,
    APP_VERSION_HEADER,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    BundleImport,
    DeviceInfo,
    DismissalBatch,
    DismissalList,
    DismissalResponse,
    EnrolRequest,
    EnrolResponse,
    ErrorResponse,
    HealthResponse,
    LoginRequest,
    LoginResponse,
    PhotoFacts,
    PhotoState,
    PullResponse,
    PushResponse,
    Reason,
    ReviewBatch,
    ReviewResponse,
    ServerRecord,
    SignoffChain,
    SignoffRequest,
    SignoffResponse,
    VersionResponse,
)

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

PIECE = 16 * 1024  # bytes handed to the socket at a time: progress and cancel between pieces


@dataclass(frozen=True)
class Timeouts:
    """Seconds. ``connect``: to open the connection; ``read``: the longest silence while waiting
    for an answer (a 1,000-record push is applied in well under that)."""

    connect: float = 20.0
    read: float = 90.0

    def pair(self) -> tuple[float, float]:
        return (self.connect, self.read)


DEFAULT_TIMEOUTS = Timeouts()


@dataclass
class Traffic:
    """What went over the wire, as the HTTP layer sees it (bodies as sent, plus headers)."""

    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0


class Body:
    """A request body sent piece by piece: counts the bytes handed to the socket and stops with
    :class:`Cancelled` between pieces once ``cancel`` is set. ``len()`` gives requests its
    Content-Length (so the body is not sent chunked)."""

    def __init__(
        self, data: bytes, on_sent: Callable[[int], None] | None = None, cancel: threading.Event | None = None
    ) -> None:
        self.data, self.on_sent, self.cancel = data, on_sent, cancel
        self.sent = 0

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[bytes]:
        view = memoryview(self.data)
        for start in range(0, len(view), PIECE):
            if self.cancel is not None and self.cancel.is_set():
                raise Cancelled
            piece = view[start : start + PIECE]
            yield bytes(piece)
            self.sent += len(piece)
            if self.on_sent is not None:
                self.on_sent(len(piece))


class ServerClient:
    """Talks to one server as one caller (a device token, or none for enrolment)."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        session: requests.Session | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        app_version: str = __version__,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api = self.base_url + API_PREFIX
        self.token = token
        self.session = session or requests.Session()
        self.timeouts = timeouts
        self.app_version = app_version
        self.traffic = Traffic()

    def close(self) -> None:
        self.session.close()

    # -- the endpoints -------------------------------------------------------------------------------

    def health(self) -> HealthResponse:
        return self._model(HealthResponse, self._call("GET", "/health", timeout=(10.0, 20.0)))

    def version(self) -> VersionResponse:
        return self._model(VersionResponse, self._call("GET", "/version"))

    def enrol(self, code: str, device_name: str, okrug: str | None = None) -> EnrolResponse:
        request = EnrolRequest(code=code, device_name=device_name, app_version=self.app_version, okrug=okrug)
        # ``support``: this app shows the support contact (an older server ignores the question).
        answer = self._call("POST", "/enrol", json_body=request, params={"support": ""})
        return self._model(EnrolResponse, answer)

    def push(
        self,
        gzip_body: bytes,
        on_sent: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> PushResponse:
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        answer = self._call("POST", "/push", data=Body(gzip_body, on_sent, cancel), headers=headers)
        return self._model(PushResponse, answer)

    def photo_state(self, sha256: str) -> PhotoState:
        return self._model(PhotoState, self._call("GET", f"/photos/{sha256}"))

    def put_photo(
        self,
        sha256: str,
        offset: int,
        total: int,
        chunk: bytes,
        on_sent: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
        facts: PhotoFacts | None = None,
    ) -> PhotoState:
        """``facts``: what the camera said, sent with the first chunk (``offset`` 0)."""
        params: dict[str, Any] = {"offset": offset, "total": total}
        if facts is not None and offset == 0:
            known = {"taken_at": facts.taken_at, "lat": facts.lat, "lon": facts.lon}
            params |= {name: value for name, value in known.items() if value is not None}
        answer = self._call(
            "PUT",
            f"/photos/{sha256}",
            params=params,
            data=Body(chunk, on_sent, cancel),
            headers={"Content-Type": "application/octet-stream"},
        )
        return self._model(PhotoState, answer)

    def photo_facts(self, sha256: str) -> PhotoFacts:
        return self._model(PhotoFacts, self._call("GET", f"/photos/{sha256}/facts"))

    def photo_content(self, sha256: str) -> bytes:
        return self._call("GET", f"/photos/{sha256}/content").content

    def pull(
        self,
        cursor: str,
        limit: int,
        reference_version: int,
        release: str | None = None,
        support: str | None = None,
        closed_months: bool = False,
    ) -> PullResponse:
        """``release``: the tag of the app release this side knows ("" for none); the answer
        carries the server's release only when it differs (see ``fieldapp.updates``). ``support``
        likewise for the support contact (``fieldapp.support``)."""
        params: dict[str, Any] = {"cursor": cursor, "limit": limit, "reference_version": reference_version}
        if release is not None:
            params["release"] = release
        if support is not None:
            params["support"] = support
        if closed_months:  # the months signed off for this laptop's district
            params["closed_months"] = "true"
        return self._model(PullResponse, self._call("GET", "/pull", params=params))

    def record(self, record_id: UUID | str) -> ServerRecord:
        return self._model(ServerRecord, self._call("GET", f"/records/{record_id}"))

    def photo_thumb(self, sha256: str) -> bytes:
        return self._call("GET", f"/photos/{sha256}/thumb").content

    # -- a coordinator's ------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> LoginResponse:
        request = LoginRequest(username=username, password=password)
        return self._model(LoginResponse, self._call("POST", "/login", json_body=request))

    def logout(self) -> None:
        self._call("POST", "/logout")

    def reviews(self, batch: ReviewBatch) -> ReviewResponse:
        return self._model(ReviewResponse, self._call("POST", "/reviews", json_body=batch))

    def dismiss_duplicates(self, batch: DismissalBatch) -> DismissalResponse:
        return self._model(DismissalResponse, self._call("POST", "/duplicates/dismissals", json_body=batch))

    def duplicate_dismissals(self) -> DismissalList:
        return self._model(DismissalList, self._call("GET", "/duplicates/dismissals"))

    def devices(self) -> list[DeviceInfo]:
        answer = self._call("GET", "/devices")
        try:
            return [DeviceInfo.model_validate(item) for item in answer.json()]
        except (ValueError, ValidationError) as exc:
            raise SyncError(Kind.UNREACHABLE, detail=f"not a device list: {exc}") from None

    def upload_bundle(
        self, data: bytes, on_sent: Callable[[int], None] | None = None, cancel: threading.Event | None = None
    ) -> BundleImport:
        answer = self._call(
            "POST",
            "/bundles",
            data=Body(data, on_sent, cancel),
            headers={"Content-Type": "application/zip"},
            timeout=(self.timeouts.connect, max(self.timeouts.read, 600.0)),
        )
        return self._model(BundleImport, answer)

    # -- the plumbing --------------------------------------------------------------------------------

    # -- the month sign-off chain -----------------------------------------------------------------------

    def signoff_chain(self, month: str, region: str | None = None) -> SignoffChain:
        """The month's chain as far as this user sees it (``server.signoffs``)."""
        params = {"month": month} | ({"region": region} if region else {})
        return self._model(SignoffChain, self._call("GET", "/signoffs", params=params))

    def signoff(self, request: SignoffRequest) -> SignoffResponse:
        """Sign a month off or reopen it; refusals (not ready, signed above) come as a SyncError
        with the server's reason and details."""
        return self._model(SignoffResponse, self._call("POST", "/signoffs", json_body=request))

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = {
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            APP_VERSION_HEADER: self.app_version,
            "Accept-Encoding": "gzip",
            "User-Agent": f"TazaField/{self.app_version}",
        }
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers | (extra or {})

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        data: Body | None = None,
        json_body: BaseModel | None = None,
        headers: dict[str, str] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        """One request; a :class:`SyncError` for anything but a 2xx answer."""
        extra = dict(headers or {})
        payload: Any = data
        if json_body is not None:
            payload = json_body.model_dump_json().encode()
            extra["Content-Type"] = "application/json"
        self.traffic.requests += 1
        sent_before = data.sent if data is not None else 0
        try:
            answer = self.session.request(
                method,
                self.api + path,
                params=params,
                data=payload,
                headers=self._headers(extra),
                timeout=timeout or self.timeouts.pair(),
            )
        except Cancelled:
            raise
        except requests.exceptions.ConnectTimeout as exc:
            raise SyncError(Kind.UNREACHABLE, detail=str(exc)) from exc
        except requests.exceptions.ReadTimeout as exc:
            raise SyncError(Kind.TIMEOUT, detail=str(exc)) from exc
        except requests.exceptions.RequestException as exc:
            cancelled = _find(exc, Cancelled)
            if cancelled is not None:
                raise cancelled from None
            connected = not _find(exc, (NewConnectionError, ConnectTimeoutError, NameResolutionError))
            raise SyncError(connection_kind(exc, connected=connected), detail=str(exc)) from exc
        finally:
            if data is not None:
                self.traffic.bytes_up += data.sent - sent_before
            elif isinstance(payload, bytes):
                self.traffic.bytes_up += len(payload)
        self.traffic.bytes_up += _header_bytes(answer.request.headers) + len(method) + len(path) + 40
        self.traffic.bytes_down += _wire_length(answer) + _header_bytes(answer.headers) + 20
        if answer.status_code >= 400:
            raise _refusal(answer)
        return answer

    @staticmethod
    def _model(model: type[M], answer: requests.Response) -> M:
        try:
            return model.model_validate_json(answer.content)
        except ValidationError as exc:
            # Something answered, but not our server (a captive portal's login page, a proxy).
            raise SyncError(
                Kind.UNREACHABLE, detail=f"not a {model.__name__} from {answer.url}: {exc.errors()[:1]}"
            ) from None


def _find(exc: BaseException, kinds: type[BaseException] | tuple[type[BaseException], ...]) -> Any:
    todo: list[Any] = [exc]
    seen: set[int] = set()
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kinds):
            return item
        todo += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return None


def _header_bytes(headers: Any) -> int:
    return sum(len(k) + len(str(v)) + 4 for k, v in headers.items())


def _wire_length(answer: requests.Response) -> int:
    """Bytes of the body as it came over the wire (gzip-compressed when the server compressed it)."""
    length = answer.headers.get("Content-Length")
    if length and length.isdigit():
        return int(length)
    return len(answer.content)


def _refusal(answer: requests.Response) -> SyncError:
    """A 4xx or 5xx answer as a SyncError of its kind, with the server's reason if it gave one."""
    reason: str | None = None
    details: dict[str, Any] = {}
    try:
        error = ErrorResponse.model_validate_json(answer.content).error
        reason, details = error.reason.value, error.details
    except ValidationError:
        pass
    status = answer.status_code
    if status >= 500:
        kind = Kind.SERVER_ERROR
    elif status == 426 or reason == Reason.PROTOCOL_MISMATCH:
        kind = Kind.PROTOCOL_MISMATCH
    elif status == 401 and reason == Reason.TOKEN_EXPIRED:
        kind = Kind.SESSION_EXPIRED
    elif status == 401:
        kind = Kind.AUTH_REVOKED
    elif status in (408, 429):
        kind = Kind.SERVER_ERROR  # the server asks us to come back later
    elif reason is None:
        kind = Kind.UNREACHABLE  # a 4xx that is not from our server (a proxy, a wrong address)
    else:
        kind = Kind.REFUSED
    log.info("%s %s: %s %s", answer.request.method, answer.url, status, reason or answer.text[:200])
    return SyncError(kind, reason=reason, status=status, details=details, detail=answer.text[:300])
