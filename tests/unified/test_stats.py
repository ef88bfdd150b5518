"""`client.stats`: the requests a client sent (submits, status calls, downloads) and how many were retries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from rivya_client.models.generation import Generation
from sora_unified import ClientStats
from tests.unified._support import example, ok

RIVYA_QUEUED = example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json")
RIVYA_DONE = example("rivya/getGeneration.response-200.succeeded.json")
BUSY = {"error": {"code": "public_api_disabled", "message": "busy"}}
VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 16


def test_new_client_has_sent_nothing(make: Any) -> None:
    """A fresh client's stats are all zero."""
    assert ClientStats() == make("rivya").stats


def test_every_request_and_retry_is_counted(make: Any, tmp_path: Path) -> None:
    """Submit, get, wait and download with one 503 each: every request counted, retries apart."""
    from sora_unified import VideoRequest

    busy = ok(BUSY, 503)
    video = httpx.Response(200, content=VIDEO, headers={"content-type": "video/mp4"})
    h = make("rivya", busy, ok(RIVYA_QUEUED), busy, ok(RIVYA_DONE), ok(RIVYA_DONE), busy, video)
    h.submit(VideoRequest(prompt="p"))
    h.get("task_public_id")
    done = h.wait("task_public_id")
    h.download(done, tmp_path / "out.mp4")
    expected = ClientStats(submits=2, status_calls=3, uploads=0, downloads=2, retries=2, download_retries=1)
    assert expected == h.stats


def test_status_call_reads_the_body_once(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A status call does not build the generated model: the layer parses the JSON once, itself."""
    built: list[object] = []
    original = Generation.from_dict.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Generation], src: Any) -> Generation:
        built.append(src)
        return original(cls, src)  # type: ignore[no-any-return]

    monkeypatch.setattr(Generation, "from_dict", classmethod(counting))
    task = make("rivya", ok(RIVYA_DONE)).get("task_public_id")
    assert ("succeeded", []) == (task.status.value, built)
