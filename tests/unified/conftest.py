"""Fixtures for sora_unified tests (helpers live in `_support`): both client flavors, a fake clock, a harness."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.unified._support import FakeClock, Handler, Harness, Recorder


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    """Both client flavors."""
    return str(request.param)


@pytest.fixture
def clock() -> FakeClock:
    """A fresh fake clock."""
    return FakeClock()


@pytest.fixture
def make(flavor: str, clock: FakeClock) -> Iterator[Callable[..., Harness]]:
    """Build a harness: make("rivya", response, response, ...)."""

    def build(provider: str, *responses: httpx.Response | Exception | Handler, **kwargs: Any) -> Harness:
        return Harness(flavor, provider, Recorder(list(responses)), clock, **kwargs)

    yield build
