"""pytest plugin: `-p sora_sandbox.pytest_plugin` (or `pytest_plugins = ["sora_sandbox.pytest_plugin"]`).

Fixtures: `sandbox_config` (override it to change the clock speed or faults), `sandbox_clock` (override it
with `sora_sandbox.clocks.SimulatedTime().clock` to step task time by hand), `sandbox` (one server per test
module). Tests stay isolated through counters reset and fault settings restored after each test that uses
`sandbox`, which also fails when a reply of the sandbox violated its spec.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from sora_sandbox._config import SandboxConfig
from sora_sandbox.server import SandboxHandle, run_sandbox

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
