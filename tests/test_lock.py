"""The dependencies: what pyproject.toml declares, what requirements.lock pins, and what the tests
run on. A new release on PyPI must never change what is tested or built."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts import lockfile

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FIRST_PARTY = {"fieldapp", "ui", "sync", "server", "tests", "bench", "scripts"}


def declared(*extras: str) -> dict[str, Requirement]:
    requirements = [Requirement(r) for r in PROJECT["project"]["dependencies"]]
    for extra in extras:
        requirements += [Requirement(r) for r in PROJECT["project"]["optional-dependencies"][extra]]
    return {canonicalize_name(r.name): r for r in requirements}


def test_the_tests_run_on_exactly_the_locked_set() -> None:
    assert lockfile.differences() == [], "reinstall from the lock: ./scripts/test does it"


def test_every_declared_requirement_is_locked_at_a_version_it_allows() -> None:
    locked = lockfile.pins(all_platforms=True)
    requirements = [Requirement(r) for r in PROJECT["build-system"]["requires"]]
    requirements += declared(*PROJECT["project"]["optional-dependencies"]).values()
    wrong = [
        f"{r} (locked: {locked.get(canonicalize_name(r.name), 'nothing')})"
        for r in requirements
        if canonicalize_name(r.name) not in locked
        or not r.specifier.contains(locked[canonicalize_name(r.name)])
    ]
    assert wrong == [], "pyproject.toml changed since the lock was made: run ./scripts/lock"


def test_every_locked_file_is_pinned_by_its_hash() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = [e for e in text.split("\n") if e and e[0] not in " #"]
    assert len(entries) > 50
    for entry in entries:
        after = text[text.index(entry + "\n") + len(entry) + 1 :]
        assert after.lstrip().startswith("--hash=sha256:"), f"{entry} has no hash"


def test_the_linters_are_pinned_exactly() -> None:
    dev = declared("dev")
    for tool in ("ruff", "mypy"):
        assert str(dev[tool].specifier).startswith("=="), f"{tool} must be pinned exactly in the dev extra"


def imports_of(package: str) -> set[str]:
    """The top-level modules a package imports, lazily imported ones included."""
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - FIRST_PARTY


@pytest.mark.parametrize(
    ("package", "extras"),
    [
        # The core knows no server library; HEIC and the OS keyring are optional there, imported
        # where they are used and guarded (test_layering keeps Qt and requests out).
        ("fieldapp", ("heic", "desktop")),
        ("sync", ("desktop", "server")),
        ("ui", ("desktop", "heic")),
        ("server", ("server",)),
    ],
)
def test_what_the_code_imports_is_declared_not_only_brought_in(package: str, extras: tuple[str, ...]) -> None:
    """A library the code imports directly is a declared dependency, not one that happens to come
    with another (starlette with FastAPI, urllib3 with requests, pydantic-core with pydantic)."""
    allowed = declared(*extras)
    distributions = packages_distributions()
    undeclared = []
    for module in sorted(imports_of(package)):
        names = {canonicalize_name(d) for d in distributions.get(module, [module])}
        if not names & allowed.keys():
            undeclared.append(f"{module} (from {', '.join(sorted(names))})")
    assert undeclared == [], f"{package}/ imports what pyproject.toml does not declare for it"
