"""The log file and the diagnostics ZIP for IT staff, on real data folders: every part there with
what the store says, and not one byte of a token, a bundle key, a password or an enrolment code —
also when the database is damaged, the folder half empty, or the laptop a coordinator's."""

from __future__ import annotations

import base64
import json
import logging
import logging.handlers
import os
import sqlite3
import uuid
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from fieldapp import __version__, logs
from fieldapp.cli import main
from fieldapp.device import DeviceCredentials, save_device
from fieldapp.diagnostics import SYNC_META_KEYS, write_diagnostics
from fieldapp.logs import REDACTED, redact, setup_logging
from fieldapp.models import Status, utc_now
from fieldapp.paths import DataPaths
from fieldapp.session import CoordinatorSession, save_session
from fieldapp.settings import Settings, save_settings
from fieldapp.store import Store
from tests.records import DISTRICT, OKRUG, action

TOKEN = "tok-SECRET-1234567890abcdef"
BUNDLE_KEY = "bk-SECRET-0987654321fedcba"
SESSION_TOKEN = "sess-SECRET-5555666677778888"
PASSWORD = "Parol-SECRET-42!"
CODE = "ABCD-EFGH-JKMN"
SECRETS = (TOKEN, BUNDLE_KEY, SESSION_TOKEN, PASSWORD, CODE)
DEVICE_ID = uuid.UUID("0198a6f2-7c1d-7e3a-9b2f-1234abcd5678")

log = logging.getLogger("tests.diagnostics")


def encodings(secret: str) -> list[bytes]:
    """The secret as it could hide in a file: raw, base64 (both alphabets), hex."""
    raw = secret.encode("utf-8")
    return [
        raw,
        base64.b64encode(raw).rstrip(b"="),
        base64.urlsafe_b64encode(raw).rstrip(b"="),
        raw.hex().encode(),
        raw.hex().upper().encode(),
    ]


def assert_no_secret(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            content = zf.read(name)
            for secret in SECRETS:
                assert secret not in name
                for form in encodings(secret):
                    assert form not in content, f"{name} holds {secret!r} ({form!r})"


def members(archive: Path) -> dict[str, str]:
    with zipfile.ZipFile(archive) as zf:
        assert zf.testzip() is None
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist()}


def section(text: str, title: str) -> str:
    """The lines of ``title``'s block in integrity.txt / outbox.txt."""
    blocks = text.split("\n\n")
    return next(block for block in blocks if block.startswith(title))


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAZA_FIELD_NO_KEYRING", "1")  # the session's token goes to session.json


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[DataPaths]:
    """A village laptop: settings, records (sent, waiting, a draft), enrolled, a sync done, and a
    log in which the secrets were mentioned."""
    paths = DataPaths(tmp_path / "laptop")
    save_settings(Settings(okrug=OKRUG, reporter="Айгүл Сәрсенова", language="kk"), paths.settings)
    with Store.open(paths.database) as store:
        sent = store.save(action())
        store.mark_sent(sent.id, sent.revision)
        for participants in (10, 20, 30):
            store.save(action(participants=participants))
        store.save(action(status=Status.DRAFT, participants=5))
        store.set_meta("sync.last_success", "2026-11-20T09:15:00Z")
        store.set_meta("sync.last_attempt", "2026-11-21T10:00:00Z")
        store.set_meta("sync.last_error", "offline")
    credentials = DeviceCredentials(
        server_url="https://taza.example.kz",
        device_id=DEVICE_ID,
        okrug=OKRUG,
        token=TOKEN,
        bundle_key=BUNDLE_KEY,
        enrolled_at=utc_now(),
        device_name="akimat-laptop",
    )
    save_device(credentials, paths.device)
    assert setup_logging(paths) == paths.logs / "taza-field.log"
    log.info("POST /api/v1/push Authorization: Bearer %s", TOKEN)
    log.info(
        'enrolment answer: {"device_id": "%s", "token": "%s", "bundle_key": "%s"}',
        DEVICE_ID,
        TOKEN,
        BUNDLE_KEY,
    )
    log.info("enrolled with code %s", CODE)
    log.info("device %r", credentials.model_dump())
    log.info("login of aigul with password=%s refused", PASSWORD)
    try:
        raise RuntimeError(f"request failed: token={TOKEN}")
    except RuntimeError:
        log.info("sync failed", exc_info=True)
    yield paths
    logs.stop_logging()


# -- the log file ---------------------------------------------------------------------------------


def test_the_log_file_is_in_the_data_folder_with_the_secrets_taken_out(laptop: DataPaths) -> None:
    logs.flush()
    text = (laptop.logs / "taza-field.log").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].split(" ", 3)[1:3] == ["INFO", "tests.diagnostics:"]
    assert lines[0][:4].isdigit()
    assert "T" in lines[0].split(" ")[0]
    assert f"Authorization: Bearer {REDACTED}" in text
    assert f'"token": "{REDACTED}"' in text
    assert f"password={REDACTED} refused" in text
    assert str(DEVICE_ID) in text  # what is not secret stays
    assert "RuntimeError: request failed: token=[redacted]" in text  # the traceback too
    for secret in SECRETS:
        assert secret not in text


def test_setting_up_twice_adds_no_second_handler(laptop: DataPaths, tmp_path: Path) -> None:
    def ours() -> list[logging.Handler]:
        return [
            h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)
        ]

    setup_logging(laptop)
    setup_logging(laptop, verbose=True)
    assert len(ours()) == 1
    # Under pytest its handlers are there already: no stderr handler of ours (as basicConfig).
    assert not [h for h in logging.getLogger().handlers if h.get_name() == "taza-field-stderr"]

    other = DataPaths(tmp_path / "other")
    assert setup_logging(other) == other.logs / "taza-field.log"
    [handler] = ours()
    assert Path(handler.baseFilename) == other.logs / "taza-field.log"
    log.info("after the move")
    logs.flush()
    assert "after the move" in (other.logs / "taza-field.log").read_text(encoding="utf-8")
    assert "after the move" not in (laptop.logs / "taza-field.log").read_text(encoding="utf-8")


def test_the_log_turns_over_and_stays_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 20_000)
    paths = DataPaths(tmp_path / "laptop")
    setup_logging(paths)
    line = "x" * 500
    for n in range(400):  # about 200 KB: ten times the size of one file
        log.info("line %d %s", n, line)
    logs.flush()
    files = logs.log_files(paths)
    assert [f.name for f in files] == ["taza-field.log"] + [f"taza-field.log.{n}" for n in range(1, 5)]
    sizes = [f.stat().st_size for f in files]
    assert all(size <= 20_000 for size in sizes)
    assert sum(sizes) <= 5 * 20_000
    assert "line 399 " in files[0].read_text(encoding="utf-8")  # the newest in the current file
    assert "line 0 " not in "".join(f.read_text(encoding="utf-8") for f in files)  # the oldest gone


def test_a_log_another_process_holds_open_goes_on_and_turns_over_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows cannot rename a file another process has open (the window's log, while a
    fieldapp command logs too): no traceback on stderr, no line lost, the older files stay."""
    monkeypatch.setattr(logs, "MAX_BYTES", 20_000)
    paths = DataPaths(tmp_path / "laptop")
    paths.logs.mkdir(parents=True)
    older = paths.logs / "taza-field.log.1"
    older.write_text("the older log\n", encoding="utf-8")
    real_rename = os.rename
    current = str(paths.logs / "taza-field.log")

    def held_by_the_window(source: str, target: str) -> None:
        if os.fspath(source) == current:
            error = PermissionError(13, "The process cannot access the file", source)
            error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
            raise error
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", held_by_the_window)
    setup_logging(paths)
    line = "x" * 500
    for n in range(100):  # 50 KB: more than two files' worth
        log.info("line %d %s", n, line)
    logs.flush()
    assert "Logging error" not in capsys.readouterr().err
    text = (paths.logs / "taza-field.log").read_text(encoding="utf-8")
    assert all(f"line {n} " in text for n in range(100))
    assert older.read_text(encoding="utf-8") == "the older log\n"
    assert [f.name for f in logs.log_files(paths)] == ["taza-field.log", "taza-field.log.1"]

    monkeypatch.setattr(os, "rename", real_rename)  # the window closed: it turns over again
    for n in range(100, 150):
        log.info("line %d %s", n, line)
    logs.flush()
    files = logs.log_files(paths)
    assert len(files) > 2
    assert files[-1].read_text(encoding="utf-8") == "the older log\n"  # moved along, kept
    everything = "".join(f.read_text(encoding="utf-8") for f in files)
    assert all(f"line {n} " in everything for n in range(150))


@pytest.mark.allow_log_warnings(r"no log file")
def test_a_folder_that_cannot_hold_the_log_costs_the_file_only(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "laptop")
    paths.root.mkdir()
    paths.logs.write_text("a file where the logs folder should be")  # (root ignores chmod)
    assert setup_logging(paths) is None
    assert not [h for h in logging.getLogger().handlers if h.get_name() == "taza-field-file"]
    log.info("the app goes on")
    written = write_diagnostics(paths, tmp_path / "d.zip")
    assert "logs/" in members(written)["folder.txt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abcdefghijklmnop", f"Authorization: Bearer {REDACTED}"),
        ("GET /pull?token=abcdef123456&cursor=5", f"GET /pull?token={REDACTED}&cursor=5"),
        ('{"token": "abc", "token_in": "file"}', f'{{"token": "{REDACTED}", "token_in": "file"}}'),
        ("DeviceCredentials(bundle_key='k1k2k3k4k5')", f"DeviceCredentials(bundle_key='{REDACTED}')"),
        ("X-Taza-Token: abcdefgh", f"X-Taza-Token: {REDACTED}"),
        ('password="two words"', f'password="{REDACTED}"'),
        ("postgresql+psycopg://taza:s3cret@db/taza", f"postgresql+psycopg://taza:{REDACTED}@db/taza"),
        (
            "fieldapp enrol --server http://x --code ABCD-EFGH-JKMN",
            f"fieldapp enrol --server http://x --code {REDACTED}",
        ),
        ("code ABCD-EFGH-JKMN is used", f"code {REDACTED} is used"),
        ('"code": "abcdefghjkmn"', f'"code": "{REDACTED}"'),
        # Not secrets: they stay.
        ("exit code: 2, okrug code=196247000", "exit code: 2, okrug code=196247000"),
        ("3 tokens=5 token_hash=ab", "3 tokens=5 token_hash=ab"),
        ("record 0198a6f2-7c1d-7e3a-9b2f-1234abcd5678", "record 0198a6f2-7c1d-7e3a-9b2f-1234abcd5678"),
    ],
)
def test_redaction(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact(expected) == expected  # twice changes nothing more


def test_known_secrets_are_taken_out_wherever_they_are() -> None:
    assert redact(f"the laptop's key is {BUNDLE_KEY}.", [BUNDLE_KEY]) == f"the laptop's key is {REDACTED}."
    assert redact("a short one: abc", ["abc"]) == "a short one: abc"  # would blank out words


# -- the ZIP --------------------------------------------------------------------------------------


def test_the_zip_holds_every_part_and_no_secret(laptop: DataPaths, tmp_path: Path) -> None:
    older = laptop.logs / "taza-field.log.1"  # written raw, as by an app before redaction existed
    older.write_text(f"old line: the laptop's token {TOKEN}, key {BUNDLE_KEY}, password={PASSWORD}\n")
    with Store.open(laptop.database) as store:
        depth = store.outbox_depth()
        schema_steps = store._reader().execute("PRAGMA user_version").fetchone()[0]

    archive = write_diagnostics(laptop, tmp_path / "out" / "diag.zip", {"Qt (running)": "6.99.1"})

    assert archive == tmp_path / "out" / "diag.zip"
    assert not list(archive.parent.glob(".tmp-*"))  # written atomically, nothing left over
    parts = members(archive)
    assert set(parts) >= {
        "README.txt",
        "versions.txt",
        "integrity.txt",
        "outbox.txt",
        "sync.json",
        "settings.json",
        "device.txt",
        "folder.txt",
        "logs/taza-field.log",
        "logs/taza-field.log.1",
    }
    versions = parts["versions.txt"]
    assert f"Taza Field: {__version__}" in versions
    assert f"SQLite: {sqlite3.sqlite_version}" in versions
    assert "Python: 3." in versions
    assert "Qt (running): 6.99.1" in versions

    village = section(parts["integrity.txt"], "taza-field.sqlite")
    assert "integrity: ok" in village
    assert f"user_version {schema_steps}" in village
    assert "not present" in section(parts["integrity.txt"], "district.sqlite")

    waiting = section(parts["outbox.txt"], "taza-field.sqlite")
    assert depth.records == 3  # the ready ones: not the draft, not the one sent
    assert f"records waiting to be sent: {depth.records}" in waiting
    assert f"records held for a person: {depth.held}" in waiting
    assert f"photos waiting to be sent: {depth.photos} ({depth.photo_bytes} bytes)" in waiting

    sync = json.loads(parts["sync.json"])["taza-field.sqlite"]
    assert set(SYNC_META_KEYS) <= set(sync)
    assert sync["sync.last_success"] == "2026-11-20T09:15:00Z"
    assert sync["sync.last_error"] == "offline"

    settings = json.loads(parts["settings.json"])
    assert settings["okrug"] == OKRUG
    assert settings["language"] == "kk"

    device = parts["device.txt"]
    assert str(DEVICE_ID) in device
    assert f"okrug: {OKRUG}" in device
    assert "server: https://taza.example.kz" in device
    assert "not included" in device
    assert "not logged in here" in device

    folder = parts["folder.txt"]
    assert "taza-field.sqlite: " in folder
    assert "bytes" in folder
    assert "device.json: present" in folder

    assert "POST /api/v1/push Authorization: Bearer [redacted]" in parts["logs/taza-field.log"]
    assert "old line: the laptop's token [redacted], key [redacted]" in parts["logs/taza-field.log.1"]
    assert_no_secret(archive)


def test_the_sync_keys_are_the_engines(laptop: DataPaths) -> None:
    from sync import district, engine

    used = {engine.META_LAST_SUCCESS, engine.META_LAST_ATTEMPT, engine.META_LAST_ERROR}
    used |= {engine.META_CURSOR, district.META_CURSOR}
    assert used == set(SYNC_META_KEYS)


def test_a_damaged_database_is_described_not_fatal(laptop: DataPaths, tmp_path: Path) -> None:
    size = laptop.database.stat().st_size
    with laptop.database.open("r+b") as fh:  # the header and the first pages overwritten
        fh.write(b"\x5a" * min(size, 8192))
    (laptop.root / "settings.json").write_text("{ not json", encoding="utf-8")
    laptop.device.write_text(json.dumps({"token": TOKEN, "bundle_key": BUNDLE_KEY}), encoding="utf-8")

    archive = write_diagnostics(laptop, tmp_path / "diag.zip")
    parts = members(archive)
    village = section(parts["integrity.txt"], "taza-field.sqlite")
    assert "integrity: cannot be read:" in village
    assert "not a database" in village
    assert "cannot be read" in section(parts["outbox.txt"], "taza-field.sqlite")
    assert "not a database" in json.loads(parts["sync.json"])["taza-field.sqlite"]["error"]
    assert "is damaged (not JSON)" in json.loads(parts["settings.json"])["error"]
    assert "damaged" in parts["device.txt"]
    assert_no_secret(archive)  # the damaged device file's secrets are still kept out


def test_an_empty_folder_gives_a_zip_and_creates_nothing(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "nothing-here")
    archive = write_diagnostics(paths, tmp_path / "diag.zip")
    parts = members(archive)
    assert "not present" in section(parts["integrity.txt"], "taza-field.sqlite")
    assert "not enrolled" in parts["device.txt"]
    assert json.loads(parts["settings.json"])["okrug"] is None
    assert json.loads(parts["sync.json"]) == {}
    assert not [name for name in parts if name.startswith("logs/")]
    assert "(not present)" in parts["folder.txt"]
    assert not paths.root.exists()  # no database made, no folder either


def test_a_coordinators_laptop(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "coordinator")
    save_settings(Settings(role="coordinator", language="ru"), paths.settings)
    with Store.open(paths.district_database) as store:
        store.set_meta("sync.last_success", "2026-11-22T08:00:00Z")
        store.set_meta("district.cursor", "1234")
    session = CoordinatorSession(
        server_url="https://taza.example.kz",
        username="aigul",
        district=DISTRICT,
        token=SESSION_TOKEN,
        expires_at=utc_now() + timedelta(hours=8),
    )
    assert save_session(session, paths.session) == "file"
    setup_logging(paths)
    log.info("login: {'username': 'aigul', 'password': '%s'} -> token %s", PASSWORD, SESSION_TOKEN)

    archive = write_diagnostics(paths, tmp_path / "diag.zip")
    parts = members(archive)
    assert "not present" in section(parts["integrity.txt"], "taza-field.sqlite")
    assert "integrity: ok" in section(parts["integrity.txt"], "district.sqlite")
    district = json.loads(parts["sync.json"])["district.sqlite"]
    assert district["sync.last_success"] == "2026-11-22T08:00:00Z"
    assert district["district.cursor"] == "1234"
    device = parts["device.txt"]
    assert "not enrolled" in device
    assert "user: aigul (coordinator)" in device
    assert f"district: {DISTRICT}" in device
    assert "expires at: " in device
    assert "(expired)" not in device
    assert "(its token is kept in the session file and not included)" in device
    assert json.loads(parts["settings.json"])["role"] == "coordinator"
    assert_no_secret(archive)


# -- the command ----------------------------------------------------------------------------------


def test_the_command_writes_where_it_is_told(
    laptop: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "to-it" / "laptop.zip"
    code = main(["--data-dir", str(laptop.root), "--lang", "en", "diagnostics", "--out", str(target)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (
        out.strip()
        == f"Diagnostics written to {target}. It holds no passwords or tokens; send it to IT staff."
    )
    assert "integrity: ok" in members(target)["integrity.txt"]
    assert_no_secret(target)

    monkeypatch.chdir(tmp_path)  # no --out: a dated name in the current folder
    code = main(["--data-dir", str(laptop.root), "--lang", "kk", "diagnostics"])
    out, _ = capsys.readouterr()
    assert code == 0
    [made] = tmp_path.glob("taza-diagnostics-*.zip")
    assert len(made.stem) == len("taza-diagnostics-20261125-0915")
    assert str(made) in out
    assert "IT қызметкеріне" in out

    code = main(
        ["--data-dir", str(laptop.root), "--lang", "en", "diagnostics", "--out", str(tmp_path / "to-it")]
    )
    assert code == 0  # a folder: the dated name inside it
    assert len(list((tmp_path / "to-it").glob("taza-diagnostics-*.zip"))) == 1


def test_the_command_says_plainly_when_it_cannot_write(
    laptop: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    target = blocker / "diag.zip"  # inside a file: no such folder can be made
    code = main(["--data-dir", str(laptop.root), "--lang", "ru", "diagnostics", "--out", str(target)])
    _out, err = capsys.readouterr()
    assert code == 2
    assert f"Не удалось записать файл диагностики {target}" in err
    assert "Traceback" not in err
