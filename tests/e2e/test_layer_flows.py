"""sora_unified end to end against the sandbox, sync and async: happy path, resume, and the non-retried errors.

The `Layer` harness and its `flavor`/`layer` fixtures live in `tests/e2e/_layer.py` (shared with the other
`test_layer_*` modules through `conftest.py`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from sora_sandbox import EndpointKind, FaultKind, SandboxConfig, SandboxHandle, ScriptedFault
from sora_sandbox.demo import probe
from sora_sandbox.testing import default_model
from sora_unified import (
    AuthenticationError,
    MalformedResponseError,
    Orientation,
    ProviderError,
    RetryPolicy,
    TaskFailedError,
    TaskRef,
    TaskStatus,
    ValidationError,
    VideoRequest,
)
from tests.e2e._layer import IDEMPOTENT, INFOS, LAYER_CONFIG, PROVIDERS, Layer, created, request_for


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """The sandbox of this module runs on the same sped-up clock as the clients."""
    return LAYER_CONFIG


# ---------------------------------------------------------------------------------------------- happy path
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_submit_wait_download_decodes(
    layer: Callable[..., Layer], sandbox: SandboxHandle, tmp_path: Path, provider: str, orientation: Orientation
) -> None:
    """The downloaded MP4 decodes with the requested orientation and duration; one task, statuses reported."""
    client = layer(provider)
    request = request_for(provider, orientation)
    updates: list[TaskStatus] = []
    done = client.wait(client.submit(request), on_update=lambda t: updates.append(t.status))
    facts = probe(client.download(done, tmp_path / "video.mp4"))
    shape = "landscape" if facts.width > facts.height else "portrait"
    assert (orientation, request.seconds, "h264") == (shape, round(facts.duration_s), facts.codec)
    assert (TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED, 1) == (done.status, updates[-1], created(sandbox, provider))
    assert ["video.mp4"] == os.listdir(tmp_path)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_resume_from_task_reference_string(layer: Callable[..., Layer], provider: str) -> None:
    """A task submitted by one client is finished by another from its "provider:id" string (a restart)."""
    ref = str(layer(provider).submit(request_for(provider)).ref)
    parsed = TaskRef.parse(ref)
    done = layer(parsed.provider).wait(parsed.id)
    assert (parsed.id, TaskStatus.SUCCEEDED) == (done.id, done.status)


# ---------------------------------------------------------------------------------------------- errors
@pytest.mark.parametrize("provider", PROVIDERS)
def test_bad_key_is_authentication_error(layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str) -> None:
    """401 from the sandbox is AuthenticationError with provider and status; the key is not in the message."""
    with pytest.raises(AuthenticationError) as caught:
        layer(provider, api_key="sk-wrong-key-123456").submit(request_for(provider))
    error = caught.value
    assert (provider, 401, False) == (error.provider, error.http_status, "sk-wrong-key-123456" in str(error))
    assert 0 == created(sandbox, provider)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_local_validation_sends_nothing(layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str) -> None:
    """A duration the provider cannot serve is refused before any request (the layer has no bypass)."""
    allowed = default_model(INFOS[provider]).durations
    with pytest.raises(ValidationError) as caught:
        layer(provider).submit(VideoRequest(prompt="x", seconds=7))
    error = caught.value
    assert ("seconds", 7, allowed, None) == (error.field, error.value, error.allowed, error.http_status)
    assert {} == sandbox.stats()["requests"]


def _with_extra_field(request: httpx.Request) -> httpx.Request:
    """The same POST with one field no spec allows (request schemas are strict); a form gets an unknown model."""
    if request.method != "POST":
        return request
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        # openapi-core drops undeclared form parts (issue 12), so the model part gets a value no spec lists.
        content = re.sub(
            rb'(name="model"(?:; [^\r]*)?\r\n(?:[^\r]+\r\n)*\r\n)[^\r]*', rb"\1sandbox-no-such-model", request.read()
        )
    else:
        body = json.loads(request.content)
        body["sandbox_unexpected_field"] = True
        content = json.dumps(body).encode()
    headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
    return httpx.Request(request.method, request.url, headers=headers, content=content)


class CorruptingTransport(httpx.HTTPTransport):
    """Adds a forbidden field to every JSON POST on the wire, past the layer's local validation."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return super().handle_request(_with_extra_field(request))


class AsyncCorruptingTransport(httpx.AsyncHTTPTransport):
    """Async twin of `CorruptingTransport`."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await super().handle_async_request(_with_extra_field(request))


def corrupting_transport(is_async: bool) -> httpx.HTTPTransport | httpx.AsyncHTTPTransport:
    """A `CorruptingTransport` of the client's flavor."""
    return AsyncCorruptingTransport(verify=False) if is_async else CorruptingTransport(verify=False)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_sandbox_validation_error_is_validation_error(
    layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str
) -> None:
    """The sandbox's 400 in the provider's own envelope becomes ValidationError with the provider's code."""
    with pytest.raises(ValidationError) as caught:
        layer(provider, transport=corrupting_transport).submit(request_for(provider))
    error = caught.value
    assert (provider, 400, True) == (error.provider, error.http_status, bool(error.code))
    assert (1, 0) == (sum(sandbox.stats()["requests"].values()), created(sandbox, provider))


@pytest.mark.parametrize("provider", IDEMPOTENT)
def test_reused_key_with_other_body_is_conflict(
    layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str
) -> None:
    """The same Idempotency-Key with another request is the provider's 409 conflict, and no second task."""
    client = layer(provider)
    client.submit(request_for(provider, prompt="first"), idempotency_key="e2e-conflict-1")
    with pytest.raises(ProviderError) as caught:
        client.submit(request_for(provider, prompt="second"), idempotency_key="e2e-conflict-1")
    assert (409, "idempotency_conflict", 1) == (caught.value.http_status, caught.value.code, created(sandbox, provider))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_failed_task_raises_with_the_task(layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str) -> None:
    """A task that ends failed raises TaskFailedError carrying it; raise_on_failure=False returns it."""
    sandbox.script_faults([ScriptedFault(FaultKind.TASK_FAILED, provider, EndpointKind.CREATE)])
    client = layer(provider)
    task = client.submit(request_for(provider))
    with pytest.raises(TaskFailedError) as caught:
        client.wait(task)
    failed = caught.value.task
    returned = client.wait(task, raise_on_failure=False)
    assert (task.id, TaskStatus.FAILED, True) == (failed.id, failed.status, failed.error is not None)
    assert (TaskStatus.FAILED, provider) == (returned.status, caught.value.provider)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unknown_status_is_not_terminal(layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str) -> None:
    """An undocumented status value reads as running (not terminal, raw kept); waiting then completes."""
    client = layer(provider)
    task = client.submit(request_for(provider))
    sandbox.script_faults([ScriptedFault(FaultKind.UNKNOWN_STATUS, provider, EndpointKind.STATUS)])
    odd = client.get(task)
    done = client.wait(task)
    assert (TaskStatus.RUNNING, "rendering") == (odd.status, odd.raw["status"])
    assert TaskStatus.SUCCEEDED == done.status


# A single unreadable status answer is retried (test_layer_faults.RETRIED); these are the exhausted cases.
MALFORMED = [
    pytest.param(FaultKind.TRUNCATED, b"{", id="truncated"),
    pytest.param(FaultKind.NON_JSON, b"<!DOCTYPE", id="html"),
]


@pytest.mark.parametrize(("kind", "starts"), MALFORMED)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_unreadable_status_body_every_attempt_is_typed_error(
    layer: Callable[..., Layer], sandbox: SandboxHandle, provider: str, kind: FaultKind, starts: bytes
) -> None:
    """When every attempt is unreadable, MalformedResponseError carries the raw body; waiting later completes."""
    client = layer(provider, retry=RetryPolicy(max_attempts=2))
    task = client.submit(request_for(provider))
    sandbox.script_faults([ScriptedFault(kind, provider, EndpointKind.STATUS)] * 2)
    with pytest.raises(MalformedResponseError) as caught:
        client.get(task)
    assert (200, starts) == (caught.value.http_status, caught.value.raw[: len(starts)])
    assert TaskStatus.SUCCEEDED == client.wait(task).status
