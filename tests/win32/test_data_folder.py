"""The data folder is ``%LOCALAPPDATA%\\TazaField``, as Windows' shell names it, and the app works
there: set up, records and photos stored, read back by a second start."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from fieldapp.paths import data_dir
from fieldapp.store import Store
from tests.win32.conftest import (
    FOLDERID_LOCAL_APP_DATA,
    OKRUG,
    SANDBOX_VARS,
    Laptop,
    app_env,
    known_folder,
    make_photo,
)

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows' known folders")


def test_the_data_folder_is_the_shells_local_app_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in SANDBOX_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TAZA_FIELD_INSTALL_DIR", str(tmp_path))  # no portable.txt there
    local = known_folder(FOLDERID_LOCAL_APP_DATA)
    assert data_dir() == local / "TazaField"
    assert local == Path(os.environ["LOCALAPPDATA"])
    assert local.is_relative_to(Path.home())  # the user's own profile, not roaming, not shared


def test_the_app_works_in_its_own_folder(own_data_folder: Path, tmp_path: Path) -> None:
    laptop = Laptop(None, app_env(TAZA_FIELD_INSTALL_DIR=str(tmp_path / "program")))
    assert str(own_data_folder) in laptop("status").stdout
    laptop.setup()
    photo = make_photo(tmp_path / "Суреттер" / "сенбілік 1.jpg")
    record = laptop.add(photo)

    assert json.loads((own_data_folder / "settings.json").read_text(encoding="utf-8"))["okrug"] == OKRUG
    assert (own_data_folder / "logs" / "taza-field.log").is_file()
    with Store.open(own_data_folder / "taza-field.sqlite") as store:
        [saved] = store.list_actions()
        assert saved.id == record
        stored = store.get(record)
        assert stored is not None
        [ref] = stored.photos
    upload = own_data_folder / "photos" / "upload" / ref.sha256[:2] / f"{ref.sha256}.jpg"
    assert upload.read_bytes().startswith(b"\xff\xd8\xff")

    again = laptop("show", record[-8:]).stdout  # a second start reads it back
    assert "с.Еркин" in again
    assert ref.sha256[:10] in again
    assert "Records: 1" in laptop("status").stdout
