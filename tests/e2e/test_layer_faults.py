"""sora_unified end to end against the sandbox's injected faults, sync and async: what is retried and what is not.

Status and download calls are retried on 429 (honouring Retry-After), 5xx, resets, timeouts and (status calls)
2xx answers whose body cannot be read. A create is resent only when that cannot make a second task (an
Idempotency-Key, or a 429 refusal); otherwise the caller gets SubmitOutcomeUnknownError, and the sandbox's
counters prove no second task was made. The `Layer` harness is in `tests/e2e/_layer.py`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from sora_sandbox import EndpointKind, FaultKind, SandboxConfig, SandboxHandle, ScriptedFault
from sora_sandbox.demo import probe
from sora_unified import DownloadError, RetryPolicy, SubmitOutcomeUnknownError, TaskStatus
from tests.e2e._layer import IDEMPOTENT, LAYER_CONFIG, NON_IDEMPOTENT, PROVIDERS, Layer, created, request_for

TIMEOUT_S = 0.4  # the clients' per-request timeout (real seconds)
SLOW_S = 0.8  # a slow fault answers after this long (real seconds), past TIMEOUT_S


# Faults are scripted without a target here; each test aims them at its provider and endpoint (`aim`).
RETRIED = [
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=500), id="500"),
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=502), id="502-html"),
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=503), id="503"),
    pytest.param(ScriptedFault(FaultKind.RESET), id="reset"),
    pytest.param(ScriptedFault(FaultKind.RATE_LIMITED, retry_after="seconds"), id="429-seconds"),
    pytest.param(ScriptedFault(FaultKind.RATE_LIMITED, retry_after="http-date"), id="429-http-date"),
    pytest.param(ScriptedFault(FaultKind.SLOW), id="slow-past-timeout"),
    pytest.param(ScriptedFault(FaultKind.TRUNCATED), id="truncated-200"),
    pytest.param(ScriptedFault(FaultKind.NON_JSON), id="html-200"),
]


def aim(scripted: ScriptedFault, provider: str, endpoint: EndpointKind) -> ScriptedFault:
    """The fault, for that provider's endpoint kind."""
    return replace(scripted, provider=provider, endpoint=endpoint)


def eventually(read: Callable[[], object], expected: object, limit_s: float = 5.0) -> object:
    """`read()` once it equals `expected` (a slow request finishes server-side after the client gave up)."""
    deadline = time.monotonic() + limit_s
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.02)
        value = read()
    return value


def provider_requests(sandbox: SandboxHandle, provider: str) -> int:
    """Every request the sandbox received for one provider."""
    return sum(n for key, n in sandbox.stats()["requests"].items() if key.startswith(f"{provider}/"))


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """The sandbox of this module runs on the same sped-up clock as the clients."""
    return LAYER_CONFIG


@pytest.fixture
def slow_sandbox(sandbox: SandboxHandle) -> SandboxHandle:
    """The sandbox with SLOW_S slow faults and a 3 s Retry-After (restored by the `sandbox` fixture)."""
    sandbox.set_faults(slow_s=SLOW_S, retry_after_s=3)
    return sandbox


# ---------------------------------------------------------------------------------------------- status calls
@pytest.mark.parametrize("scripted", RETRIED)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_status_fault_is_retried(
    layer: Callable[..., Layer], slow_sandbox: SandboxHandle, provider: str, scripted: ScriptedFault
) -> None:
    """A fault on a status call is retried (one retry in `client.stats`) and the wait still ends succeeded."""
    client = layer(provider, timeout=TIMEOUT_S)
    task = client.submit(request_for(provider))
    slow_sandbox.script_faults([aim(scripted, provider, EndpointKind.STATUS)])
    done = client.wait(task)
    stats = slow_sandbox.stats()
    assert (TaskStatus.SUCCEEDED, 0, 1) == (done.status, stats["scripted_faults_pending"], client.stats.retries)
    assert {f"{provider}/status/{scripted.kind}": 1} == stats["faults"]


# ---------------------------------------------------------------------------------------------- creates
@pytest.mark.parametrize("form", ["seconds", "http-date"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_rate_limited_submit_waits_retry_after(
    layer: Callable[..., Layer], slow_sandbox: SandboxHandle, provider: str, form: str
) -> None:
    """A 429 on create is resent (the provider refused it) after the Retry-After pause; one task results."""
    client = layer(provider)
    slow_sandbox.script_faults([ScriptedFault(FaultKind.RATE_LIMITED, provider, EndpointKind.CREATE, retry_after=form)])
    client.submit(request_for(provider))
    low, high = {"seconds": (3.0, 3.0), "http-date": (1.5, 3.0)}[form]  # an HTTP-date has 1 s resolution
    assert (True, 1, 2) == (
        low <= client.sleeps[0] <= high,
        created(slow_sandbox, provider),
        provider_requests(slow_sandbox, provider),
    )


AFTER_COMMIT = [
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=500, after_commit=True), id="500-after-commit"),
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=502, after_commit=True), id="502-after-commit"),
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=503, after_commit=True), id="503-after-commit"),
    pytest.param(ScriptedFault(FaultKind.RESET, after_commit=True), id="reset-after-commit"),
    pytest.param(ScriptedFault(FaultKind.SLOW), id="slow-past-timeout"),
]


@pytest.mark.parametrize("scripted", AFTER_COMMIT)
@pytest.mark.parametrize("provider", IDEMPOTENT)
def test_idempotent_create_is_resent_with_the_same_key(
    layer: Callable[..., Layer], slow_sandbox: SandboxHandle, provider: str, scripted: ScriptedFault
) -> None:
    """The answer to a committed create is lost; the resend carries the same Idempotency-Key: one task."""
    client = layer(provider, timeout=TIMEOUT_S)
    slow_sandbox.script_faults([aim(scripted, provider, EndpointKind.CREATE)])
    task = client.submit(request_for(provider))
    replays = eventually(lambda: sum(slow_sandbox.stats()["idempotent_replays"].values()), 1)
    keys = slow_sandbox.stats()["idempotency"]
    assert (1, [1], 1) == (replays, list(keys.values()), created(slow_sandbox, provider))
    assert TaskStatus.SUCCEEDED == client.wait(task).status


UNREADABLE = [
    pytest.param(FaultKind.TRUNCATED, b"{", id="truncated"),
    pytest.param(FaultKind.NON_JSON, b"<!DOCTYPE", id="html"),
]


@pytest.mark.parametrize(("kind", "starts"), UNREADABLE)
@pytest.mark.parametrize("provider", IDEMPOTENT)
def test_unreadable_create_answer_is_resent_with_the_same_key(
    layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str, kind: FaultKind, starts: bytes
) -> None:
    """An unreadable 2xx create answer is resent by the layer with the same Idempotency-Key: one task, replayed."""
    client = layer(provider)
    sandbox.script_faults([ScriptedFault(kind, provider, EndpointKind.CREATE)])
    task = client.submit(request_for(provider))
    stats = sandbox.stats()
    assert (1, 1, [1]) == (
        created(sandbox, provider),
        sum(stats["idempotent_replays"].values()),
        list(stats["idempotency"].values()),
    )
    assert (2, 1, task.id) == (client.stats.submits, client.stats.retries, client.get(task.id).id)


@pytest.mark.parametrize(("kind", "starts"), UNREADABLE)
@pytest.mark.parametrize("provider", NON_IDEMPOTENT)
def test_unreadable_create_answer_without_idempotency_is_unknown_outcome(
    layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str, kind: FaultKind, starts: bytes
) -> None:
    """A committed create whose answer cannot be read is SubmitOutcomeUnknownError (raw body kept), not resent."""
    sandbox.script_faults([ScriptedFault(kind, provider, EndpointKind.CREATE)])
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        layer(provider).submit(request_for(provider))
    error = caught.value
    assert (1, 1) == (created(sandbox, provider), provider_requests(sandbox, provider))
    assert (provider, 200, None, "sha256") == (
        error.provider,
        error.http_status,
        error.client_reference,
        error.fingerprint.split(":")[0],
    )
    assert (starts, True) == ((error.raw or b"")[: len(starts)], error.sent_at <= error.gave_up_at)


AMBIGUOUS = [
    pytest.param(ScriptedFault(kind, status=status, after_commit=committed), committed, id=f"{name}-{when}")
    for kind, status, name in [
        (FaultKind.SERVER_ERROR, 500, "500"),
        (FaultKind.SERVER_ERROR, 502, "502-html"),
        (FaultKind.SERVER_ERROR, 503, "503"),
        (FaultKind.RESET, None, "reset"),
    ]
    for committed, when in [(False, "before-commit"), (True, "after-commit")]
] + [pytest.param(ScriptedFault(FaultKind.SLOW), True, id="slow-past-timeout")]


@pytest.mark.parametrize(("scripted", "committed"), AMBIGUOUS)
@pytest.mark.parametrize("provider", NON_IDEMPOTENT)
def test_ambiguous_create_is_not_resent(
    layer: Callable[..., Layer], slow_sandbox: SandboxHandle, provider: str, scripted: ScriptedFault, committed: bool
) -> None:
    """Without idempotency a create whose outcome is unknown raises SubmitOutcomeUnknownError after one request."""
    client = layer(provider, timeout=TIMEOUT_S)
    slow_sandbox.script_faults([aim(scripted, provider, EndpointKind.CREATE)])
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        client.submit(request_for(provider))
    error = caught.value
    tasks = eventually(lambda: created(slow_sandbox, provider), int(committed))
    assert (provider, None, "sha256") == (error.provider, error.idempotency_key, error.fingerprint.split(":")[0])
    assert (1, int(committed)) == (provider_requests(slow_sandbox, provider), tasks)


# ---------------------------------------------------------------------------------------------- downloads
DOWNLOAD_FAULTS = [
    pytest.param(ScriptedFault(FaultKind.RESET), id="reset"),
    pytest.param(ScriptedFault(FaultKind.TRUNCATED), id="truncated"),
    pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=503), id="503"),
    pytest.param(ScriptedFault(FaultKind.RATE_LIMITED, retry_after="seconds"), id="429"),
    pytest.param(ScriptedFault(FaultKind.SLOW), id="slow-past-timeout"),
]


@pytest.mark.parametrize("scripted", DOWNLOAD_FAULTS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_interrupted_download_is_retried(
    layer: Callable[..., Layer], slow_sandbox: SandboxHandle, tmp_path: Path, provider: str, scripted: ScriptedFault
) -> None:
    """A download that fails once is fetched again; the file is whole and nothing else is left behind."""
    client = layer(provider, timeout=TIMEOUT_S)
    done = client.wait(client.submit(request_for(provider)))
    slow_sandbox.script_faults([aim(scripted, provider, EndpointKind.DOWNLOAD)])
    facts = probe(client.download(done, tmp_path / "video.mp4"))
    request = request_for(provider)
    assert (request.seconds, ["video.mp4"]) == (round(facts.duration_s), os.listdir(tmp_path))
    assert 2 == slow_sandbox.stats()["requests"][f"{provider}/download"]


@pytest.mark.parametrize("kind", [FaultKind.RESET, FaultKind.TRUNCATED])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_download_failing_every_attempt_leaves_nothing(
    layer: Callable[..., Layer], sandbox: SandboxHandle, tmp_path: Path, provider: str, kind: FaultKind
) -> None:
    """When every attempt is interrupted the DownloadError leaves no file, not even a partial one."""
    client = layer(provider, retry=RetryPolicy(max_attempts=2))
    done = client.wait(client.submit(request_for(provider)))
    sandbox.script_faults([ScriptedFault(kind, provider, EndpointKind.DOWNLOAD)] * 2)
    with pytest.raises(DownloadError):
        client.download(done, tmp_path / "video.mp4")
    assert ([], 2) == (os.listdir(tmp_path), sandbox.stats()["requests"][f"{provider}/download"])
