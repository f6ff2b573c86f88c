"""One sync run: push the records, then the photos, then pull what the server has for this laptop.

The ten properties of ``DESIGN.md`` rest on three rules kept here:

1. **A batch is kept before it is sent**, byte for byte, and sent again as it is until its answer
   has been written (with the outbox entries it settles, in one transaction). The server keeps every
   batch's answer by its id, so whatever breaks — the link at any byte, this process, the server —
   the records are applied exactly once.
2. **Numbers go first**: every record batch before any photo, so a record never waits behind a
   photo on a slow link. Photos go in chunks sized for the link, from the byte the server holds.
3. **Pull after push**, with the server's cursor stored in the same transaction as what it covers.

A run sends what waited when it began (the records in their newest version, and their photos):
what is saved during it waits for the next run, so that the "n of N" a person watches keeps its N.

Failures are :class:`~sync.errors.SyncError` of a known kind. Transient ones (a timeout, a dropped
connection, a server error) are retried within the run with exponential backoff and full jitter;
the others end the run and say why. Everything here is plain Python: the window runs it on a worker
thread, ``fieldapp sync`` on the main one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from fieldapp.district import NilReportData
from fieldapp.i18n import FieldAppError
from fieldapp.ids import uuid7
from fieldapp.models import Status, utc_now
from fieldapp.outbox import Answer, BatchStale, Decision, OutgoingRecord, PhotoToSend
from fieldapp.photo_library import PhotoLibrary
from fieldapp.photos import ProcessedPhoto
from fieldapp.reference import ReferenceData, default_reference, newest
from fieldapp.store import Store
from fieldapp.support import remember_support, stored_support, support_tag
from fieldapp.updates import Release, remember_release, stored_release
from sync.client import ServerClient
from sync.errors import Cancelled, Kind, SyncError, local_error
from sync.protocol import (
    MAX_BATCH_RECORDS,
    AppRelease,
    NilReport,
    PhotoFacts,
    PushBatch,
    PushRecord,
    PushResponse,
    Reason,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

META_CURSOR = "sync.cursor"
META_LAST_SUCCESS = "sync.last_success"
META_LAST_ATTEMPT = "sync.last_attempt"
META_LAST_ERROR = "sync.last_error"
META_REFERENCE = "reference"
MAX_NIL_REPORTS = 120  # per batch (the protocol's limit)


# -- knobs ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchLimits:
    """A batch holds at most ``max_records`` records and ``max_bytes`` bytes on the wire (gzip)."""

    max_records: int = MAX_BATCH_RECORDS
    max_bytes: int = 256 * 1024


@dataclass(frozen=True)
class RetryPolicy:
    """Transient failures: up to ``attempts`` tries, waiting a random time up to base·2ⁿ seconds
    (capped) between them — full jitter, so that laptops coming back together do not stampede."""

    attempts: int = 5
    base_s: float = 1.0
    cap_s: float = 30.0

    def delay(self, failures: int, rng: random.Random) -> float:
        return rng.uniform(0, min(self.cap_s, self.base_s * 2**failures))


class ChunkSizer:
    """Photo chunk sizes that fit the link: about ``target_s`` seconds of sending each, between
    ``low`` and ``high`` bytes. A cut costs at most one chunk; on a fast link few round trips."""

    def __init__(
        self, start: int = 64 * 1024, low: int = 16 * 1024, high: int = 1024 * 1024, target_s: float = 6.0
    ) -> None:
        self.size, self.low, self.high, self.target_s = start, low, high, target_s
        self.rate: float | None = None  # bytes per second, smoothed
        self.history: list[int] = []  # the sizes of the chunks that went whole

    def observe(self, sent: int, seconds: float) -> None:
        if sent <= 0 or seconds <= 0:
            return
        self.history.append(sent)
        rate = sent / seconds
        self.rate = rate if self.rate is None else 0.5 * self.rate + 0.5 * rate
        wanted = int(self.rate * self.target_s) // 4096 * 4096
        self.size = max(self.low, min(self.high, wanted))

    def shrink(self) -> None:
        """After a cut: the link is worse than it looked."""
        self.size = max(self.low, self.size // 2 // 4096 * 4096)


# -- what a run reports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    stage: str  # records | photos | pull
    records_done: int
    records_total: int
    photos_done: int
    photos_total: int
    bytes_done: int  # records and photos sent so far in this run
    bytes_total: int  # an estimate until the last batch is built (for a bar, not to be read)
    seconds_left: float | None  # None until there is a rate to go by
    photo_bytes_done: int = 0  # of the photos that waited when the run began
    photo_bytes_total: int = 0  # fixed for the run


@dataclass
class SyncReport:
    records_sent: int = 0  # applied or already on the server
    conflicts: int = 0
    rejected: int = 0
    photos_sent: int = 0
    photos_skipped: int = 0  # the server had them already
    photo_bytes: int = 0
    decisions: int = 0  # coordinators' decisions that changed a record here
    reference_updated: bool = False
    release_changed: bool = False  # the server told of another app release (or of none any more)
    batches: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    seconds: float = 0.0
    held: list[str] = field(default_factory=list)  # ids of records refused or in conflict this run
    closed: list[str] = field(default_factory=list)  # ids of records held for a signed-off month
    released: list[str] = field(default_factory=list)  # ids of records whose month was reopened


# -- the run ------------------------------------------------------------------------------------------------


class SyncEngine:
    def __init__(
        self,
        store: Store,
        library: PhotoLibrary,
        client: ServerClient,
        *,
        limits: BatchLimits = BatchLimits(),
        retry: RetryPolicy = RetryPolicy(),
        chunks: ChunkSizer | None = None,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        photos: bool = True,
        rng: random.Random | None = None,
    ) -> None:
        self.store, self.library, self.client = store, library, client
        self.limits, self.retry = limits, retry
        self.chunks = chunks or ChunkSizer()
        self._on_progress = progress
        self.cancel = cancel or threading.Event()
        self.send_photos = photos
        self.rng = rng or random.Random()
        self.report = SyncReport()
        self._started = 0.0
        self._records_total = 0
        self._photos_total = 0
        self._photo_bytes_total = 0
        self._photo_bytes_done = 0
        self._waiting: list[str] = []  # the records that waited when the run began, in their order
        self._photos_waiting: set[str] = set()  # the photos that did
        self._bytes_done = 0
        self._record_bytes_each = 70.0  # gzip bytes per record, learnt as batches are built

    # -- public ----------------------------------------------------------------------------------------

    def run(self) -> SyncReport:
        """Push, photos, pull. Raises :class:`SyncError` (the report so far is in ``self.report``)."""
        self._started = time.monotonic()
        traffic_before = (self.client.traffic.bytes_up, self.client.traffic.bytes_down)
        requests_before = self.client.traffic.requests
        try:
            self.store.set_meta(META_LAST_ATTEMPT, now_iso())
            self._take_stock()
            self._push_records()
            if self.send_photos:
                self._push_photos()
            self._pull()
            if self.report.released:  # their month was reopened: they go now, not a sync later
                released = set(self.report.released)
                self._waiting = [i for i in self.store.waiting_ids() if i in released]
                self._records_total += len(self._waiting)
                self._push_records()
            self._fetch_conflicts()
        except SyncError as exc:
            self._note_error(exc)
            log.info("sync stopped: %s", exc)
            raise
        except Exception as exc:
            # Every talk with the server ends in a SyncError; anything else is this laptop's own.
            error = local_error(exc)
            log.error("sync stopped by a local error: %s", exc, exc_info=exc)
            self._note_error(error)
            raise error from exc
        finally:
            self.report.bytes_up = self.client.traffic.bytes_up - traffic_before[0]
            self.report.bytes_down = self.client.traffic.bytes_down - traffic_before[1]
            self.report.requests = self.client.traffic.requests - requests_before
            self.report.seconds = time.monotonic() - self._started
        self.store.set_meta(META_LAST_SUCCESS, now_iso())
        self.store.delete_meta(META_LAST_ERROR)
        log.info(
            "sync done: %s records, %s photos (%s skipped), %s decisions in %.1f s",
            self.report.records_sent,
            self.report.photos_sent,
            self.report.photos_skipped,
            self.report.decisions,
            self.report.seconds,
        )
        return self.report

    def _take_stock(self) -> None:
        """What this run sends: the records and photos waiting now (a batch kept from a run that
        was cut counts as its records), whose numbers stay the run's totals."""
        pending = self.store.pending_batch()
        in_pending: set[str] = set()
        if pending is not None:
            sent = json.loads(gzip.decompress(pending.body)).get("records", [])
            in_pending = {str(item["record"]["id"]) for item in sent}
        self._waiting = [i for i in self.store.waiting_ids() if i not in in_pending]
        self._records_total = len(self._waiting) + (pending.records if pending is not None else 0)
        if self.send_photos:  # those of records not sent yet too: they go once their records have
            self._photos_waiting = set(self.store.photos_waiting())
            depth = self.store.outbox_depth()
            self._photos_total, self._photo_bytes_total = depth.photos, depth.photo_bytes

    def _note_error(self, error: SyncError) -> None:
        try:
            self.store.set_meta(META_LAST_ERROR, error.kind.value)
        except Exception as exc:  # the disk that is full, or the store that stopped
            log.warning("the sync error could not be noted in the store: %s", exc)

    # -- records ---------------------------------------------------------------------------------------

    def _push_records(self) -> None:
        pending = self.store.pending_batch()
        if pending is not None:
            log.info("sending again batch %s of %s records", pending.batch_id, pending.records)
            self._send_batch(pending.batch_id, pending.body, pending.records)
        limit = self.limits.max_records
        nils_tried: set[str] = set()  # nil reports go once per run, whatever the server says
        position = 0  # in self._waiting: those before it have gone (or were settled otherwise)
        while True:
            self._check_cancel()
            found = self.store.outgoing_among(self._waiting[position:], limit)
            records = [record for _, record in found]
            nils = [n for n in self.store.unsent_nil_reports() if n.id not in nils_tried][:MAX_NIL_REPORTS]
            if not records and not nils:
                return
            nils_tried.update(n.id for n in nils)
            batch_id, body = self._build(records, nils)
            while len(body) > self.limits.max_bytes and len(records) > 1:
                records = records[: len(records) // 2]
                batch_id, body = self._build(records, nils)
            if records:
                self._record_bytes_each = len(body) / len(records)
            try:
                self.store.begin_batch(batch_id, body, len(records))
            except BatchStale:
                continue  # a deletion was undone meanwhile: built again from the outbox as it is now
            outcome = self._send_batch(batch_id, body, len(records))
            if outcome == "applied" and records:
                position += found[len(records) - 1][0] + 1
            elif outcome == "smaller":
                # Refused as too large: the server's limit if it said one, else half as many.
                limit = min(self.limits.max_records, max(1, len(records) // 2))
                if self.limits.max_records < len(records):
                    limit = self.limits.max_records
            # "again": a malformed record was held; the others go again from the same place

    def _build(self, records: list[OutgoingRecord], nils: Sequence[NilReportData] = ()) -> tuple[str, bytes]:
        """A new batch of ``records`` (and the village's reports of empty months): its id, and its
        body as it will be sent (gzip JSON)."""
        waiting = max(0, self.store.waiting_records() - len(records))
        batch = PushBatch(
            batch_id=uuid7(),
            records=[
                PushRecord(record=r.action, base_revision=r.base_revision, lineage=r.lineage) for r in records
            ],
            nil_reports=[NilReport.model_validate(n, from_attributes=True) for n in nils],
            waiting=waiting,
        )
        text = batch.model_dump_json(exclude_defaults=True).encode()
        return str(batch.batch_id), gzip.compress(text, compresslevel=9, mtime=0)

    def _send_batch(self, batch_id: str, body: bytes, count: int) -> str:
        """Send a kept batch until it is answered: "applied"; or the server refused it whole (it is
        then forgotten): "smaller" (its records go again in smaller batches) or "again" (the
        malformed record is held, the others go again)."""

        def sent(n: int) -> None:
            self._bytes_done += n
            self._progress("records")

        start_bytes = self._bytes_done
        try:
            answer = self._retrying(lambda: self.client.push(body, sent, self.cancel), sent_from=start_bytes)
        except SyncError as exc:
            if exc.kind is not Kind.REFUSED:
                raise
            return self._refused_whole(batch_id, body, exc)
        self._apply(batch_id, answer)
        self.report.batches += 1
        return "applied"

    def _apply(self, batch_id: str | None, answer: PushResponse) -> None:
        answers = [
            Answer(
                str(r.id),
                r.revision,
                r.outcome.value,
                r.reason.value if r.reason else None,
                r.details,
                tuple(r.missing_photos),
            )
            for r in answer.results
        ]
        summary = self.store.apply_answers(batch_id, answers)
        if answer.nil_reports:  # an answered nil report is done, taken or not (a refusal is logged)
            for refused in (r for r in answer.nil_reports if r.outcome.value == "rejected"):
                if refused.reason is Reason.MONTH_CLOSED:  # the month is signed off: nothing to send
                    log.info("nil report %s: its month is signed off (%s)", refused.id, refused.details)
                    continue
                log.error("the server refused nil report %s: %s", refused.id, refused.reason)
            self.store.mark_nil_sent([str(r.id) for r in answer.nil_reports])
        self.report.records_sent += summary.sent
        self.report.conflicts += summary.conflicts
        self.report.rejected += summary.rejected
        closed = [a.action_id for a in answers if a.outcome == "rejected" and a.reason == "month_closed"]
        self.report.closed += closed
        self.report.held += [
            a.action_id
            for a in answers
            if a.outcome in ("conflict", "rejected") and a.action_id not in closed
        ]
        if summary.conflicts or summary.rejected:
            log.info("%s records in conflict, %s refused by the server", summary.conflicts, summary.rejected)
        self._progress("records")

    def _refused_whole(self, batch_id: str, body: bytes, exc: SyncError) -> str:
        """The server took none of the batch. Too large: smaller batches. Malformed: the record it
        names is held (a bug to report, never sent again as is); the others go again."""
        log.error("the server refused batch %s whole: %s", batch_id, exc)
        self.store.drop_batch(batch_id)
        if exc.reason == Reason.TOO_LARGE:
            limit = exc.details.get("limit")
            if isinstance(limit, int) and limit > 0:
                self.limits = BatchLimits(min(self.limits.max_records, limit), self.limits.max_bytes)
            return "smaller"
        if exc.reason == Reason.MALFORMED:
            sent = json.loads(gzip.decompress(body)).get("records", [])
            index = _record_index(exc.details)
            culprits = [sent[index]] if index is not None and index < len(sent) else sent[:1]
            answers = [
                Answer(
                    str(item["record"]["id"]),
                    int(item["record"]["revision"]),
                    "rejected",
                    Reason.MALFORMED.value,
                    exc.details,
                )
                for item in culprits
            ]
            self.store.apply_answers(None, answers)
            self.report.rejected += len(answers)
            return "again"
        raise exc

    # -- photos ----------------------------------------------------------------------------------------

    def _push_photos(self) -> None:
        for photo in self.store.photos_to_send():
            if photo.sha256 not in self._photos_waiting:
                continue  # saved during this run: the next one sends it
            self._check_cancel()
            self._send_photo(photo)
            self._progress("photos")

    def _send_photo(self, photo: PhotoToSend) -> None:
        sha = photo.sha256
        try:
            data = self.library.upload_path(sha).read_bytes()
        except OSError as exc:
            log.error("photo %s cannot be read: %s", sha, exc)
            self.store.hold_photo(sha, "missing_file")
            return
        if hashlib.sha256(data).hexdigest() != sha:
            log.error("photo %s on disk is not what its name says: held", sha)
            self.store.hold_photo(sha, "damaged")
            return
        offset, failures, mismatches = 0, 0, 0
        base = self._photo_bytes_done  # the photos before this one
        if self.store.photo_attempted(sha):
            state = self._retrying(lambda: self.client.photo_state(sha))
            if state.complete:
                self._photo_done(sha, skipped=True, size=len(data), base=base)
                return
            offset = state.received
        self.store.note_photo_attempt(sha)
        facts = photo_facts(self.store.photo_info(sha), sha)
        while True:
            self._check_cancel()
            self._photo_bytes_done = base + offset
            size = self.chunks.size
            chunk = data[offset : offset + size]
            began = time.monotonic()
            sent_before = self._bytes_done

            def sent(n: int) -> None:
                self._bytes_done += n
                self._photo_bytes_done += n
                self._progress("photos")

            try:
                state = self.client.put_photo(sha, offset, len(data), chunk, sent, self.cancel, facts)
            except SyncError as exc:
                if exc.kind is Kind.REFUSED and exc.reason == Reason.BAD_OFFSET:
                    offset = int(exc.details.get("received", 0))  # the server holds more (or less)
                    continue
                if exc.kind is Kind.REFUSED and exc.reason == Reason.HASH_MISMATCH and mismatches == 0:
                    mismatches, offset = 1, 0  # bytes spoilt on the way: once more from the start
                    continue
                if exc.kind is Kind.REFUSED and exc.reason in (
                    Reason.HASH_MISMATCH,
                    Reason.TOO_LARGE,
                    Reason.VALIDATION,
                ):
                    self.store.hold_photo(sha, exc.reason or "refused", exc.details)
                    return
                if exc.kind is Kind.REFUSED and exc.reason == Reason.FORBIDDEN:
                    log.info("photo %s: the server has no record of it yet; it goes next time", sha)
                    return
                if not exc.kind.transient:
                    raise
                failures += 1
                if failures >= self.retry.attempts:
                    raise
                self._bytes_done = sent_before  # what did not arrive is counted again when resent
                self.chunks.shrink()
                self._pause(failures, exc)
                state = self._retrying(lambda: self.client.photo_state(sha))
                if state.complete:
                    self._photo_done(sha, skipped=False, size=len(data), base=base)
                    return
                offset = state.received
                continue
            self.chunks.observe(len(chunk), time.monotonic() - began)
            if state.complete:
                self._photo_done(sha, skipped=False, size=len(data), base=base)
                return
            offset = state.received

    def _photo_done(self, sha: str, *, skipped: bool, size: int, base: int) -> None:
        self.store.mark_photo_uploaded(sha)
        self._photo_bytes_done = base + size
        if skipped:
            self.report.photos_skipped += 1
        else:
            self.report.photos_sent += 1
            self.report.photo_bytes += size

    # -- pull --------------------------------------------------------------------------------------------

    def _pull(self) -> None:
        reference = self.reference()
        cursor = self.store.get_meta(META_CURSOR) or ""
        known = stored_release(self.store)
        tag = known.tag if known else ""
        helper = support_tag(stored_support(self.store))
        while True:
            self._check_cancel()
            self._progress("pull")
            got = self._retrying(
                lambda: self.client.pull(cursor, 1000, reference.version, tag, helper, closed_months=True)  # noqa: B023
            )
            if got.closed_months is not None:  # an older server does not say: what is known stays
                self.report.released += self.store.set_closed_months([str(m) for m in got.closed_months])
            if got.release is not None:  # another release than the one kept here (or none any more)
                self.report.release_changed |= learn_release(self.store, got.release)
                tag = got.release.tag
            if got.support is not None:  # IT staff changed whom to ask for help
                remember_support(self.store, got.support)
                helper = support_tag(got.support)
            decisions = [
                Decision(str(d.record_id), d.revision, Status(d.decision), d.comment) for d in got.decisions
            ]
            reference_json = None
            if got.reference is not None and got.reference.version > reference.version:
                try:
                    text = got.reference.model_dump_json()
                    reference = ReferenceData.from_json(text, previous=reference)
                    reference_json = text
                    self.report.reference_updated = True
                except FieldAppError as exc:
                    log.error("reference data %s from the server refused: %s", got.reference.version, exc)
            self.report.decisions += self.store.apply_pull(decisions, got.cursor, reference_json)
            cursor = got.cursor
            if not got.more:
                return

    def reference(self) -> ReferenceData:
        return stored_reference(self.store)

    def _fetch_conflicts(self) -> None:
        """The server's version of each record in conflict (with its photos), to show beside ours."""
        for conflict in self.store.conflicts():
            if conflict.server is not None and conflict.server.revision >= conflict.server_revision:
                continue
            self._check_cancel()
            copy = self._retrying(lambda: self.client.record(conflict.action_id))  # noqa: B023
            for photo in copy.record.photos:
                if self.store.photo(photo.sha256) is None:
                    data = self._retrying(lambda: self.client.photo_content(photo.sha256))  # noqa: B023
                    try:
                        info = self.library.add_received(photo.sha256, data)
                    except FieldAppError as exc:
                        log.error("photo %s of the server's copy: %s", photo.sha256, exc)
                        break
                    self.store.add_photo(info)
            else:
                self.store.record_server_copy(conflict.action_id, copy.record)

    # -- plumbing ----------------------------------------------------------------------------------------

    def _retrying(self, call: Callable[[], T], *, sent_from: int | None = None) -> T:
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
                if sent_from is not None:
                    self._bytes_done = sent_from  # the whole body goes again
                self._pause(failures, exc)

    def _pause(self, failures: int, exc: SyncError) -> None:
        wait = self.retry.delay(failures, self.rng)
        log.info("%s; trying again in %.1f s (attempt %s)", exc, wait, failures + 1)
        if self.cancel.wait(wait):
            raise Cancelled

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled

    def _progress(self, stage: str) -> None:
        if self._on_progress is None:
            return
        records_done = self.report.records_sent + self.report.rejected + self.report.conflicts
        records_left = max(0, self._records_total - records_done)
        done_photos = self.report.photos_sent + self.report.photos_skipped
        total = int(self._bytes_done + records_left * self._record_bytes_each + self._photo_bytes_left())
        elapsed = time.monotonic() - self._started
        left = None
        if self._bytes_done > 2048 and elapsed > 0.5:
            left = max(0.0, (total - self._bytes_done) / (self._bytes_done / elapsed))
        self._on_progress(
            Progress(
                stage,
                min(records_done, self._records_total),
                self._records_total,
                min(done_photos, self._photos_total),
                self._photos_total,
                self._bytes_done,
                total,
                left,
                min(self._photo_bytes_done, self._photo_bytes_total),
                self._photo_bytes_total,
            )
        )

    def _photo_bytes_left(self) -> int:
        return max(0, self._photo_bytes_total - self.report.photo_bytes)


def learn_release(store: Store, release: AppRelease) -> bool:
    """Keep the app release the server told of (an empty version: none). True if it changed."""
    if release.version:
        log.info("the server publishes Taza Field %s", release.version)
    return remember_release(store, Release(release.version, release.download_url, release.notes))


def stored_reference(store: Store) -> ReferenceData:
    """The newest reference data this laptop has: pulled from the server, or the shipped one."""
    text = store.get_meta(META_REFERENCE)
    if not text:
        return default_reference()
    try:
        return newest(default_reference(), ReferenceData.from_json(text))
    except FieldAppError as exc:
        log.error("stored reference data ignored: %s", exc)
        return default_reference()


def _record_index(details: dict[str, object]) -> int | None:
    errors = details.get("errors")
    for error in errors if isinstance(errors, list) else []:
        loc = error.get("loc", []) if isinstance(error, dict) else []
        if len(loc) >= 2 and loc[0] == "records" and str(loc[1]).isdigit():
            return int(loc[1])
    return None


def now_iso() -> str:
    return utc_now().isoformat().replace("+00:00", "Z")


def photo_facts(info: ProcessedPhoto | None, sha: str) -> PhotoFacts | None:
    """What the camera said of a photo, to send with its first chunk (None: it said nothing)."""
    if info is None or (info.taken_at is None and info.lat is None):
        return None
    taken_at = info.taken_at.isoformat(timespec="seconds") if info.taken_at else None
    return PhotoFacts(sha256=sha, taken_at=taken_at, lat=info.lat, lon=info.lon)
