"""Credits per key, for providers whose sandbox data has `credits:` (a price per model card, refunds on failure).

Creates charge the task's price; every charged task waits in `_open` until it finishes: a failure gives its
credits back (also for a task failed later through `SandboxHandle.fail_task`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sora_sandbox._tasks import Phase, Task, TaskStore


class CreditLedger:
    """Initial credits minus each key's tasks, failed ones refunded."""

    def __init__(self, store: TaskStore, initial: int) -> None:
        self.store = store
        self.initial = initial
        self._spent: Counter[str] = Counter()
        self._open: dict[str, list[Task]] = {}

    def balance(self, api_key: str, phase: Callable[[Task], Phase]) -> int:
        """What the key has left now (tasks whose failure shows by now are refunded first)."""
        with self.store.lock:
            still_open: list[Task] = []
            for task in self._open.get(api_key, []):
                done = phase(task)
                if done is Phase.FAILED:
                    self._spent[api_key] -= task.credits
                elif done is not Phase.SUCCEEDED:
                    still_open.append(task)
            self._open[api_key] = still_open
            return self.initial - self._spent[api_key]

    def charge(self, task: Task) -> None:
        """Take a new task's credits from its key (given back if the task fails)."""
        with self.store.lock:
            self._spent[task.api_key] += task.credits
            self._open.setdefault(task.api_key, []).append(task)
