"""The public value types: keyword-only `VideoRequest`, and `VideoTask` to JSON and back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sora_unified import TaskError, TaskStatus, VideoRequest, VideoTask


def _task(**changes: object) -> VideoTask:
    fields: dict[str, object] = {
        "id": "sora-2:task_01",
        "provider": "unifiedvideo",
        "model": "sora-2",
        "status": TaskStatus.FAILED,
        "progress": 0.4,
        "video_url": None,
        "error": TaskError(code="content_policy", message="refused"),
        "created_at": datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
        "updated_at": None,
        "raw": {"id": "sora-2:task_01"},
    }
    fields.update(changes)
    return VideoTask(**fields)  # type: ignore[arg-type]


def test_video_request_is_keyword_only() -> None:
    """Fields cannot be passed by position: swapping two of them is a TypeError, not a silent mix-up."""
    with pytest.raises(TypeError):
        VideoRequest("a fox", 10)  # type: ignore[misc]
    assert 10 == VideoRequest(prompt="a fox", seconds=10).seconds


def test_task_json_round_trip() -> None:
    """`VideoTask.from_json(task.to_json())` gives the same task (raw aside: it is not saved)."""
    task = _task()
    assert task == VideoTask.from_json(task.to_json())
    assert "unifiedvideo:sora-2:task_01" == task.to_json()["ref"]


def test_task_json_needs_only_id_and_provider() -> None:
    """A minimal saved task resumes as queued."""
    task = VideoTask.from_json({"id": "g1", "provider": "rivya"})
    assert ("g1", "rivya", TaskStatus.QUEUED) == (task.id, task.provider, task.status)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"provider": "rivya"}, "'id'"),
        ({"id": "", "provider": "rivya"}, "'id'"),
        ({"id": "g1", "provider": 3}, "'provider'"),
        ({"id": "g1", "provider": "rivya", "status": "done"}, "'status'"),
        ({"id": "g1", "provider": "rivya", "progress": 45}, "'progress'"),
        ({"id": "g1", "provider": "rivya", "error": "boom"}, "'error'"),
        ({"id": "g1", "provider": "rivya", "created_at": "yesterday"}, "'created_at'"),
    ],
    ids=["no-id", "empty-id", "provider-type", "status-word", "progress-percent", "error-string", "created-at"],
)
def test_bad_task_json_names_the_field(data: dict[str, object], field: str) -> None:
    """A malformed task JSON is a ValueError naming the field, never a KeyError or a wrong task."""
    with pytest.raises(ValueError, match=field):
        VideoTask.from_json(data)
