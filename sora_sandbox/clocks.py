"""Clocks for code that talks to a sandbox whose tasks run on their own time: nothing here needs the sandbox.

`ScaledTime` is real time sped up (the sandbox's `time_scale` applied to a client's `clock`/`sleep`), used by
the demo, the soak, `sora-video --time-scale`, the concurrency benchmark and the layer tests. `SimulatedTime`
moves only when told, so a sandbox reading it (`run_sandbox(..., now=simulated.clock)`) and a client sleeping
on it see every phase of a task whatever the machine's load. Standard library only: the CLI imports this
module without the sandbox's extra dependencies installed.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class ScaledTime:
    """The sandbox clock's speed-up applied to a client: `clock` runs `scale` times faster, sleeps are shorter."""

    scale: float

    def clock(self) -> float:
        """Simulated monotonic seconds (for `VideoClient(clock=...)`: deadlines are in simulated time)."""
        return time.monotonic() * self.scale

    def sleep(self, seconds: float) -> None:
        """Sleep `seconds` of simulated time (for `VideoClient(sleep=...)`)."""
        time.sleep(max(0.0, seconds) / self.scale)

    async def async_sleep(self, seconds: float) -> None:
        """Sleep `seconds` of simulated time (for `AsyncVideoClient(sleep=...)`)."""
        await asyncio.sleep(max(0.0, seconds) / self.scale)


class SimulatedTime:
    """Epoch seconds that only move when told: `advance`, or a sleep (which returns at once)."""

    def __init__(self, start: float | None = None) -> None:
        self.now = time.time() if start is None else start

    def clock(self) -> float:
        """The current simulated time (for `run_sandbox(now=...)` and `VideoClient(clock=...)`)."""
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward by `seconds` (never back)."""
        self.now += max(0.0, seconds)

    async def async_sleep(self, seconds: float) -> None:
        """Advance by `seconds` and yield to the event loop once (for `AsyncVideoClient(sleep=...)`)."""
        self.advance(seconds)
        await asyncio.sleep(0)
