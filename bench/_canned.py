"""A minimal HTTP/1.1 server that answers every GET with a canned JSON payload, for the overhead benchmark.

It runs in its own process (`python -m bench._canned`), so the client process being measured does not
share its CPU with the server; raw asyncio (no framework, pre-built response bytes) keeps the server far
faster than any of the clients, so the figures compare client CPU. Keep-alive is HTTP/1.1's default.

Routes (by path prefix): `/api/v1/generations/` gives Rivya's documented getGeneration payload
(specs/examples/rivya/getGeneration.response-200.succeeded.json, verbatim); `/v1/videos/` gives an
OpenAI-shaped video object with the same information. Anything else is a JSON 404.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from generator._paths import REPO_ROOT, SPECS_DIR

RIVYA_PAYLOAD = SPECS_DIR / "examples" / "rivya" / "getGeneration.response-200.succeeded.json"
RIVYA_PREFIX = "/api/v1/generations/"
OPENAI_PREFIX = "/v1/videos/"
# The Rivya payload's facts in OpenAI's `Video` shape (openai.types.Video): same id, status, timestamps.
OPENAI_VIDEO: dict[str, object] = {
    "id": "video_task_public_id",
    "object": "video",
    "created_at": 1778371200,
    "completed_at": 1778371260,
    "expires_at": 1778457600,
    "status": "completed",
    "model": "sora-2-pro",
    "progress": 100,
    "prompt": None,
    "seconds": "8",
    "size": "1280x720",
    "remixed_from_video_id": None,
    "error": None,
}


def _response(status: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def routes() -> dict[str, bytes]:
    """Path prefix -> the full response bytes."""
    return {
        RIVYA_PREFIX: _response("200 OK", RIVYA_PAYLOAD.read_bytes()),
        OPENAI_PREFIX: _response("200 OK", json.dumps(OPENAI_VIDEO).encode()),
    }


NOT_FOUND = _response("404 Not Found", b'{"error": {"code": "not_found", "message": "no such route"}}')


class _CannedProtocol(asyncio.Protocol):
    """Answers each complete request head in the buffer; requests carry no body (GET only)."""

    def __init__(self, table: dict[str, bytes]) -> None:
        self.table = table
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            parts = request_line.split(" ")
            path = parts[1] if len(parts) == 3 else ""
            reply = next((body for prefix, body in self.table.items() if path.startswith(prefix)), NOT_FOUND)
            assert self.transport is not None
            self.transport.write(reply)


async def serve(port: int = 0) -> None:
    """Serve on 127.0.0.1 forever; print the port on the first line of stdout."""
    table = routes()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _CannedProtocol(table), "127.0.0.1", port, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


@contextmanager
def canned_server() -> Iterator[str]:
    """Run the server in a child process; yield its base URL (http://127.0.0.1:port)."""
    command = [sys.executable, "-m", "bench._canned"]
    with subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        try:
            line = proc.stdout.readline().strip()
            if not line.isdigit():
                raise RuntimeError(f"the canned server did not start (got {line!r})")
            yield f"http://127.0.0.1:{line}"
        finally:
            proc.terminate()


if __name__ == "__main__":
    with suppress(KeyboardInterrupt):
        asyncio.run(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
