"""Helpers for code that drives the sandbox: raw-HTTP polling for tests/e2e, and requests every provider accepts.

`default_model` and `accepted_request` are the one definition of "a request the default model accepts", used
by the demo, the soak and the layer tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sora_sandbox.server import SandboxHandle
from sora_unified import ModelCapabilities, Orientation, ProviderInfo, VideoRequest

POLL_INTERVAL_S = 0.005
POLL_LIMIT_S = 10.0


def auth(sandbox: SandboxHandle, provider: str, key_index: int = 0) -> dict[str, str]:
    """The Authorization header with one of the provider's accepted keys (the first: its test key)."""
    return {"Authorization": f"Bearer {sandbox.sandbox.keys[provider][key_index]}"}


def _pause() -> None:
    time.sleep(POLL_INTERVAL_S)


def poll(
    fetch: Callable[[], dict[str, Any]], terminal: set[str], pause: Callable[[], None] = _pause
) -> list[dict[str, Any]]:
    """Every payload seen while polling until the status is terminal (the caller inspects the sequence).

    `pause` runs between polls: a short real sleep, or a step of a simulated sandbox clock.
    """
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + POLL_LIMIT_S
    while time.monotonic() < deadline:
        payload = fetch()
        seen.append(payload)
        if payload["status"] in terminal:
            return seen
        pause()
    raise AssertionError(f"no terminal status after {POLL_LIMIT_S} s: {seen[-1] if seen else None}")


def distinct(values: list[str]) -> list[str]:
    """Values with consecutive repeats removed."""
    return [v for i, v in enumerate(values) if i == 0 or values[i - 1] != v]


def default_model(info: ProviderInfo) -> ModelCapabilities:
    """The model a request without `model` gets: the provider's default (its first model if that is unknown)."""
    return info.model(info.default_model) or info.models[0]


def accepted_request(info: ProviderInfo, prompt: str, orientation: Orientation | None = None) -> VideoRequest:
    """A request the default model accepts: its first allowed duration, and `orientation` or its first one."""
    model = default_model(info)
    return VideoRequest(
        prompt=prompt,
        seconds=model.durations[0] if model.durations else None,
        orientation=orientation or (model.orientations[0] if model.orientations else None),
    )
