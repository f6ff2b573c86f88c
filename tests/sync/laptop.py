"""A village laptop for sync tests: a real store and photo library in a folder, enrolled at a real
server through the real enrolment exchange, synced by the real engine (directly, or through a
:class:`~tests.netproxy.LinkProxy` that plays a bad link)."""

from __future__ import annotations

import io
import random
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from fieldapp.device import DeviceCredentials, load_device, save_device
from fieldapp.models import CleanupAction, PhotoRef, PhotoRole
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.photos import ProcessedPhoto
from fieldapp.store import Store
from sync.client import ServerClient, Timeouts
from sync.engine import BatchLimits, ChunkSizer, Progress, RetryPolicy, SyncEngine, SyncReport
from sync.enrolment import enrol
from tests.records import OKRUG, action
from tests.server.live import LiveServer

QUICK_RETRY = RetryPolicy(attempts=4, base_s=0.05, cap_s=0.2)
BATCHES = BatchLimits()


def field_photo(seed: int, size: tuple[int, int] = (640, 480)) -> bytes:
    """A JPEG that compresses like a field photo (noise over colour), different for each seed."""
    rng = random.Random(seed)
    image = Image.effect_noise(size, 30 + seed % 20).convert("RGB")
    tint = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    out = io.BytesIO()
    Image.blend(image, tint, 0.5).save(out, "JPEG", quality=85)
    return out.getvalue()


class Laptop:
    def __init__(self, folder: Path, server: LiveServer, okrug: str = OKRUG, name: str = "laptop") -> None:
        self.paths = DataPaths(folder)
        self.server = server
        self.store = Store.open(self.paths.database)
        self.library = PhotoLibrary(self.paths.photos)
        credentials = load_device(self.paths.device)
        if credentials is None:
            code = server.enrolment_code(okrug)
            credentials = enrol(server.root, code, device_name=name, okrug=okrug)
            save_device(credentials, self.paths.device)
        self.credentials: DeviceCredentials = credentials
        self.url = server.root  # or a proxy's
        self.timeouts = Timeouts(connect=5, read=20)

    def client(self, url: str | None = None) -> ServerClient:
        return ServerClient(url or self.url, self.credentials.token, timeouts=self.timeouts)

    def photo(self, seed: int, size: tuple[int, int] = (640, 480)) -> ProcessedPhoto:
        return self.library.import_bytes(field_photo(seed, size), f"IMG_{seed:04}.jpg")

    def add(self, count: int = 1, *, photos: int = 0, seed: int = 0, **fields: Any) -> list[CleanupAction]:
        """Save ``count`` records ready to send, each with ``photos`` new photos of its own."""
        saved = []
        for n in range(count):
            pictures = [self.photo(seed * 1000 + n * 10 + k) for k in range(photos)]
            record = action(
                photos=[PhotoRef(sha256=p.sha256, role=PhotoRole.AFTER) for p in pictures], **fields
            )
            saved.append(self.store.save(record, pictures))
        return saved

    def sync(
        self,
        *,
        url: str | None = None,
        limits: BatchLimits = BATCHES,
        retry: RetryPolicy = QUICK_RETRY,
        chunks: ChunkSizer | None = None,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        client = self.client(url)
        try:
            engine = SyncEngine(
                self.store,
                self.library,
                client,
                limits=limits,
                retry=retry,
                chunks=chunks,
                progress=progress,
                cancel=cancel,
                rng=random.Random(1),
            )
            return engine.run()
        finally:
            client.close()

    def close(self) -> None:
        self.store.close()
