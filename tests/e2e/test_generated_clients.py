"""Each generated client against the sandbox over real HTTP: create, poll to a terminal status, error envelopes.

The generated packages differ per provider, so each one gets a small adapter (`ADAPTERS`); a test checks
that every provider discovered from the specs has one, so adding a spec without covering it here fails.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import pytest

import globalaiopc_client
import rivya_client
import unifiedvideo_client
from generator._speclib import iter_operations, load_spec
from globalaiopc_client.api.result import get_result
from globalaiopc_client.api.sora import create_sora_video
from globalaiopc_client.models import CreateSoraVideoRequest, GlobalAiOpcErrorResponse, SoraVideoTask
from rivya_client.api.generations import create_generation, get_generation
from rivya_client.models import CreateGenerationRequest, ErrorResponse, Generation
from sora_sandbox import EndpointKind, FaultKind, SandboxHandle, ScriptedFault
from sora_sandbox._config import DEFAULT_SPECS_DIR
from sora_sandbox.testing import poll
from sora_unified import VideoClient
from unifiedvideo_client.api.video import create_video, query_video
from unifiedvideo_client.models import (
    CreateVideoRequest,
    CreateVideoResponse,
    UnifiedVideoErrorBody,
    UnifiedVideoErrorResponse,
    VideoQueryResponse,
)

Client = Any  # the provider's generated AuthenticatedClient
Response = Any  # the generated `Response[...]`


@dataclass(frozen=True)
class Adapter:
    """How to drive one provider's generated client and read its documented models."""

    make: Callable[[str, str], Client]  # (base_url, token)
    create: Callable[[Client, dict[str, Any]], Response]
    acreate: Callable[[Client, dict[str, Any]], Any]  # coroutine
    get: Callable[[Client, str], Response]
    body: dict[str, Any]
    invalid_body: dict[str, Any]  # valid for the generated model, rejected by the spec (sandbox)
    task_model: type
    status_model: type
    error_model: type
    terminal: frozenset[str]
    error_code: Callable[[Any], str]
    status_operation: str  # operationId of `get`, to read which statuses its spec documents


def _rivya_code(parsed: ErrorResponse) -> str:
    return str(parsed.error.code)


def _unified_code(parsed: UnifiedVideoErrorResponse) -> str:
    assert isinstance(parsed.error, UnifiedVideoErrorBody)
    return str(parsed.error.code)


def _opc_code(parsed: GlobalAiOpcErrorResponse) -> str:
    return str(parsed.code)


RIVYA_BODY = {"model": "sora-2-pro", "prompt": "a red kite", "params": {"aspect_ratio": "portrait", "n_frames": "10"}}
UNIFIED_BODY = {
    "images": [],
    "model": "sora-2-pro",
    "orientation": "landscape",
    "prompt": "a red kite",
    "size": "small",
    "duration": 15,
}
OPC_BODY = {"model": "openAiSora2Pro", "prompt": "a red kite", "seconds": 4}

ADAPTERS: dict[str, Adapter] = {
    "rivya": Adapter(
        make=lambda url, key: rivya_client.AuthenticatedClient(base_url=url, token=key),
        create=lambda c, b: create_generation.sync_detailed(
            client=c, body=CreateGenerationRequest.from_dict(b), idempotency_key=uuid4().hex
        ),
        acreate=lambda c, b: create_generation.asyncio_detailed(client=c, body=CreateGenerationRequest.from_dict(b)),
        get=lambda c, task_id: get_generation.sync_detailed(task_id, client=c),
        body=RIVYA_BODY,
        invalid_body={**RIVYA_BODY, "prompt": "x" * 10_001},  # the model does not check maxLength
        task_model=Generation,
        status_model=Generation,
        error_model=ErrorResponse,
        terminal=frozenset({"succeeded", "failed"}),
        error_code=_rivya_code,
        status_operation="getGeneration",
    ),
    "unifiedvideo": Adapter(
        make=lambda url, key: unifiedvideo_client.AuthenticatedClient(base_url=url, token=key),
        create=lambda c, b: create_video.sync_detailed(client=c, body=CreateVideoRequest.from_dict(b)),
        acreate=lambda c, b: create_video.asyncio_detailed(client=c, body=CreateVideoRequest.from_dict(b)),
        get=lambda c, task_id: query_video.sync_detailed(client=c, id=task_id),
        body=UNIFIED_BODY,
        invalid_body={**UNIFIED_BODY, "duration": 10},  # 10 s exists, but not for sora-2-pro
        task_model=CreateVideoResponse,
        status_model=VideoQueryResponse,
        error_model=UnifiedVideoErrorResponse,
        terminal=frozenset({"completed", "failed"}),
        error_code=_unified_code,
        status_operation="queryVideo",
    ),
    "globalaiopc": Adapter(
        make=lambda url, key: globalaiopc_client.AuthenticatedClient(base_url=url, token=key),
        create=lambda c, b: create_sora_video.sync_detailed(client=c, body=CreateSoraVideoRequest.from_dict(b)),
        acreate=lambda c, b: create_sora_video.asyncio_detailed(client=c, body=CreateSoraVideoRequest.from_dict(b)),
        get=lambda c, task_id: get_result.sync_detailed(task_id, client=c),
        body=OPC_BODY,
        invalid_body={**OPC_BODY, "size": "720x1280", "aspect_ratio": "9:16"},  # mutually exclusive
        task_model=SoraVideoTask,
        status_model=SoraVideoTask,
        error_model=GlobalAiOpcErrorResponse,
        terminal=frozenset({"completed", "failed"}),
        error_code=_opc_code,
        status_operation="getResult",
    ),
}
PROVIDERS = sorted(ADAPTERS)


def documents(provider: str, operation_id: str, status: int) -> bool:
    """Whether the provider's spec documents `status` (or its `5XX` range) for that operation."""
    for operation in iter_operations(load_spec(DEFAULT_SPECS_DIR / f"{provider}.yaml")):
        if operation.owner == operation_id:
            return bool({str(status), f"{str(status)[0]}XX"} & set(operation.node["responses"]))
    raise LookupError(f"{provider} has no operation {operation_id}")


def client_for(sandbox: SandboxHandle, provider: str, key: str | None = None) -> Client:
    """The provider's generated client on the sandbox."""
    return ADAPTERS[provider].make(sandbox.base_url, key or sandbox.keys[provider])


def test_every_discovered_provider_has_an_adapter() -> None:
    """Every provider of the specs (as sora_unified discovers them) is covered by this module."""
    assert sorted(info.id for info in VideoClient.providers()) == PROVIDERS


@pytest.mark.parametrize("provider", PROVIDERS)
def test_create_and_poll_to_terminal(sandbox: SandboxHandle, provider: str) -> None:
    """Create parses into the documented task model; polling parses every state until a terminal status."""
    adapter = ADAPTERS[provider]
    with client_for(sandbox, provider) as client:
        created = adapter.create(client, adapter.body)
        task_id = created.parsed.id
        seen = poll(lambda: adapter.get(client, task_id).parsed.to_dict(), set(adapter.terminal))
        last = adapter.get(client, task_id)
    assert (200, adapter.task_model) == (created.status_code, type(created.parsed))
    assert (adapter.status_model, task_id) == (type(last.parsed), last.parsed.id)
    assert 1 == len({payload["status"] for payload in seen} & adapter.terminal)
    assert {f"{provider}/{sandbox.keys[provider]}": 1} == sandbox.stats()["tasks_created"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_async_create(sandbox: SandboxHandle, provider: str) -> None:
    """The generated `asyncio_detailed` create parses into the same documented model."""
    adapter = ADAPTERS[provider]

    async def create() -> Response:
        async with client_for(sandbox, provider) as client:
            return await adapter.acreate(client, adapter.body)

    created = asyncio.run(create())
    assert (200, adapter.task_model) == (created.status_code, type(created.parsed))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_bad_key_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """401 for an unknown key parses into the provider's documented error model, and creates nothing."""
    adapter = ADAPTERS[provider]
    with client_for(sandbox, provider, key="not-a-sandbox-key") as client:
        response = adapter.create(client, adapter.body)
    expected = {"rivya": "api_key_invalid", "unifiedvideo": "invalid_api_key", "globalaiopc": "401"}[provider]
    assert (401, adapter.error_model, expected) == (
        response.status_code,
        type(response.parsed),
        adapter.error_code(response.parsed),
    )
    assert {} == sandbox.stats()["tasks_created"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_violation_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """A body the generated model accepts but the spec forbids gets 400 in the documented error model."""
    adapter = ADAPTERS[provider]
    with client_for(sandbox, provider) as client:
        response = adapter.create(client, adapter.invalid_body)
    expected = {"rivya": "validation_failed", "unifiedvideo": "validation_failed", "globalaiopc": "400"}[provider]
    assert (400, adapter.error_model, expected) == (
        response.status_code,
        type(response.parsed),
        adapter.error_code(response.parsed),
    )


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unknown_task_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """404 for an unknown task id parses into the documented error model."""
    adapter = ADAPTERS[provider]
    with client_for(sandbox, provider) as client:
        response = adapter.get(client, "no-such-task")
    assert (404, adapter.error_model) == (response.status_code, type(response.parsed))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_rate_limited_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """An injected 429 on create parses into the documented error model and carries Retry-After."""
    adapter = ADAPTERS[provider]
    sandbox.script_faults([ScriptedFault(FaultKind.RATE_LIMITED, provider, EndpointKind.CREATE, retry_after="seconds")])
    with client_for(sandbox, provider) as client:
        response = adapter.create(client, adapter.body)
    assert (429, adapter.error_model, "1") == (
        response.status_code,
        type(response.parsed),
        response.headers.get("retry-after"),
    )


@pytest.mark.parametrize("status", [500, 503])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_server_error_parses_error_envelope(sandbox: SandboxHandle, provider: str, status: int) -> None:
    """An injected JSON 500/503 on a status call parses into the error model where the spec documents it."""
    adapter = ADAPTERS[provider]
    sandbox.script_faults([ScriptedFault(FaultKind.SERVER_ERROR, provider, EndpointKind.STATUS, status=status)])
    with client_for(sandbox, provider) as client:
        response = adapter.get(client, "any-task")
    expected = adapter.error_model if documents(provider, adapter.status_operation, status) else None
    parsed = response.parsed
    assert (status, expected) == (response.status_code, None if parsed is None else type(parsed))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_proxy_html_502(sandbox: SandboxHandle, provider: str) -> None:
    """A proxy's HTML 502 breaks the generated parser where 502 is documented, else stays unparsed.

    Either way the typed answer is lost: why sora_unified keeps the raw response of every call.
    """
    adapter = ADAPTERS[provider]
    sandbox.script_faults([ScriptedFault(FaultKind.SERVER_ERROR, provider, EndpointKind.STATUS, status=502)])
    with client_for(sandbox, provider) as client:
        try:
            outcome = type(adapter.get(client, "any-task").parsed).__name__
        except json.JSONDecodeError:
            outcome = "JSONDecodeError"
    expected = "JSONDecodeError" if documents(provider, adapter.status_operation, 502) else "NoneType"
    assert expected == outcome
