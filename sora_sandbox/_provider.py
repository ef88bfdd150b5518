"""What every fake provider implements, and the request/reply types the dispatcher hands it.

A provider module (`sora_sandbox/_providers/<provider id>.py`) defines a `Behaviour` subclass with one method
per operationId it serves, registered with `@handles("operationId")`; routes, validation and auth are
done by the dispatcher from the spec, so a behaviour only builds payloads in the provider's own shape.
"""

from __future__ import annotations

import importlib
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from starlette.datastructures import QueryParams

from sora_sandbox._config import SandboxConfig
from sora_sandbox._specs import ProviderSpec
from sora_sandbox._tasks import Task, TaskStore, TaskView


@dataclass
class Reply:
    """A JSON reply (or raw bytes when `raw` is set)."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    media_type: str = "application/json"


@dataclass
class Call:
    """One validated request, as a behaviour sees it."""

    operation_id: str
    api_key: str
    path_params: Mapping[str, str]
    query: QueryParams
    headers: Mapping[str, str]
    body: bytes
    json: Any
    form: Mapping[str, Any]  # multipart fields: str values, or (filename, content type, bytes) for files
    base_url: str  # "http://127.0.0.1:<port>", for URLs the sandbox serves itself
    force_fail: bool = False  # a TASK_FAILED fault was drawn for this create


Handler = Callable[[Any, Call], Awaitable[Reply]]


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    """Mark a method as the handler of one operationId."""

    def mark(func: Handler) -> Handler:
        func.__dict__["operation_id"] = operation_id
        return func

    return mark


class Behaviour:
    """Base of the provider fakes: error envelopes, keys, task rendering."""

    default_key: ClassVar[str] = "sandbox-key"
    handlers: ClassVar[dict[str, Handler]] = {}

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.handlers = {
            func.__dict__["operation_id"]: func
            for func in vars(cls).values()
            if callable(func) and "operation_id" in func.__dict__
        }

    def __init__(self, spec: ProviderSpec, store: TaskStore, config: SandboxConfig) -> None:
        self.spec = spec
        self.store = store
        self.config = config
        self.provider_id = spec.provider_id

    async def handle(self, call: Call) -> Reply:
        """Run the handler of `call.operation_id` (501 in the provider's envelope when there is none)."""
        handler = self.handlers.get(call.operation_id)
        if handler is None:
            return self.error(501, "not_implemented", f"the sandbox does not serve {call.operation_id}")
        return await handler(self, call)

    # Envelopes: each provider overrides `error` with the shape its spec decided.
    def error(self, status: int, code: str, message: str) -> Reply:
        """An error reply in the provider's envelope."""
        return Reply(status, {"error": {"code": code, "message": message}})

    def auth_error(self, missing: bool) -> Reply:
        """401 for a missing or unknown key."""
        return self.error(
            401, "api_key_missing" if missing else "api_key_invalid", "A valid Bearer API key is required."
        )

    def validation_error(self, message: str) -> Reply:
        """The reply to a request that does not conform to the spec."""
        return self.error(400, "validation_failed", message)

    def rate_limited(self) -> Reply:
        """Body of a 429 (headers are added by the dispatcher)."""
        return self.error(429, "rate_limited", "Too many requests in the current window.")

    def server_error(self, status: int) -> Reply:
        """Body of an injected 500/503 (502 is an HTML page from a proxy, added by the dispatcher)."""
        return self.error(status, "internal_error", "The service had an internal error.")

    # Tasks
    def media_url(self, call: Call, task: Task, ext: str) -> str:
        """Where the sandbox serves this task's result."""
        return f"{call.base_url}/_sandbox/media/{self.provider_id}/{task.id}.{ext}"

    def owned_task(self, call: Call, task_id: str) -> Task | None:
        """The task if it exists and belongs to the caller's key (one poll is counted)."""
        task = self.store.get(self.provider_id, task_id)
        if task is None or task.api_key != call.api_key:
            return None
        with self.store.lock:
            task.polls += 1
        return task

    def view(self, task: Task) -> TaskView:
        """Phase and progress of a task now."""
        return self.store.clock.view(task)

    def fails(self, call: Call, prompt: str) -> bool:
        """Whether a new task must end failed."""
        return call.force_fail or self.config.fail_marker in prompt


def request_id() -> str:
    """A support id in Rivya's documented `req_...` form."""
    return f"req_{secrets.token_hex(12)}"


def load_behaviour(spec: ProviderSpec, store: TaskStore, config: SandboxConfig) -> Behaviour | None:
    """The fake for a provider spec, from `sora_sandbox._providers.<provider id>` (None when there is none)."""
    try:
        module = importlib.import_module(f"sora_sandbox._providers.{spec.provider_id}")
    except ModuleNotFoundError:
        return None
    cls: type[Behaviour] = module.Behaviour
    return cls(spec, store, config)
