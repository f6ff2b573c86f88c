"""A district coordinator's side of sync: log in, send the decisions made offline, pull the district
(records, nil reports, the laptops' last syncs, thumbnails of the photos), fetch a photo when it is
opened, carry a village's USB bundle to the server.

One run (:meth:`DistrictSync.run`) sends first, then pulls: a decision the server has refused or
found superseded comes back with the pull's newer state. Failures are ``SyncError`` of a known
kind, as for a village laptop; a login that has ended (``session_expired``) asks for the password.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from fieldapp.district import (
    META_CLOSED_MONTHS,
    META_SENDING_DECISIONS,
    NilReportData,
    QueuedDecision,
    ReviewOutcome,
)
from fieldapp.duplicates import QUEUED, SENT, Dismissal
from fieldapp.i18n import FieldAppError, msg
from fieldapp.photo_library import PhotoLibrary
from fieldapp.session import CoordinatorSession, session_from_login
from fieldapp.store import Store
from fieldapp.support import remember_support, stored_support, support_tag
from fieldapp.updates import stored_release
from sync.client import ServerClient, Timeouts
from sync.engine import META_LAST_ERROR, META_LAST_SUCCESS, RetryPolicy, learn_release, now_iso
from sync.errors import Cancelled, Kind, SyncError
from sync.protocol import (
    MAX_BATCH_RECORDS,
    BundleImport,
    DismissalBatch,
    DuplicateDismissal,
    Reason,
    ReviewBatch,
    ReviewDecision,
)

T = TypeVar("T")
log = logging.getLogger(__name__)

META_CURSOR = "district.cursor"
META_DEVICES = "district.devices"
PULL_PAGE = 2000


class LoginError(FieldAppError):
    pass


def login(
    server_url: str, username: str, password: str, client: ServerClient | None = None
) -> CoordinatorSession:
    """Exchange a coordinator's name and password for a session (the password is not kept)."""
    from sync.enrolment import check_server_url

    url = check_server_url(server_url)
    own = client is None
    client = client or ServerClient(url)
    try:
        answer = client.login(username.strip(), password)
    except SyncError as exc:
        if exc.reason == Reason.BAD_CREDENTIALS:
            raise LoginError(msg("sync.login.bad_credentials")) from exc
        if exc.kind.no_link:
            raise LoginError(msg("sync.login.no_link")) from exc
        raise
    finally:
        if own:
            client.close()
    return session_from_login(url, username.strip(), answer.district, answer.token, answer.expires_at)


def end_session(session: CoordinatorSession, client: ServerClient | None = None) -> bool:
    """Log out on the server, so the token stops working there too. Best effort, quickly: the
    session is already forgotten on the laptop, and an unreachable server ends it when it expires.
    True when the server confirmed."""
    own = client is None
    client = client or ServerClient(session.server_url, session.token, timeouts=Timeouts(5.0, 10.0))
    try:
        client.logout()
        return True
    except SyncError as exc:
        log.info("logging out on the server failed (%s); the session ends when it expires", exc.kind.value)
        return False
    finally:
        if own:
            client.close()


@dataclass(frozen=True)
class DistrictProgress:
    stage: str  # decisions | records | thumbnails
    done: int
    total: int | None  # None: not known yet (records arrive page by page)


@dataclass
class DistrictReport:
    decisions_sent: int = 0
    decisions_refused: int = 0
    dismissals_sent: int = 0
    records_new: int = 0
    records_changed: int = 0
    nil_reports: int = 0
    thumbnails: int = 0
    seconds: float = 0.0


@contextlib.contextmanager
def _as_coordinator() -> Iterator[None]:
    """A token the server no longer takes is, for a coordinator, a session that ended (logged out
    elsewhere, or the user disabled): log in again. A laptop's revoked enrolment means otherwise."""
    try:
        yield
    except SyncError as exc:
        if exc.kind is not Kind.AUTH_REVOKED:
            raise
        raise SyncError(
            Kind.SESSION_EXPIRED, reason=exc.reason, status=exc.status, details=exc.details, detail=exc.detail
        ) from exc


class DistrictSync:
    def __init__(
        self,
        store: Store,
        library: PhotoLibrary,
        client: ServerClient,
        *,
        progress: Callable[[DistrictProgress], None] | None = None,
        cancel: threading.Event | None = None,
        thumbnails: bool = True,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 (frozen)
    ) -> None:
        self.store, self.library, self.client = store, library, client
        self._progress = progress or (lambda p: None)
        self.cancel = cancel or threading.Event()
        self.thumbnails = thumbnails
        self.retry = retry
        self.report = DistrictReport()
        self._rng = random.Random()

    def run(self) -> DistrictReport:
        started = time.monotonic()
        try:
            with _as_coordinator():
                self._send_decisions()
                self._send_dismissals()
                self._pull()
                self._pull_dismissals()
                self._devices()
                if self.thumbnails:
                    self._thumbnails()
        except SyncError as exc:
            self.store.set_meta(META_LAST_ERROR, exc.kind.value)
            raise
        finally:
            self.report.seconds = time.monotonic() - started
        self.store.set_meta(META_LAST_SUCCESS, now_iso())
        self.store.delete_meta(META_LAST_ERROR)
        return self.report

    # -- the steps -----------------------------------------------------------------------------------

    def _send_decisions(self) -> None:
        if not self.store.queued_decisions():
            return
        # Marked first, then read again: a decision undone before the mark is not sent; after it,
        # the undo is refused (fieldapp.district.undo_decision), so none is sent and undone at once.
        self.store.set_meta(META_SENDING_DECISIONS, now_iso())
        try:
            self._send_queued(self.store.queued_decisions())
        finally:
            self.store.delete_meta(META_SENDING_DECISIONS)

    def _send_queued(self, queued: list[QueuedDecision]) -> None:
        for start in range(0, len(queued), MAX_BATCH_RECORDS):
            self._check_cancel()
            part = queued[start : start + MAX_BATCH_RECORDS]
            self._progress(DistrictProgress("decisions", start, len(queued)))
            batch = ReviewBatch(
                decisions=[
                    ReviewDecision(
                        record_id=q.action_id, revision=q.revision, decision=q.decision, comment=q.comment
                    )
                    for q in part
                ]
            )
            answer = self._retrying(lambda: self.client.reviews(batch))  # noqa: B023
            outcomes = [
                ReviewOutcome(str(r.record_id), r.outcome.value, r.reason.value if r.reason else None)
                for r in answer.results
            ]
            self.store.apply_review_outcomes(outcomes)
            self.report.decisions_sent += sum(o.outcome in ("applied", "already") for o in outcomes)
            self.report.decisions_refused += sum(o.outcome not in ("applied", "already") for o in outcomes)

    def _send_dismissals(self) -> None:
        """The coordinator's "Not duplicates", sent as review decisions are (idempotent by id)."""
        queued = self.store.dismissals(QUEUED)
        for start in range(0, len(queued), MAX_BATCH_RECORDS):
            self._check_cancel()
            part = queued[start : start + MAX_BATCH_RECORDS]
            batch = DismissalBatch(
                dismissals=[DuplicateDismissal(id=d.id, record_ids=list(d.record_ids)) for d in part]
            )
            answer = self._retrying(lambda: self.client.dismiss_duplicates(batch))  # noqa: B023
            self.store.apply_dismissal_outcomes(
                [(str(r.id), r.outcome.value, r.reason.value if r.reason else None) for r in answer.results]
            )
            self.report.dismissals_sent += sum(
                r.outcome.value in ("applied", "already") for r in answer.results
            )

    def _pull_dismissals(self) -> None:
        """The district's dismissals as the server keeps them (other coordinators' too)."""
        got = self._retrying(self.client.duplicate_dismissals)
        self.store.replace_server_dismissals(
            [
                Dismissal(
                    str(d.id),
                    tuple(sorted(str(r) for r in d.record_ids)),
                    d.dismissed_by,
                    d.dismissed_at.isoformat().replace("+00:00", "Z"),
                    SENT,
                )
                for d in got.dismissals
            ]
        )

    def _pull(self) -> None:
        cursor = self.store.get_meta(META_CURSOR) or ""
        known = stored_release(self.store)
        tag = known.tag if known else ""
        helper = support_tag(stored_support(self.store))
        pulled = 0
        while True:
            self._check_cancel()
            self._progress(DistrictProgress("records", pulled, None))
            got = self._retrying(
                lambda: self.client.pull(cursor, PULL_PAGE, 0, tag, helper, closed_months=True)  # noqa: B023
            )
            if got.closed_months is not None:  # their decisions stand (fieldapp.district)
                self.store.set_meta(META_CLOSED_MONTHS, json.dumps(sorted(got.closed_months)))
            if got.release is not None:  # coordinators need the new version too
                learn_release(self.store, got.release)
                tag = got.release.tag
            if got.support is not None:  # whom to ask for help, as IT staff set it on the server
                remember_support(self.store, got.support)
                helper = support_tag(got.support)
            nils = [
                NilReportData(
                    str(n.id),
                    n.okrug,
                    n.month,
                    n.note,
                    n.filed_at.isoformat().replace("+00:00", "Z"),
                    n.withdrawn,
                )
                for n in got.nil_reports
            ]
            new, changed = self.store.import_pulled(got.records, nils)
            self.store.set_meta(META_CURSOR, got.cursor)  # after: a cut pull is pulled again
            self.report.records_new += new
            self.report.records_changed += changed
            self.report.nil_reports += len(nils)
            pulled += len(got.records)
            cursor = got.cursor
            if not got.more:
                self._progress(DistrictProgress("records", pulled, pulled))
                return

    def _devices(self) -> None:
        devices = self._retrying(self.client.devices)
        snapshot = [json.loads(d.model_dump_json()) for d in devices]
        self.store.set_meta(META_DEVICES, json.dumps(snapshot, ensure_ascii=False))

    def _thumbnails(self) -> None:
        wanted = [sha for sha in self.store.photo_hashes() if not self.library.thumbnail_path(sha).is_file()]
        for done, sha in enumerate(wanted):
            self._check_cancel()
            if done % 10 == 0:
                self._progress(DistrictProgress("thumbnails", done, len(wanted)))
            try:
                data = self._retrying(lambda: self.client.photo_thumb(sha))  # noqa: B023
            except SyncError as exc:
                if exc.kind is Kind.REFUSED and exc.reason == Reason.NOT_FOUND:
                    continue  # not on the server yet: the laptop has not sent it
                raise
            self.library.add_thumbnail(sha, data)
            self.report.thumbnails += 1

    # -- on demand -----------------------------------------------------------------------------------

    def fetch_photo(self, sha: str) -> Path:
        """The photo itself (the upload copy), fetched once and kept; and what its camera said of
        when and where, if the server knows and this laptop does not yet (best effort: the photo
        opens without them)."""
        path = self.library.upload_path(sha)
        if not path.is_file():
            with _as_coordinator():
                data = self._retrying(lambda: self.client.photo_content(sha))
            self.library.add_received(sha, data)
        known = self.store.photo_info(sha)
        if known is None or (known.taken_at is None and known.lat is None):
            try:
                facts = self.client.photo_facts(sha)
            except SyncError as exc:
                log.info("what the camera said of photo %s is not known here: %s", sha, exc.kind.value)
            else:
                if facts.taken_at is not None or facts.lat is not None:
                    self.store.keep_photo_facts(sha, facts.taken_at, facts.lat, facts.lon)
        return path

    def import_bundle(self, path: Path, on_sent: Callable[[int], None] | None = None) -> BundleImport:
        """Carry a village's USB bundle to the server (which checks it whole before applying it)."""
        data = path.read_bytes()
        with _as_coordinator():
            return self.client.upload_bundle(data, on_sent, self.cancel)

    # -- plumbing ------------------------------------------------------------------------------------

    def _retrying(self, call: Callable[[], T]) -> T:
        failures = 0
        while True:
            self._check_cancel()
            try:
                return call()
            except SyncError as exc:
                if not exc.kind.transient:
                    raise
                failures += 1
                if failures >= self.retry.attempts:
                    raise
                if self.cancel.wait(self.retry.delay(failures, self._rng)):
                    raise Cancelled from None

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled


__all__ = ["DistrictProgress", "DistrictReport", "DistrictSync", "LoginError", "login"]
