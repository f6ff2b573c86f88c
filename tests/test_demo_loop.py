"""The quick start's demo (``scripts/demo`` → ``server/demo.py``): a real local server on SQLite, a
village laptop enrolled with a one-time code, the district's other okrugs and a coordinator, all
through the real paths; then the same demo started again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, func, select

from fieldapp.device import load_device
from fieldapp.models import Status
from fieldapp.paths import DataPaths
from fieldapp.session import load_session
from fieldapp.settings import load_settings
from fieldapp.store import Store
from server import demo
from server import schema as t
from server.process import free_port


@pytest.mark.timeout(300)
def test_the_demo_sets_up_the_whole_loop_and_starts_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TAZA_FIELD_NO_KEYRING", "1")
    port = free_port()
    assert demo.main(["--dir", str(tmp_path), "--no-window", "--port", str(port)]) == 0
    said = capsys.readouterr().out
    assert f"http://127.0.0.1:{port}" in said
    # the address printed is dead once the demo returns, and the demo says so
    assert f"The demo server has stopped: http://127.0.0.1:{port} no longer answers" in said
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
    village = DataPaths(tmp_path / "village")
    credentials = load_device(village.device)
    assert credentials is not None
    assert credentials.server_url == f"http://127.0.0.1:{port}"
    assert not list(village.root.glob("*.provision.json"))  # the one-time code is gone
    with Store.open(village.database) as store:
        counts = store.status_counts()
        assert store.outbox_depth().records == 0
    assert counts[Status.RETURNED] == 3
    assert counts[Status.ACCEPTED] > 50
    assert counts.get(Status.READY, 0) == 0
    coordinator = DataPaths(tmp_path / "coordinator")
    assert load_settings(coordinator.settings).role == "coordinator"
    session = load_session(coordinator.session)
    assert session is not None
    assert session.district == demo.DISTRICT
    engine = create_engine(f"sqlite:///{tmp_path / 'server' / 'taza-server.sqlite'}")
    try:
        with engine.connect() as conn:
            on_server = conn.execute(select(func.count()).select_from(t.records)).scalar_one()
            okrugs = conn.execute(select(func.count(func.distinct(t.records.c.okrug)))).scalar_one()
    finally:
        engine.dispose()
    sent = sum(n for s, n in counts.items() if s is not Status.DRAFT)
    assert on_server > sent  # the village's and the other okrugs'
    assert okrugs == 1 + demo.OTHER_OKRUGS
    with Store.open(coordinator.district_database) as store:
        assert store.count_actions() == on_server

    # again: the same server, the same laptop's address, nothing set up twice
    assert demo.main(["--dir", str(tmp_path), "--no-window", "--lang", "ru"]) == 0
    said = capsys.readouterr().out
    assert f"http://127.0.0.1:{port}" in said
    stopped = f"Демо-сервер остановлен: http://127.0.0.1:{port} больше не отвечает."
    assert said.splitlines()[-1].startswith(stopped)
    with Store.open(village.database) as store:
        assert store.status_counts() == counts


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (date(2027, 1, 1), date(2026, 3, 1)),
        (date(2027, 2, 28), date(2026, 3, 1)),
        (date(2027, 3, 1), date(2027, 3, 1)),
        (date(2026, 12, 31), date(2026, 3, 1)),
        (date(2028, 2, 29), date(2027, 3, 1)),
    ],
)
def test_the_other_okrugs_report_from_a_spring_already_begun(today: date, start: date) -> None:
    assert demo.season_start(today) == start


def test_the_demos_help_says_what_it_does_and_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        demo.main(["--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--no-window" in text
    assert "--dir DIR" in text
    assert "--port PORT" in text
    assert "--lang" in text
    assert "side by side" in text  # the whole description, not its first line only
    assert "stops the server again" in text
    assert "Try: log an action in the village window" in text
    assert "(default: .data/demo)" in text
