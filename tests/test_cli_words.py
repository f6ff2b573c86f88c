"""The commands as a person types them, in a subprocess: argparse's own words ("usage:",
"options:", its errors) in the chosen language, ``--data-dir`` after the subcommand,
``fieldapp-server --version``, and the self-test's report in the chosen language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import __version__

ROOT = Path(__file__).resolve().parent.parent


def command(*args: str, home: Path, module: str = "fieldapp") -> subprocess.CompletedProcess[str]:
    """``python -m MODULE ARGS`` from this source tree, with nothing of the caller's language."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAZA_FIELD_", "LC_", "LANG"))}
    env.update(TAZA_FIELD_DATA_DIR=str(home / "default"), LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


HELP = {
    "kk": ("қолданылуы: fieldapp", "параметрлер:", "позициялық аргументтер:", "анықтаманы көрсетіп, шығу"),
    "ru": ("использование: fieldapp", "параметры:", "позиционные аргументы:", "показать эту справку"),
    "en": ("usage: fieldapp", "options:", "positional arguments:", "show this help message and exit"),
}
BAD_OPTION = {
    "kk": ("қолданылуы: fieldapp", "fieldapp: қате: белгісіз аргументтер: --colour"),
    "ru": ("использование: fieldapp", "fieldapp: ошибка: нераспознанные аргументы: --colour"),
    "en": ("usage: fieldapp", "fieldapp: error: unrecognized arguments: --colour"),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_help_is_wholly_in_the_chosen_language(lang: str, tmp_path: Path) -> None:
    result = command("--lang", lang, "--help", home=tmp_path)
    assert result.returncode == 0, result.stderr
    for words in HELP[lang]:
        assert words in result.stdout
    if lang != "en":
        for english in HELP["en"]:
            assert english not in result.stdout


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_bad_option_is_refused_in_the_chosen_language(lang: str, tmp_path: Path) -> None:
    result = command("--lang", lang, "--colour", home=tmp_path)
    assert result.returncode == 2
    usage, error = BAD_OPTION[lang]
    assert result.stderr.startswith(usage)
    assert error in result.stderr
    if lang != "en":
        assert "error:" not in result.stderr
        assert "usage:" not in result.stderr


def test_a_subcommands_errors_and_a_language_from_the_environment(tmp_path: Path) -> None:
    env_lang = command("list", "--month", home=tmp_path)  # C.UTF-8: English
    assert "fieldapp list: error: argument --month: expected one argument" in env_lang.stderr
    ru = command("--lang", "ru", "list", "--month", home=tmp_path)
    assert "fieldapp list: ошибка: аргумент --month: ожидается один аргумент" in ru.stderr
    kk = command("--lang", "kk", "list", "--status", home=tmp_path)
    assert "fieldapp list: қате: --status аргументі: бір аргумент күтілген" in kk.stderr
    ru = command("--lang", "ru", "purge", home=tmp_path)
    assert "fieldapp: ошибка: аргумент COMMAND: недопустимое значение: 'purge' (выберите из:" in ru.stderr
    kk = command("--lang", "kk", "backup", home=tmp_path)
    assert "мына аргументтер міндетті: ACTION" in kk.stderr
    ru = command("--lang", "ru", "list", "--month", "2026-01", "--year", "2026", home=tmp_path)
    assert "аргумент --year: нельзя указывать вместе с аргументом --month" in ru.stderr


def test_an_unknown_language_is_refused_in_words(tmp_path: Path) -> None:
    result = command("--lang", "de", "status", home=tmp_path)
    assert result.returncode == 2
    assert "argument --lang: invalid choice: 'de' (choose from 'kk', 'ru', 'en')" in result.stderr


def test_the_data_folder_may_follow_the_command(tmp_path: Path) -> None:
    laptop = tmp_path / "laptop"
    after = command("--lang", "en", "status", "--data-dir", str(laptop), home=tmp_path)
    assert after.returncode == 0, after.stderr
    assert f"Data folder: {laptop}" in after.stdout
    before = command("--lang", "en", "--data-dir", str(laptop), "status", home=tmp_path)
    assert before.stdout == after.stdout
    nested = command("--lang", "en", "backup", "list", "--data-dir", str(laptop), home=tmp_path)
    assert nested.returncode == 0, nested.stderr
    assert (laptop / "logs").is_dir()  # the folder given after the command is the one used
    assert not (tmp_path / "default").exists()
    assert "--data-dir" in command("--lang", "en", "status", "--help", home=tmp_path).stdout


def test_the_server_command_tells_its_version(tmp_path: Path) -> None:
    result = command("--version", home=tmp_path, module="server.cli")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Taza Field server {__version__}"


def test_argparse_has_its_own_words_back_afterwards() -> None:
    import argparse

    from fieldapp.argparse_words import argparse_language

    before = argparse._  # type: ignore[attr-defined]
    with argparse_language("ru"):
        assert argparse._("usage: ") == "использование: "  # type: ignore[attr-defined]
        assert argparse._("a text argparse never says") == "a text argparse never says"  # type: ignore[attr-defined]
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: x")
