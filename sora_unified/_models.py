"""The provider-neutral request and task model of sora_unified.

`VideoRequest` is what a caller asks for, in one vocabulary for every provider; `VideoTask` is what a
provider reports about a task, normalized (status, progress 0..1, timestamps as aware datetimes) with the
untouched provider payload kept in `raw`. `TaskRef` is the "provider:id" form that survives a restart.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal

Orientation = Literal["landscape", "portrait"]
Quality = Literal["standard", "high"]


class TaskStatus(StrEnum):
    """The closed set of task states every provider status is mapped onto."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def is_terminal(self) -> bool:
        """True when the provider will not change this task any more."""
        return self in (TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELED)


@dataclass(frozen=True, kw_only=True)
class VideoRequest:
    """One video to generate, built by keyword (`VideoRequest(prompt=..., seconds=10)`).

    A field left `None` is the provider's choice, per the provider's mapping: where the provider's API
    makes the field optional nothing is sent and the provider's documented default applies; where its API
    requires the field, the mapping's default for that model is sent (GlobalAiOpc sends `seconds=8`, for
    example). `python -m generator decisions` lists every such default with its source, and
    `VideoClient.providers()` shows them per model (`ModelCapabilities`).

    `reference_image` is an http(s) URL or a local file path (uploaded first where the provider has a
    Files API). `model` is a provider model id or one of its aliases; `None` picks the provider default.
    """

    prompt: str
    seconds: int | None = None
    orientation: Orientation | None = None
    quality: Quality | None = None
    reference_image: str | os.PathLike[str] | None = None
    watermark: bool | None = None
    model: str | None = None


@dataclass(frozen=True)
class TaskError:
    """Why a task failed, as the provider said it (either part may be missing)."""

    code: str | None
    message: str | None


@dataclass(frozen=True)
class TaskRef:
    """A task id with its provider: `str(ref)` is "provider:id", `TaskRef.parse` reads it back."""

    provider: str
    id: str

    def __str__(self) -> str:
        return f"{self.provider}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> TaskRef:
        """Split at the first colon only: some provider ids contain colons ("sora-2:task_...")."""
        provider, sep, task_id = text.partition(":")
        if not sep or not provider or not task_id:
            raise ValueError(f"not a task reference of the form 'provider:id': {text!r}")
        return cls(provider=provider, id=task_id)


@dataclass(frozen=True, kw_only=True)
class VideoTask:
    """A provider task, normalized. `raw` is the provider's JSON payload as received."""

    id: str
    provider: str
    model: str | None
    status: TaskStatus
    progress: float | None
    video_url: str | None
    error: TaskError | None
    created_at: datetime | None
    updated_at: datetime | None
    raw: Mapping[str, object] = field(repr=False, compare=False)
    # The provider's own status word, as received (cut to 100 characters); `status` is its normalized meaning.
    provider_status: str | None = None

    @property
    def ref(self) -> TaskRef:
        """The "provider:id" handle to resume this task later."""
        return TaskRef(provider=self.provider, id=self.id)

    @property
    def is_terminal(self) -> bool:
        """True when the task reached succeeded, failed or canceled."""
        return self.status.is_terminal

    def to_json(self) -> dict[str, object]:
        """The normalized task as JSON-ready data (`ref` included; the provider's raw payload left out)."""
        return {
            "ref": str(self.ref),
            "id": self.id,
            "provider": self.provider,
            "model": self.model,
            "status": self.status.value,
            "provider_status": self.provider_status,
            "progress": self.progress,
            "video_url": self.video_url,
            "error": None if self.error is None else {"code": self.error.code, "message": self.error.message},
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> VideoTask:
        """A task back from `to_json` output (or any mapping with at least `id` and `provider`).

        ValueError naming the field when a present field has the wrong type; a missing `status` reads as
        queued (an id alone is enough to resume). `raw` is empty: the provider's payload was not saved.
        """
        return cls(
            id=_text(data, "id", required=True) or "",
            provider=_text(data, "provider", required=True) or "",
            model=_text(data, "model"),
            status=_status(data.get("status")),
            progress=_fraction(data.get("progress")),
            video_url=_text(data, "video_url"),
            error=_error(data.get("error")),
            created_at=_when(data, "created_at"),
            updated_at=_when(data, "updated_at"),
            raw={},
            provider_status=_text(data, "provider_status"),
        )


def _text(data: Mapping[str, object], name: str, *, required: bool = False) -> str | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"task JSON field {name!r} must be a{' non-empty' if required else ''} string, got {value!r}")
    return value


def _status(value: object) -> TaskStatus:
    if value is None:
        return TaskStatus.QUEUED
    try:
        return TaskStatus(str(value)) if isinstance(value, str) else TaskStatus(repr(value))
    except ValueError:
        allowed = ", ".join(s.value for s in TaskStatus)
        raise ValueError(f"task JSON field 'status' must be one of {allowed}, got {value!r}") from None


def _fraction(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"task JSON field 'progress' must be a number from 0 to 1, got {value!r}")
    return float(value)


def _error(value: object) -> TaskError | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError(f"task JSON field 'error' must be an object with 'code' and 'message', got {value!r}")
    code, message = value.get("code"), value.get("message")
    if not isinstance(code, str | None) or not isinstance(message, str | None):
        raise ValueError(f"task JSON field 'error' must hold string 'code' and 'message', got {value!r}")
    return TaskError(code=code, message=message)


def _when(data: Mapping[str, object], name: str) -> datetime | None:
    text = _text(data, name)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"task JSON field {name!r} must be an ISO 8601 time, got {text!r}") from None
