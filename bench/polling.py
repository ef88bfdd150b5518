"""Benchmark 4: status calls per task and detection delay under the default wait policy, on a simulated clock.

Every provider runs in-process in the sandbox app (through `httpx.ASGITransport`), and both sides read
one simulated clock: the sandbox's task clock and the `clock`/`sleep`/`random` that `AsyncVideoClient`
accepts for tests. A task of T seconds is submitted at t0 and finishes at t0 + T in the sandbox; `wait`
polls with the provider's documented schedule (`_polling.poll_delay`); each status call is counted at the
transport, and the delay is the simulated time between completion and the status call that saw it. The
jitter source is seeded, one run per seed.
"""

from __future__ import annotations

import asyncio
import random
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

import httpx

from bench._report import Section
from sora_sandbox._app import Sandbox
from sora_sandbox._config import SandboxConfig
from sora_sandbox.clocks import SimulatedTime

DURATIONS = (60.0, 180.0, 600.0)
QUEUED_S = 2.0
# Any epoch-like start: payload timestamps are built from the sandbox clock.
EPOCH = 1_780_000_000.0


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts GET requests (status calls) on the way to the wrapped transport."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.gets = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            self.gets += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass(frozen=True)
class Outcome:
    """One simulated task: status calls made and seconds between completion and detection."""

    calls: int
    delay: float


async def simulate(sandbox: Sandbox, time: SimulatedTime, provider: str, duration: float, seed: int) -> Outcome:
    """Submit one task of `duration` simulated seconds and wait for it with the default policy."""
    from sora_unified import AsyncVideoClient, TaskStatus, VideoRequest

    transport = CountingTransport(httpx.ASGITransport(app=sandbox.app()))
    rng = random.Random(seed)
    async with AsyncVideoClient(
        provider,
        api_key=sandbox.keys[provider][0],
        base_url="http://sandbox.invalid",
        transport=transport,
        clock=time.clock,
        sleep=time.async_sleep,
        random=rng.random,
    ) as client:
        submitted_at = time.now
        task = await client.submit(VideoRequest(prompt=f"polling benchmark, seed {seed}"))
        done = await client.wait(task, timeout=duration * 3 + 600)
    if done.status is not TaskStatus.SUCCEEDED:
        raise RuntimeError(f"{provider}: simulated task ended {done.status}")
    return Outcome(calls=transport.gets, delay=time.now - (submitted_at + duration))


def outcomes(duration: float, seeds: Iterable[int]) -> dict[str, list[Outcome]]:
    """Every served provider's outcomes for tasks of `duration` seconds, one per seed."""
    time = SimulatedTime(EPOCH)
    config = SandboxConfig(
        queued_s=QUEUED_S, running_s=duration - QUEUED_S, validate_responses=False, initial_credits=10**12
    )
    sandbox = Sandbox(config, now=time.clock)
    results: dict[str, list[Outcome]] = {}
    for provider in sorted(sandbox.behaviours):
        results[provider] = [asyncio.run(simulate(sandbox, time, provider, duration, s)) for s in seeds]
    return results


def run(*, seeds: int = 9) -> Section:
    """The polling section: calls per task and delay (% of task time) per provider and task length."""
    section = Section("polling", "Status calls per task and detection delay, default wait policy, simulated clock")
    detail = [
        "| provider | task | status calls (median, min-max) | detection delay s (median, min-max) |",
        "|---|--:|--:|--:|",
    ]
    for duration in DURATIONS:
        for provider, runs in outcomes(duration, range(seeds)).items():
            calls = [o.calls for o in runs]
            delays = [o.delay for o in runs]
            label = f"{provider} {duration:.0f} s task"
            if duration == 180.0:
                section.check(f"{label}: status calls", "calls", calls, "<=", 25)
            else:
                section.figure(f"{label}: status calls", "calls", calls)
            section.check(f"{label}: detection delay", "% of task", [100 * d / duration for d in delays], "<", 10)
            detail.append(
                f"| {provider} | {duration:.0f} s | {statistics.median(calls):g} ({min(calls)}-{max(calls)}) "
                f"| {statistics.median(delays):.1f} ({min(delays):.1f}-{max(delays):.1f}) |"
            )
    section.notes += [f"{seeds} seeded runs of the jitter per provider and task length.", "", *detail]
    return section
