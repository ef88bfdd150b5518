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


@dataclass(frozen=True)
class VideoRequest:
    """One video to generate. `None` means "the provider's documented default" (nothing is sent).

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

    @property
    def ref(self) -> TaskRef:
        """The "provider:id" handle to resume this task later."""
        return TaskRef(provider=self.provider, id=self.id)

    @property
    def is_terminal(self) -> bool:
        """True when the task reached succeeded, failed or canceled."""
        return self.status.is_terminal
