"""The real openai-python client against every OpenAI-format provider the sandbox serves: create, poll, download.

A provider is OpenAI-format when its spec has `POST /v1/videos` (the format, not the provider's name).
openai-python marks the Videos API deprecated (shutdown 2026-09-24); that one documented warning is ignored
here, every other warning still fails the test.
"""

from __future__ import annotations

import pytest
from openai import OpenAI

from generator._speclib import iter_operations, load_spec
from sora_sandbox import SandboxHandle
from sora_sandbox._config import DEFAULT_SPECS_DIR
from sora_sandbox.testing import poll
from sora_unified import VideoClient


def _openai_format(provider: str) -> bool:
    spec = load_spec(DEFAULT_SPECS_DIR / f"{provider}.yaml")
    return any(op.method == "post" and op.item_pointer.endswith("~1v1~1videos") for op in iter_operations(spec))


OPENAI_FORMAT = sorted(info.id for info in VideoClient.providers() if _openai_format(info.id))


def test_an_openai_format_provider_is_discovered() -> None:
    """At least one discovered provider speaks the OpenAI Videos format (the parametrized test cannot pass empty)."""
    assert [] != OPENAI_FORMAT


@pytest.mark.filterwarnings("ignore:The Sora API is scheduled to permanently shut down:DeprecationWarning")
@pytest.mark.parametrize("provider", OPENAI_FORMAT)
def test_openai_python_creates_polls_and_downloads(sandbox: SandboxHandle, provider: str) -> None:
    """videos.create, videos.retrieve until completed, videos.download_content returns an MP4."""
    client = OpenAI(api_key=sandbox.keys[provider], base_url=f"{sandbox.base_url}/v1", max_retries=0)
    with client:
        video = client.videos.create(model="sora-2", prompt="a paper boat", seconds="4", size="1280x720")
        seen = poll(lambda: client.videos.retrieve(video.id).to_dict(), {"completed", "failed"})
        content = client.videos.download_content(video.id).read()
    assert ("queued", "completed") == (video.status, seen[-1]["status"])
    assert b"ftyp" == content[4:8]  # the ISO BMFF box every MP4 starts with
