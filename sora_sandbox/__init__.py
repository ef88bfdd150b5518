"""Local fake providers: every spec in specs/ served on 127.0.0.1 with tasks, media, faults and counters.

`python -m sora_sandbox` serves them until Ctrl-C, printing export lines; tests use `run_sandbox` or the pytest
plugin `sora_sandbox.pytest_plugin` (loaded by pytest through its `pytest11` entry point). What each provider
looks like is data: its spec plus the `sandbox:` section of its mapping; `SandboxDataError` names what is
missing when a provider cannot be served.

The server (starlette, uvicorn, openapi-core: the `[sandbox]` extra) is imported on first use of
`run_sandbox`/`SandboxHandle`/`SandboxDataError`, so the dependency-free `sora_sandbox.clocks` and the configuration
types import without that extra (the `sora-video` CLI relies on it).
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING

from sora_sandbox._config import EndpointKind, FaultConfig, FaultKind, SandboxConfig, ScriptedFault

if TYPE_CHECKING:
    from sora_sandbox._sandbox_data import SandboxDataError
    from sora_sandbox.server import SandboxHandle, run_sandbox

__all__ = [
    "EndpointKind",
    "FaultConfig",
    "FaultKind",
    "SandboxConfig",
    "SandboxDataError",
    "SandboxHandle",
    "ScriptedFault",
    "run_sandbox",
]
_SERVER_NAMES = frozenset({"SandboxHandle", "run_sandbox"})


def __getattr__(name: str) -> object:
    # PEP 562: the server and its dependencies load on first use (ImportError without the extra, as a
    # plain `from sora_sandbox import run_sandbox` would raise).
    if name in _SERVER_NAMES:
        return getattr(_import_module("sora_sandbox.server"), name)
    if name == "SandboxDataError":
        return _import_module("sora_sandbox._sandbox_data").SandboxDataError
    raise AttributeError(f"module 'sora_sandbox' has no attribute {name!r}")
