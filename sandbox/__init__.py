"""Local fake providers: every spec in specs/ served on 127.0.0.1 with tasks, media, faults and counters.

`python -m sandbox` serves them until Ctrl-C; tests use `run_sandbox` or the pytest plugin
`sandbox.pytest_plugin`.
"""

from sandbox._config import EndpointKind, FaultConfig, FaultKind, SandboxConfig, ScriptedFault
from sandbox.server import SandboxHandle, run_sandbox

__all__ = [
    "EndpointKind",
    "FaultConfig",
    "FaultKind",
    "SandboxConfig",
    "SandboxHandle",
    "ScriptedFault",
    "run_sandbox",
]
