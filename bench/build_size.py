"""The desktop app frozen with PyInstaller (``build.spec``): sizes of the one-folder and the
one-file builds, and the frozen self-test of each.

    python bench/build_size.py [--out DIR] [--keep]

Budget on Linux: one-folder ≤ 130 MiB, one-file ≤ 55 MiB (the apparent size of every file).
Sizes are figures, not a test: this prints them and says whether each is within its budget. The last
line is ``onedir_mb=… onefile_mb=… selftest_ok=1`` (``selftest_ok=0`` when either build's
``--self-test`` failed). The build is made from the locked environment (build.spec refuses another).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "TazaField"
BUDGET_MIB = {"onedir": 130.0, "onefile": 55.0}


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def build_app(out: Path, *, onefile: bool = False) -> Path:
    """Run PyInstaller on build.spec into ``out``; the program's path (the one-folder build's
    ``TazaField`` inside ``out/TazaField/``, or the one file)."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "ERROR",
        "--workpath",
        str(out / ("work-onefile" if onefile else "work-onedir")),
        "--distpath",
        str(out / "dist"),
        str(ROOT / "build.spec"),
    ]
    if onefile:
        command += ["--", "--onefile"]
    subprocess.run(command, cwd=ROOT, check=True)
    exe = ".exe" if sys.platform == "win32" else ""
    if onefile:
        return out / "dist" / f"{NAME}-{version()}{exe}"
    return out / "dist" / NAME / f"{NAME}{exe}"


def size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir()) / 2**20


def self_test(program: Path) -> tuple[bool, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAZA_FIELD_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [str(program), "--self-test"], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    return done.returncode == 0 and "self-test ok" in done.stdout, done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to build (a temporary folder by default)")
    parser.add_argument("--keep", action="store_true", help="keep the builds")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="taza-build-"))
    figures: dict[str, str] = {}
    ok = True
    try:
        for onefile in (False, True):
            kind = "onefile" if onefile else "onedir"
            started = time.monotonic()
            program = build_app(out, onefile=onefile)
            built_s = time.monotonic() - started
            measured = program if onefile else program.parent
            size = size_mib(measured)
            passed, log = self_test(program)
            ok = ok and passed
            verdict = "ok" if passed else "FAILED"
            budget = BUDGET_MIB[kind]
            within = (
                f"within its {budget:.0f} MiB budget"
                if size <= budget
                else f"OVER its {budget:.0f} MiB budget"
            )
            print(
                f"{kind}: {measured} — {size:.1f} MiB ({within}), "
                f"built in {built_s:.0f} s, self-test {verdict}"
            )
            if not passed:
                print(log)
            figures[f"{kind}_mb"] = f"{size:.1f}"
    finally:
        if not args.keep and args.out is None:
            shutil.rmtree(out, ignore_errors=True)
        elif args.keep:
            print(f"builds kept in {out}")
    onedir, onefile = figures.get("onedir_mb", "nan"), figures.get("onefile_mb", "nan")
    print(f"onedir_mb={onedir} onefile_mb={onefile} selftest_ok={int(ok)}")


if __name__ == "__main__":
    main()
