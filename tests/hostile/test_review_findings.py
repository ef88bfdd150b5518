"""Findings of the independent review of the layer, each held by a test (see the closing note of issue 11).

Header lines dripped past the deadline, a key quoted by h11 in a submit's cause, a download's status calls
outside its deadline, a Retry-After of 1e400, unchecked download arguments, a long 4xx read as an unknown
outcome, gzip inflated 64 MiB at a time, a batch pause of infinity, a stale-part glob too wide, short keys.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import traceback
import tracemalloc
from pathlib import Path

import httpx
import pytest

from sora_unified import (
    AsyncVideoClient,
    ConfigurationError,
    DownloadTimeoutError,
    MalformedResponseError,
    ProviderError,
    RetryPolicy,
    SubmitOutcomeUnknownError,
    ValidationError,
    VideoClient,
    VideoRequest,
)
from sora_unified._destination import Destination
from sora_unified._headers import parse_retry_after
from sora_unified.batch._runner import MAX_PAUSE, _Throttle
from tests.hostile._hostile import KEY, elapsed, non_idempotent, provider_ids, raw_server

BASE = "https://provider.test"


def _fake_clock() -> tuple[list[float], object, object]:
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    return now, (lambda: now[0]), sleep


def header_drip(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """A status line, then one header line every 0.3 s (each read succeeds: no per-read timeout fires)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    for index in range(200):
        if stop.wait(0.3):
            return
        conn.sendall(f"x-drip-{index}: a\r\n".encode())


def test_async_request_deadline_covers_dripped_header_lines() -> None:
    """Headers dripped one line per 0.3 s: an async get with timeout=1 ends in about a second (was 12 s+)."""
    provider = provider_ids()[0]

    async def run() -> None:
        options = {"api_key": KEY, "timeout": 1, "retry": RetryPolicy(max_attempts=1)}
        async with AsyncVideoClient(provider, base_url=server.url, **options) as client:  # type: ignore[arg-type]
            await client.get("t1")

    with raw_server(header_drip) as server:
        took, error = elapsed(lambda: asyncio.run(run()))
    assert (True, True) == (isinstance(error, ProviderError), took < 6)


@pytest.mark.parametrize("provider", non_idempotent())
def test_a_key_quoted_by_h11_never_reaches_the_cause_of_an_unknown_submit(provider: str) -> None:
    """A malformed status line echoing the Authorization header: the key is in no part of the traceback."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError(f"illegal status line: b'HTTP/1.1 2OO {request.headers['authorization']}'")

    client = VideoClient(provider, api_key=KEY, base_url=BASE, transport=httpx.MockTransport(handler))
    with client, pytest.raises(SubmitOutcomeUnknownError) as caught:
        client.submit(VideoRequest(prompt="a fox"))
    assert KEY not in "".join(traceback.format_exception(caught.value))


def test_download_deadline_covers_its_status_calls(tmp_path: Path) -> None:
    """download(task_id, timeout=0.5) on a provider answering 503: DownloadTimeoutError, not 4 full attempts."""
    provider = provider_ids()[0]
    _, clock, sleep = _fake_clock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503, json={})

    options = {"clock": clock, "sleep": sleep, "random": lambda: 0.5}
    transport = httpx.MockTransport(handler)
    client = VideoClient(provider, api_key=KEY, base_url=BASE, transport=transport, **options)  # type: ignore[arg-type]
    with client, pytest.raises(DownloadTimeoutError):
        client.download("t1", tmp_path / "v.mp4", timeout=0.5)
    assert 2 == len(calls)  # one retry fits the 0.5 s (backoff 0.44 s); the old code made all 4 attempts


@pytest.mark.parametrize("value", ["1e400", "nan", "inf", "-inf"])
def test_non_finite_retry_after_is_no_retry_after(value: str) -> None:
    """Retry-After: 1e400 became a pause of infinity (a batch slept forever); it is now ignored."""
    assert (None, None) == (
        parse_retry_after(httpx.Headers({"retry-after": value})),
        parse_retry_after(httpx.Headers({"retry-after-ms": value})),
    )


def test_batch_pause_is_bounded() -> None:
    """A provider's pause in a batch is at most MAX_PAUSE, whatever it asked for."""
    throttle = _Throttle(lambda: 100.0, asyncio.sleep)
    throttle.penalize(float("inf"))
    throttle.penalize(1e300)
    assert 100.0 + MAX_PAUSE == throttle.not_before


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": 0}, "timeout"),
        ({"stall_timeout": float("nan")}, "stall_timeout"),
        ({"max_bytes": "10"}, "max_bytes"),
        ({"max_bytes": 0}, "max_bytes"),
    ],
    ids=["timeout-nan", "timeout-zero", "stall-nan", "max-bytes-str", "max-bytes-zero"],
)
def test_download_arguments_are_checked_before_any_request(
    tmp_path: Path, options: dict[str, object], field: str
) -> None:
    """A NaN timeout disabled the deadline, a str max_bytes raised TypeError after a request: now ValidationError."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    client = VideoClient(provider_ids()[0], api_key=KEY, base_url=BASE, transport=httpx.MockTransport(handler))
    with client, pytest.raises(ValidationError) as caught:
        client.download("t1", tmp_path / "v.mp4", **options)  # type: ignore[arg-type]
    assert (field, []) == (caught.value.field, sent)
    with client, pytest.raises(ValidationError, match="destination"):
        client.download("t1", None)  # type: ignore[arg-type]


@pytest.mark.parametrize("provider", non_idempotent())
def test_an_oversized_refusal_is_a_refusal(provider: str) -> None:
    """A 400 with a 9 MiB body on a non-idempotent submit was an unknown outcome; it is the typed refusal."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=b'{"message": "no"}' + b" " * (9 << 20))

    client = VideoClient(provider, api_key=KEY, base_url=BASE, transport=httpx.MockTransport(handler))
    with client, pytest.raises(ValidationError) as caught:
        client.submit(VideoRequest(prompt="a fox"))
    assert 400 == caught.value.http_status


def test_gzip_is_inflated_in_bounded_steps() -> None:
    """512 MiB of zeros in 510 KB of gzip: stopped at the 8 MiB cap with a small memory peak (was a 64 MiB chunk)."""
    bomb = gzip.compress(b"\0" * (512 << 20), compresslevel=6)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(bomb))

    client = VideoClient(provider_ids()[0], api_key=KEY, base_url=BASE, transport=httpx.MockTransport(handler))
    tracemalloc.start()
    try:
        with client, pytest.raises(MalformedResponseError):
            client.get("t1")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 << 20  # the 8 MiB kept, its join, the bomb itself; a 64 MiB chunk would exceed it


def test_stale_part_cleanup_spares_another_destinations_partial(tmp_path: Path) -> None:
    """Opening `clip.mp4` deleted the partial of `clip.mp4.v2.mp4` (a glob too wide); now only mkstemp leftovers go."""
    other = Destination.open(tmp_path / "clip.mp4.v2.mp4", "p")
    legacy = tmp_path / ".clip.mp4.k2j3h4ab.part"
    legacy.write_bytes(b"old")
    mine = Destination.open(tmp_path / "clip.mp4", "p")
    assert (True, False) == (other.part.exists(), legacy.exists())
    mine.discard()
    other.discard()


def test_a_key_too_short_to_mask_is_refused() -> None:
    """A 1-character key made every "k" in a message masked; keys under 6 characters are refused."""
    with pytest.raises(ConfigurationError, match="too short"):
        VideoClient(provider_ids()[0], api_key="k", base_url=BASE)
