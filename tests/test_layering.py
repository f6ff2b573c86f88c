"""The parts lean one way: the domain core knows no screen, no HTTP client, no web framework."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "fieldapp": {
        "PySide6",
        "shiboken6",
        "requests",
        "httpx",
        "fastapi",
        "starlette",
        "uvicorn",
        "sqlalchemy",
        "ui",
        "sync",
        "server",
    },
    "sync": {"PySide6", "shiboken6", "ui", "server"},
    "server": {"PySide6", "shiboken6", "ui"},
}
# The composition root may reach the UI and the sync engine, lazily (inside a function).
LAZY_ALLOWED = {("fieldapp/cli.py", "ui"), ("fieldapp/cli.py", "sync")}


def imports(path: Path) -> list[tuple[str, bool]]:
    """(top-level module, imported at module level?) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        top_level = node in tree.body
        found += [(name.split(".")[0], top_level) for name in names]
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_packages_import_only_what_they_may(package: str) -> None:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for module, top_level in imports(path):
            if module in FORBIDDEN[package] and ((rel, module) not in LAZY_ALLOWED or top_level):
                bad.append(f"{rel}: {module}")
    assert bad == []


def test_the_domain_loads_without_qt_or_http() -> None:
    import subprocess
    import sys

    code = (
        "import sys, fieldapp.cli, fieldapp.commands, fieldapp.store, fieldapp.photos, fieldapp.demo;"
        "bad = [m for m in ('PySide6', 'requests', 'fastapi') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
