"""Run the sandbox with uvicorn in a background thread on 127.0.0.1 (free port), for tests, demo and soak.

Usage::

    with run_sandbox(SandboxConfig(time_scale=100)) as sandbox:
        auth = {"Authorization": f"Bearer {sandbox.keys['rivya']}"}
        httpx.post(f"{sandbox.base_url}/api/v1/generations", headers=auth, json=...)
        sandbox.stats()["tasks_created"]
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import uvicorn

from sora_sandbox._app import Sandbox
from sora_sandbox._config import EndpointKind, FaultConfig, FaultKind, SandboxConfig, ScriptedFault
from sora_sandbox._exports import provider_env
from sora_sandbox._tasks import Phase

_START_TIMEOUT_S = 10.0


class SandboxHandle:
    """A running sandbox: where it listens, its keys, counters and fault controls."""

    def __init__(self, sandbox: Sandbox, port: int) -> None:
        self.sandbox = sandbox
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.keys: dict[str, str] = {pid: keys[0] for pid, keys in sandbox.keys.items()}

    @property
    def providers(self) -> list[str]:
        """Provider ids served (discovered from the specs)."""
        return sorted(self.sandbox.behaviours)

    def stats(self) -> dict[str, Any]:
        """The same counters as `GET /_sandbox/stats`."""
        return self.sandbox.stats()

    def reset_stats(self, idempotency: bool = False) -> None:
        """Zero the counters (and forget Idempotency-Keys when asked), as `POST /_sandbox/reset`."""
        self.sandbox.reset(idempotency=idempotency)

    def set_faults(self, faults: FaultConfig | None = None, **changes: Any) -> FaultConfig:
        """Replace the fault settings (a FaultConfig, or field changes on the current one); returns them."""
        config = faults if faults is not None else replace(self.sandbox.faults.config, **changes)
        self.sandbox.faults.configure(config)
        return config

    def script_faults(self, faults: Sequence[ScriptedFault]) -> None:
        """Queue deterministic faults for the next matching requests."""
        self.sandbox.faults.push(list(faults))

    def inject(
        self,
        kind: FaultKind | str,
        *,
        provider: str | None = None,
        endpoint: EndpointKind | str | None = None,
        times: int = 1,
        status: int | None = None,
        retry_after: str | None = None,
        after_commit: bool | None = None,
    ) -> None:
        """Queue `times` faults of one kind for the next matching requests (any provider/endpoint when None).

        `inject("rate_limited", provider="rivya", endpoint="status", times=2)`: the next two Rivya status
        calls get a 429; `inject("reset", endpoint="create")`: the next create loses its connection;
        `inject("server_error", endpoint="create", after_commit=True)`: the task is created, the answer lost.
        """
        if times < 1:
            raise ValueError(f"times must be at least 1, not {times}")
        self._check_provider(provider)
        fault = ScriptedFault(
            kind=FaultKind(kind),
            provider=provider,
            endpoint=EndpointKind(endpoint) if endpoint is not None else None,
            status=status,
            retry_after=retry_after,
            after_commit=after_commit,
        )
        self.script_faults([fault] * times)

    def fail_task(self, provider: str, task_id: str) -> None:
        """Make an unfinished task end `failed` (its provider's failure payload) instead of succeeding."""
        self._check_provider(provider)
        store = self.sandbox.store
        with store.lock:
            task = store.get(provider, task_id)
            if task is None:
                raise KeyError(f"the sandbox has no {provider} task {task_id!r}")
            if store.clock.view(task).phase in (Phase.SUCCEEDED, Phase.FAILED):
                raise ValueError(f"{provider} task {task_id!r} has already finished")
            task.fails = True

    def tasks_created(self, provider: str, api_key: str | None = None) -> int:
        """Tasks created for one provider since the last reset, for `api_key` (default: its test key)."""
        self._check_provider(provider)
        key = api_key if api_key is not None else self.keys[provider]
        return int(self.stats()["tasks_created"].get(f"{provider}/{key}", 0))

    def calls(self, provider: str, endpoint: EndpointKind | str) -> int:
        """Requests one provider received on one endpoint kind (create, status, download) since the last reset."""
        self._check_provider(provider)
        kind = EndpointKind(endpoint)
        requests: dict[str, int] = self.stats()["requests"]
        if kind is EndpointKind.DOWNLOAD:
            return requests.get(f"{provider}/download", 0)
        operations = self.sandbox.specs[provider].operations.values()
        behaviour = self.sandbox.behaviours[provider]  # the kind faults use: a content endpoint is a download
        return sum(
            requests.get(f"{provider}/{op.operation_id}", 0) for op in operations if behaviour.endpoint_kind(op) is kind
        )

    def env(self) -> dict[str, str]:
        """Every provider's key and base URL variable (e.g. `RIVYA_API_KEY`, `RIVYA_BASE_URL`) and the clock speed."""
        return provider_env(self.base_url, self.keys, self.sandbox.config.time_scale)

    def _check_provider(self, provider: str | None) -> None:
        if provider is not None and provider not in self.keys:
            raise ValueError(f"the sandbox does not serve {provider!r} (it serves: {', '.join(self.providers)})")


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        # Signals belong to the main thread (pytest, the CLI); this server runs in a worker thread.
        return None


def _bound_socket(port: int) -> socket.socket:
    # IPPROTO_TCP (not 0) so asyncio sets TCP_NODELAY on accepted sockets: otherwise every response after the
    # first on a keep-alive connection waits ~40 ms on delayed ACKs.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


@contextmanager
def run_sandbox(
    config: SandboxConfig | None = None, port: int = 0, log_level: str = "warning", now: Callable[[], float] = time.time
) -> Iterator[SandboxHandle]:
    """Start the sandbox on 127.0.0.1 (port 0: chosen by the OS), yield a handle, stop it cleanly on exit.

    Tasks age on `now` (epoch seconds): pass `sora_sandbox.clocks.SimulatedTime().clock` to step time by hand.
    """
    sandbox = Sandbox(config or SandboxConfig(), now)
    sock = _bound_socket(port)
    port = sock.getsockname()[1]
    server = _Server(
        uvicorn.Config(
            sandbox.app(), log_level=log_level, access_log=False, lifespan="off", timeout_graceful_shutdown=1
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"sandbox-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the sandbox server did not start")
        time.sleep(0.01)
    try:
        yield SandboxHandle(sandbox, port)
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()
