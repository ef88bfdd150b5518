"""The client side of the concurrency benchmark (`python -m bench._swarm`), run in a fresh process.

Submits N tasks through one `AsyncVideoClient` per provider the sandbox serves (round-robin) and waits for
all of them concurrently with `asyncio.gather`, on a clock running `--scale` times faster than real time
(the same factor as the sandbox's, so the default wait policy keeps its shape). Prints one JSON line:
wall time, errors by type, outcomes, and the process's own peak RSS (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from sora_sandbox.clocks import ScaledTime

if TYPE_CHECKING:
    from pyinstrument import Profiler

    from sora_unified import AsyncVideoClient


async def one_task(client: AsyncVideoClient, index: int) -> str:
    """Submit and wait for one task; its final status."""
    from sora_unified import VideoRequest

    task = await client.submit(VideoRequest(prompt=f"benchmark task {index}: a paper boat on a pond"))
    done = await client.wait(task)
    return done.status.value


async def swarm(
    base_url: str, keys: dict[str, str], tasks: int, scale: float, profiler: Profiler | None = None
) -> dict[str, object]:
    """Run every task (profiled when a profiler is given: the tasks only, not set-up); the figures as plain data."""
    from sora_unified import AsyncVideoClient

    scaled = ScaledTime(scale)
    names = sorted(info.id for info in AsyncVideoClient.providers() if info.id in keys)
    clients = [
        AsyncVideoClient(n, api_key=keys[n], base_url=base_url, clock=scaled.clock, sleep=scaled.async_sleep)
        for n in names
    ]
    if profiler is not None:
        profiler.start()
    start = time.perf_counter()
    results = await asyncio.gather(
        *(one_task(clients[i % len(clients)], i) for i in range(tasks)), return_exceptions=True
    )
    wall = time.perf_counter() - start
    if profiler is not None:
        profiler.stop()
    for client in clients:
        await client.aclose()
    errors = Counter(type(r).__name__ for r in results if isinstance(r, BaseException))
    outcomes = Counter(r for r in results if isinstance(r, str))
    return {
        "wall_s": wall,
        "providers": names,
        "errors": dict(errors),
        "first_error": next((repr(r) for r in results if isinstance(r, BaseException)), None),
        "outcomes": dict(outcomes),
        "peak_rss_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> float:
    """This process's RSS high-water mark (VmHWM); NaN where /proc is missing.

    Not `ru_maxrss`: Linux keeps it across execve, so a child started from a big parent reports the
    parent's peak.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> None:
    """Parse options, run (optionally under pyinstrument), print the JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench._swarm")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--keys", required=True, help="JSON object: provider id -> API key")
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--scale", type=float, default=100.0)
    parser.add_argument("--profile", action="store_true", help="add a pyinstrument summary to the output")
    args = parser.parse_args(argv)
    keys = json.loads(args.keys)
    if not args.profile:
        print(json.dumps(asyncio.run(swarm(args.base_url, keys, args.tasks, args.scale))), flush=True)
        return
    from pyinstrument import Profiler

    from bench._profile import summary

    profiler = Profiler(interval=0.001, async_mode="disabled")
    result = asyncio.run(swarm(args.base_url, keys, args.tasks, args.scale, profiler))
    assert profiler.last_session is not None
    title = f"Profile of (3), {args.tasks} tasks through AsyncVideoClient (epoll.poll = idle)"
    result["profile"] = summary(profiler.last_session, title)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
