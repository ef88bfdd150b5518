"""Result media served by the sandbox: real H.264 MP4s of the requested shape and length, Range requests."""

from __future__ import annotations

import io
from typing import Any

import av
import httpx
import pytest

from sora_sandbox import SandboxHandle
from sora_sandbox.testing import auth, poll

# (provider, create path, body, status path template, terminal status, how to find the video URL)
CASES = [
    pytest.param(
        "rivya",
        "/api/v1/generations",
        {"model": "sora-2-pro", "prompt": "a paper boat", "params": {"aspect_ratio": "portrait", "n_frames": "15"}},
        (72, 128, 15),
        id="rivya-portrait-15s",
    ),
    pytest.param(
        "rivya",
        "/api/v1/generations",
        {"model": "sora-2-pro", "prompt": "a paper boat"},
        (128, 72, 10),
        id="rivya-documented-defaults",
    ),
    pytest.param(
        "unifiedvideo",
        "/v1/video/create",
        {
            "images": [],
            "model": "sora-2-pro",
            "orientation": "landscape",
            "prompt": "waves",
            "size": "large",
            "duration": 25,
        },
        (128, 72, 25),
        id="unified-landscape-25s",
    ),
    pytest.param(
        "globalaiopc",
        "/kyyReactApiServer/v1/sora/videos",
        {"model": "openAiSora2Pro", "prompt": "a fox", "duration": 4},
        (72, 128, 4),
        id="globalaiopc-default-size-4s",
    ),
]


def finished(client: httpx.Client, sandbox: SandboxHandle, provider: str, path: str, body: dict[str, Any]) -> str:
    """Create a task, wait for it, return its video URL."""
    headers = auth(sandbox, provider)
    task_id = client.post(path, json=body, headers=headers).json()["id"]
    if provider == "rivya":
        last = poll(lambda: client.get(f"{path}/{task_id}", headers=headers).json(), {"succeeded"})[-1]
        url: str = last["result"]["primary_url"]
        return url
    if provider == "unifiedvideo":
        fetch = lambda: client.get("/v1/video/query", params={"id": task_id}, headers=headers).json()  # noqa: E731
        return str(poll(fetch, {"completed"})[-1]["video_url"])
    result = f"/kyyReactApiServer/v1/result/{task_id}"
    return str(poll(lambda: client.get(result, headers=headers).json(), {"completed"})[-1]["video_url"])


@pytest.mark.parametrize(("provider", "path", "body", "shape"), CASES)
def test_mp4_decodes_with_requested_shape_and_duration(
    client: httpx.Client, sandbox: SandboxHandle, provider: str, path: str, body: dict[str, Any], shape: tuple[int, ...]
) -> None:
    """The MP4 is H.264, oriented as requested, as long as requested, at the configured fps."""
    response = client.get(finished(client, sandbox, provider, path, body))
    with av.open(io.BytesIO(response.content), mode="r") as container:
        stream = container.streams.video[0]
        frames = len(list(container.decode(video=0)))
        duration = round(container.duration / av.time_base) if container.duration else None
        actual = (stream.width, stream.height, duration)
        codec = stream.codec_context.name
    assert ("video/mp4", str(len(response.content))) == (
        response.headers["content-type"],
        response.headers["content-length"],
    )
    assert (shape, "h264", shape[2] * sandbox.sandbox.config.video_fps) == (actual, codec, frames)


@pytest.fixture
def video_url(client: httpx.Client, sandbox: SandboxHandle) -> str:
    """URL of one finished Rivya video."""
    return finished(client, sandbox, "rivya", "/api/v1/generations", {"model": "sora-2-pro", "prompt": "ranges"})


@pytest.mark.parametrize(
    ("range_header", "status", "span"),
    [
        pytest.param("bytes=0-99", 206, (0, 99), id="first-100"),
        pytest.param("bytes=100-", 206, (100, None), id="open-ended"),
        pytest.param("bytes=-50", 206, (-50, None), id="suffix"),
    ],
)
def test_range_requests(
    client: httpx.Client, video_url: str, range_header: str, status: int, span: tuple[int, int | None]
) -> None:
    """Single byte ranges give 206 with Content-Range and exactly those bytes."""
    full = client.get(video_url).content
    first, last = span
    expected = full[first:] if last is None else full[first : last + 1]
    start = first if first >= 0 else len(full) + first
    response = client.get(video_url, headers={"Range": range_header})
    content_range = f"bytes {start}-{start + len(expected) - 1}/{len(full)}"
    assert (status, content_range, expected) == (
        response.status_code,
        response.headers["content-range"],
        response.content,
    )


def test_unsatisfiable_range_is_416(client: httpx.Client, video_url: str) -> None:
    """A range past the end gets 416 with `Content-Range: bytes */size`."""
    size = len(client.get(video_url).content)
    response = client.get(video_url, headers={"Range": f"bytes={size}-"})
    assert (416, f"bytes */{size}") == (response.status_code, response.headers["content-range"])


def test_thumbnail_is_png(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """The unified thumbnail_url serves a PNG."""
    headers = auth(sandbox, "unifiedvideo")
    body = {"images": [], "model": "sora-2", "orientation": "portrait", "prompt": "p", "size": "small", "duration": 10}
    task_id = client.post("/v1/video/create", json=body, headers=headers).json()["id"]
    fetch = lambda: client.get("/v1/video/query", params={"id": task_id}, headers=headers).json()  # noqa: E731
    response = client.get(poll(fetch, {"completed"})[-1]["thumbnail_url"])
    assert ("image/png", b"\x89PNG") == (response.headers["content-type"], response.content[:4])


def test_video_of_failed_task_is_404(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """No media for a task that did not succeed."""
    headers = auth(sandbox, "rivya")
    body = {"model": "sora-2-pro", "prompt": "x [sandbox:fail]"}
    task_id = client.post("/api/v1/generations", json=body, headers=headers).json()["id"]
    poll(lambda: client.get(f"/api/v1/generations/{task_id}", headers=headers).json(), {"failed"})
    response = client.get(f"/_sandbox/media/rivya/{task_id}.mp4")
    assert 404 == response.status_code
