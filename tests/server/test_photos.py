"""Photo upload: in chunks, resumable from what the server holds, verified by SHA-256; against a real
server on SQLite and PostgreSQL.

A chunk the server already has (the laptop sent it again because the answer was lost) is refused
with 409 ``bad_offset`` and ``details.received``, and the laptop goes on from there; once the photo
is complete, every chunk for it gets 200 ``complete: true`` and changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from PIL import Image
from sqlalchemy import select

from fieldapp.models import CleanupAction, PhotoRef
from server import schema as t
from tests.photo_factory import make_jpeg, noisy_picture
from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, REGION, action
from tests.server.live import Caller, LiveServer, results

CHUNK = 64 * 1024
MAX_CHUNK = 1024 * 1024  # the server's defaults (server/settings.py)
MAX_PHOTO = 20 * 1024 * 1024
DISTRICT = "196200000"  # Талғар ауданы, OKRUG's and OTHER_OKRUG's
ANOTHER_DISTRICT = "191800000"


def jpeg() -> bytes:
    """A real photo of ~220 KB: four chunks of 64 KB. Noise, so each call makes another photo."""
    return make_jpeg(picture=noisy_picture(700, 500))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def with_photos(*photos: bytes, **overrides: object) -> CleanupAction:
    return action(photos=[PhotoRef(sha256=sha(p)) for p in photos], **overrides)


def put(caller: Caller, name: str, offset: int, body: bytes, total: int) -> requests.Response:
    return caller.put(
        f"/photos/{name}",
        params={"offset": offset, "total": total},
        data=body,
        headers={"Content-Type": "application/octet-stream"},
    )


def send(
    caller: Caller, data: bytes, start: int = 0, stop: int | None = None, name: str | None = None
) -> list[requests.Response]:
    """The photo from ``start`` (up to ``stop``), chunk after chunk, as long as the server takes them."""
    answers = []
    for offset in range(start, len(data) if stop is None else stop, CHUNK):
        answers.append(put(caller, name or sha(data), offset, data[offset : offset + CHUNK], len(data)))
        if answers[-1].status_code != 200:
            break
    return answers


def state(caller: Caller, name: str) -> tuple[int, bool]:
    response = caller.get(f"/photos/{name}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["sha256"] == name
    return body["received"], body["complete"]


def refusal(response: requests.Response) -> tuple[int, str, dict[str, object]]:
    error = response.json()["error"]
    return response.status_code, error["reason"], error["details"]


def missing_photos(server: LiveServer, record: CleanupAction) -> int:
    with server.engine.connect() as conn:
        return conn.execute(
            select(t.records.c.missing_photos).where(t.records.c.id == str(record.id))
        ).scalar_one()


def partial_file(server: LiveServer, name: str) -> Path:
    return server.tmp / "photos" / "partial" / f"{name}.part"


def final_file(server: LiveServer, name: str) -> Path:
    return server.tmp / "photos" / name[:2] / f"{name}.jpg"


def test_chunks_resume_after_a_crash_and_complete_the_record(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    first, second = jpeg(), jpeg()
    name = sha(first)
    record, other = with_photos(first, second), with_photos(second)
    pushed = laptop.push(record, other)
    assert [r.missing_photos for r in results(pushed)] == [[name, sha(second)], [sha(second)]]
    assert (missing_photos(server, record), missing_photos(server, other)) == (2, 1)
    assert state(laptop, name) == (0, False)

    # two chunks, then the server is killed while it writes the third: its bytes are on disk, uncommitted
    assert [r.json()["received"] for r in send(laptop, first, stop=2 * CHUNK)] == [CHUNK, 2 * CHUNK]
    server.stop(kill=True)
    with partial_file(server, name).open("ab") as leftover:
        leftover.write(first[2 * CHUNK : 2 * CHUNK + 1000] + b"half a chunk, never committed")
    server.start()
    held, complete = state(laptop, name)
    assert (held, complete) == (2 * CHUNK, False)

    # the last chunk again (its answer was lost) and a chunk too far: 409, and where to go on from
    again = put(laptop, name, CHUNK, first[CHUNK : 2 * CHUNK], len(first))
    assert refusal(again) == (409, "bad_offset", {"received": 2 * CHUNK})
    ahead = put(laptop, name, 3 * CHUNK, first[3 * CHUNK : 4 * CHUNK], len(first))
    assert refusal(ahead) == (409, "bad_offset", {"received": 2 * CHUNK})

    answers = send(laptop, first, start=held)
    assert [r.status_code for r in answers] == [200, 200]
    assert answers[-1].json() == {"sha256": name, "received": len(first), "complete": True}
    assert (missing_photos(server, record), missing_photos(server, other)) == (1, 1)
    assert final_file(server, name).read_bytes() == first
    assert not partial_file(server, name).exists()

    whole = put(laptop, sha(second), 0, second, len(second))  # one chunk may carry it all (≤ 1 MB)
    assert whole.json()["complete"] is True
    assert (missing_photos(server, record), missing_photos(server, other)) == (0, 0)

    # complete for good: whatever comes for it now is answered, and ignored
    for offset, body, total in (
        (0, b"not the photo", len(first)),
        (len(first) - 9, first[-9:], len(first)),
        (7, b"garbage", 99),
        (len(first), b"more", len(first) + 4),
    ):
        answer = put(laptop, name, offset, body, total)
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"sha256": name, "received": len(first), "complete": True}
    assert sha(final_file(server, name).read_bytes()) == name
    assert not partial_file(server, name).exists()
    content = laptop.get(f"/photos/{name}/content")
    assert content.status_code == 200
    assert content.headers["content-type"] == "image/jpeg"
    assert content.content == first


def test_a_wrong_hash_starts_the_photo_again_and_limits_hold(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    data = jpeg()
    name = sha(data)
    record = with_photos(data)
    laptop.push(record)

    damaged = data[: CHUNK + 100] + bytes([data[CHUNK + 100] ^ 0xFF]) + data[CHUNK + 101 :]
    answers = send(laptop, damaged, name=name)
    assert [r.status_code for r in answers] == [200, 200, 200, 422]
    assert refusal(answers[-1])[:2] == (422, "hash_mismatch")
    assert refusal(answers[-1])[2]["received"] == 0
    assert state(laptop, name) == (0, False)
    assert not partial_file(server, name).exists()
    assert missing_photos(server, record) == 1

    # the partial file lost behind the database's back (a disk restored from backup): start again
    send(laptop, data, stop=2 * CHUNK)
    partial_file(server, name).unlink()
    lost = put(laptop, name, 2 * CHUNK, data[2 * CHUNK : 3 * CHUNK], len(data))
    assert refusal(lost) == (409, "bad_offset", {"received": 0})
    assert state(laptop, name) == (0, False)

    limits = {"max_chunk_bytes": MAX_CHUNK, "max_photo_bytes": MAX_PHOTO}
    big_chunk = put(laptop, name, 0, bytes(MAX_CHUNK + 1), MAX_PHOTO)
    assert refusal(big_chunk) == (413, "too_large", limits)
    big_photo = put(laptop, name, 0, data[:CHUNK], MAX_PHOTO + 1)
    assert refusal(big_photo) == (413, "too_large", limits | {"total": MAX_PHOTO + 1})
    past_end = put(laptop, name, 0, data[:CHUNK], CHUNK - 1)
    assert refusal(past_end)[:2] == (400, "malformed")
    empty = put(laptop, name, 0, b"", len(data))
    assert refusal(empty)[:2] == (400, "malformed")
    for bad in ("abc", name.upper(), name[:-1] + "g", name + "0"):
        assert refusal(put(laptop, bad, 0, data[:CHUNK], len(data)))[:2] == (400, "malformed")
        assert refusal(laptop.get(f"/photos/{bad}"))[:2] == (400, "malformed")
    negative = laptop.put(f"/photos/{name}?offset=-1&total=10", data=b"x")
    assert refusal(negative)[:2] == (422, "malformed")
    assert state(laptop, name) == (0, False)  # none of that left a trace

    # the size is declared once: a later chunk may not change it
    put(laptop, name, 0, data[:CHUNK], len(data))
    resized = put(laptop, name, CHUNK, data[CHUNK : 2 * CHUNK], len(data) + 1)
    assert refusal(resized) == (409, "conflict", {"total": len(data), "received": CHUNK})

    assert send(laptop, data, start=CHUNK)[-1].json()["complete"] is True
    assert final_file(server, name).read_bytes() == data
    assert missing_photos(server, record) == 0


def test_who_may_send_and_see_a_photo(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    neighbour = server.enrol(OTHER_OKRUG, "neighbour")
    data = jpeg()
    name = sha(data)

    # numbers first, photos after: a photo no record references is refused
    assert refusal(put(laptop, name, 0, data, len(data)))[:2] == (403, "forbidden")
    laptop.push(with_photos(data))
    # the neighbouring okrug's laptop may not send it, nor see it, even with a record of its own
    own = neighbour.push(with_photos(jpeg(), okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT))
    assert own.json()["results"][0]["outcome"] == "applied"
    assert refusal(put(neighbour, name, 0, data, len(data)))[:2] == (403, "forbidden")
    assert refusal(neighbour.get(f"/photos/{name}"))[:2] == (403, "forbidden")

    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    stranger = server.user("marat", "coordinator", district=ANOTHER_DISTRICT)
    admin = server.user("root", "admin")
    region = server.user("erlan", "region", region=REGION)
    national = server.user("dana", "national")
    other_region = server.user("baurzhan", "region", region="100000000")
    for sender in (coordinator, admin, region, national):
        assert refusal(put(sender, name, 0, data, len(data)))[:2] == (403, "forbidden")
    assert state(coordinator, name) == (0, False)
    assert refusal(coordinator.get(f"/photos/{name}/content"))[:2] == (404, "not_found")

    assert put(laptop, name, 0, data, len(data)).json()["complete"] is True
    for reader in (coordinator, admin, laptop, region, national):
        content = reader.get(f"/photos/{name}/content")
        assert (content.status_code, content.headers["content-type"]) == (200, "image/jpeg")
        assert content.content == data
    for outsider in (stranger, neighbour, other_region):
        assert refusal(outsider.get(f"/photos/{name}/content"))[:2] == (403, "forbidden")
        assert refusal(outsider.get(f"/photos/{name}/thumb"))[:2] == (403, "forbidden")
    assert "refused PUT /api/v1/photos/" in server.log.read_text(encoding="utf-8")
    # the small copy a coordinator's review queue shows: made once, a JPEG of at most 320 px
    thumb = coordinator.get(f"/photos/{name}/thumb")
    assert (thumb.status_code, thumb.headers["content-type"]) == (200, "image/jpeg")
    picture = Image.open(io.BytesIO(thumb.content))
    assert max(picture.size) <= 320
    assert len(thumb.content) < len(data)
    assert coordinator.get(f"/photos/{name}/thumb").content == thumb.content


def test_two_uploads_of_one_photo_at_once(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    data = jpeg()
    name = sha(data)
    record = with_photos(data)
    laptop.push(record)
    step = 16 * 1024

    def upload(caller: Caller) -> list[int]:
        statuses = []
        received, complete = state(caller, name)
        while not complete:
            answer = put(caller, name, received, data[received : received + step], len(data))
            statuses.append(answer.status_code)
            if answer.status_code == 409:
                received, complete = answer.json()["error"]["details"]["received"], False
            else:
                assert answer.status_code == 200, answer.text
                received, complete = answer.json()["received"], answer.json()["complete"]
        return statuses

    twin = server.caller(laptop.token)  # the same laptop on a second connection (a retry overlapping)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(upload, [laptop, twin]))
    assert all(status in (200, 409) for statuses in results for status in statuses)
    assert final_file(server, name).read_bytes() == data
    assert not partial_file(server, name).exists()
    assert missing_photos(server, record) == 0


def test_a_photo_finishing_while_its_record_arrives_is_never_missed(server: LiveServer) -> None:
    """A new revision of a record arrives at the very moment its photo's last chunk completes: the
    record must not be left waiting for a photo the server holds (on PostgreSQL the two
    transactions really overlap; the server orders them with row locks)."""
    laptop = server.enrol(OKRUG)
    twin = server.caller(laptop.token)
    records = []
    for _ in range(12):
        data = make_jpeg(picture=noisy_picture(160, 120))
        record = with_photos(data)
        laptop.push(record)
        start = threading.Barrier(2)

        def push_edit(record: CleanupAction = record, start: threading.Barrier = start) -> None:
            start.wait()
            assert laptop.push(record.revise(participants=77), base=1).status_code == 200

        def upload(data: bytes = data, start: threading.Barrier = start) -> None:
            start.wait()
            assert put(twin, sha(data), 0, data, len(data)).json()["complete"] is True

        with ThreadPoolExecutor(2) as pool:
            for done in [pool.submit(push_edit), pool.submit(upload)]:
                done.result()
        records.append(record)
    assert [missing_photos(server, record) for record in records] == [0] * len(records)


def test_only_jpeg_upload_copies_are_kept(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    data = b"%PDF-1.4 not a photo at all" * 100
    record = with_photos(data)
    laptop.push(record)
    answer = put(laptop, sha(data), 0, data, len(data))
    assert refusal(answer) == (422, "validation", {"received": 0})
    assert state(laptop, sha(data)) == (0, False)
    assert not final_file(server, sha(data)).exists()
    assert not partial_file(server, sha(data)).exists()
    assert missing_photos(server, record) == 1


def test_what_the_camera_said_goes_with_the_first_chunk(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    stranger = server.user("marat", "coordinator", district=ANOTHER_DISTRICT)
    data, plain = jpeg(), jpeg()
    name = sha(data)
    laptop.push(with_photos(data, plain))
    assert coordinator.get(f"/photos/{name}/facts").json() == {
        "sha256": name,
        "taken_at": None,
        "lat": None,
        "lon": None,
    }
    facts = {"taken_at": "2026-05-10T10:31:00+05:00", "lat": 43.2526, "lon": 76.9454}
    first = laptop.put(
        f"/photos/{name}",
        params={"offset": 0, "total": len(data)} | facts,
        data=data[:CHUNK],
        headers={"Content-Type": "application/octet-stream"},
    )
    assert first.status_code == 200, first.text
    assert send(laptop, data, start=CHUNK)[-1].json()["complete"] is True
    assert coordinator.get(f"/photos/{name}/facts").json() == {"sha256": name} | facts
    assert refusal(stranger.get(f"/photos/{name}/facts"))[:2] == (403, "forbidden")
    # a photo whose camera said nothing: nothing is known, and a time that is not one is refused
    assert send(laptop, plain)[-1].json()["complete"] is True
    assert coordinator.get(f"/photos/{sha(plain)}/facts").json()["taken_at"] is None
    bad = laptop.put(
        f"/photos/{sha(plain)}",
        params={"offset": 0, "total": len(plain), "taken_at": "x" * 41},
        data=plain[:CHUNK],
        headers={"Content-Type": "application/octet-stream"},
    )
    assert bad.status_code == 422, bad.text
    not_a_time = laptop.put(
        f"/photos/{sha(plain)}",
        params={"offset": 0, "total": len(plain), "taken_at": "yesterday"},
        data=plain[:CHUNK],
        headers={"Content-Type": "application/octet-stream"},
    )
    assert refusal(not_a_time)[:2] == (422, "validation")
    with server.engine.connect() as conn:
        row = conn.execute(select(t.photos).where(t.photos.c.sha256 == name)).one()
    assert (row.taken_at, row.lat, row.lon) == (facts["taken_at"], facts["lat"], facts["lon"])
