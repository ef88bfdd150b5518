"""A hostile file server on 127.0.0.1 for download tests: drips, loops, gzips, stalls, drops, serves ranges.

One `ThreadingHTTPServer` on an ephemeral port, started by the test (`hostile_server` fixture) and stopped after
it. Each path is one behaviour; every request's path and Range header are recorded so a test can say what the
client asked for.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 16384  # 4 MiB + 12 bytes
CHUNK = 1 << 16


@dataclass
class Seen:
    """What the server was asked: (path, Range header or None) per request, in order."""

    requests: list[tuple[str, str | None]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, range_header: str | None) -> None:
        with self.lock:
            self.requests.append((path, range_header))

    def paths(self) -> list[str]:
        with self.lock:
            return [path for path, _ in self.requests]

    def ranges(self, path: str) -> list[str | None]:
        with self.lock:
            return [header for seen, header in self.requests if seen == path]


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet: pytest shows failures, not access logs
        return

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        range_header = self.headers.get("Range")
        self.server.seen.add(path, range_header)
        routes = {
            "/drip": self._drip,
            "/loop": self._loop,
            "/gzip": self._gzip,
            "/video": self._video,
            "/slow": self._video,
            "/drop": self._video,
            "/stall": self._video,
        }
        route = routes.get(path)
        if route is None:
            self.send_error(404)
            return
        # The client giving up mid-body is what these tests provoke.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(path, range_header)

    def _head(self, status: int, length: int, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(length))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _drip(self, path: str, range_header: str | None) -> None:
        # One byte every 20 ms of a body announced as 1 GiB: never stalls long enough for a read timeout.
        self._head(200, 1 << 30)
        while not self.server.stopping.is_set():
            self.wfile.write(b"\x00")
            self.wfile.flush()
            time.sleep(0.02)

    def _loop(self, path: str, range_header: str | None) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _gzip(self, path: str, range_header: str | None) -> None:
        # Encoded although the client asked for identity: Content-Length is the encoded size.
        packed = gzip.compress(VIDEO, compresslevel=1)
        self._head(200, len(packed), {"Content-Encoding": "gzip"})
        self.wfile.write(packed)

    def _video(self, path: str, range_header: str | None) -> None:
        first = 0
        if range_header and range_header.startswith("bytes=") and range_header.endswith("-"):
            first = int(range_header[len("bytes=") : -1])
        headers = {"Accept-Ranges": "bytes", "ETag": '"v1"'}
        if first:
            headers["Content-Range"] = f"bytes {first}-{len(VIDEO) - 1}/{len(VIDEO)}"
        self._head(206 if first else 200, len(VIDEO) - first, headers)
        body = memoryview(VIDEO)[first:]
        if first or path == "/video":
            self.wfile.write(body)
            return
        half = len(VIDEO) // 2
        if path == "/slow":  # the first answer trickles, so a test can kill the client mid-way
            for start in range(0, len(body), CHUNK):
                if self.server.stopping.is_set():
                    return
                self.wfile.write(body[start : start + CHUNK])
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/drop":  # half the body, then the connection closes
            self.wfile.write(body[:half])
            self.wfile.flush()
            self.close_connection = True
        elif path == "/stall":  # half the body, then silence (the connection stays open)
            self.wfile.write(body[:half])
            self.wfile.flush()
            self.server.stopping.wait(30)


class HostileServer(ThreadingHTTPServer):
    """The server, its record of requests and a stop flag its slow handlers watch."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen = Seen()
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, name="hostile-server", daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(5)
