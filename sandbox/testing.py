"""Helpers for tests that drive the sandbox over raw HTTP (used by tests/e2e and importable by other suites)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sandbox.server import SandboxHandle

POLL_INTERVAL_S = 0.005
POLL_LIMIT_S = 10.0


def auth(sandbox: SandboxHandle, provider: str) -> dict[str, str]:
    """The Authorization header with the provider's test key."""
    return {"Authorization": f"Bearer {sandbox.keys[provider]}"}


def poll(fetch: Callable[[], dict[str, Any]], terminal: set[str]) -> list[dict[str, Any]]:
    """Every payload seen while polling until the status is terminal (the caller inspects the sequence)."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + POLL_LIMIT_S
    while time.monotonic() < deadline:
        payload = fetch()
        seen.append(payload)
        if payload["status"] in terminal:
            return seen
        time.sleep(POLL_INTERVAL_S)
    raise AssertionError(f"no terminal status after {POLL_LIMIT_S} s: {seen[-1] if seen else None}")


def distinct(values: list[str]) -> list[str]:
    """Values with consecutive repeats removed."""
    return [v for i, v in enumerate(values) if i == 0 or values[i - 1] != v]
