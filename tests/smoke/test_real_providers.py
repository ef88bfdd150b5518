"""Opt-in smoke test against the REAL providers: free calls only, never in CI.

Runs only with `SORA_REAL_SMOKE=1` and, per provider, its key variable (e.g. RIVYA_API_KEY; UNIFIEDVIDEO_BASE_URL
too, the host is reseller-specific). It submits nothing (a submit is billed): it asks for a task id that cannot
exist and expects the provider's typed "not found" answer, which proves the host, the key and the error mapping.

    SORA_REAL_SMOKE=1 RIVYA_API_KEY=... .venv/bin/pytest tests/smoke -q
"""

from __future__ import annotations

import os

import pytest

from sora_unified import NotFoundError, ProviderError, ProviderInfo, SoraUnifiedError, VideoClient

ENABLED = os.environ.get("SORA_REAL_SMOKE") == "1"
PROVIDERS = VideoClient.providers()

pytestmark = pytest.mark.skipif(not ENABLED, reason="real-provider smoke test: set SORA_REAL_SMOKE=1 and a key")


@pytest.mark.parametrize("info", PROVIDERS, ids=[info.id for info in PROVIDERS])
def test_unknown_task_is_a_typed_not_found(info: ProviderInfo) -> None:
    """A made-up task id is answered as NotFoundError (or a typed provider error), never a crash or a success."""
    if not os.environ.get(info.api_key_env):
        pytest.skip(f"{info.api_key_env} is not set")
    with VideoClient(info.id) as client, pytest.raises(SoraUnifiedError) as caught:
        client.get("smoke-test-no-such-task-0000")
    # Providers that document 404 must map it to NotFoundError; the others may answer with a generic error.
    assert isinstance(caught.value, NotFoundError | ProviderError), repr(caught.value)
