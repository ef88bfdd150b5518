"""Fixtures for the hostile-server download tests: the server on 127.0.0.1 and both client flavors."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sora_unified import AsyncVideoClient, RetryPolicy, TaskStatus, VideoClient, VideoTask
from tests.hostile._servers import HostileServer

# Quick retries: these tests wait for real servers, never for a backoff.
POLICY = RetryPolicy(max_attempts=3, initial_delay=0.01, max_delay=0.05)
Download = Callable[..., Path]


def succeeded(url: str) -> VideoTask:
    """A finished GlobalAiOpc task whose result is at `url` (no API call needed to download it)."""
    return VideoTask(
        id="sora_hostile",
        provider="globalaiopc",
        model=None,
        status=TaskStatus.SUCCEEDED,
        progress=1.0,
        video_url=url,
        error=None,
        created_at=None,
        updated_at=None,
        raw={},
    )


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """A hostile file server on an ephemeral port of 127.0.0.1, stopped after the test."""
    running = HostileServer().start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(params=["sync", "async"])
def download(request: pytest.FixtureRequest) -> Download:
    """download(url, destination, **options) through a VideoClient or an AsyncVideoClient (real network)."""
    options: dict[str, Any] = {"api_key": "sk_hostile", "base_url": "http://127.0.0.1:9", "retry": POLICY}

    def sync(url: str, destination: Path, **kwargs: Any) -> Path:
        with VideoClient("globalaiopc", **options) as client:
            return client.download(succeeded(url), destination, **kwargs)

    def run_async(url: str, destination: Path, **kwargs: Any) -> Path:
        async def main() -> Path:
            async with AsyncVideoClient("globalaiopc", **options) as client:
                return await client.download(succeeded(url), destination, **kwargs)

        return asyncio.run(main())

    return sync if request.param == "sync" else run_async
