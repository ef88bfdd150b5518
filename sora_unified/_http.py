"""Sending one API request within limits: a deadline for the whole exchange and a cap on the answer's size.

httpx's `timeout` bounds each socket operation, not the request: a server that drips one byte every half
second keeps a 2 s read timeout happy for ever, and a small gzip body can inflate to gigabytes. Every API
request of the layer (submit, status, upload; the adapters in `sora_providers` build it with the generated
client) is therefore streamed through `RequestLimits`:

- each socket timeout (connect, read, write, pool) is cut to the time left before `deadline`, and the
  deadline is checked between chunks, so the whole exchange ends by it (`httpx.ReadTimeout` otherwise,
  which the call loop treats like any timeout);
- the decoded body is counted as it arrives and the read stops past `max_bytes`
  (`ResponseTooLarge`, which keeps the first bytes read: a task id may be legible in them).

Both flavors are written here side by side (`send_sync`, `send_async`): they are the only I/O of the call
loop, and each is a few lines (see `_concurrency` for the other flavor pairs).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, NamedTuple

import httpx

from sora_unified._spec import RawResponse

# Default cap on one API answer (a task payload is a few KiB; 8 MiB leaves room for verbose gateways).
DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
# What a too-large answer keeps of its start.
KEEP_BYTES = 4096


class ResponseTooLarge(Exception):
    """The answer's decoded body exceeded the cap; `head` is its start (redact, then cut to KEEP_BYTES)."""

    def __init__(self, status: int, limit: int, head: bytes) -> None:
        super().__init__(f"answer larger than {limit} bytes")
        self.status = status
        self.limit = limit
        self.head = head


class RequestLimits(NamedTuple):
    """The limits of one attempt: socket timeouts cut to the time left, that end (monotonic), the size cap.

    Socket I/O runs in real time, so the end is on `time.monotonic` even when the client's injectable clock
    (a test's fake or scaled clock) decides the enclosing wait's deadline: the seconds left on that clock
    cap the request, never tighter than real time for a clock that runs at or above real speed.
    """

    timeout: httpx.Timeout
    end: float
    max_bytes: int

    @classmethod
    def build(cls, *, timeout: float, time_left: float | None, max_bytes: int) -> RequestLimits:
        """Limits for an attempt starting now: `timeout` for the whole exchange, cut to `time_left` if sooner."""
        left = timeout if time_left is None else min(timeout, time_left)
        left = max(0.001, left)
        return cls(httpx.Timeout(left), time.monotonic() + left, max_bytes)

    def _check(self, status: int, received: int, chunks: list[bytes]) -> None:
        if received > self.max_bytes:
            raise ResponseTooLarge(status, self.max_bytes, b"".join(chunks)[: KEEP_BYTES + 1024])
        if time.monotonic() > self.end:
            raise httpx.ReadTimeout("the answer did not arrive within the request's deadline")

    def send_sync(self, http: httpx.Client, request: Mapping[str, Any]) -> RawResponse:
        """Send a request built by a generated module (`_get_kwargs`) on `http`, within these limits."""
        with http.stream(**request, timeout=self.timeout) as response:
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                chunks.append(chunk)
                self._check(response.status_code, received, chunks)
            return RawResponse(response.status_code, response.headers, b"".join(chunks))

    async def send_async(self, http: httpx.AsyncClient, request: Mapping[str, Any]) -> RawResponse:
        """The async flavor of `send_sync`."""
        async with http.stream(**request, timeout=self.timeout) as response:
            chunks: list[bytes] = []
            received = 0
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                chunks.append(chunk)
                self._check(response.status_code, received, chunks)
            return RawResponse(response.status_code, response.headers, b"".join(chunks))
