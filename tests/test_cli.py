"""The ``fieldapp`` command, end to end on a real data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.cli import main
from fieldapp.store import Store
from tests.photo_factory import make_jpeg
from tests.records import OKRUG


class Run:
    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data, self.capsys = data, capsys

    def __call__(self, *args: str, lang: str = "en") -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.data), "--lang", lang, *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def count(self) -> int:
        with Store.open(self.data / "taza-field.sqlite") as store:
            return store.count_actions()


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(tmp_path / "laptop", capsys)


@pytest.fixture
def set_up(run: Run) -> Run:
    code, out, _ = run("setup", "--okrug", OKRUG, "--reporter", "Айгүл Сәрсенова")
    assert code == 0, out
    return run


ADD = [
    "add",
    "--settlement",
    "Еркин",
    "--date",
    "20.09.2025",
    "--campaign",
    "world_cleanup_day",
    "--participants",
    "40",
    "--waste",
    "mixed=3,2",
    "--waste",
    "plastic=0,45",
    "--area",
    "5,2",
    "--ready",
]


def installed_command(name: str) -> Path:
    """A console script of this environment: beside the interpreter in a venv (and in a Windows
    venv's Scripts), in Scripts\\ beside a plain Windows Python."""
    here = Path(sys.executable).parent
    if sys.platform == "win32":
        beside = here / f"{name}.exe"
        return beside if beside.is_file() else here / "Scripts" / f"{name}.exe"
    return here / name


def test_version_from_the_installed_command() -> None:
    command = installed_command("fieldapp")
    result = subprocess.run([command, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"Taza Field {__version__}"


def test_a_new_laptop_is_told_what_to_do(run: Run) -> None:
    code, out, _ = run("status", lang="kk")
    assert code == 0
    assert "ауылдық округке байланбаған" in out
    assert "fieldapp setup --okrug" in out


def test_finding_and_choosing_the_okrug(run: Run) -> None:
    code, out, _ = run("places", "Қайнар", "--level", "okrug", "--within", "196200000", lang="ru")
    assert code == 0
    assert OKRUG in out
    assert "Кайнарский с.о." in out
    code, out, _ = run("setup", "--okrug", OKRUG, "--language", "kk")
    assert code == 0
    assert "Қайнар а.о." in out
    settings = json.loads((run.data / "settings.json").read_text(encoding="utf-8"))
    assert settings == {"language": "kk", "okrug": OKRUG}
    code, out, _ = run("places", "нет такого места")
    assert code == 1


def test_setup_refuses_what_is_not_an_okrug(run: Run) -> None:
    code, _, err = run("setup", "--okrug", "196247100", lang="ru")
    assert code == 2
    assert "Сельского округа с кодом 196247100 нет" in err
    assert not (run.data / "settings.json").exists()


def test_add_list_show_totals_delete(set_up: Run) -> None:
    run = set_up
    code, out, _ = run(*ADD, lang="ru")
    assert code == 0, out
    assert "Сохранено" in out
    assert "Готово к отправке" in out
    record_id = out.split(":")[1].split()[0]

    code, out, _ = run("list", "--year", "2025", lang="ru")
    assert "Еркин" in out
    assert "3,65" in out
    assert "5,2" in out
    assert "Показано 1 из 1" in out

    code, out, _ = run("show", record_id[-8:], lang="kk")
    assert code == 0
    assert "Аралас" in out or "аралас" in out.lower()
    assert "Айгүл Сәрсенова" in out
    assert "құрылды" in out

    code, out, _ = run("totals", "--year", "2025", "--by", "campaign")
    assert code == 0
    assert "World Cleanup Day" in out
    assert "3.65" in out
    assert "All" in out

    code, out, _ = run("delete", record_id[-8:])
    assert code == 0
    assert "its history is kept" in out
    assert run.count() == 0
    code, out, _ = run("delete", record_id[-8:])
    assert "already deleted" in out

    code, out, _ = run("check")
    assert code == 0
    assert "sound" in out


def test_status_says_what_waits_and_no_zero_count(set_up: Run) -> None:
    run = set_up
    code, out, _ = run("status", lang="ru")
    assert code == 0, out
    assert "Нет данных, ожидающих отправки" in out
    for _ in range(2):
        code, out, _ = run(*ADD, "--yes", lang="ru")
        assert code == 0, out
    code, out, _ = run("status", lang="ru")
    assert "Ожидают отправки: 2 записи\n" in out  # no «0 фото»
    code, out, _ = run("status", lang="kk")
    assert "Жіберуді күтуде: 2 жазба\n" in out


def test_errors_are_shown_in_the_users_language_and_nothing_is_saved(set_up: Run) -> None:
    run = set_up
    bad = [*ADD]
    bad[bad.index("40")] = "-5"
    bad[bad.index("5,2")] = "0,125"
    code, out, _ = run(*bad, lang="kk")
    assert code == 2
    assert "Қате: Қатысушылар: мән теріс бола алмайды." in out
    assert "үтірден кейін 2 таңбадан" in out
    assert run.count() == 0


def test_warnings_must_be_confirmed(set_up: Run) -> None:
    run = set_up
    heavy = [*ADD]
    heavy[heavy.index("40")] = "1"
    code, out, _ = run(*heavy, lang="ru")
    assert code == 3
    assert "Предупреждение" in out
    assert "Не сохранено" in out
    assert run.count() == 0
    code, out, _ = run(*heavy, "--yes", lang="ru")
    assert code == 0
    assert run.count() == 1


def test_a_same_day_duplicate_must_be_confirmed(set_up: Run) -> None:
    run = set_up
    assert run(*ADD)[0] == 0
    code, out, _ = run(*ADD)
    assert code == 3
    assert "already has a record" in out
    assert run(*ADD, "--yes")[0] == 0
    assert run.count() == 2


def test_photos_are_attached_and_give_the_position(set_up: Run, tmp_path: Path) -> None:
    run = set_up
    good = tmp_path / "IMG_0001.jpg"
    good.write_bytes(make_jpeg(2000, 1500, gps=(43.3312, 77.3051)))
    code, out, _ = run(*ADD, "--photo", f"before={good}")
    assert code == 0, out
    with Store.open(run.data / "taza-field.sqlite") as store:
        [row] = store.list_actions()
        record = store.get(row.id)
        assert record.gps is not None
        assert round(record.gps.lat, 4) == 43.3312
        assert [p.role.value for p in record.photos] == ["before"]
        assert store.outbox_depth().photos == 1
    assert len(list((run.data / "photos" / "upload").rglob("*.jpg"))) == 1


def test_a_bad_photo_stops_the_record_and_stores_nothing(set_up: Run, tmp_path: Path) -> None:
    run = set_up
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(make_jpeg(800, 600)[:700])
    code, _, err = run(*ADD, "--photo", str(bad), lang="ru")
    assert code == 2
    assert "broken.jpg" in err
    assert run.count() == 0
    assert not [p for p in run.data.rglob("*") if p.is_file() and "photos" in p.parts]


def test_adding_needs_an_okrug(run: Run) -> None:
    code, _, err = run(*ADD)
    assert code == 2
    assert "fieldapp setup --okrug" in err


def test_an_unknown_settlement_name(set_up: Run) -> None:
    add = [*ADD]
    add[add.index("Еркин")] = "Алматы"
    code, _, err = set_up(*add, lang="ru")
    assert code == 2
    assert "нет населённого пункта «Алматы»" in err


def test_a_damaged_settings_file_is_reported_and_left_alone(run: Run) -> None:
    run.data.mkdir(parents=True)
    settings = run.data / "settings.json"
    settings.write_text('{"okrug": "12345"}', encoding="utf-8")
    code, _, err = run()
    assert code == 2
    assert "okrug" in err
    settings.write_text("{not json", encoding="utf-8")
    code, _, err = run(lang="ru")
    assert code == 2
    assert "повреждён" in err
    assert settings.read_text(encoding="utf-8") == "{not json"


def test_a_damaged_data_file_is_reported_and_left_alone(set_up: Run) -> None:
    db = set_up.data / "taza-field.sqlite"
    db.write_bytes(b"garbage" * 1000)
    code, _, err = set_up("list", lang="kk")
    assert code == 2
    assert "Taza Field деректер файлы емес" in err
    assert db.read_bytes() == b"garbage" * 1000


def test_bad_arguments(set_up: Run) -> None:
    assert set_up("list", "--month", "May")[0] == 2
    assert set_up("list", "--status", "approved")[0] == 2
    assert set_up("totals", "--by", "reporter")[0] == 2
    assert set_up("show", "nonexistent")[0] == 2
    assert set_up("add", *ADD[1:], "--waste", "plastic")[0] == 2


def test_demo_fills_a_fresh_folder_and_never_a_real_laptops(run: Run, set_up: Run) -> None:
    code, _, err = run("demo", "--count", "30", "--no-window")
    assert code == 2
    assert "real laptop" in err
    assert run.count() == 0
    demo = Run(run.data.parent / "demo", run.capsys)
    code, out, _ = demo("demo", "--count", "30", "--no-window", lang="ru")
    assert code == 0
    assert "Добавлено 30 демонстрационных записей." in out
    assert demo.count() == 30
    code, out, _ = demo("demo", "--count", "30", "--no-window")
    assert demo.count() == 30  # a second run shows the demo, it does not pile up
    assert "Rural okrug: Кайнарский с.о." in out
    assert "Records: 30" in out


@pytest.mark.parametrize("command", ["fieldapp", "fieldapp-server"])
def test_output_to_a_file_in_a_code_page_without_kazakh_letters(command: str, tmp_path: Path) -> None:
    # Windows writes a redirected stdout in cp1251/cp1252; `fieldapp.exe --help > file` died there on
    # the first Kazakh word. Here Python is told the same (PYTHONIOENCODING) and the output goes to a file.
    out = tmp_path / "help.txt"
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "cp1252", "TAZA_FIELD_DATA_DIR": str(tmp_path / "d")}
    if sys.platform == "win32":  # a Windows program cannot start without these
        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "PATH", "TEMP") if k in os.environ})
    with out.open("wb") as fh:
        result = subprocess.run(
            [installed_command(command), "--help"],
            stdout=fh,
            stderr=subprocess.PIPE,
            env={**env, "TAZA_FIELD_LANG": "kk", "LANG": "C"},
            check=False,
        )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = out.read_text(encoding="utf-8")
    assert "usage" in text.lower() or "қолданылуы" in text.lower()
    if command == "fieldapp":  # its help is in the user's language
        assert any(c in text for c in "әғқңөұүһі"), text[:300]


def test_a_folder_that_cannot_be_made_is_said_in_words(set_up: Run) -> None:
    (set_up.data / "backups").write_text("a file where the folder goes", encoding="utf-8")
    code, out, err = set_up("backup", "now")
    assert code == 2
    assert "Could not use the file or folder" in err
    assert "Everything saved before is kept" in err
    assert "Traceback" not in out + err


def test_a_path_longer_than_windows_allows_is_said_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.cli import os_error_message

    deep = "C:\\Users\\Әсел\\" + "\\".join(["папка-" + "x" * 30] * 8) + "\\taza-field.sqlite"
    error = FileNotFoundError(2, "The system cannot find the path specified", deep)
    monkeypatch.setattr(sys, "platform", "win32")
    text = os_error_message(error, "kk")
    assert "Windows рұқсат ететіннен ұзын" in text
    assert "260" in text
    assert deep in text
    monkeypatch.setattr(sys, "platform", "linux")
    assert "Could not use" in os_error_message(error, "en")
