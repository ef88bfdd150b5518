"""Each generated client against the sandbox over real HTTP: create, poll to a terminal status, error envelopes.

The generated packages differ per provider; each one's adapter (`ADAPTERS`) is read from its mapping (the
modules, request class and task id parameter the layer calls) and its spec (the documented answer models),
so a provider added tomorrow is covered with no edit here.
"""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from uuid import uuid4

import pytest

from generator._speclib import Spec, iter_operations, load_spec, resolve_pointer
from generator._unified_mapping import ProviderBuild, load_providers
from sora_providers import PROVIDERS as RECORDS
from sora_sandbox import EndpointKind, FaultKind, SandboxHandle, ScriptedFault
from sora_sandbox._config import DEFAULT_SPECS_DIR
from sora_sandbox.testing import accepted_request, poll
from sora_unified import AuthenticationError, SoraUnifiedError, ValidationError, VideoClient
from sora_unified._body import build_body
from sora_unified._errors import error_from_response
from sora_unified._payload import first_text
from sora_unified._redact import Redactor
from sora_unified._spec import RawResponse
from sora_unified._validation import find_model

Client = Any  # the provider's generated AuthenticatedClient
Response = Any  # the generated `Response[...]`
TERMINAL = frozenset({"succeeded", "failed", "canceled"})


@dataclass(frozen=True)
class Adapter:
    """How to drive one provider's generated client and read its documented models (all read from its mapping)."""

    make: Callable[[str, str], Client]  # (base_url, token)
    create: Callable[[Client, dict[str, Any]], Response]
    acreate: Callable[[Client, dict[str, Any]], Any]  # coroutine
    get: Callable[[Client, str], Response]
    body: dict[str, Any]
    invalid_body: dict[str, Any]  # valid for the generated model, rejected by the spec (sandbox)
    task_model: type
    status_model: type
    models: ModuleType
    spec: Spec
    terminal: frozenset[str]
    error_code: Callable[[Any], str | None]
    submit_operation: str
    status_operation: str

    def error_model(self, operation_id: str, status: int) -> type | None:
        """The generated class of the error schema the spec documents for that status (exact, NXX, default)."""
        name = _response_schema(self.spec, operation_id, status)
        return None if name is None else getattr(self.models, name)


def _response_schema(spec: Spec, operation_id: str, status: int) -> str | None:
    """The component schema name of the JSON answer documented for `status` (exact code, its range, default)."""
    (op,) = [o for o in iter_operations(spec) if o.owner == operation_id]
    responses = op.node["responses"]
    response = next((responses[k] for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None)
    if response is None:
        return None
    if "$ref" in response:
        response = resolve_pointer(spec, response["$ref"][1:])
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref")
    return str(ref).rsplit("/", 1)[1] if isinstance(ref, str) else None


def _invalid_prompt(spec: Spec, body_class: str) -> str:
    """A prompt the spec refuses but the generated model sends (it does not check lengths)."""
    prompt = resolve_pointer(spec, f"/components/schemas/{body_class}/properties/prompt")
    if "maxLength" in prompt:
        return "x" * (int(prompt["maxLength"]) + 1)
    assert prompt.get("minLength", 0) >= 1, f"{body_class}.prompt has no length limit to break"
    return ""


def _adapter(ctx: ProviderBuild) -> Adapter:
    s = ctx.session
    package = importlib.import_module(s["package"])
    models = importlib.import_module(f"{s['package']}.models")
    submit = importlib.import_module(s["submit"]["module"])
    get = importlib.import_module(s["get"]["module"])
    body_class = getattr(models, s["submit"]["body_class"])
    spec = load_spec(DEFAULT_SPECS_DIR / f"{ctx.id}.yaml")
    record, _ = RECORDS[ctx.id]
    info = record.info()
    model = find_model(record, None)
    assert model is not None
    body = build_body(record, model, accepted_request(info, "a red kite"), None)

    def idem() -> dict[str, str]:
        return {s["idempotency_param"]: uuid4().hex} if "idempotency_param" in s else {}

    def task_get(c: Client, task_id: str) -> Response:
        if s["get"]["positional"]:
            return get.sync_detailed(task_id, client=c)
        return get.sync_detailed(client=c, **{s["get"]["param"]: task_id})

    def code(parsed: Any) -> str | None:
        return first_text(parsed.to_dict(), record.errors.code)

    ops = {role: s[role]["operation_id"] for role in ("submit", "get")}
    return Adapter(
        make=lambda url, key: package.AuthenticatedClient(base_url=url, token=key),
        create=lambda c, b: submit.sync_detailed(client=c, body=body_class.from_dict(b), **idem()),
        acreate=lambda c, b: submit.asyncio_detailed(client=c, body=body_class.from_dict(b), **idem()),
        get=task_get,
        body=body,
        invalid_body={**body, "prompt": _invalid_prompt(spec, s["submit"]["body_class"])},
        task_model=getattr(models, str(_response_schema(spec, ops["submit"], 200))),
        status_model=getattr(models, str(_response_schema(spec, ops["get"], 200))),
        models=models,
        spec=spec,
        terminal=frozenset(raw for raw, status in record.statuses.items() if status in TERMINAL),
        error_code=code,
        submit_operation=ops["submit"],
        status_operation=ops["get"],
    )


ADAPTERS: dict[str, Adapter] = {ctx.id: _adapter(ctx) for ctx in load_providers(DEFAULT_SPECS_DIR)}
PROVIDERS = sorted(ADAPTERS)


def kind_of(provider: str, response: Response) -> SoraUnifiedError:
    """The error sora_unified makes of the same answer (what the provider's code and status mean)."""
    raw = RawResponse(response.status_code, dict(response.headers), response.content)
    return error_from_response(RECORDS[provider][0], raw, Redactor())


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
    assert sorted(info.id for info in VideoClient.providers()) == sorted(ADAPTERS)


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
    assert (401, adapter.error_model(adapter.submit_operation, 401)) == (response.status_code, type(response.parsed))
    assert adapter.error_code(response.parsed) is not None
    assert isinstance(kind_of(provider, response), AuthenticationError)
    assert {} == sandbox.stats()["tasks_created"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_violation_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """A body the generated model accepts but the spec forbids gets 400 in the documented error model."""
    adapter = ADAPTERS[provider]
    with client_for(sandbox, provider) as client:
        response = adapter.create(client, adapter.invalid_body)
    assert (400, adapter.error_model(adapter.submit_operation, 400)) == (response.status_code, type(response.parsed))
    assert adapter.error_code(response.parsed) is not None
    assert isinstance(kind_of(provider, response), ValidationError)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unknown_task_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """404 for an unknown task id parses into the documented error model."""
    adapter = ADAPTERS[provider]
    with client_for(sandbox, provider) as client:
        response = adapter.get(client, "no-such-task")
    assert (404, adapter.error_model(adapter.status_operation, 404)) == (response.status_code, type(response.parsed))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_rate_limited_parses_error_envelope(sandbox: SandboxHandle, provider: str) -> None:
    """An injected 429 on create parses into the documented error model and carries Retry-After."""
    adapter = ADAPTERS[provider]
    sandbox.script_faults([ScriptedFault(FaultKind.RATE_LIMITED, provider, EndpointKind.CREATE, retry_after="seconds")])
    with client_for(sandbox, provider) as client:
        response = adapter.create(client, adapter.body)
    assert (429, adapter.error_model(adapter.submit_operation, 429), "1") == (
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
    expected = adapter.error_model(adapter.status_operation, status)
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
