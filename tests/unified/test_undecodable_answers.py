"""Answers whose body httpx cannot decode (a corrupt gzip stream: `httpx.DecodingError`, not a TransportError).

The provider answered, so an undecodable submit answer may hide a created task: a submit without
idempotency ends in SubmitOutcomeUnknownError, an idempotent one is resent with the same key; status calls
and downloads are asked again like after a transport error. Nothing escapes as a bare httpx exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_unified import ProviderConnectionError, SubmitOutcomeUnknownError, VideoRequest, providers
from tests.unified._support import example, ok

RIVYA_QUEUED = example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json")
RIVYA_DONE = example("rivya/getGeneration.response-200.succeeded.json")
GAO_DONE = example("globalaiopc/described/getResult.response-200.completed.json")
VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 4


def corrupt_gzip(_: httpx.Request) -> httpx.Response:
    """A 200 announcing gzip whose body is not gzip: httpx raises DecodingError while reading it."""
    headers = {"content-encoding": "gzip", "content-type": "application/json"}
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(b"not gzip at all"))


@pytest.mark.parametrize("provider", sorted(info.id for info in providers() if not info.idempotent_submit))
def test_non_idempotent_undecodable_submit_is_unknown_outcome(make: Any, provider: str) -> None:
    """The provider answered, so a task may exist: one request, then SubmitOutcomeUnknownError."""
    h = make(provider, corrupt_gzip, ok(RIVYA_QUEUED))
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    assert (1, httpx.DecodingError, None) == (
        len(h.recorder.requests),
        type(caught.value.__cause__),
        caught.value.idempotency_key,
    )


def test_rivya_undecodable_submit_is_resent_with_the_same_key(make: Any) -> None:
    """Rivya's idempotent submit is resent after an undecodable answer, with the same Idempotency-Key."""
    h = make("rivya", corrupt_gzip, ok(RIVYA_QUEUED))
    task = h.submit(VideoRequest(prompt="p"))
    keys = {r.headers["idempotency-key"] for r in h.recorder.requests}
    assert (2, 1, "task_sora_2_pro_example") == (len(h.recorder.requests), len(keys), task.id)


def test_undecodable_status_answer_is_retried(make: Any) -> None:
    """get() asks again after an undecodable answer, sleeping the backoff like after a transport error."""
    h = make("rivya", corrupt_gzip, ok(RIVYA_DONE))
    assert "succeeded" == h.get("task_public_id").status.value
    assert (2, [0.4375]) == (len(h.recorder.requests), h.clock.sleeps)


def test_undecodable_status_answer_every_attempt_is_typed(make: Any) -> None:
    """When the retries run out, the caller gets ProviderConnectionError (a sora_unified error), not httpx's."""
    h = make("rivya", corrupt_gzip)
    with pytest.raises(ProviderConnectionError) as caught:
        h.get("task_public_id")
    assert (3, httpx.DecodingError) == (len(h.recorder.requests), type(caught.value.__cause__))


def test_undecodable_download_is_retried(make: Any, tmp_path: Path) -> None:
    """A CDN answer that cannot be decoded is fetched again; the destination gets the whole video."""

    def corrupt_video(_: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "gzip", "content-type": "video/mp4"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(b"not gzip at all"))

    video = httpx.Response(200, content=VIDEO, headers={"content-type": "video/mp4"})
    h = make("globalaiopc", ok(GAO_DONE), corrupt_video, video)
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, ["out.mp4"], [0.4375]) == (
        path.read_bytes(),
        sorted(p.name for p in tmp_path.iterdir()),
        h.clock.sleeps,
    )
