"""One deadline bounds everything: stalled and dripping servers on 127.0.0.1 against get and wait, both flavors.

Before: `wait(timeout=5)` against a server that never answered took 60.1 s (the per-read timeout); a body
dripping a byte every half second kept `get()` with `timeout=2` busy for 19.5 s. The bounds asserted here
are generous (several times the deadline) so a loaded machine cannot fail them, and far below the old figures.
"""

from __future__ import annotations

import asyncio
import json
import math

import pytest

from sora_unified import (
    AsyncVideoClient,
    ProviderConnectionError,
    RetryPolicy,
    TaskStatus,
    ValidationError,
    VideoClient,
    WaitTimeoutError,
)
from sora_unified._capabilities import PollingGuidance
from sora_unified._polling import poll_delay
from tests.hostile._hostile import KEY, drip, elapsed, payload, provider_ids, raw_server, stall, status_word

ONE_TRY = RetryPolicy(max_attempts=1)


def _body(provider: str) -> bytes:
    word = status_word(provider, TaskStatus.RUNNING)
    return json.dumps(payload(provider, id="t1", status=word, progress=10)).encode()


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_wait_ends_by_its_deadline_against_a_stalled_server(flavor: str) -> None:
    """wait(timeout=1.5) on a server that accepts and never answers ends in WaitTimeoutError, not after 60 s."""
    provider = provider_ids()[0]
    with raw_server(stall) as server:
        if flavor == "sync":
            client = VideoClient(provider, api_key=KEY, base_url=server.url, timeout=60)
            took, error = elapsed(lambda: client.wait("t1", timeout=1.5))
            client.close()
        else:

            async def run() -> None:
                async with AsyncVideoClient(provider, api_key=KEY, base_url=server.url, timeout=60) as client:
                    await client.wait("t1", timeout=1.5)

            took, error = elapsed(lambda: asyncio.run(run()))
    assert (WaitTimeoutError, True) == (type(error), took < 10)


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_get_is_bounded_by_timeout_against_a_dripping_body(flavor: str) -> None:
    """A body dripping one byte per 0.2 s: get() with timeout=1 gives up after about 1 s per attempt."""
    provider = provider_ids()[0]
    with raw_server(drip(_body(provider))) as server:
        if flavor == "sync":
            client = VideoClient(provider, api_key=KEY, base_url=server.url, timeout=1, retry=ONE_TRY)
            took, error = elapsed(lambda: client.get("t1"))
            client.close()
        else:

            async def run() -> None:
                options = {"api_key": KEY, "base_url": server.url, "timeout": 1, "retry": ONE_TRY}
                async with AsyncVideoClient(provider, **options) as client:  # type: ignore[arg-type]
                    await client.get("t1")

            took, error = elapsed(lambda: asyncio.run(run()))
    assert (ProviderConnectionError, True) == (type(error), took < 6)
    assert "127.0.0.1" in str(error)  # a connection failure names the host


def test_wait_is_bounded_by_its_deadline_against_a_dripping_body() -> None:
    """wait(timeout=2) with a 60 s request timeout still ends by the wait's deadline."""
    provider = provider_ids()[0]
    with (
        raw_server(drip(_body(provider))) as server,
        VideoClient(provider, api_key=KEY, base_url=server.url, timeout=60) as client,
    ):
        took, error = elapsed(lambda: client.wait("t1", timeout=2))
    assert (WaitTimeoutError, True) == (type(error), took < 10)


@pytest.mark.parametrize("timeout", [math.nan, math.inf, -1.0, "10"], ids=["nan", "inf", "negative", "string"])
def test_non_finite_or_negative_timeouts_are_refused(timeout: object) -> None:
    """wait(timeout=nan) never ended; now every such timeout is a ValidationError naming `timeout`."""
    provider = provider_ids()[0]
    with VideoClient(provider, api_key=KEY, base_url="http://127.0.0.1:9") as client:
        with pytest.raises(ValidationError, match="timeout") as wait_error:
            client.wait("t1", timeout=timeout)  # type: ignore[arg-type]
        assert "timeout" == wait_error.value.field
    with pytest.raises(ValidationError, match="timeout"):
        VideoClient(provider, api_key=KEY, base_url="http://127.0.0.1:9", timeout=timeout)  # type: ignore[arg-type]


def test_backoff_cannot_overflow() -> None:
    """Poll 5,000 and retry 5,000 of a week-long wait: a pause inside the window, no OverflowError."""
    guidance = PollingGuidance(
        initial_delay=2, min_interval=2, max_interval=30, backoff_factor=1.25, elapsed_fraction=1
    )
    assert 30.0 >= poll_delay(guidance, 5000, 0.5) >= 2.0
    assert 8.0 >= RetryPolicy(max_attempts=10_000).backoff(5000, 0.5) > 0
