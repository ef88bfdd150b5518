"""`python -m sora_sandbox` (`make sandbox`): serve every provider spec on 127.0.0.1 until Ctrl-C.

Stdout gets only what a shell or a program reads: `export RIVYA_BASE_URL=... RIVYA_API_KEY=...` lines for every
provider (or one JSON object with --json), so `python -m sora_sandbox > sandbox.env &` then `. ./sandbox.env`
points the CLI and any app at it; `sora-video sandbox --print-env` prints the same lines for a sandbox that is
already running. Human messages go to stderr.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from sora_sandbox._config import DEFAULT_SPECS_DIR, FaultConfig, SandboxConfig
from sora_sandbox._exports import render

DEFAULT_PORT = 8765


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m sora_sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--specs", type=Path, default=DEFAULT_SPECS_DIR, help="directory of the provider specs")
    parser.add_argument("--time-scale", type=float, default=1.0, help="simulated seconds per real second")
    parser.add_argument("--queued-s", type=float, default=2.0, help="simulated seconds a task stays queued")
    parser.add_argument("--running-s", type=float, default=8.0, help="simulated seconds a task runs")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="probability of a fault per request")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault RNG")
    parser.add_argument("--after-commit", action="store_true", help="create faults happen after the task exists")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of export lines")
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> SandboxConfig:
    """The sandbox configuration the options describe."""
    return SandboxConfig(
        specs_dir=args.specs,
        time_scale=args.time_scale,
        queued_s=args.queued_s,
        running_s=args.running_s,
        faults=FaultConfig(rate=args.fault_rate, seed=args.seed, after_commit=args.after_commit),
    )


def serve(config: SandboxConfig, port: int, as_json: bool, log_level: str = "info") -> None:
    """Start the sandbox, print where it is (stdout) and how to use it (stderr), serve until Ctrl-C."""
    from sora_sandbox.server import run_sandbox  # the [sandbox] extra

    with run_sandbox(config, port=port, log_level=log_level) as sandbox:
        print(render(sandbox.base_url, sandbox.keys, config.time_scale, as_json), flush=True)
        print(
            f"sandbox serving {', '.join(sandbox.providers)} on {sandbox.base_url} "
            f"(control API: {sandbox.base_url}/_sandbox/). In another shell: "
            f'eval "$(sora-video sandbox --print-env --port {sandbox.port})". Ctrl-C to stop.',
            file=sys.stderr,
            flush=True,
        )
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopping", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    """Serve until interrupted; a provider the sandbox cannot serve stops it with exit status 2."""
    from sora_sandbox._sandbox_data import SandboxDataError

    args = parse_args(argv)
    try:
        serve(config_from(args), args.port, args.json)
    except SandboxDataError as exc:
        sys.exit(f"python -m sora_sandbox: {exc}")


if __name__ == "__main__":
    main()
