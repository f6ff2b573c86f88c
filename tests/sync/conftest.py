from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.server.live import LiveServer
from tests.sync.laptop import Laptop


@pytest.fixture
def make_laptop(server: LiveServer, tmp_path: Path) -> Iterator[Callable[..., Laptop]]:
    made: list[Laptop] = []

    def make(name: str = "laptop", **kwargs: object) -> Laptop:
        laptop = Laptop(tmp_path / name, server, name=name, **kwargs)  # type: ignore[arg-type]
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()


@pytest.fixture
def laptop(make_laptop: Callable[..., Laptop]) -> Laptop:
    return make_laptop()
