"""Local fake providers: every spec in specs/ served on 127.0.0.1 with tasks, media, faults and counters.

`python -m sora_sandbox` serves them until Ctrl-C; tests use `run_sandbox` or the pytest plugin
`sora_sandbox.pytest_plugin`. The server (starlette, uvicorn, openapi-core: the `[sandbox]` extra) is imported on
first use of `run_sandbox`/`SandboxHandle`, so the dependency-free `sora_sandbox.clocks` and the configuration
types import without that extra (the `sora-video` CLI relies on it).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sora_sandbox._config import EndpointKind, FaultConfig, FaultKind, SandboxConfig, ScriptedFault

if TYPE_CHECKING:
    from sora_sandbox.server import SandboxHandle, run_sandbox

__all__ = [
    "EndpointKind",
    "FaultConfig",
    "FaultKind",
    "SandboxConfig",
    "SandboxHandle",
    "ScriptedFault",
    "run_sandbox",
]
_SERVER_NAMES = frozenset({"SandboxHandle", "run_sandbox"})


def __getattr__(name: str) -> Any:
    # PEP 562: the server and its dependencies load on first use (ImportError without the extra, as a
    # plain `from sora_sandbox import run_sandbox` would raise).
    if name in _SERVER_NAMES:
        return getattr(importlib.import_module("sora_sandbox.server"), name)
    raise AttributeError(f"module 'sandbox' has no attribute {name!r}")
