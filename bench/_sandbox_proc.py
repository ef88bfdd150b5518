"""Run the sandbox in its own process for the concurrency benchmark (`python -m bench._sandbox_proc`).

Prints one JSON line (`base_url`, `keys`) once it listens, then serves until its stdin closes, so the
parent stops it by closing the pipe (or terminating it). Response validation is off: it checks the
sandbox, not the client, and would make the server the bottleneck of a client benchmark.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from generator._paths import REPO_ROOT


@dataclass(frozen=True)
class SandboxProcess:
    """Where the sandbox child listens and its test keys."""

    base_url: str
    keys: dict[str, str]
    pid: int


@contextmanager
def sandbox_process(*, time_scale: float, queued_s: float, running_s: float) -> Iterator[SandboxProcess]:
    """Start the sandbox child; yield where it listens; stop it on exit."""
    args = ["--time-scale", str(time_scale), "--queued-s", str(queued_s), "--running-s", str(running_s)]
    command = [sys.executable, "-m", "bench._sandbox_proc", *args]
    with subprocess.Popen(command, cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("the sandbox process did not start")
            info = json.loads(line)
            yield SandboxProcess(base_url=info["base_url"], keys=dict(info["keys"]), pid=proc.pid)
        finally:
            proc.stdin.close()  # the child serves until its stdin closes
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.terminate()


def main(argv: list[str] | None = None) -> None:
    """Serve until stdin closes."""
    from sora_sandbox import SandboxConfig, run_sandbox

    parser = argparse.ArgumentParser(prog="python -m bench._sandbox_proc")
    parser.add_argument("--time-scale", type=float, default=100.0)
    parser.add_argument("--queued-s", type=float, default=2.0)
    parser.add_argument("--running-s", type=float, default=8.0)
    args = parser.parse_args(argv)
    config = SandboxConfig(
        time_scale=args.time_scale,
        queued_s=args.queued_s,
        running_s=args.running_s,
        validate_responses=False,
        initial_credits=10**12,  # every round creates tasks on the same keys
    )
    with run_sandbox(config) as handle:
        print(json.dumps({"base_url": handle.base_url, "keys": handle.keys}), flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
