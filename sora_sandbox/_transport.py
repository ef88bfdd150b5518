"""Transport-level faults: a TCP reset without any response, and a body cut short.

ASGI has no message for "drop the connection": raising in the app makes uvicorn answer 500. So the outermost
middleware takes the asyncio transport from uvicorn's `send` (a bound method of its per-request cycle object,
true for both the h11 and httptools protocols) and stores an aborter in `scope["state"]`. A reset sets
SO_LINGER to 0 before aborting, so the peer gets an RST (ConnectionResetError) rather than a clean FIN.
"""

from __future__ import annotations

import asyncio
import socket
import struct
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

_STATE_KEY = "sandbox_connection"


class Connection:
    """Handle on the client connection of one request."""

    def __init__(self, transport: asyncio.Transport | None) -> None:
        self.transport = transport

    async def reset(self) -> None:
        """Close with an RST, sending nothing more."""
        transport = self.transport
        if transport is None:
            raise RuntimeError("the ASGI server does not expose its transport: cannot reset the connection")
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
        await _let_server_see_disconnect()

    async def close(self) -> None:
        """Close cleanly after what was written is flushed (used to cut a body short)."""
        if self.transport is None:
            raise RuntimeError("the ASGI server does not expose its transport: cannot close the connection")
        self.transport.close()
        await _let_server_see_disconnect()


async def _let_server_see_disconnect() -> None:
    # connection_lost runs on a later loop iteration; uvicorn must see it before the app returns, or it
    # logs "ASGI callable returned without starting response" and tries to write a 500.
    for _ in range(5):
        await asyncio.sleep(0.002)


class ConnectionMiddleware:
    """Outermost ASGI middleware: puts the connection in `request.state.sandbox_connection`.

    It must wrap the whole starlette app: starlette's ServerErrorMiddleware replaces `send` with a closure.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            cycle: Any = getattr(send, "__self__", None)
            transport = getattr(cycle, "transport", None)
            scope.setdefault("state", {})[_STATE_KEY] = Connection(transport)
        await self.app(scope, receive, send)


def connection(request: Request) -> Connection:
    """The connection of a request (a handle without transport outside uvicorn)."""
    state: dict[str, Any] = request.scope.get("state", {})
    conn = state.get(_STATE_KEY)
    return conn if isinstance(conn, Connection) else Connection(None)


class ResetResponse(Response):
    """A "response" that resets the connection instead of answering."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(status_code=500)
        self.conn = conn

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.conn.reset()


class CutResponse(Response):
    """Headers announce the full body; only the first `keep` bytes are sent, then the connection closes."""

    def __init__(
        self, conn: Connection, content: bytes, keep: int, status_code: int, headers: dict[str, str], media_type: str
    ) -> None:
        super().__init__(content=content, status_code=status_code, headers=headers, media_type=media_type)
        self.conn = conn
        self.keep = keep

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: self.keep], "more_body": True})
        await self.conn.close()
