"""Task lifecycles of the three fake providers over raw HTTP, driven by the specs' documented request examples.

The module's sandbox ages tasks on a simulated clock that each poll steps by `STEP_S`, so every phase is
seen the same number of times whatever the machine's load (no real time is involved).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from generator._paths import SPECS_DIR
from sora_sandbox import SandboxConfig, SandboxHandle
from sora_sandbox.clocks import SimulatedTime
from sora_sandbox.testing import auth, distinct
from sora_sandbox.testing import poll as poll_every

EXAMPLES = SPECS_DIR / "examples"
ISO_MS_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
FAIL = " [sandbox:fail]"
STEP_S = 0.5  # simulated seconds between polls: 4 polls see a task queued, 10 see it running
TIME = SimulatedTime()  # the module's task time, moved only by `poll`


@pytest.fixture(scope="module")
def sandbox_clock() -> Callable[[], float]:
    """The module's sandbox ages tasks on the simulated time."""
    return TIME.clock


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """2 s queued and 5 s running, in simulated seconds."""
    return SandboxConfig(time_scale=1.0, queued_s=2.0, running_s=5.0)


def poll(fetch: Callable[[], dict[str, Any]], terminal: set[str]) -> list[dict[str, Any]]:
    """`sora_sandbox.testing.poll`, stepping the simulated time by `STEP_S` between polls."""
    return poll_every(fetch, terminal, pause=lambda: TIME.advance(STEP_S))


def examples(provider: str, operation_id: str) -> list[Any]:
    """Verbatim/seed request examples of one operation, with their file names as ids."""
    files = sorted((EXAMPLES / provider).glob(f"{operation_id}.request.*.json"))
    return [pytest.param(json.loads(f.read_text()), id=f.name) for f in files]


def rivya_task(client: httpx.Client, sandbox: SandboxHandle, body: dict[str, Any]) -> list[dict[str, Any]]:
    created = client.post("/api/v1/generations", json=body, headers=auth(sandbox, "rivya"))
    assert 200 == created.status_code
    task_id = created.json()["id"]
    url = f"/api/v1/generations/{task_id}"
    seen = poll(lambda: client.get(url, headers=auth(sandbox, "rivya")).json(), {"succeeded", "failed"})
    return [created.json(), *seen]


@pytest.mark.parametrize("body", examples("rivya", "createGeneration"))
def test_rivya_task_succeeds(client: httpx.Client, sandbox: SandboxHandle, body: dict[str, Any]) -> None:
    """Rivya: queued -> processing -> succeeded, result URLs, ISO-8601 ms timestamps, final credits charged."""
    seen = rivya_task(client, sandbox, body)
    last = seen[-1]
    assert ["queued", "processing", "succeeded"] == distinct([p["status"] for p in seen])
    assert [last["result"]["primary_url"]] == last["result"]["urls"]
    assert last["reserved_credits"] == last["final_credits"]
    assert [True, True] == [bool(ISO_MS_Z.match(last[k])) for k in ("created_at", "updated_at")]
    assert None is last["error"]


def test_rivya_task_fails(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Rivya: a failing task ends with result null, final_credits 0 and error generation_failed."""
    seen = rivya_task(client, sandbox, {"model": "sora-2-pro", "prompt": "a storm" + FAIL})
    last = seen[-1]
    assert ["queued", "processing", "failed"] == distinct([p["status"] for p in seen])
    assert (None, 0, "generation_failed") == (last["result"], last["final_credits"], last["error"]["code"])


def test_rivya_failed_task_credits_come_back(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Rivya: a task's base credits are taken at create and given back once the task has failed."""
    headers = auth(sandbox, "rivya")

    def credits() -> int:
        balance: int = client.get("/api/v1/credits", headers=headers).json()["current_credits"]
        return balance

    before = credits()
    created = client.post(
        "/api/v1/generations", json={"model": "sora-2-pro", "prompt": "a storm" + FAIL}, headers=headers
    )
    while_running = credits()
    poll(lambda: client.get(f"/api/v1/generations/{created.json()['id']}", headers=headers).json(), {"failed"})
    assert (75, before) == (before - while_running, credits())


def unified_task(client: httpx.Client, sandbox: SandboxHandle, body: dict[str, Any]) -> list[dict[str, Any]]:
    created = client.post("/v1/video/create", json=body, headers=auth(sandbox, "unifiedvideo"))
    assert 200 == created.status_code
    task_id = created.json()["id"]
    headers = auth(sandbox, "unifiedvideo")
    fetch = lambda: client.get("/v1/video/query", params={"id": task_id}, headers=headers).json()  # noqa: E731
    return [created.json(), *poll(fetch, {"completed", "failed"})]


@pytest.mark.parametrize("body", examples("unifiedvideo", "createVideo"))
def test_unified_task_completes(client: httpx.Client, sandbox: SandboxHandle, body: dict[str, Any]) -> None:
    """Unified: pending -> processing -> completed with video_url, thumbnail_url, width and height."""
    seen = unified_task(client, sandbox, body)
    last = seen[-1]
    expected_size = (72, 128) if body["orientation"] == "portrait" else (128, 72)
    assert ["pending", "processing", "completed"] == distinct([p["status"] for p in seen])
    assert expected_size == (last["width"], last["height"])
    assert [True, True] == [last[k].startswith(sandbox.base_url) for k in ("video_url", "thumbnail_url")]
    assert isinstance(seen[0]["status_update_time"], int)


def test_unified_progress_is_string_and_integer(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Unified: `progress` comes as a numeric string on some polls and as an integer on others."""
    body = json.loads((EXAMPLES / "unifiedvideo" / "createVideo.request.sora-2-pro.json").read_text())
    seen = unified_task(client, sandbox, body)
    kinds = {type(p["progress"]).__name__ for p in seen[1:]}
    assert {"int", "str"} == kinds
    assert [True] == list({int(p["progress"]) in range(101) for p in seen[1:]})


def test_unified_task_fails(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Unified: a failing task ends `failed` with a fail_reason and no video_url."""
    body = {"images": [], "model": "sora-2", "orientation": "landscape", "prompt": "x" + FAIL, "size": "small"}
    seen = unified_task(client, sandbox, {**body, "duration": 10})
    last = seen[-1]
    assert "failed" == last["status"]
    assert (True, False) == (bool(last["fail_reason"]), "video_url" in last)


def opc_task(client: httpx.Client, sandbox: SandboxHandle, body: dict[str, Any]) -> list[dict[str, Any]]:
    created = client.post("/kyyReactApiServer/v1/sora/videos", json=body, headers=auth(sandbox, "globalaiopc"))
    assert 200 == created.status_code
    url = f"/kyyReactApiServer/v1/result/{created.json()['id']}"
    seen = poll(lambda: client.get(url, headers=auth(sandbox, "globalaiopc")).json(), {"completed", "failed"})
    return [created.json(), *seen]


@pytest.mark.parametrize("body", examples("globalaiopc", "createSoraVideo"))
def test_globalaiopc_task_completes(client: httpx.Client, sandbox: SandboxHandle, body: dict[str, Any]) -> None:
    """GlobalAI OPC: queued -> processing -> completed with video_url and actualDuration; null until then."""
    seen = opc_task(client, sandbox, body)
    last = seen[-1]
    assert ["queued", "processing", "completed"] == distinct([p["status"] for p in seen])
    assert {None} == {p["video_url"] for p in seen[1:-1]}
    assert body.get("seconds", body.get("duration")) == last["actualDuration"]
    assert ("video.generation", None) == (last["object"], last["error"])


def test_globalaiopc_task_fails(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """GlobalAI OPC: a failing task ends `failed` with `error` as a plain string."""
    seen = opc_task(client, sandbox, {"model": "openAiSora2Pro", "prompt": "x" + FAIL, "duration": 4})
    last = seen[-1]
    assert ("failed", str, None) == (last["status"], type(last["error"]), last["video_url"])
