"""`python -m sora_sandbox` (`make sandbox`): serve every provider spec on 127.0.0.1 until Ctrl-C.

Prints the base URL (the same for every provider: paths do not collide) and a test key per provider.
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from sora_sandbox._config import DEFAULT_SPECS_DIR, FaultConfig, SandboxConfig
from sora_sandbox.server import run_sandbox


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m sora_sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--specs", type=Path, default=DEFAULT_SPECS_DIR, help="directory of the provider specs")
    parser.add_argument("--time-scale", type=float, default=1.0, help="simulated seconds per real second")
    parser.add_argument("--queued-s", type=float, default=2.0, help="simulated seconds a task stays queued")
    parser.add_argument("--running-s", type=float, default=8.0, help="simulated seconds a task runs")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="probability of a fault per request")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault RNG")
    parser.add_argument("--after-commit", action="store_true", help="create faults happen after the task exists")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Serve until interrupted."""
    args = parse_args(argv)
    config = SandboxConfig(
        specs_dir=args.specs,
        time_scale=args.time_scale,
        queued_s=args.queued_s,
        running_s=args.running_s,
        faults=FaultConfig(rate=args.fault_rate, seed=args.seed, after_commit=args.after_commit),
    )
    with run_sandbox(config, port=args.port, log_level="info") as sandbox:
        print(f"sandbox listening on {sandbox.base_url} (control API: {sandbox.base_url}/_sandbox/)")
        for provider_id in sandbox.providers:
            print(f"  {provider_id:<14} base URL {sandbox.base_url}  key {sandbox.keys[provider_id]}")
        print("Ctrl-C to stop.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopping")


if __name__ == "__main__":
    main()
