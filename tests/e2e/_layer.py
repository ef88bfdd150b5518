"""The `Layer` harness shared by the `test_layer_*` modules, and its fixtures (re-exported by `conftest.py`).

`Layer` is one provider's `VideoClient` or `AsyncVideoClient` (the latter on its own event loop, so connections
survive between calls) driven from sync test code, on the sandbox's clock sped up `SCALE` times (`ScaledTime`),
recording every sleep it asks for. A layer module runs its sandbox on the same clock by overriding the
`sandbox_config` fixture with `LAYER_CONFIG`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_sandbox import SandboxConfig, SandboxHandle
from sora_sandbox.clocks import ScaledTime
from sora_sandbox.testing import accepted_request
from sora_unified import (
    AsyncVideoClient,
    ClientStats,
    Orientation,
    RetryPolicy,
    TaskRef,
    VideoClient,
    VideoRequest,
    VideoTask,
)

SCALE = 1000.0  # one simulated second is a real millisecond, in the sandbox and in the client
LAYER_CONFIG = SandboxConfig(time_scale=SCALE, queued_s=2.0, running_s=5.0)
INFOS = {info.id: info for info in VideoClient.providers()}
PROVIDERS = sorted(INFOS)
IDEMPOTENT = sorted(p for p, info in INFOS.items() if info.idempotent_submit)
NON_IDEMPOTENT = sorted(p for p, info in INFOS.items() if not info.idempotent_submit)


def request_for(provider: str, orientation: Orientation | None = None, prompt: str = "a paper boat") -> VideoRequest:
    """A request the provider's default model accepts (first allowed duration)."""
    return accepted_request(INFOS[provider], prompt, orientation)


def plain_transport(is_async: bool) -> httpx.HTTPTransport | httpx.AsyncHTTPTransport:
    """An httpx transport without TLS verification setup (the sandbox speaks plain HTTP)."""
    return httpx.AsyncHTTPTransport(verify=False) if is_async else httpx.HTTPTransport(verify=False)


def created(sandbox: SandboxHandle, provider: str) -> int:
    """Tasks the sandbox created for the provider's test key."""
    return int(sandbox.stats()["tasks_created"].get(f"{provider}/{sandbox.keys[provider]}", 0))


class Layer:
    """One provider's client, sync or async, called from sync code; `sleeps` lists every simulated sleep."""

    def __init__(
        self,
        flavor: str,
        provider: str,
        sandbox: SandboxHandle,
        *,
        api_key: str | None = None,
        timeout: float = 2.0,
        retry: RetryPolicy | None = None,
        transport: Callable[[bool], Any] | None = None,
    ) -> None:
        self.flavor = flavor
        self.sleeps: list[float] = []
        scaled = ScaledTime(SCALE)
        common: dict[str, Any] = {
            "api_key": api_key or sandbox.keys[provider],
            "base_url": sandbox.base_url,
            "timeout": timeout,
            "retry": retry,
            "clock": scaled.clock,
            # Plain HTTP to 127.0.0.1: a transport without a TLS context (httpx builds one per client
            # otherwise, ~40 ms each, which would double the suite's time).
            "transport": (transport or plain_transport)(flavor == "async"),
        }

        def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)
            scaled.sleep(seconds)

        async def async_sleep(seconds: float) -> None:
            self.sleeps.append(seconds)
            await scaled.async_sleep(seconds)

        self.loop = asyncio.new_event_loop() if flavor == "async" else None
        self.client: VideoClient | AsyncVideoClient
        if flavor == "sync":
            self.client = VideoClient(provider, sleep=sleep, **common)
        else:
            self.client = AsyncVideoClient(provider, sleep=async_sleep, **common)

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.client, method)(*args, **kwargs)
        return self.loop.run_until_complete(result) if self.loop is not None else result

    @property
    def stats(self) -> ClientStats:
        """`client.stats`."""
        return self.client.stats

    def submit(self, request: VideoRequest, **kwargs: Any) -> VideoTask:
        """`client.submit`."""
        task: VideoTask = self._call("submit", request, **kwargs)
        return task

    def get(self, task: str | TaskRef | VideoTask) -> VideoTask:
        """`client.get`."""
        current: VideoTask = self._call("get", task)
        return current

    def wait(self, task: str | TaskRef | VideoTask, **kwargs: Any) -> VideoTask:
        """`client.wait` (simulated timeout 600 s unless given)."""
        kwargs.setdefault("timeout", 600.0)
        done: VideoTask = self._call("wait", task, **kwargs)
        return done

    def download(self, task: str | TaskRef | VideoTask, destination: Path) -> Path:
        """`client.download`."""
        path: Path = self._call("download", task, destination)
        return path

    def close(self) -> None:
        """Close the client (and its loop): `close` or `aclose`, as each flavor names it."""
        if isinstance(self.client, VideoClient):
            self.client.close()
        elif self.loop is not None:
            self.loop.run_until_complete(self.client.aclose())
            self.loop.close()


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    """Both client flavors."""
    return str(request.param)


@pytest.fixture
def layer(flavor: str, sandbox: SandboxHandle) -> Iterator[Callable[..., Layer]]:
    """Build `Layer`s of the test's flavor on the module's sandbox; all are closed afterwards."""
    made: list[Layer] = []

    def make(provider: str, **kwargs: Any) -> Layer:
        made.append(Layer(flavor, provider, sandbox, **kwargs))
        return made[-1]

    yield make
    for built in made:
        built.close()
