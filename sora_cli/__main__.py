"""`sora-video` (also `python -m sora_cli`): video tasks from the command line, over sora_unified.

Commands::

    sora-video providers [--json]                    capability table per provider and model
    sora-video submit --prompt TEXT [--seconds N ...] create a task, print its id
    sora-video status TASK                           one status call
    sora-video wait TASK [--wait-timeout S]          poll until finished, with a progress bar
    sora-video download TASK OUT                     save the video of a finished task
    sora-video run --prompt TEXT --out FILE [...]    submit, wait and download in one
    sora-video batch JOBS --out DIR [...]            many videos from a JSON Lines or CSV file, resumable

Common options: `--provider/-p` (env SORA_PROVIDER), `--api-key` (else the provider's variable, e.g.
RIVYA_API_KEY; never printed), `--base-url` (else e.g. RIVYA_BASE_URL), `--json` (JSON on stdout, errors
included), `--timeout` (seconds per HTTP request, everywhere), `--wait-timeout` (the overall deadline of
wait and run), `--debug` (traceback), `-h/--help`, `--version`. `run --sandbox` starts the local fake
providers in-process (no key, no network); SORA_VIDEO_TIME_SCALE speeds the client's clock up for a sandbox
on a fast clock. TASK is an id with --provider, "provider:id", a task JSON file (`submit --json`), or - for
a task JSON on stdin, so another process can resume a submitted task. SIGTERM is handled like Ctrl-C.

Errors are one line on stderr: `sora-video: error: ...`. Exit codes:

    ===  ==========================================================================
      0  success
      1  a task ended failed or canceled (batch: some job failed)
      2  usage, validation or output-path error (names the field and values)
      3  API key missing or rejected, permission denied, not enough credits
      4  no such task for this provider and key
      5  provider error: 429, 5xx, connection, malformed answer, download
      6  not finished: wait deadline, running task, batch jobs left to resume
      7  submit outcome unknown: not resent (check before resubmitting)
     70  internal error (a bug): rerun with --debug and report it
    130  interrupted (Ctrl-C, SIGTERM): prints the command that resumes
    ===  ==========================================================================

The table is `sora_cli._exit.EXIT_CODES` (also the `--help` epilog); a test keeps the two equal.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

import typer

from sora_cli._app import app
from sora_cli._exit import ExitCode, describe


def _terminate(signum: int, frame: FrameType | None) -> None:
    # SIGTERM (a service manager, `kill`, a CI timeout) stops the command like Ctrl-C: downloads clean up their
    # temporary file, and the error line says how to resume the task.
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run `sora-video` with `argv` (default: sys.argv[1:]); the exit status.

    Click's usage errors are reported in the same one-line form as every other error.
    """
    args = list(sys.argv[1:] if argv is None else argv) or ["--help"]
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    try:
        return _main(args)
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _main(args: list[str]) -> int:
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="sora-video", standalone_mode=False)
    except typer.Abort:
        sys.stderr.write("sora-video: error: interrupted\n")
        return int(ExitCode.INTERRUPTED)
    except typer.TyperException as exc:
        ctx = getattr(exc, "ctx", None)
        see = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        sys.stderr.write(f"sora-video: error: {describe(exc)}{see}\n")
        return int(ExitCode.USAGE)
    return result if isinstance(result, int) else int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
