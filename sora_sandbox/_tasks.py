"""Tasks the sandbox runs, on a scaled clock, plus the counters every test and soak run reads.

A task's phase is computed from its age, never stored: queued for `queued_s`, running for `running_s`,
then done (succeeded or failed). Providers render the phase with their own status words.
"""

from __future__ import annotations

import enum
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sora_sandbox._config import SandboxConfig


class Phase(enum.Enum):
    """Provider-neutral task phase; the `sandbox:` data of each mapping names its documented status words."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@dataclass
class Task:
    """One video task as the sandbox keeps it."""

    provider: str
    id: str
    api_key: str
    model: str
    prompt: str
    width: int
    height: int
    duration_s: int
    created: float  # wall-clock epoch seconds
    fails: bool = False
    request: dict[str, Any] = field(default_factory=dict)
    credits: int = 0
    polls: int = 0


@dataclass(frozen=True)
class TaskView:
    """A task's state at one instant."""

    phase: Phase
    progress: float  # 0.0 .. 1.0
    changed: float  # wall-clock epoch seconds of the last phase change


class Clock:
    """Scaled task clock: `time_scale` simulated seconds per real second of `now` (the wall clock by default)."""

    def __init__(self, config: SandboxConfig, now: Callable[[], float] = time.time) -> None:
        self.config = config
        # Epoch seconds: payload timestamps are built from it. Tests and the polling benchmark pass a
        # `sora_sandbox.clocks.SimulatedTime.clock` instead, so task phases follow time they step themselves.
        self.now = now

    def view(self, task: Task) -> TaskView:
        """Phase and progress of `task` now."""
        cfg = self.config
        started = task.created + cfg.real_seconds(cfg.queued_s)
        finished = started + cfg.real_seconds(cfg.running_s)
        now = self.now()
        if now < started:
            return TaskView(Phase.QUEUED, 0.0, task.created)
        if now < finished:
            span = max(finished - started, 1e-9)
            return TaskView(Phase.RUNNING, min((now - started) / span, 0.99), started)
        return TaskView(Phase.FAILED if task.fails else Phase.SUCCEEDED, 1.0, finished)


@dataclass
class Stats:
    """Counters; keys are joined with `/` so the JSON form stays flat and readable."""

    tasks_created: Counter[str] = field(default_factory=Counter)  # "<provider>/<api key>"
    idempotency: Counter[str] = field(default_factory=Counter)  # "<provider>/<api key>/<Idempotency-Key>": tasks
    idempotent_replays: Counter[str] = field(default_factory=Counter)  # same key, same body
    requests: Counter[str] = field(default_factory=Counter)  # "<provider>/<operationId>" or "<provider>/download"
    faults: Counter[str] = field(default_factory=Counter)  # "<provider>/<endpoint kind>/<fault kind>"
    response_violations: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """JSON form for `GET /_sandbox/stats`."""
        return {
            "tasks_created": dict(self.tasks_created),
            "idempotency": dict(self.idempotency),
            "idempotent_replays": dict(self.idempotent_replays),
            "requests": dict(self.requests),
            "faults": dict(self.faults),
            "response_violations": list(self.response_violations),
        }


class TaskStore:
    """Tasks, idempotency records, uploaded files and counters, behind one lock (uvicorn runs in another thread)."""

    def __init__(self, config: SandboxConfig, now: Callable[[], float] = time.time) -> None:
        self.config = config
        self.clock = Clock(config, now)
        self.lock = threading.RLock()
        self.tasks: dict[tuple[str, str], Task] = {}
        self.idempotency: dict[tuple[str, str, str], tuple[str, str]] = {}  # -> (body digest, task id)
        self.files: dict[tuple[str, str], dict[str, Any]] = {}
        self.stats = Stats()

    def add(self, task: Task) -> None:
        """Store a new task and count it."""
        with self.lock:
            self.tasks[(task.provider, task.id)] = task
            self.stats.tasks_created[f"{task.provider}/{task.api_key}"] += 1

    def get(self, provider: str, task_id: str) -> Task | None:
        """A task by id (any owner)."""
        with self.lock:
            return self.tasks.get((provider, task_id))

    def reset_stats(self, idempotency: bool = False) -> None:
        """Zero every counter (tasks stay); forget Idempotency-Keys too when asked."""
        with self.lock:
            self.stats = Stats()
            if idempotency:
                self.idempotency.clear()
