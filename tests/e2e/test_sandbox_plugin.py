"""The public pytest plugin (`sora_sandbox.pytest_plugin`): registration, fixtures, fault scripting, counters.

This module steps the sandbox's task time by hand (`sandbox_clock` overridden with a `SimulatedTime`, as the
README tells users to), so `fail_task` and the phase checks never race the wall clock.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Callable

import httpx
import pytest

from sora_sandbox import SandboxConfig, SandboxHandle
from sora_sandbox.clocks import ScaledTime, SimulatedTime
from sora_sandbox.pytest_plugin import FAST
from sora_sandbox.testing import auth
from sora_unified import TaskStatus, VideoClient, VideoRequest

TIME = SimulatedTime()
CREATE = "/api/v1/generations"
BODY = {"model": "sora-2-pro", "prompt": "a lighthouse at dusk"}
STEPPED = SandboxConfig(time_scale=1.0, queued_s=2.0, running_s=5.0)


@pytest.fixture(scope="module")
def sandbox_clock() -> Callable[[], float]:
    """Task time moves only with `TIME.advance`."""
    return TIME.clock


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """One simulated second per second of `TIME`: 2 s queued, 5 s running."""
    return STEPPED


def create(client: httpx.Client, sandbox: SandboxHandle) -> str:
    """A Rivya task created over raw HTTP; its id."""
    response = client.post(CREATE, json=BODY, headers=auth(sandbox, "rivya"))
    assert 200 == response.status_code
    return str(response.json()["id"])


def status(client: httpx.Client, sandbox: SandboxHandle, task_id: str) -> httpx.Response:
    """One raw Rivya status call."""
    return client.get(f"{CREATE}/{task_id}", headers=auth(sandbox, "rivya"))


def test_registered_through_the_pytest11_entry_point(pytestconfig: pytest.Config) -> None:
    """The installed distribution declares the plugin, and this pytest run loaded it under that name."""
    points = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="pytest11")}
    assert "sora_sandbox.pytest_plugin" == points.get("sora_sandbox")
    assert pytestconfig.pluginmanager.has_plugin("sora_sandbox")


def test_sandbox_env_points_every_provider_at_the_sandbox(sandbox_env: SandboxHandle) -> None:
    """sandbox_env sets each provider's key and base URL variable, so a client built from the environment works."""
    for info in VideoClient.providers():
        assert (sandbox_env.keys[info.id], sandbox_env.base_url) == (
            os.environ[info.api_key_env],
            os.environ[info.base_url_env],
        )
    with VideoClient("globalaiopc") as client:
        client.submit(VideoRequest(prompt="a kite over the dunes"))
    assert (1, 0) == (sandbox_env.tasks_created("globalaiopc"), sandbox_env.tasks_created("rivya"))


def test_sandbox_time_runs_at_the_sandbox_speed(sandbox_time: ScaledTime, sandbox_config: SandboxConfig) -> None:
    """sandbox_time follows the module's sandbox_config override; the plugin's default is 100 times real time."""
    assert (STEPPED, ScaledTime(1.0), 100.0) == (sandbox_config, sandbox_time, FAST.time_scale)


def test_inject_times_serves_that_many_faults(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """inject(..., times=2) answers the next two status calls 429, the third normally; calls() counts all three."""
    task_id = create(client, sandbox)
    sandbox.inject("rate_limited", provider="rivya", endpoint="status", times=2)
    codes = [status(client, sandbox, task_id).status_code for _ in range(3)]
    assert ([429, 429, 200], 3, 1) == (codes, sandbox.calls("rivya", "status"), sandbox.calls("rivya", "create"))


def test_inject_after_commit_loses_the_answer_but_keeps_the_task(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A create fault after commit: the caller gets a 500, yet the task exists and is counted."""
    sandbox.inject("server_error", provider="rivya", endpoint="create", status=500, after_commit=True)
    response = client.post(CREATE, json=BODY, headers=auth(sandbox, "rivya"))
    assert (500, 1) == (response.status_code, sandbox.tasks_created("rivya"))


def test_inject_reset_drops_the_next_create(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """inject("reset", endpoint="create") closes the connection of the next create, before any task exists."""
    sandbox.inject("reset", endpoint="create")
    with pytest.raises(httpx.TransportError):
        client.post(CREATE, json=BODY, headers=auth(sandbox, "rivya"))
    assert 0 == sandbox.tasks_created("rivya")


def test_fail_task_ends_that_task_failed(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """fail_task turns one running task into a failure; another task of the same key still succeeds."""
    doomed, fine = create(client, sandbox), create(client, sandbox)
    TIME.advance(3.0)  # running
    sandbox.fail_task("rivya", doomed)
    TIME.advance(10.0)  # finished
    statuses = [status(client, sandbox, task_id).json()["status"] for task_id in (doomed, fine)]
    assert ["failed", "succeeded"] == statuses


def test_fail_task_refuses_finished_unknown_and_foreign(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A finished task, an unknown id and a provider the sandbox does not serve are errors, not silent no-ops."""
    task_id = create(client, sandbox)
    TIME.advance(10.0)
    with pytest.raises(ValueError, match="already finished"):
        sandbox.fail_task("rivya", task_id)
    with pytest.raises(KeyError, match="no rivya task"):
        sandbox.fail_task("rivya", "task_missing")
    with pytest.raises(ValueError, match="does not serve 'openai'"):
        sandbox.inject("rate_limited", provider="openai")


def test_inject_refuses_zero_times(sandbox: SandboxHandle) -> None:
    """times below 1 is a mistake in the test, reported at once."""
    with pytest.raises(ValueError, match="at least 1"):
        sandbox.inject("rate_limited", times=0)


def test_tasks_created_counts_per_key(sandbox: SandboxHandle) -> None:
    """tasks_created counts the test key's tasks by default, and another key's tasks only when asked."""
    with VideoClient("rivya", api_key=sandbox.keys["rivya"], base_url=sandbox.base_url) as layer:
        task = layer.submit(VideoRequest(prompt="a red fox"))
        TIME.advance(10.0)
        assert TaskStatus.SUCCEEDED is layer.get(task.id).status
    assert (1, 0) == (sandbox.tasks_created("rivya"), sandbox.tasks_created("rivya", api_key="another-key"))
