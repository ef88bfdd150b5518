"""Fixtures for end-to-end tests against the sandbox: the `sora_sandbox.pytest_plugin` fixtures, an httpx client on
the sandbox, and the `flavor`/`layer` fixtures of the sora_unified harness (`tests/e2e/_layer.py`)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from sora_sandbox.pytest_plugin import sandbox, sandbox_clock, sandbox_config, sandbox_server
from sora_sandbox.server import SandboxHandle
from tests.e2e._layer import flavor, layer

__all__ = ["client", "flavor", "layer", "sandbox", "sandbox_clock", "sandbox_config", "sandbox_server"]


@pytest.fixture
def client(sandbox: SandboxHandle) -> Iterator[httpx.Client]:
    """An httpx client on the sandbox base URL."""
    with httpx.Client(base_url=sandbox.base_url, timeout=5.0) as http:
        yield http
