"""A user whose Windows name is Kazakh: the profile is ``C:\\users\\Әсел``, so the data folder and
the photos' folder have Cyrillic (and Kazakh-only) letters in their paths. Records and photos are
stored there and read back, a backup is made and listed, and the log file is written. Needs Wine
started as that user (see conftest.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fieldapp.backups import list_backups
from fieldapp.paths import DataPaths, data_dir
from fieldapp.store import Store
from tests.win32.conftest import (
    FOLDERID_LOCAL_APP_DATA,
    FOLDERID_PROFILE,
    SANDBOX_VARS,
    Laptop,
    app_env,
    known_folder,
    make_photo,
)

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def _profile_is_kazakh() -> bool:
    return sys.platform == "win32" and bool(KAZAKH_LETTERS & set(str(known_folder(FOLDERID_PROFILE))))


def _required() -> bool:
    return os.environ.get("TAZA_WIN32_REQUIRE_KAZAKH_USER", "") not in ("", "0")


pytestmark = [
    pytest.mark.skipif(sys.platform != "win32", reason="a Windows user profile"),
    pytest.mark.skipif(
        sys.platform == "win32" and not _profile_is_kazakh() and not _required(),
        reason="needs Wine started as a Kazakh-named user: LANG=C.UTF-8 USER=Әсел LOGNAME=Әсел "
        "scripts/windows-python -m pytest tests/win32 (see tests/win32/conftest.py)",
    ),
]


@pytest.fixture(autouse=True)
def _the_profile_is_kazakh() -> None:
    assert _profile_is_kazakh(), (
        f"TAZA_WIN32_REQUIRE_KAZAKH_USER is set, but the profile is {known_folder(FOLDERID_PROFILE)}: "
        "start Wine with LANG=C.UTF-8 USER=Әсел LOGNAME=Әсел"
    )


def test_the_profile_and_the_data_folder_have_the_users_name(monkeypatch: pytest.MonkeyPatch) -> None:
    profile = known_folder(FOLDERID_PROFILE)
    assert Path.home() == profile
    assert os.environ["USERPROFILE"] == str(profile)
    for var in SANDBOX_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TAZA_FIELD_INSTALL_DIR", str(profile / "no-portable-here"))
    assert data_dir() == known_folder(FOLDERID_LOCAL_APP_DATA) / "TazaField"
    assert data_dir().is_relative_to(profile)


def test_records_and_photos_in_a_kazakh_profile(own_data_folder: Path, tmp_path: Path) -> None:
    assert KAZAKH_LETTERS & set(str(own_data_folder))
    pictures = known_folder(FOLDERID_PROFILE) / "Pictures" / "Сенбілік – Қайнар 2025"
    photos = [make_photo(pictures / f"сурет {n} (Әсел).jpg", seed=n) for n in range(2)]
    laptop = Laptop(None, app_env(TAZA_FIELD_INSTALL_DIR=str(tmp_path / "program")))
    laptop.setup(reporter="Әсел Нұрланқызы Жұмабекова")
    first = laptop.add(*photos)
    second = laptop.add(participants=12)

    listed = laptop("list", lang="kk").stdout
    assert first[-8:] in listed
    assert second[-8:] in listed
    shown = laptop("show", first[-8:], lang="kk").stdout
    assert "Әсел Нұрланқызы Жұмабекова" in shown
    with Store.open(own_data_folder / "taza-field.sqlite") as store:
        record = store.get(first)
        assert record is not None
        assert record.reporter == "Әсел Нұрланқызы Жұмабекова"
        assert len(record.photos) == 2
        for ref in record.photos:
            assert store.photo(ref.sha256) is not None
            assert (own_data_folder / "photos" / "upload" / ref.sha256[:2] / f"{ref.sha256}.jpg").is_file()

    made = laptop("backup", "now").stdout
    assert str(own_data_folder / "backups") in made
    [backup] = list_backups(DataPaths(own_data_folder))
    assert backup.records == 2
    log = (own_data_folder / "logs" / "taza-field.log").read_text(encoding="utf-8")
    assert "restored" not in log  # the log is the Kazakh-named folder's own, and readable
