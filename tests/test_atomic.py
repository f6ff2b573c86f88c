"""Atomic writes where the OS holds the target for a moment (Windows' sharing rules, simulated
here at the system call: tests/win32 has the real thing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldapp import atomic
from fieldapp.atomic import PARTIAL_SUFFIX, write_atomic

ERROR_SHARING_VIOLATION = 32


def windows_in_use() -> PermissionError:
    """What os.replace raises on Windows while another handle has the target open."""
    error = PermissionError(13, "The process cannot access the file because it is being used")
    error.winerror = ERROR_SHARING_VIOLATION  # type: ignore[attr-defined]
    return error


class HeldTarget:
    """os.replace as Windows does it while someone has ``target`` open for the next ``times`` tries."""

    def __init__(self, target: Path, times: int, error: PermissionError) -> None:
        self.target, self.times, self.error, self.tries = target, times, error, 0
        self.real = os.replace

    def __call__(self, source: str | Path, dest: str | Path) -> None:
        if Path(dest) == self.target:
            self.tries += 1
            if self.tries <= self.times:
                raise self.error
        self.real(source, dest)


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]


def test_a_target_held_for_a_moment_is_replaced_once_let_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    held = HeldTarget(target, times=3, error=windows_in_use())
    monkeypatch.setattr(os, "replace", held)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert held.tries == 4
    assert leftovers(tmp_path) == []


def test_a_target_held_for_good_is_refused_and_stays_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic, "REPLACE_WAIT_SECONDS", 0.2)
    monkeypatch.setattr(os, "replace", HeldTarget(target, times=10**6, error=windows_in_use()))
    with pytest.raises(PermissionError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_plain_permission_error_is_not_waited_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.json"
    held = HeldTarget(target, times=10**6, error=PermissionError(13, "Permission denied"))
    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(PermissionError):
        write_atomic(target, b"new")
    assert held.tries == 1
    assert not target.exists()
    assert leftovers(tmp_path) == []
