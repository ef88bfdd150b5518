"""A tiny HTTP server on 127.0.0.1 that records each raw request and answers with a scripted status and body.

Used to check what the generated clients put on the wire (multipart bodies) and how they take answers no
provider documents (520, 999): over real HTTP, so nothing between the client and the socket is mocked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Recorded:
    """One request as it arrived: method, path, headers (lower-cased names) and the raw body."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def form_fields(self) -> list[tuple[str, bytes]]:
        """(name, exact bytes) of every part of a multipart/form-data body, parsed by the stdlib email parser."""
        head = f"Content-Type: {self.headers['content-type']}\r\n\r\n".encode()
        message = BytesParser(policy=policy.HTTP).parsebytes(head + self.body)
        assert isinstance(message, EmailMessage) and message.is_multipart(), self.headers["content-type"]
        fields: list[tuple[str, bytes]] = []
        for part in message.iter_parts():
            assert isinstance(part, EmailMessage)
            # A part injected without a name or a body still shows up, so a failing test prints what arrived.
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            fields.append((str(name), payload if isinstance(payload, bytes) else b""))
        return fields

    def boundary(self) -> str:
        """The boundary parameter of the request's Content-Type."""
        message = EmailMessage()
        message["Content-Type"] = self.headers["content-type"]
        boundary = message.get_boundary()
        assert boundary is not None, self.headers["content-type"]
        return boundary


@dataclass
class RecordingServer:
    """What the server answers (`status`, `body`) and what it received (`requests`)."""

    base_url: str
    status: int = 200
    body: bytes = b"{}"
    content_type: str = "application/json"
    requests: list[Recorded] = field(default_factory=list)


@contextmanager
def recording_server() -> Iterator[RecordingServer]:
    """Serve on 127.0.0.1 (a free port) until the block ends."""
    state = RecordingServer(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self._answer()

        def do_GET(self) -> None:
            self._answer()

        def _answer(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            state.requests.append(Recorded(self.command, self.path, headers, body))
            self.send_response(state.status)
            self.send_header("Content-Type", state.content_type)
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read `requests`, not a log."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
