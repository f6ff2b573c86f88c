"""A TCP proxy on 127.0.0.1 that plays a bad link between a client and a real server.

It forwards bytes both ways and can, per direction, add latency, limit the rate (one token bucket
per direction, shared by all connections, like one link), cut the connection once a given number
of bytes has gone through (reset, as a dropped 3G link looks), lose random connections, answer
502 as a reverse proxy does when its upstream is down, or stop accepting connections altogether.

    with LinkProxy(("127.0.0.1", server_port)) as link:
        link.cut_after(up=12_000)          # the next 12,000 bytes towards the server go, then a reset
        client = ServerClient(link.url)    # talks through it
        ...
        link.up.bytes, link.down.bytes     # what crossed, each way

Used by the fault drills (tests) and by ``bench/sync_link.py`` (for the latency the kernel cannot
add here, or for the whole link when not run as root).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType

PIECE = 4096


@dataclass
class Direction:
    """One way of the link: its shaping and what crossed it."""

    delay_s: float = 0.0
    rate_bps: float | None = None  # bytes per second; None: as fast as loopback goes
    loss: float = 0.0  # share of 1,460-byte segments stalled as a retransmission would stall them
    bytes: int = 0
    cut_at: int | None = None  # cut every connection once ``bytes`` reaches this
    cuts: int = 0
    _tokens: float = 0.0
    _last: float = field(default_factory=time.monotonic)

    def reset_counters(self) -> None:
        self.bytes, self.cuts = 0, 0


class LinkProxy:
    def __init__(self, upstream: tuple[str, int], *, port: int = 0) -> None:
        self.upstream = upstream
        self.up = Direction()  # client → server
        self.down = Direction()  # server → client
        self.connections = 0
        self.accepting = True
        self.bad_gateway = False
        self.on_cut: Callable[[str], None] | None = None
        self._rng = random.Random(2026)
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._lock = threading.Lock()
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(port, ready), name="link-proxy", daemon=True)
        self._thread.start()
        ready.wait(10)
        assert self._server is not None
        self.port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    # -- control (any thread) ------------------------------------------------------------------------

    def shape(
        self,
        *,
        delay_s: float | None = None,
        up_bps: float | None = None,
        down_bps: float | None = None,
        loss: float = 0.0,
    ) -> None:
        """Latency each way, the rate of each direction (bytes/s), and loss: the proxy cannot drop a
        packet inside a TCP stream, so a lost segment is played as the stall its retransmission
        would cause (200 ms, the shortest retransmission timeout, plus a round trip)."""
        with self._lock:
            if delay_s is not None:
                self.up.delay_s = self.down.delay_s = delay_s
            self.up.rate_bps, self.down.rate_bps = up_bps, down_bps
            self.up.loss = self.down.loss = loss

    def cut_after(self, *, up: int | None = None, down: int | None = None) -> None:
        """Reset the connection carrying byte number ``up`` (towards the server, counted from now)
        or ``down`` (towards the client): once, then the link works again."""
        with self._lock:
            self.up.cut_at = None if up is None else self.up.bytes + up
            self.down.cut_at = None if down is None else self.down.bytes + down

    def cut_all(self) -> None:
        """Drop every open connection now (a link going down for a moment)."""
        self._loop.call_soon_threadsafe(self._reset_all)

    def close(self) -> None:
        if self._loop.is_closed():
            return

        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            self._reset_all()
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self._server is not None:
                await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def __enter__(self) -> LinkProxy:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- the loop ---------------------------------------------------------------------------------------

    def _run(self, port: int, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._accept, "127.0.0.1", port)

        self._loop.run_until_complete(start())
        ready.set()
        self._loop.run_forever()

    def _reset_all(self) -> None:
        for writer in list(self._writers):
            _reset(writer)

    async def _accept(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(client_writer)
        server_writer: asyncio.StreamWriter | None = None
        try:
            if not self.accepting:
                _reset(client_writer)
                return
            if self.bad_gateway:
                await client_reader.read(65536)
                page = b"<h1>502 Bad Gateway</h1>"
                client_writer.write(
                    b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
                    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(page), page)
                )
                with contextlib.suppress(OSError):
                    await client_writer.drain()
                client_writer.close()
                return
            self.connections += 1
            try:
                server_reader, server_writer = await asyncio.open_connection(*self.upstream)
            except OSError:
                _reset(client_writer)
                return
            self._writers.add(server_writer)
            pair = (client_writer, server_writer)
            await asyncio.gather(
                self._pipe(client_reader, server_writer, self.up, pair),
                self._pipe(server_reader, client_writer, self.down, pair),
                return_exceptions=True,
            )
        except asyncio.CancelledError:
            pass  # closing the proxy: end quietly (asyncio logs a cancelled connection task)
        finally:
            for writer in (client_writer, server_writer):
                if writer is not None:
                    self._writers.discard(writer)
                    writer.close()
            self._tasks.discard(task)

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        way: Direction,
        pair: tuple[asyncio.StreamWriter, asyncio.StreamWriter],
    ) -> None:
        """Move bytes one way, shaped; a cut resets both sides of the connection."""
        queue: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue()

        async def deliver() -> None:
            try:
                while True:
                    due, data = await queue.get()
                    wait = due - time.monotonic()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    if data is None:
                        if writer.can_write_eof():
                            writer.write_eof()
                        return
                    writer.write(data)
                    await writer.drain()
            except OSError:  # the other end went away: so does this connection
                for side in pair:
                    _reset(side)

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(PIECE)
                if not data:
                    await queue.put((time.monotonic() + way.delay_s, None))
                    break
                await self._take_tokens(way, len(data))
                if way.cut_at is not None and way.bytes + len(data) >= way.cut_at:
                    keep = way.cut_at - way.bytes
                    way.bytes += keep
                    way.cut_at = None
                    way.cuts += 1
                    if keep > 0:
                        await queue.put((time.monotonic() + way.delay_s, data[:keep]))
                        await asyncio.sleep(way.delay_s + 0.05)
                    if self.on_cut is not None:
                        self.on_cut("up" if way is self.up else "down")
                    for side in pair:
                        _reset(side)
                    return
                way.bytes += len(data)
                stall = 0.0
                if way.loss:
                    segments = -(-len(data) // 1460)
                    lost = sum(self._rng.random() < way.loss for _ in range(segments))
                    stall = lost * (0.2 + 2 * way.delay_s)
                if stall:
                    await asyncio.sleep(stall)  # the stream waits for the segment sent again
                await queue.put((time.monotonic() + way.delay_s, data))
            await sender
        except (OSError, asyncio.IncompleteReadError):
            for side in pair:
                _reset(side)
        finally:
            if not sender.done():
                sender.cancel()

    async def _take_tokens(self, way: Direction, count: int) -> None:
        """The rate limit: wait until the bucket holds ``count`` bytes (burst of one piece)."""
        if way.rate_bps is None:
            return
        while True:
            now = time.monotonic()
            way._tokens = min(PIECE * 2, way._tokens + (now - way._last) * way.rate_bps)
            way._last = now
            if way._tokens >= count:
                way._tokens -= count
                return
            await asyncio.sleep((count - way._tokens) / way.rate_bps)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), as a dropped mobile link looks to both ends."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(Exception):
        writer.transport.abort()
