"""Benchmark 3: 1,000 tasks submitted and waited for at once through `AsyncVideoClient`, against the sandbox.

The sandbox runs in its own process (`bench._sandbox_proc`) on a fast clock (`SCALE` simulated seconds
per real second, default 100: a 10 s task lasts 0.1 s); the client runs in a fresh process
(`bench._swarm`) using the same factor for its clock and sleep, so the default wait policy keeps its
shape. This process samples the client's RSS with psutil while it runs; the client reports its own
RSS high-water mark (VmHWM) as well. Tasks are spread round-robin over every provider the sandbox serves.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import httpx
import psutil  # type: ignore[import-untyped]  # no stubs in the lock; only Process.memory_info is used

from bench._report import Section
from bench._sandbox_proc import SandboxProcess, sandbox_process
from generator._paths import REPO_ROOT

SCALE = 100.0
SAMPLE_EVERY_S = 0.01


def run_client(sandbox: SandboxProcess, tasks: int, *, profile: bool = False) -> tuple[dict[str, object], float]:
    """One client process: its JSON result and the peak RSS (MB) sampled by psutil."""
    args = ["--base-url", sandbox.base_url, "--keys", json.dumps(sandbox.keys), "--tasks", str(tasks)]
    args += ["--scale", str(SCALE), *(["--profile"] if profile else [])]
    peak = 0
    with subprocess.Popen(
        [sys.executable, "-m", "bench._swarm", *args], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
    ) as proc:
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                peak = max(peak, watched.memory_info().rss)
            except psutil.Error:
                break
            time.sleep(SAMPLE_EVERY_S)
        assert proc.stdout is not None
        output = proc.stdout.read()
    if proc.returncode != 0 or not output.strip():
        raise RuntimeError(f"the client process failed (exit {proc.returncode})")
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return result, peak / 2**20


def status_calls(sandbox: SandboxProcess) -> tuple[int, int]:
    """(create calls, status calls) the sandbox has counted so far."""
    counts: dict[str, int] = httpx.get(f"{sandbox.base_url}/_sandbox/stats").json()["requests"]
    creates = sum(n for key, n in counts.items() if "create" in key.lower())
    return creates, sum(counts.values()) - creates


def run(*, tasks: int = 1000, rounds: int = 3, profile: bool = True) -> Section:
    """The concurrency section: wall time, peak RSS, errors; optionally a profile of one more run."""
    section = Section("concurrency", f"{tasks} concurrent tasks through AsyncVideoClient, sandbox at {SCALE:g}x")
    walls: list[float] = []
    peaks: list[float] = []
    hwm: list[float] = []
    errors: list[int] = []
    seen: dict[str, int] = {}
    with sandbox_process(time_scale=SCALE, queued_s=2.0, running_s=8.0) as sandbox:
        for _ in range(rounds):
            result, peak = run_client(sandbox, tasks)
            walls.append(float(str(result["wall_s"])))
            peaks.append(peak)
            hwm.append(float(str(result["peak_rss_mb"])))
            by_type = result["errors"]
            assert isinstance(by_type, dict)
            errors.append(sum(by_type.values()))
            for name, count in by_type.items():
                seen[name] = seen.get(name, 0) + count
        creates, statuses = status_calls(sandbox)
        if profile:
            profiled, _ = run_client(sandbox, tasks, profile=True)
            lines = profiled.get("profile")
            section.notes += [str(line) for line in lines] if isinstance(lines, list) else ["(no profile)"]
    section.figure("wall time", "s", walls)
    section.figure("tasks per second", "tasks/s", [tasks / w for w in walls])
    section.figure("peak RSS (VmHWM)", "MB", hwm)
    section.check("errors", "errors", errors, "==", 0, stat="max")
    section.check("peak RSS (psutil)", "MB", peaks, "<", 150, stat="max")
    section.notes[:0] = [
        f"{rounds} rounds, each a fresh client process; tasks round-robin over the sandbox's providers; "
        f"status calls per task on the fast clock: {statuses / max(creates, 1):.2f}; "
        f"errors by type: {seen or 'none'}.",
        "",
    ]
    return section
