"""Enrolling a laptop, and sync from the command line (``fieldapp enrol``, ``fieldapp sync``,
``fieldapp bundle export``) as IT staff use it: real processes against a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.device import DeviceFileError, load_device
from fieldapp.paths import DataPaths
from server import accounts
from server import schema as t
from sync.enrolment import EnrolmentError, enrol, read_provisioning
from tests.records import LONG_AGO, OKRUG, OTHER_OKRUG
from tests.server.live import LiveServer
from tests.sync.test_engine import server_records

ROOT = Path(__file__).resolve().parents[2]


def provisioning_file(server: LiveServer, okrug: str = OKRUG) -> Path:
    out = server.tmp / f"p-{okrug}-{len(list(server.tmp.glob('p-*')))}.json"
    server.cli("device", "enrol", "--okrug", okrug, "--out", str(out))
    return out


def fieldapp(
    data: Path, *args: str, lang: str = "en", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TAZA_FIELD_LANG": lang, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "fieldapp.cli", "--data-dir", str(data), *args],
        capture_output=True,
        encoding="utf-8",  # what fieldapp writes to a pipe on every system (not Windows' code page)
        errors="replace",
        env=env,
        timeout=120,
    )


def test_a_provisioning_file_enrols_once(server: LiveServer, tmp_path: Path) -> None:
    file = provisioning_file(server)
    provisioning = read_provisioning(file)
    credentials = enrol(provisioning.server_url, provisioning.code, device_name="Қайнар", okrug=None)
    assert credentials.okrug == OKRUG
    assert credentials.server_url == server.root
    assert credentials.token not in repr(credentials)  # never printed into a log
    with pytest.raises(EnrolmentError) as used:
        enrol(provisioning.server_url, provisioning.code, device_name="again", okrug=None)
    assert "used already" in used.value.text("en")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("AAAA-BBBB-CCCC", "no such enrolment code"), ("12", "looks like XXXX-XXXX-XXXX")],
)
def test_a_wrong_code_says_so(server: LiveServer, code: str, expected: str) -> None:
    with pytest.raises(EnrolmentError) as wrong:
        enrol(server.root, code, device_name="x", okrug=None)
    assert expected in wrong.value.text("en")
    assert wrong.value.text("kk") != wrong.value.text("en")


def test_an_expired_code_and_an_expired_file(server: LiveServer, tmp_path: Path) -> None:
    past = LONG_AGO
    with server.engine.begin() as conn:
        code, _ = accounts.create_enrolment(conn, OKRUG, days=14, now=past)
    with pytest.raises(EnrolmentError) as expired:
        enrol(server.root, code, device_name="x", okrug=None)
    assert "expired" in expired.value.text("en")
    file = provisioning_file(server)
    stale = read_provisioning(file).model_copy(update={"expires_at": past}).sealed()  # as written then
    file.write_text(stale.model_dump_json(), encoding="utf-8")
    with pytest.raises(EnrolmentError) as old:
        read_provisioning(file)
    assert "expired" in old.value.text("en")


@pytest.mark.parametrize(
    ("field", "value"),
    [("okrug", OTHER_OKRUG), ("server_url", "http://192.0.2.1:8765"), ("expires_at", "2099-01-01T00:00:00Z")],
)
def test_a_file_changed_after_the_server_wrote_it_is_refused_and_its_code_stays_good(
    server: LiveServer, tmp_path: Path, field: str, value: str
) -> None:
    file = provisioning_file(server)
    original = file.read_text(encoding="utf-8")
    data = json.loads(original)
    data[field] = value
    file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(EnrolmentError) as changed:
        read_provisioning(file)
    assert "changed or damaged" in changed.value.text("en")
    assert changed.value.text("kk") != changed.value.text("ru")
    laptop = tmp_path / "laptop"
    refused = fieldapp(laptop, "enrol", "--file", str(file))
    assert refused.returncode == 2
    assert "changed or damaged" in refused.stderr
    assert not DataPaths(laptop).device.exists()
    assert file.exists()  # not removed: IT staff see what was wrong with it
    file.write_text(original, encoding="utf-8")  # the code was never sent: the untouched file works
    assert fieldapp(laptop, "enrol", "--file", str(file)).returncode == 0


def test_the_file_beside_the_app_is_picked_up_and_its_code_removed(
    server: LiveServer, tmp_path: Path
) -> None:
    app_dir = tmp_path / "TazaField"
    app_dir.mkdir()
    laptop = tmp_path / "laptop"
    env = {"TAZA_FIELD_INSTALL_DIR": str(app_dir)}
    nothing = fieldapp(laptop, "enrol", env=env)
    assert nothing.returncode == 2
    assert "no enrolment file" in nothing.stderr
    file = provisioning_file(server)
    beside = app_dir / "taza-field-196247000.provision.json"
    file.rename(beside)
    done = fieldapp(laptop, "enrol", env=env)
    assert done.returncode == 0, done.stderr
    assert "used and removed" in done.stdout
    assert not beside.exists()
    credentials = load_device(DataPaths(laptop).device)
    assert credentials is not None
    assert credentials.okrug == OKRUG


def test_a_code_of_another_okrug_is_refused_and_stays_unused(server: LiveServer) -> None:
    code = server.enrolment_code(OTHER_OKRUG)
    with pytest.raises(EnrolmentError) as other:
        enrol(server.root, code, device_name="x", okrug=OKRUG)
    assert "Алатау" in other.value.text("kk") or "Алатау" in other.value.text("ru")
    assert enrol(server.root, code, device_name="x", okrug=OTHER_OKRUG).okrug == OTHER_OKRUG


@pytest.mark.parametrize("content", [b"not json", b'{"kind": "something else"}', b"\xff\xfe" * 40])
def test_a_file_that_is_not_a_provisioning_file(tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "odd.json"
    file.write_bytes(content)
    with pytest.raises(EnrolmentError) as odd:
        read_provisioning(file)
    assert "not a Taza Field enrolment file" in odd.value.text("en")


def test_an_address_that_is_not_one_and_a_server_that_is_not_there() -> None:
    with pytest.raises(EnrolmentError) as bad:
        enrol("taza.example.kz", "AAAA-BBBB-CCCC", device_name="x", okrug=None)
    assert "http://" in bad.value.text("en")
    with pytest.raises(EnrolmentError) as away:
        enrol("http://127.0.0.1:9", "AAAA-BBBB-CCCC", device_name="x", okrug=None)
    assert "could not be reached" in away.value.text("en")


def test_a_damaged_enrolment_file_is_refused_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "device.json"
    path.write_text('{"server_url": "http://x", "token": "short"}', encoding="utf-8")
    with pytest.raises(DeviceFileError):
        load_device(path)
    assert path.read_text(encoding="utf-8").startswith('{"server_url"')


def test_the_command_line_from_enrolment_to_bundle(server: LiveServer, tmp_path: Path) -> None:
    data = tmp_path / "laptop"
    not_yet = fieldapp(data, "sync")
    assert not_yet.returncode == 3
    assert "not connected to a server yet" in not_yet.stderr
    done = fieldapp(data, "enrol", "--file", str(provisioning_file(server)), "--name", "Қайнар-1")
    assert done.returncode == 0, done.stderr
    assert "enrolled" in done.stdout
    credentials = load_device(DataPaths(data).device)
    assert credentials is not None
    if os.name == "posix":  # Windows: the profile's own ACL keeps it the user's
        assert (DataPaths(data).device.stat().st_mode & 0o777) == 0o600
    with server.engine.connect() as conn:
        assert conn.execute(select(t.devices.c.name)).scalar_one() == "Қайнар-1"
    added = fieldapp(
        data,
        "add",
        "--settlement",
        "196247100",
        "--date",
        "2026-05-09",
        "--campaign",
        "subbotnik",
        "--participants",
        "35",
        "--waste",
        "mixed=2.5",
        "--reporter",
        "А. Сәрсенова",
        "--ready",
    )
    assert added.returncode == 0, added.stderr
    bundle = tmp_path / "usb"
    bundle.mkdir()
    exported = fieldapp(data, "bundle", "export", "--out", str(bundle))
    assert exported.returncode == 0, exported.stderr
    assert ": 1 record, " in exported.stdout
    [written] = bundle.glob("*.tazabundle")
    synced = fieldapp(data, "sync", lang="kk")
    assert synced.returncode == 0, synced.stderr
    assert "Дайын: 1 жазба" in synced.stdout
    assert len(server_records(server)) == 1
    assert "1 already" in server.cli("import-bundle", str(written)).stdout
    server.cli("device", "revoke", str(credentials.device_id))
    revoked = fieldapp(data, "sync")
    assert revoked.returncode == 3
    assert "revoked" in revoked.stderr
