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
loop, and each is a few lines (see `_concurrency` for the other flavor pairs). The async flavor also runs the
exchange under a timer, so a server dripping its header lines cannot outlast the deadline; the sync flavor
cannot interrupt a blocking read, so there each read waits at most the time left and the header phase is
bounded by h11's 100 KiB header limit (a known limit, stated in the README).
"""

from __future__ import annotations

import asyncio
import time
import zlib
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

    def check(self, status: int, received: int, chunks: list[bytes]) -> None:
        """ResponseTooLarge past the size cap, httpx.ReadTimeout past the end: called after every chunk."""
        if received > self.max_bytes:
            raise ResponseTooLarge(status, self.max_bytes, b"".join(chunks)[: KEEP_BYTES + 1024])
        if time.monotonic() > self.end:
            raise httpx.ReadTimeout("the answer did not arrive within the request's deadline")

    def send_sync(self, http: httpx.Client, request: Mapping[str, Any]) -> RawResponse:
        """Send a request built by a generated module (`_get_kwargs`) on `http`, within these limits."""
        with http.stream(**request, timeout=self.timeout) as response:
            body = _Body(self, response)
            if body.inflater is None:
                for chunk in response.iter_bytes():
                    body.add(chunk)
            else:
                for raw in response.iter_raw():
                    body.feed(raw)
            return body.done()

    async def send_async(self, http: httpx.AsyncClient, request: Mapping[str, Any]) -> RawResponse:
        """The async flavor of `send_sync`; the whole exchange, headers included, is also under a timer."""
        try:
            # A server that drips its header lines resets every per-read timeout; only a timer bounds that.
            async with asyncio.timeout(max(0.001, self.end - time.monotonic())):
                return await self._send_async(http, request)
        except TimeoutError as exc:
            if isinstance(exc, httpx.TimeoutException):
                raise
            raise httpx.ReadTimeout("the answer did not arrive within the request's deadline") from None

    async def _send_async(self, http: httpx.AsyncClient, request: Mapping[str, Any]) -> RawResponse:
        async with http.stream(**request, timeout=self.timeout) as response:
            body = _Body(self, response)
            if body.inflater is None:
                async for chunk in response.aiter_bytes():
                    body.add(chunk)
            else:
                async for raw in response.aiter_raw():
                    body.feed(raw)
            return body.done()


class _Body:
    """The answer's body as it arrives: counted, checked against the limits, inflated in bounded steps.

    httpx inflates each network read whole, so 64 KiB of gzip can become 64 MiB before any check sees it; a
    gzip or deflate body is therefore read raw and inflated here at most `STEP` bytes at a time. Other
    encodings (br, zstd) go through httpx's decoders, chunk by chunk.
    """

    STEP = 1 << 16

    def __init__(self, limits: RequestLimits, response: httpx.Response) -> None:
        self.limits = limits
        self.status = response.status_code
        self.headers = response.headers
        self.chunks: list[bytes] = []
        self.received = 0
        encoding = response.headers.get("content-encoding", "").strip().lower()
        wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}.get(encoding)
        # A response built already read (httpx.MockTransport with `content=`) has no raw stream left.
        already_read = response.is_stream_consumed
        self.inflater = zlib.decompressobj(wbits) if wbits is not None and not already_read else None

    def add(self, chunk: bytes) -> None:
        self.received += len(chunk)
        self.chunks.append(chunk)
        self.limits.check(self.status, self.received, self.chunks)

    def feed(self, raw: bytes) -> None:
        assert self.inflater is not None
        try:
            data = raw
            while data:
                self.add(self.inflater.decompress(data, self.STEP))
                data = self.inflater.unconsumed_tail
        except zlib.error as exc:
            raise httpx.DecodingError(f"undecodable {self.headers.get('content-encoding')} body: {exc}") from None

    def done(self) -> RawResponse:
        if self.inflater is not None:
            try:
                self.add(self.inflater.flush())
            except zlib.error as exc:
                raise httpx.DecodingError(f"undecodable compressed body: {exc}") from None
        return RawResponse(self.status, self.headers, b"".join(self.chunks))
