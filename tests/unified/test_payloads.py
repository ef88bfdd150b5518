"""Every documented create and status payload, through the public API, normalized as the docs say."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sora_unified import TaskError, TaskStatus, VideoRequest
from tests.unified._support import EXAMPLES, example, ok

# provider -> (create operationId, status operationId, a request that provider accepts)
OPERATIONS = {
    "rivya": ("createGeneration", "getGeneration", VideoRequest(prompt="p", seconds=10)),
    "unifiedvideo": ("createVideo", "queryVideo", VideoRequest(prompt="p", seconds=15)),
    "globalaiopc": ("createSoraVideo", "getResult", VideoRequest(prompt="p", seconds=8)),
}


def ts(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# Keyed "<operationId>.<slug>" (the status part of the file name is left out on purpose).
EXPECTED: dict[str, dict[str, Any]] = {
    "createGeneration.sora-2-pro-queued": {
        "id": "task_sora_2_pro_example",
        "status": TaskStatus.QUEUED,
        "model": "sora-2-pro",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": ts("2026-05-11T00:00:00"),
        "updated_at": ts("2026-05-11T00:00:00"),
    },
    # Rivya's developers page: six fields, no final_credits and no timestamps (spec decision R-x18).
    "createGeneration.z-image-quickstart-shape": {
        "id": "task_public_id",
        "status": TaskStatus.QUEUED,
        "model": "z-image",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": None,
        "updated_at": None,
    },
    "getGeneration.succeeded": {
        "id": "task_public_id",
        "status": TaskStatus.SUCCEEDED,
        "model": "z-image",
        "progress": None,
        "video_url": "https://media.example/result.png",
        "error": None,
        "created_at": ts("2026-05-10T00:00:00"),
        "updated_at": ts("2026-05-10T00:01:00"),
    },
    "getGeneration.failed": {
        "id": "task_public_id",
        "status": TaskStatus.FAILED,
        "model": "sora-2-pro",
        "progress": None,
        "video_url": None,
        "error": TaskError("generation_failed", "The generation failed."),
        "created_at": ts("2026-05-11T00:00:00"),
        "updated_at": ts("2026-05-11T00:05:00"),
    },
    "createVideo.sora-2-pro": {
        "id": "sora-2:task_01k9009g8ef1esae6388chgcpx",
        "status": TaskStatus.QUEUED,
        "model": "sora-2-pro",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": None,
        "updated_at": datetime.fromtimestamp(1762010645.686, tz=UTC),
    },
    "createVideo.sora-2": {
        "id": "sora-2:task_01k9008rhbefnt3rb1g9szxdwr",
        "status": TaskStatus.QUEUED,
        "model": "sora-2-pro",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": None,
        "updated_at": datetime.fromtimestamp(1762010621.323, tz=UTC),
    },
    "createVideo.sora-2-all-with-image": {
        "id": "sora-2:task_01k6x15vhrff09dkkqjrzwhm60",
        "status": TaskStatus.QUEUED,
        "model": "sora-2-pro",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": None,
        "updated_at": datetime.fromtimestamp(1759763427.208, tz=UTC),
    },
    "createVideo.sora-2-character": {
        "id": "sora-2:task_01k900ag82ecgbewj2xa3758z0",
        "status": TaskStatus.QUEUED,
        "model": "sora-2-pro",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": None,
        "updated_at": datetime.fromtimestamp(1762010677.921, tz=UTC),
    },
    "queryVideo.octopusx-pending": {
        "id": "sora-2:task_01k9008rhbefnt3rb1g9szxdwr",
        "status": TaskStatus.QUEUED,
        "model": "sora-2",
        "progress": 0.0,
        "video_url": None,
        "error": None,
        "created_at": datetime.fromtimestamp(1762010621, tz=UTC),
        "updated_at": datetime.fromtimestamp(1762010621.323, tz=UTC),
    },
    "queryVideo.pending": {
        "id": "sora-2:task_01k9009g8ef1esae6388chgcpx",
        "status": TaskStatus.QUEUED,
        "model": None,
        "progress": 0.4217391304347826,
        "video_url": None,
        "error": None,
        "created_at": None,
        "updated_at": datetime.fromtimestamp(1762010705.123, tz=UTC),
    },
    "queryVideo.completed": {
        "id": "sora-2:task_01k9009g8ef1esae6388chgcpx",
        "status": TaskStatus.SUCCEEDED,
        "model": None,
        "progress": None,
        "error": None,
        "created_at": None,
        "video_url": example("unifiedvideo/described/queryVideo.response-200.completed.json")["video_url"],
        "updated_at": datetime.fromtimestamp(1762011003.555, tz=UTC),
    },
    "createSoraVideo.seed-queued": {
        "id": "sora_abc123def456",
        "status": TaskStatus.QUEUED,
        "model": "openAiSora2Plus",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": datetime.fromtimestamp(1761635478, tz=UTC),
        "updated_at": None,
    },
    "createSoraVideo.old-docs-sora-2": {
        "id": "sora_abc123def456",
        "status": TaskStatus.QUEUED,
        "model": "sora-2",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": datetime.fromtimestamp(1761635478, tz=UTC),
        "updated_at": None,
    },
    "getResult.processing": {
        "id": "sora_abc123def456",
        "status": TaskStatus.RUNNING,
        "model": "openAiSora2Plus",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": datetime.fromtimestamp(1761635478, tz=UTC),
        "updated_at": None,
    },
    "getResult.completed": {
        "id": "sora_abc123def456",
        "status": TaskStatus.SUCCEEDED,
        "model": "openAiSora2Plus",
        "progress": None,
        "video_url": "https://example.com/videos/sora_abc123def456.mp4",
        "error": None,
        "created_at": datetime.fromtimestamp(1761635478, tz=UTC),
        "updated_at": None,
    },
    "getResult.failed": {
        "id": "sora_abc123def456",
        "status": TaskStatus.FAILED,
        "model": "openAiSora2Pro",
        "progress": None,
        "video_url": None,
        "error": TaskError(None, "Video generation failed"),
        "created_at": datetime.fromtimestamp(1761635478, tz=UTC),
        "updated_at": None,
    },
    "getResult.nano-banana-sibling-processing": {
        "id": "abc123def456",
        "status": TaskStatus.RUNNING,
        "model": "nano-banana-2",
        "progress": None,
        "video_url": None,
        "error": None,
        "created_at": datetime.fromtimestamp(1761635478, tz=UTC),
        "updated_at": None,
    },
}


def _documented() -> list[tuple[str, str, Path]]:
    found = []
    for provider, (create, status, _) in OPERATIONS.items():
        for path in sorted((EXAMPLES / provider).rglob("*.json")):
            op, _, rest = path.name.partition(".response-2")
            if op in (create, status) and "doc-errors" not in path.parts:
                slug = rest.split(".", 1)[1].removesuffix(".json")
                found.append((provider, f"{op}.{slug}", path))
    return found


DOCUMENTED = _documented()


def test_every_documented_task_payload_has_an_expectation() -> None:
    """A new create/status example under specs/examples must get a normalization expectation here."""
    assert [] == [key for _, key, _ in DOCUMENTED if key not in EXPECTED]


@pytest.mark.parametrize(("provider", "key", "path"), DOCUMENTED, ids=[p.name for _, _, p in DOCUMENTED])
def test_documented_payload_normalizes(make: Any, provider: str, key: str, path: Path) -> None:
    """The documented payload, served by a mock provider, becomes the expected VideoTask (create via submit)."""
    create, _, request = OPERATIONS[provider]
    payload = example(str(path.relative_to(EXAMPLES)))
    h = make(provider, ok(payload))
    task = h.submit(request) if key.startswith(create + ".") else h.get(payload["id"])
    actual = {name: getattr(task, name) for name in EXPECTED[key]}
    assert EXPECTED[key] == actual
    assert payload == dict(task.raw)
    assert provider == task.provider
