"""Settings: typed, documented, written atomically; a bad file is refused, never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldapp.paths import PORTABLE_MARKER, DataPaths, data_dir, portable_data_dir, provisioning_files
from fieldapp.settings import Settings, SettingsError, load_settings, save_settings


def test_every_setting_has_a_default_and_help_text() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert not field.is_required(), name


def test_round_trip_and_only_what_differs_is_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    save_settings(Settings(okrug="196247000", language="ru"), path)
    assert load_settings(path) == Settings(okrug="196247000", language="ru")
    assert "reporter" not in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp files left


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("{broken", "settings.not_json"),
        ('{"okrug": 196247000}', "settings.invalid"),
        ('{"language": "de"}', "settings.invalid"),
        ("\xff\xfe", "settings.not_json"),
    ],
)
def test_a_bad_file_is_refused_and_left_as_it_is(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(SettingsError) as exc:
        load_settings(path)
    assert exc.value.message.key == key
    assert str(path) in exc.value.text("kk")
    assert path.read_bytes() == content.encode("latin-1")


def test_unknown_settings_from_a_newer_app_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"okrug": "196247000", "theme": "dark"}', encoding="utf-8")
    assert load_settings(path).okrug == "196247000"


def test_data_folder_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert data_dir(tmp_path / "x") == (tmp_path / "x").resolve()
    monkeypatch.setenv("TAZA_FIELD_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == (tmp_path / "env").resolve()
    monkeypatch.delenv("TAZA_FIELD_DATA_DIR")
    assert data_dir().name == "TazaField"
    assert "taza-field-tests-" in str(data_dir())  # the test sandbox's home, never the real one
    paths = DataPaths(tmp_path)
    assert (paths.database.name, paths.photos.name, paths.settings.name) == (
        "taza-field.sqlite",
        "photos",
        "settings.json",
    )


def test_portable_mode_puts_the_data_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "USB" / "TazaField"
    program.mkdir(parents=True)
    monkeypatch.setenv("TAZA_FIELD_INSTALL_DIR", str(program))
    monkeypatch.delenv("TAZA_FIELD_DATA_DIR")
    assert portable_data_dir() is None
    assert "taza-field-tests-" in str(data_dir())  # no marker: the per-user folder
    (program / PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert data_dir() == program.resolve() / "data"
    assert data_dir(tmp_path / "chosen") == (tmp_path / "chosen").resolve()  # --data-dir still wins
    monkeypatch.setenv("TAZA_FIELD_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == (tmp_path / "env").resolve()


def test_provisioning_files_beside_the_program_newest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program, data = tmp_path / "app", tmp_path / "data"
    program.mkdir()
    data.mkdir()
    monkeypatch.setenv("TAZA_FIELD_INSTALL_DIR", str(program))
    assert provisioning_files(data) == []
    old, new = program / "taza-field-1.provision.json", data / "taza-field-2.provision.json"
    old.write_text("{}", encoding="utf-8")
    new.write_text("{}", encoding="utf-8")
    os.utime(old, (1_000_000, 1_000_000))
    (program / "notes.json").write_text("{}", encoding="utf-8")
    assert provisioning_files(data) == [new.resolve(), old.resolve()]


def test_a_data_folder_windows_cannot_resolve_is_taken_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows cannot give the final name of a path longer than MAX_PATH (under Wine WinError 234):
    # the folder is then used as given, made absolute, not a traceback at start.
    deep = tmp_path / ("папка-" + "x" * 40) / ("папка-" + "y" * 40)

    def refuses(self: Path, strict: bool = False) -> Path:
        raise OSError(22, "More data is available", str(self))

    monkeypatch.setattr(Path, "resolve", refuses)
    assert data_dir(deep) == deep
    monkeypatch.chdir(tmp_path)
    assert data_dir("relative") == tmp_path / "relative"
