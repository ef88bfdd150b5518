"""pytest plugin for testing your own code against the sandbox: installed with `sora-video-toolkit[sandbox]`.

pytest loads it by itself (entry point `pytest11`: `sora_sandbox`); without the entry point (a vendored copy),
add `pytest_plugins = ["sora_sandbox.pytest_plugin"]` to your top-level conftest.py.

Fixtures:

- `sandbox` (function): the running `SandboxHandle` with fresh counters: `base_url`, `keys[provider]`,
  `inject(...)` (scripted faults), `fail_task(provider, id)`, `tasks_created(provider)`, `calls(provider,
  endpoint)`, `stats()`, `env()`. Fault settings are restored after the test, and the test fails if a reply
  of the sandbox violated its provider's spec.
- `sandbox_env` (function): `sandbox`, with every provider's variables (`RIVYA_API_KEY`, `RIVYA_BASE_URL`, ...,
  `SORA_VIDEO_TIME_SCALE`) set for the test, so code that reads them talks to the sandbox.
- `sandbox_time` (function): a `ScaledTime` at the sandbox's speed; pass `clock=sandbox_time.clock,
  sleep=sandbox_time.sleep` to `VideoClient` so a wait of 60 simulated seconds takes 0.6 s.
- `sandbox_config` (module): override it to change the clock speed (`time_scale`), task durations, keys or
  random faults; the default `FAST` runs a task in 70 ms.
- `sandbox_clock` (module): override it with `SimulatedTime().clock` to step task time by hand.
- `sandbox_server` (module): the server behind `sandbox`, one per test module.

The server's dependencies (starlette, uvicorn, openapi-core) are imported when a fixture first runs, so the
plugin never breaks a pytest run that does not use it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from sora_sandbox._config import SandboxConfig
from sora_sandbox.clocks import ScaledTime

if TYPE_CHECKING:
    from sora_sandbox.server import SandboxHandle

__all__ = ["FAST", "sandbox", "sandbox_clock", "sandbox_config", "sandbox_env", "sandbox_server", "sandbox_time"]

FAST = SandboxConfig(time_scale=100.0, queued_s=2.0, running_s=5.0)  # a task takes 70 ms of wall time


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """Configuration of the module's sandbox (fast clock, no random faults)."""
    return FAST


@pytest.fixture(scope="module")
def sandbox_clock() -> Callable[[], float]:
    """The epoch-seconds clock the module's sandbox ages tasks on (the wall clock)."""
    return time.time


@pytest.fixture(scope="module")
def sandbox_server(sandbox_config: SandboxConfig, sandbox_clock: Callable[[], float]) -> Iterator[SandboxHandle]:
    """A sandbox shared by one test module."""
    from sora_sandbox.server import run_sandbox  # the [sandbox] extra, loaded only when a test asks for it

    with run_sandbox(sandbox_config, now=sandbox_clock) as handle:
        yield handle


@pytest.fixture
def sandbox(sandbox_server: SandboxHandle) -> Iterator[SandboxHandle]:
    """The module's sandbox with fresh counters; fault settings are restored afterwards.

    Every reply the sandbox sent during the test is checked against the spec: a violation fails the test.
    """
    saved = sandbox_server.sandbox.faults.config
    sandbox_server.reset_stats(idempotency=True)
    yield sandbox_server
    sandbox_server.set_faults(saved)
    violations = sandbox_server.stats()["response_violations"]
    if violations:
        pytest.fail("the sandbox sent replies that violate the specs:\n" + "\n".join(violations))


@pytest.fixture
def sandbox_env(sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch) -> SandboxHandle:
    """`sandbox`, with every provider's key and base URL variable pointing at it for this test."""
    for name, value in sandbox.env().items():
        monkeypatch.setenv(name, value)
    return sandbox


@pytest.fixture
def sandbox_time(sandbox_config: SandboxConfig) -> ScaledTime:
    """A client clock and sleep at the sandbox's speed (`VideoClient(clock=..., sleep=...)`)."""
    return ScaledTime(sandbox_config.time_scale)
