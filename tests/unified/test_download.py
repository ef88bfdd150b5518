"""download(): streamed, atomic, checked; an interrupted or bad download leaves nothing at the destination."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_unified import DownloadError, TaskStatus
from tests.unified._support import KEY, example, ok

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64
URL = "https://example.com/videos/sora_abc123def456.mp4"
DONE = example("globalaiopc/described/getResult.response-200.completed.json")


def video(content: bytes = VIDEO, content_type: str = "video/mp4", length: int | None = None) -> httpx.Response:
    headers = {"content-type": content_type} | ({"content-length": str(length)} if length is not None else {})
    return httpx.Response(200, content=content, headers=headers)


class BrokenStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Sends half the video, then the connection drops."""

    def __iter__(self) -> Iterator[bytes]:
        yield VIDEO[: len(VIDEO) // 2]
        raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield VIDEO[: len(VIDEO) // 2]
        raise httpx.ReadError("connection reset")


def broken(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=BrokenStream(), headers={"content-type": "video/mp4"})


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_downloads_atomically_without_the_api_key(make: Any, tmp_path: Path) -> None:
    """get() then download(): the file has the bytes, no temp file remains, the CDN never sees the key."""
    h = make("globalaiopc", ok(DONE), video())
    task = h.get("sora_abc123def456")
    path = h.download(task, tmp_path / "out.mp4")
    cdn = h.recorder.requests[-1]
    assert (VIDEO, ["out.mp4"], URL) == (path.read_bytes(), leftovers(tmp_path), str(cdn.url))
    assert (None, False) == (cdn.headers.get("authorization"), KEY in str(cdn.headers))


def test_download_by_id_fetches_the_task_first(make: Any, tmp_path: Path) -> None:
    """download("id") asks for the task's current URL, then downloads it."""
    h = make("globalaiopc", ok(DONE), video())
    h.download("sora_abc123def456", tmp_path / "out.mp4")
    assert ["GET /kyyReactApiServer/v1/result/sora_abc123def456", f"GET {URL}"] == [
        f"{r.method} {r.url.path if 'globalaiopc.test' in str(r.url) else r.url}" for r in h.recorder.requests
    ]


@pytest.mark.parametrize(
    ("responses", "message"),
    [
        ([broken], "interrupted"),
        ([video(content_type="text/html")], "not a video"),
        ([video(length=len(VIDEO) + 10)], "truncated"),
        ([video(content=b"")], "empty"),
        # refreshed once through get(), still expired: give up
        ([httpx.Response(403, text="AccessDenied"), ok(DONE), httpx.Response(403, text="AccessDenied")], "HTTP 403"),
    ],
    ids=["connection-drop", "html-page", "short-body", "empty", "expired-url"],
)
def test_failed_download_leaves_nothing(make: Any, tmp_path: Path, responses: list[Any], message: str) -> None:
    """Whatever goes wrong, the destination does not exist and no partial file is left behind."""
    h = make("globalaiopc", ok(DONE), *responses)
    task = h.get("sora_abc123def456")
    with pytest.raises(DownloadError, match=message):
        h.download(task, tmp_path / "out.mp4")
    assert [] == leftovers(tmp_path)


def test_existing_destination_untouched_on_failure(make: Any, tmp_path: Path) -> None:
    """An older file at the destination survives a failed download intact."""
    target = tmp_path / "out.mp4"
    target.write_bytes(b"previous")
    h = make("globalaiopc", ok(DONE), broken)
    with pytest.raises(DownloadError):
        h.download(h.get("sora_abc123def456"), target)
    assert (b"previous", ["out.mp4"]) == (target.read_bytes(), leftovers(tmp_path))


def test_download_retries_5xx_then_succeeds(make: Any, tmp_path: Path) -> None:
    """A CDN 503 with Retry-After is retried after that pause."""
    h = make("globalaiopc", ok(DONE), httpx.Response(503, headers={"Retry-After": "4"}), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, [4.0]) == (path.read_bytes(), h.clock.sleeps)


def test_max_bytes_is_enforced(make: Any, tmp_path: Path) -> None:
    """A body larger than max_bytes is refused and removed."""
    h = make("globalaiopc", ok(DONE), video())
    with pytest.raises(DownloadError, match="max_bytes"):
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", max_bytes=100)
    assert [] == leftovers(tmp_path)


def test_expired_url_refreshed_once(make: Any, tmp_path: Path) -> None:
    """A stale task's URL answering 403 is refreshed through get() and downloaded from the new URL."""
    fresh = DONE | {"video_url": "https://example.com/videos/fresh.mp4"}
    h = make("globalaiopc", ok(DONE), httpx.Response(403), ok(fresh), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, "https://example.com/videos/fresh.mp4") == (path.read_bytes(), str(h.recorder.requests[-1].url))


def test_unfinished_task_has_nothing_to_download(make: Any, tmp_path: Path) -> None:
    """A running task: DownloadError naming its status, no request to any CDN."""
    h = make("globalaiopc", ok(example("globalaiopc/described/getResult.response-200.processing.json")))
    task = h.get("sora_abc123def456")
    with pytest.raises(DownloadError, match="running"):
        h.download(task, tmp_path / "out.mp4")
    assert (TaskStatus.RUNNING, 1, []) == (task.status, len(h.recorder.requests), leftovers(tmp_path))


def test_async_download_syncs_to_disk_off_the_event_loop(
    make: Any, flavor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync (a wait for the disk) runs in a worker thread for AsyncVideoClient, inline for VideoClient."""
    real_fsync = os.fsync
    on_main_thread: list[bool] = []

    def fsync(fd: int) -> None:
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    h = make("globalaiopc", ok(DONE), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, [flavor == "sync"]) == (path.read_bytes(), on_main_thread)
