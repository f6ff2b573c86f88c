"""USB bundles end to end: written by a laptop, carried, imported by the server's command line or a
coordinator through the API; twice, then online, changing nothing more; refused whole when a byte
was changed, the file cut short, or it comes from a laptop the server does not trust."""

from __future__ import annotations

import gc
import json
import warnings
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.models import Status
from server import schema as t
from sync.bundle import MANIFEST, SIGNATURE, BundleError, export_bundle, open_bundle
from sync.protocol import BundleImport
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_engine import server_photo, server_records


def export(laptop: Laptop, path: Path) -> Path:
    export_bundle(laptop.store, laptop.library, laptop.credentials, path)
    return path


def import_cli(server: LiveServer, path: Path, check: bool = True):  # type: ignore[no-untyped-def]
    return server.cli("import-bundle", str(path), check=check)


def totals(server: LiveServer) -> tuple[int, int, int]:
    with server.engine.connect() as conn:
        records = conn.execute(select(func.count()).select_from(t.records)).scalar_one()
        revisions = conn.execute(select(func.count()).select_from(t.record_revisions)).scalar_one()
        photos = conn.execute(select(func.count()).where(t.photos.c.complete.is_(True))).scalar_one()
    return records, revisions, photos


def test_a_bundle_carries_everything_and_importing_again_changes_nothing(
    server: LiveServer, laptop: Laptop, tmp_path: Path
) -> None:
    saved = laptop.add(12, photos=1)
    first = laptop.store.get(saved[0].id)
    assert first is not None
    edited = laptop.store.save(first.revise(participants=77, status=Status.READY))  # two revisions of one
    bundle = export(laptop, tmp_path / "usb" / "village.tazabundle")
    out = import_cli(server, bundle).stdout
    assert "12 applied" in out
    assert "12 stored" in out
    assert server_records(server) == {str(r.id): (2 if r.id == edited.id else 1) for r in saved}
    for record in saved:
        sha = record.photos[0].sha256
        assert server_photo(server, sha) == laptop.library.upload_path(sha).read_bytes()
    before = totals(server)
    again = import_cli(server, bundle).stdout
    assert "12 already" in again or "12 applied" in again  # the stored answers of the same batches
    assert totals(server) == before
    # the laptop gets a link at last: it sends, learns everything is there, changes nothing
    report = laptop.sync()
    assert (report.records_sent, report.conflicts, report.rejected) == (12, 0, 0)
    assert report.photos_sent == 0
    assert totals(server) == before
    assert laptop.store.outbox_depth().records == 0
    assert laptop.store.outbox_depth().photos == 0


def test_online_first_then_the_bundle_changes_nothing(
    server: LiveServer, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.add(5, photos=1)
    bundle = export(laptop, tmp_path / "b.tazabundle")
    laptop.sync()
    before = totals(server)
    assert "5 already" in import_cli(server, bundle).stdout
    assert totals(server) == before


def test_a_later_edit_in_a_second_bundle_imported_first(
    server: LiveServer, laptop: Laptop, tmp_path: Path
) -> None:
    record = laptop.add(1)[0]
    older = export(laptop, tmp_path / "older.tazabundle")
    current = laptop.store.get(record.id)
    assert current is not None
    laptop.store.save(current.revise(participants=50, status=Status.READY))
    newer = export(laptop, tmp_path / "newer.tazabundle")
    import_cli(server, newer)
    assert "1 already" in import_cli(server, older).stdout  # revision 1 is in revision 2's lineage
    assert server_records(server) == {str(record.id): 2}
    with server.engine.connect() as conn:
        assert not conn.execute(select(t.records.c.conflict)).scalar_one()


def test_a_coordinator_imports_through_the_api(server: LiveServer, laptop: Laptop, tmp_path: Path) -> None:
    laptop.add(3, photos=1)
    data = export(laptop, tmp_path / "b.tazabundle").read_bytes()
    coordinator = server.user("aigul", "coordinator", district="196200000")
    answer = coordinator.post("/bundles", data=data, headers={"Content-Type": "application/zip"})
    assert answer.status_code == 200, answer.text
    done = BundleImport.model_validate_json(answer.content)
    assert (done.records, done.photos_stored) == ({"applied": 3}, 3)
    stranger = server.user("far", "coordinator", district="194000000")
    refused = stranger.post("/bundles", data=data, headers={"Content-Type": "application/zip"})
    assert (refused.status_code, refused.json()["error"]["reason"]) == (403, "forbidden")
    device = server.caller(laptop.credentials.token)
    assert device.post("/bundles", data=data).status_code == 403  # a laptop cannot import


def rewrite(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy a bundle member by member, letting ``change(name, data)`` alter what it likes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)
    return target


def more_people(name: str, data: bytes) -> bytes:
    return data.replace(b'"participants":40', b'"participants":400') if name.startswith("batches/") else data


def other_okrug(name: str, data: bytes) -> bytes:
    return data.replace(b'"okrug": "196247000"', b'"okrug": "196247001"') if name == MANIFEST else data


def other_picture(name: str, data: bytes) -> bytes:
    return data[:-10] + b"0123456789" if name.startswith("photos/") else data


def no_signature(name: str, data: bytes) -> bytes | None:
    return None if name == SIGNATURE else data


@pytest.mark.parametrize(
    ("name", "change", "problem"),
    [
        ("a figure changed", more_people, "checksum"),
        ("the manifest edited to match", other_okrug, "signature"),
        ("a photo swapped", other_picture, "checksum"),
        ("a file slipped in", None, "unexpected_file"),
        ("the signature gone", no_signature, "not_a_bundle"),
    ],
)
def test_a_tampered_bundle_is_refused_whole(
    server: LiveServer, laptop: Laptop, tmp_path: Path, name: str, change, problem: str
) -> None:  # type: ignore[no-untyped-def]
    laptop.add(2, photos=1)
    good = export(laptop, tmp_path / "good.tazabundle")
    if change is None:
        bad = tmp_path / "bad.tazabundle"
        bad.write_bytes(good.read_bytes())
        with zipfile.ZipFile(bad, "a") as archive:
            archive.writestr("batches/0099.json", b"{}")
    else:
        bad = rewrite(good, tmp_path / "bad.tazabundle", change)
    result = import_cli(server, bad, check=False)
    assert result.returncode == 2, (name, result.stdout)
    assert "nothing imported" in result.stderr
    assert totals(server) == (0, 0, 0)
    coordinator = server.user("aigul", "coordinator", district="196200000")
    answer = coordinator.post("/bundles", data=bad.read_bytes())
    assert answer.status_code == 422
    assert answer.json()["error"]["details"]["problem"] == problem, name


def test_a_bundle_cut_short_or_from_a_stranger_is_refused(
    server: LiveServer, make_laptop, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    laptop = make_laptop("village")
    laptop.add(3, photos=2)
    good = export(laptop, tmp_path / "good.tazabundle")
    data = good.read_bytes()
    cut = tmp_path / "cut.tazabundle"
    cut.write_bytes(data[: len(data) * 2 // 3])
    result = import_cli(server, cut, check=False)
    assert result.returncode == 2
    assert "cut short" in result.stderr
    # signed with another key (a copy of the laptop's enrolment from a server long gone)
    forged = tmp_path / "forged.tazabundle"
    stranger = laptop.credentials.model_copy(update={"bundle_key": "x" * 43})
    export_bundle(laptop.store, laptop.library, stranger, forged)
    assert "changed after it was written" in import_cli(server, forged, check=False).stderr
    # a revoked laptop's bundle is not trusted any more
    server.cli("device", "revoke", str(laptop.credentials.device_id))
    assert "revoked" in import_cli(server, good, check=False).stderr
    assert totals(server) == (0, 0, 0)


def test_the_manifest_lists_what_is_inside(server: LiveServer, laptop: Laptop, tmp_path: Path) -> None:
    laptop.add(2, photos=1)
    bundle = export(laptop, tmp_path / "b.tazabundle")
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        names = set(archive.namelist())
    assert manifest["kind"] == "taza-field-bundle"
    assert manifest["records"] == 2
    assert {f["name"] for f in manifest["batches"] + manifest["photos"]} | {MANIFEST, SIGNATURE} == names


def test_no_bundle_file_is_left_open(server: LiveServer, laptop: Laptop, tmp_path: Path) -> None:
    """Written, imported, refused: every file the bundle code opens is closed again. In this
    process, each warning recorded; and IT staff's command with ResourceWarning made an error."""
    laptop.add(3, photos=1)
    good = tmp_path / "good.tazabundle"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        export(laptop, good)
        data = good.read_bytes()
        cut = tmp_path / "cut.tazabundle"
        cut.write_bytes(data[: len(data) * 2 // 3])
        junk = tmp_path / "junk.tazabundle"
        junk.write_bytes(b"a letter, not a bundle")
        key = laptop.credentials.bundle_key
        bundle, archive = open_bundle(good, lambda device_id: key)
        with archive:
            assert len(bundle.batches) == 1
        for bad, problem in ((cut, "truncated"), (junk, "not_a_bundle")):
            with pytest.raises(BundleError) as refused:
                open_bundle(bad, lambda device_id: key)
            assert refused.value.problem == problem
        del archive, bundle
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []

    strict = {"PYTHONWARNINGS": "error::ResourceWarning", "PYTHONDEVMODE": "1"}
    for path in (cut, junk, good):
        result = server.cli("import-bundle", str(path), env=strict, check=False)
        assert "ResourceWarning" not in result.stderr, result.stderr
        assert "unclosed file" not in result.stderr, result.stderr
    assert "imported" in result.stdout
