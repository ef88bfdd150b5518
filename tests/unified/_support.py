"""Helpers for sora_unified tests: a fake clock, a mock provider, and one harness for sync and async clients.

The harness gives both flavors the same synchronous test surface (`h.submit(...)`), running each
AsyncVideoClient coroutine with asyncio.run, so every behaviour test runs against both clients without
duplicated test code. Nothing sleeps for real: the clients get the fake clock's sleep.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from sora_unified import AsyncVideoClient, RetryPolicy, VideoClient, providers

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "specs" / "examples"
KEY = "sk_test_0123456789abcdef"
# One made-up host per discovered provider (a provider added tomorrow gets one too).
BASE_URLS = {info.id: f"https://{info.id}.test" for info in providers()}
Handler = Callable[[httpx.Request], httpx.Response]


def example(relative: str) -> Any:
    """A documented example payload from specs/examples/."""
    return json.loads((EXAMPLES / relative).read_text(encoding="utf-8"))


@dataclass
class FakeClock:
    """Monotonic time that only moves when the client sleeps."""

    now: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


@dataclass
class Recorder:
    """Serves queued responses (or a function) and records every request."""

    responses: list[httpx.Response | Exception | Handler] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self.responses:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        item = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(item, Exception):
            raise item
        if isinstance(item, httpx.Response):
            # A fresh copy per request: a response object cannot be sent twice (retries, both flavors).
            return httpx.Response(item.status_code, headers=item.headers, content=item.content)
        return item(request)

    def json_bodies(self) -> list[Any]:
        return [json.loads(r.content) for r in self.requests if r.headers.get("content-type") == "application/json"]


class Harness:
    """A VideoClient or AsyncVideoClient behind one synchronous call surface."""

    def __init__(self, flavor: str, provider: str, recorder: Recorder, clock: FakeClock, **kwargs: Any) -> None:
        self.flavor = flavor
        self.recorder = recorder
        self.clock = clock
        options: dict[str, Any] = {
            "api_key": KEY,
            "base_url": BASE_URLS[provider],
            "transport": httpx.MockTransport(recorder),
            "clock": clock.monotonic,
            "random": lambda: 0.5,
            "retry": RetryPolicy(max_attempts=3),
        } | kwargs
        if flavor == "sync":
            self.client: VideoClient | AsyncVideoClient = VideoClient(provider, sleep=clock.sleep, **options)
        else:
            self.client = AsyncVideoClient(provider, sleep=clock.asleep, **options)

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)
        if self.flavor == "async" and asyncio.iscoroutinefunction(method):
            return lambda *args, **kwargs: asyncio.run(method(*args, **kwargs))
        return method


def ok(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    """A JSON response."""
    return httpx.Response(status, json=payload, headers=headers)
