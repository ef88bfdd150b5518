"""The README's sora_unified examples as a user writes them: checked by `mypy --strict`, and run against mocks.

`assert_type` pins the public types (no Any leaks); the test at the bottom runs the same functions against
a mock provider so the examples cannot rot.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import assert_type

import httpx
import pytest

from sora_unified import (
    AsyncVideoClient,
    ProviderInfo,
    SoraUnifiedError,
    SubmitOutcomeUnknownError,
    TaskError,
    TaskFailedError,
    TaskRef,
    TaskStatus,
    ValidationError,
    VideoClient,
    VideoRequest,
    VideoTask,
    WaitTimeoutError,
)
from tests.unified._support import example


def readme_client() -> VideoClient:
    """README: the key comes from RIVYA_API_KEY when api_key is None."""
    return VideoClient("rivya", api_key=None, base_url=None)


def readme_flow(client: VideoClient, out: Path) -> Path:
    """README: submit, get, wait, download."""
    task = client.submit(
        VideoRequest(
            prompt="A cinematic product reveal",
            seconds=10,
            orientation="landscape",
            quality="high",
            reference_image=None,
            watermark=False,
            model=None,
        )
    )
    task = client.get(task.id)
    task = client.wait(task.id, timeout=900, on_update=print)
    path = client.download(task, out)
    assert_type(path, Path)
    return path


async def readme_async_flow(client: AsyncVideoClient, out: Path) -> Path:
    """README: the same with AsyncVideoClient."""
    task = await client.submit(VideoRequest(prompt="A cinematic product reveal", seconds=10))
    task = await client.wait(task, timeout=900)
    return await client.download(task, out)


def readme_task_fields(task: VideoTask) -> str:
    """README: what a VideoTask carries."""
    assert_type(task.status, TaskStatus)
    assert_type(task.progress, float | None)
    assert_type(task.video_url, str | None)
    assert_type(task.error, TaskError | None)
    assert_type(task.created_at, datetime | None)
    ref: str = str(task.ref)  # "rivya:task_..." survives a restart
    return ref


def readme_resume(saved: str) -> VideoTask:
    """README: resume a task from its saved "provider:id" form."""
    ref = TaskRef.parse(saved)
    return VideoClient(ref.provider).get(ref)


def readme_capabilities() -> list[str]:
    """README: what each provider and model accepts."""
    lines = []
    for info in VideoClient.providers():
        assert_type(info, ProviderInfo)
        for model in info.models:
            durations: tuple[int, ...] = model.durations
            lines.append(f"{info.id}/{model.id}: {durations} {model.orientations} {model.qualities}")
    return lines


def readme_errors(client: VideoClient, request: VideoRequest) -> VideoTask | None:
    """README: the error hierarchy in use."""
    try:
        return client.wait(client.submit(request), timeout=600)
    except ValidationError as exc:
        print(exc.field, exc.value, exc.allowed, exc.accepted_by)
    except TaskFailedError as exc:
        print(exc.task.error)
    except WaitTimeoutError as exc:
        print(exc.task)
    except SubmitOutcomeUnknownError as exc:
        print(exc.fingerprint, exc.sent_at, exc.gave_up_at, exc.client_reference, exc.idempotency_key)
    except SoraUnifiedError as exc:
        print(exc.provider, exc.http_status, exc.code, exc.request_id)
    return None


def _provider(request: httpx.Request) -> httpx.Response:
    if request.url.host == "media.example":
        return httpx.Response(200, content=b"\x00\x00\x00\x18ftypmp42", headers={"content-type": "video/mp4"})
    if request.method == "POST":
        return httpx.Response(200, json=example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json"))
    return httpx.Response(200, json=example("rivya/getGeneration.response-200.succeeded.json"))


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README functions above work end to end against a mock Rivya (sync, async, resume, capabilities)."""
    monkeypatch.setenv("RIVYA_API_KEY", "rvya_sk_readme_example")
    assert "rivya" == readme_client().provider

    async def no_sleep(_: float) -> None:
        return None

    sync = VideoClient("rivya", transport=httpx.MockTransport(_provider), sleep=lambda _: None)
    aclient = AsyncVideoClient("rivya", transport=httpx.MockTransport(_provider), sleep=no_sleep)
    paths = (readme_flow(sync, tmp_path / "a.mp4"), asyncio.run(readme_async_flow(aclient, tmp_path / "b.mp4")))
    assert (tmp_path / "a.mp4", tmp_path / "b.mp4") == paths
    assert "rivya:task_public_id" == readme_task_fields(sync.get("task_public_id"))
    assert "rivya/sora-2-pro: (10, 15) ('landscape', 'portrait') ('standard', 'high')" in readme_capabilities()
    assert "succeeded" == readme_errors(sync, VideoRequest(prompt="p")).status.value  # type: ignore[union-attr]
