"""The app release an admin publishes (``fieldapp-server release set|show|clear``, ``PUT /release``)
and what the real server tells of it: on ``/version``, and in a pull to an app that asks — never to
an older app, whose strict models would refuse the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from fieldapp.updates import release_tag
from server import schema as t
from server.process import ROOT
from sync.protocol import AppRelease, PullResponse
from tests.records import DISTRICT, OKRUG
from tests.server.live import Caller, LiveServer

URL = "https://downloads.example.kz/TazaField-0.2.0.exe"


def releases(server: LiveServer) -> int:
    with server.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.app_releases)).scalar_one()


def delete(caller: Caller, path: str) -> requests.Response:
    return caller.session.delete(caller.base + path, headers=caller.headers(), timeout=30)


def version(server: LiveServer) -> dict[str, object]:
    answer = server.caller().get("/version")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_set_show_clear_without_a_restart(server: LiveServer) -> None:
    assert version(server)["latest_app_version"] == ""
    assert "no release published" in server.cli("release", "show").stdout

    notes = "Фото  жіберу\nтездеді"
    done = server.cli("release", "set", "--version", "0.2.0", "--url", URL, "--notes", notes)
    assert "published Taza Field 0.2.0" in done.stdout
    assert "nothing is installed by itself" in done.stdout
    shown = server.cli("release", "show").stdout
    assert "Taza Field 0.2.0, published" in shown
    assert "by command line" in shown
    assert URL in shown
    assert "notes: Фото жіберу тездеді" in shown  # one line: it is shown in a banner
    answer = version(server)  # the running server tells it at once
    assert (answer["latest_app_version"], answer["download_url"]) == ("0.2.0", URL)
    assert answer["release_notes"] == "Фото жіберу тездеді"

    server.cli("release", "set", "--version", "v0.2.1", "--url", URL.replace("0.2.0", "0.2.1"))
    assert version(server)["latest_app_version"] == "0.2.1"  # the normal form

    assert "withdrawn" in server.cli("release", "clear").stdout
    assert version(server)["latest_app_version"] == ""
    assert "no release: withdrawn" in server.cli("release", "show").stdout
    assert releases(server) == 3  # the history is kept


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--version", "latest", "--url", URL), "'latest' is not a version number"),
        (("--version", "0.2", "--url", "ftp://example.kz/a.exe"), "must start with https://"),
        (("--version", "0.2", "--url", "downloads.example.kz/a.exe"), "not a web address"),
        (("--version", "0.2", "--url", "https://"), "not a web address"),
        (("--version", "0.2", "--url", URL, "--notes", "x" * 501), "notes are too long"),
    ],
)
def test_mistakes_are_refused_plainly(
    offline_server: LiveServer, args: tuple[str, ...], message: str
) -> None:
    result = offline_server.cli("release", "set", *args, check=False)
    assert result.returncode == 2
    assert "release not published" in result.stderr
    assert message in result.stderr
    assert releases(offline_server) == 0


def test_a_production_server_takes_only_https(offline_server: LiveServer, tmp_path: Path) -> None:
    """Checked before the database is opened: this one is never reached."""
    production = {
        "TAZA_SERVER_ENVIRONMENT": "production",
        "TAZA_SERVER_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none",
        "TAZA_SERVER_PHOTO_DIR": str(tmp_path / "photos"),
        "TAZA_SERVER_PUBLIC_URL": "https://taza.example.kz",
        "PYTHONPATH": str(ROOT),
    }
    args = ("release", "set", "--version", "0.2.0", "--url", "http://downloads.example.kz/a.exe")
    refused = offline_server.cli(*args, env=production, check=False)
    assert refused.returncode == 2
    assert "must start with https://" in refused.stderr
    assert "plain http only for 127.0.0.1 or localhost" in refused.stderr


def test_plain_http_on_a_development_server_and_to_localhost(offline_server: LiveServer) -> None:
    offline_server.cli("release", "set", "--version", "0.2.0", "--url", "http://192.168.1.5/TazaField.exe")
    offline_server.cli("release", "set", "--version", "0.2.1", "--url", "http://localhost:8000/TazaField.exe")
    assert releases(offline_server) == 2


@pytest.mark.server_settings(latest_app_version="0.3.0", download_url="https://example.kz/0.3.0.exe")
def test_the_settings_are_the_default_until_an_admin_publishes(sqlite_server: LiveServer) -> None:
    assert version(sqlite_server)["latest_app_version"] == "0.3.0"
    assert "from the settings" in sqlite_server.cli("release", "show").stdout
    sqlite_server.cli("release", "set", "--version", "0.4.0", "--url", URL)
    assert version(sqlite_server)["latest_app_version"] == "0.4.0"
    sqlite_server.cli("release", "clear")  # withdrawn means none, the settings' one included
    assert version(sqlite_server)["latest_app_version"] == ""


def test_a_pull_carries_the_release_only_to_an_app_that_asks_and_knows_another(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)

    def pull(**params: str) -> dict[str, object]:
        answer = laptop.get("/pull", params=params)
        assert answer.status_code == 200, answer.text
        PullResponse.model_validate_json(answer.content)  # what this app reads
        return answer.json()

    assert "release" not in pull(release="")  # nothing published: nothing said
    server.cli("release", "set", "--version", "0.2.0", "--url", URL, "--notes", "Тезірек")
    published = AppRelease(version="0.2.0", download_url=URL, notes="Тезірек")
    assert "release" not in pull()  # an older app does not ask: its strict model has no such field
    assert pull(release="")["release"] == published.model_dump()
    assert published.tag == release_tag("0.2.0", URL, "Тезірек")
    assert "release" not in pull(release=published.tag)  # it knows this one: not a byte more
    server.cli("release", "clear")
    assert pull(release=published.tag)["release"] == AppRelease().model_dump()  # none any more
    assert "release" not in pull(release="")


def test_only_an_admin_publishes_over_http(server: LiveServer) -> None:
    admin = server.user("root", "admin")
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    laptop = server.enrol(OKRUG)
    body = {"version": "0.2.0", "download_url": URL, "notes": "Тезірек"}
    for caller, role in ((coordinator, "coordinator"), (laptop, "device")):
        for answer in (caller.put("/release", json=body), delete(caller, "/release")):
            assert answer.status_code == 403, answer.text
            assert answer.json()["error"]["reason"] == "forbidden"
            assert answer.json()["error"]["details"]["role"] == role
    assert server.caller().put("/release", json=body).status_code == 401
    assert releases(server) == 0

    bad = admin.put("/release", json=body | {"download_url": "ftp://example.kz/a.exe"})
    assert bad.status_code == 422
    assert bad.json()["error"]["reason"] == "validation"
    assert "https://" in bad.json()["error"]["message"]
    assert admin.put("/release", json=body | {"version": "soon"}).status_code == 422
    assert releases(server) == 0

    answer = admin.put("/release", json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json() == body
    assert version(server)["latest_app_version"] == "0.2.0"
    assert "by admin root" in server.cli("release", "show").stdout
    gone = delete(admin, "/release")
    assert gone.status_code == 204
    assert version(server)["latest_app_version"] == ""
