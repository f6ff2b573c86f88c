"""The Windows build, made on Linux under Wine (``scripts/windows-build``): the size of the one-folder
app and of its installer, and the frozen ``fieldapp.exe --self-test`` run under Wine.

    python bench/windows_build.py [--no-build]     (--no-build: measure what dist/windows/ holds)

Budget: one folder ≤ 130 MiB, installer ≤ 50 MiB (the apparent size of every file). Sizes are
figures, not a test: this prints them and says whether each is within its budget. The last line is
``win_onedir_mb=… win_installer_mb=… win_selftest_ok=1`` (``win_selftest_ok=0`` when the self-test
failed). ``tests/test_windows_build.py`` uses the same functions to build and run what it tests.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_size import size_mib, version  # noqa: E402

DIST = ROOT / "dist" / "windows"
BUDGET_MIB = {"win_onedir": 130.0, "win_installer": 50.0}
BUILD_LOG = ROOT / "build" / "windows" / "windows-build.log"
WINDOWS_RUN = ROOT / "scripts" / "windows-run"  # a Windows program under Wine, in a prefix
WINDOWS_PYTHON = ROOT / "build" / "windows" / "python" / "python.exe"


@dataclass(frozen=True)
class WindowsBuild:
    folder: Path  # dist/windows/TazaField: TazaField.exe, fieldapp.exe, _internal\
    installer: Path  # dist/windows/TazaField-<version>-setup.exe

    @property
    def console(self) -> Path:
        return self.folder / "fieldapp.exe"


def made() -> WindowsBuild:
    return WindowsBuild(DIST / "TazaField", DIST / f"TazaField-{version()}-setup.exe")


def build(*, timeout: float = 3600) -> WindowsBuild:
    """Run ``scripts/windows-build`` (its output in build/windows/windows-build.log); on failure the
    end of that log is in the exception."""
    BUILD_LOG.parent.mkdir(parents=True, exist_ok=True)
    with BUILD_LOG.open("wb") as log:
        done = subprocess.run(
            [str(ROOT / "scripts" / "windows-build")],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
    if done.returncode != 0:
        tail = BUILD_LOG.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        raise RuntimeError(f"scripts/windows-build failed ({done.returncode}):\n" + "\n".join(tail))
    return made()


def windows_run(
    program: Path | str,
    *args: str,
    prefix: Path | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    """A Windows program run under Wine by ``scripts/windows-run`` (in the build's Wine prefix, or in
    ``prefix``, made on first use), as on a laptop: Wine hands Windows programs the Unix environment,
    so the caller's TAZA_FIELD_* and PYTHON* settings are left out. ``env`` adds to it (USER...)."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("TAZA_FIELD_", "PYTHON"))}
    command = [str(WINDOWS_RUN)]
    if prefix is not None:
        command += ["--prefix", str(prefix)]
    if cwd is not None:
        command += ["--in", str(cwd)]
    command += [str(program), *args]
    return subprocess.run(
        command,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**inherited, **(env or {})},
        timeout=timeout,
        check=False,
    )


def self_test(built: WindowsBuild) -> tuple[bool, str]:
    done = windows_run(built.console, "--self-test", cwd=built.folder)
    return done.returncode == 0 and "self-test ok" in done.stdout, done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure the build dist/windows/ holds")
    args = parser.parse_args()
    started = time.monotonic()
    built = made() if args.no_build else build()
    built_s = time.monotonic() - started
    figures: dict[str, str] = {}
    for key, path in (("win_onedir", built.folder), ("win_installer", built.installer)):
        if not path.exists():
            print(f"{key}: {path} is missing")
            figures[f"{key}_mb"] = "nan"
            continue
        size = size_mib(path)
        budget = BUDGET_MIB[key]
        within = (
            f"within its {budget:.0f} MiB budget" if size <= budget else f"OVER its {budget:.0f} MiB budget"
        )
        print(f"{key}: {path} — {size:.1f} MiB ({within})")
        figures[f"{key}_mb"] = f"{size:.1f}"
    if not args.no_build:
        print(f"scripts/windows-build took {built_s:.0f} s (log: {BUILD_LOG})")
    passed, log = self_test(built) if built.console.exists() else (False, "no fieldapp.exe")
    print(f"frozen fieldapp.exe --self-test under Wine: {'ok' if passed else 'FAILED'}")
    if not passed:
        print(log)
    print(
        f"win_onedir_mb={figures['win_onedir_mb']} win_installer_mb={figures['win_installer_mb']} "
        f"win_selftest_ok={int(passed)}"
    )


if __name__ == "__main__":
    main()
