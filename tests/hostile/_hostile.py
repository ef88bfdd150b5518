"""Hostile API servers on 127.0.0.1 and provider-generic payloads, for the tests of the layer's promises.

`RawServer` is a TCP server whose handler gets the raw connection: it can stall, drip, lie about lengths.
Its threads are daemons, every handler loop is bounded, and `close()` ends them. `payload(provider, ...)`
builds a task payload for any provider from its record's response paths, so no test names the provider list.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sora_unified import TaskStatus, VideoClient
from sora_unified._registry import PROVIDERS
from sora_unified._spec import FieldPath, ProviderSpec

KEY = "sk_hostile_0123456789abcdef"
Handler = Callable[[socket.socket, bytes, threading.Event], None]


def provider_ids() -> list[str]:
    """Every provider the layer knows, discovered."""
    return sorted(info.id for info in VideoClient.providers())


def non_idempotent() -> list[str]:
    """Providers whose submit has no idempotency key (an ambiguous answer must not be resent)."""
    return [info.id for info in VideoClient.providers() if not info.idempotent_submit]


def spec_of(provider: str) -> ProviderSpec:
    return PROVIDERS[provider][0]


def status_word(provider: str, status: TaskStatus) -> str:
    """A word the provider's mapping reads as `status`."""
    return next(word for word, meaning in spec_of(provider).statuses.items() if meaning is status)


def _put(target: dict[str, Any], path: FieldPath, value: object) -> None:
    node: Any = target
    for step, following in zip(path, (*path[1:], None), strict=True):
        if following is None:
            if isinstance(step, int):
                while len(node) <= step:
                    node.append(None)
            node[step] = value
            return
        child: Any = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            while len(node) <= step:
                node.append(None)
            node[step] = node[step] if node[step] is not None else child
            node = node[step]
        else:
            node = node.setdefault(step, child)


def payload(provider: str, **fields: object) -> dict[str, Any]:
    """A task payload in the provider's shape: `id`, `status` (a raw word), `video_url`, `progress`, ...

    A field the provider's mapping has no path for is left out.
    """
    rule = spec_of(provider).response
    body: dict[str, Any] = {}
    for name, value in fields.items():
        paths = getattr(rule, name)
        if not paths:
            continue
        _put(body, paths[0].path if name in ("created_at", "updated_at") else paths[0], value)
    return body


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class RawServer:
    """A raw TCP server on 127.0.0.1 that hands every connection to `handler(conn, request_head, stop)`."""

    def __init__(self, handler: Handler) -> None:
        self.stop = threading.Event()
        self.connections = 0
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer.connections += 1
                conn: socket.socket = self.request
                conn.settimeout(5)
                head = b""
                try:
                    while b"\r\n\r\n" not in head and len(head) < 65536:
                        chunk = conn.recv(4096)
                        if not chunk:
                            return
                        head += chunk
                    handler(conn, head, outer.stop)
                except OSError:
                    return

        self._server = _TCPServer(("127.0.0.1", 0), _Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def close(self) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def raw_server(handler: Handler) -> Iterator[RawServer]:
    """A running RawServer, closed on exit."""
    server = RawServer(handler)
    try:
        yield server
    finally:
        server.close()


def stall(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Accept the request and never answer (until the test ends, 60 s at most)."""
    stop.wait(60)


def drip(body: bytes) -> Handler:
    """Answer 200 with a correct Content-Length, then send the body one byte every 0.2 s."""

    def handle(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
        )
        for byte in body:
            if stop.wait(0.2):
                return
            conn.sendall(bytes([byte]))

    return handle


def elapsed(action: Callable[[], object]) -> tuple[float, BaseException | None]:
    """Seconds `action` took and the exception it raised (None if it returned)."""
    start = time.monotonic()
    try:
        action()
    except Exception as exc:  # the test inspects whatever was raised
        return time.monotonic() - start, exc
    return time.monotonic() - start, None
