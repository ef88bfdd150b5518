"""Fixtures for end-to-end tests against the sandbox (the fixtures of the `sandbox.pytest_plugin` plugin)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from sandbox.pytest_plugin import sandbox, sandbox_config, sandbox_server, sandbox_session
from sandbox.server import SandboxHandle

__all__ = ["client", "sandbox", "sandbox_config", "sandbox_server", "sandbox_session"]


@pytest.fixture
def client(sandbox: SandboxHandle) -> Iterator[httpx.Client]:
    """An httpx client on the sandbox base URL."""
    with httpx.Client(base_url=sandbox.base_url, timeout=5.0) as http:
        yield http
