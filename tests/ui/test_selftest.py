"""``fieldapp --self-test``, the check IT staff run on an installed laptop, from the source tree."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.store import Store
from ui import selftest


def test_the_self_test_passes_and_checks_the_kazakh_letters_are_drawn() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_QPA_FONTDIR", None)
    command = [sys.executable, "-m", "fieldapp", "--lang", "en", "--self-test"]  # the words it checks
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test ok"
    fonts = next(line for line in lines if line.startswith("ok   fonts:"))
    assert "shipped: Noto Sans" in fonts
    assert "Cannot find font directory" not in result.stderr


def test_a_failing_step_still_closes_the_data_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # On Windows an open SQLite file cannot be deleted: the temporary folder's removal then raised
    # a PermissionError over the real failure. Everything opened is closed before the folder goes.
    closed: list[Path] = []
    close = Store.close

    def recording_close(store: Store) -> None:
        closed.append(Path(store.path))
        close(store)

    def broken(self: object) -> str:
        raise OSError("the camera folder is gone")

    monkeypatch.setattr(Store, "close", recording_close)
    monkeypatch.setattr(selftest._Checks, "photos", broken)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    text = out.getvalue()
    assert "FAIL photos" in text
    assert "the camera folder is gone" in text
    assert text.splitlines()[-1] == "self-test FAILED"
    assert [p.name for p in closed] == ["taza-field.sqlite"]
    assert not closed[0].parent.exists()  # the temporary folder was removed


@pytest.mark.parametrize(
    ("lang", "store_line", "last_line"),
    [
        ("ru", "ОК   файл данных: записано и проверено записей: 20", "Самопроверка: всё в порядке"),
        ("kk", "ОК   деректер файлы: 20 жазба жазылып, тексерілді", "Өзін-өзі тексеру: бәрі дұрыс"),
    ],
)
def test_the_self_test_speaks_the_chosen_language(lang: str, store_line: str, last_line: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "fieldapp", "--lang", lang, "--self-test"]
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(last_line)
    assert any(line.startswith(store_line) for line in lines), lines
    assert not any(line.startswith("ok   ") for line in lines)  # every step's line in the language
