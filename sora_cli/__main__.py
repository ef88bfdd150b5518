"""`sora-video` (also `python -m sora_cli`): video tasks from the command line, over sora_unified.

Commands::

    sora-video providers [--json]                    capability table per provider and model
    sora-video submit --prompt TEXT [--seconds N ...] create a task, print its id
    sora-video status TASK                           one status call
    sora-video wait TASK [--timeout S]               poll until finished, with a progress bar
    sora-video download TASK OUT                     save the video of a finished task
    sora-video run --prompt TEXT --out FILE [...]    submit, wait and download in one

Common options: `--provider/-p` (env SORA_PROVIDER), `--api-key` (else the provider's variable, e.g.
RIVYA_API_KEY; never printed), `--base-url` (else e.g. RIVYA_BASE_URL), `--json` (one JSON object on
stdout, errors included), `--timeout`, `--debug` (traceback), `--time-scale` (env SORA_VIDEO_TIME_SCALE:
for a sandbox on a fast clock, `python -m sora_sandbox --time-scale N`). `run --sandbox` starts the local fake
providers in-process (no key, no network). TASK is an id with --provider, "provider:id", a task JSON
file (`submit --json`), or - for a task JSON on stdin, so another process can resume a submitted task.

Errors are one line on stderr: `sora-video: error: ...`. Exit codes:

    ===  ==========================================================================
      0  success
      1  the task ended failed or canceled (wait, download, run)
      2  usage or validation error: bad option, value a provider/model does not accept, local file
      3  API key missing or rejected, permission denied, or not enough credits
      4  no such task for this provider and key
      5  provider error: rate limited, 5xx, no connection, malformed answer, download failed
      6  not finished: --timeout reached, or download of a running task (resume with `wait`)
      7  submit sent but its outcome is unknown; not resent (check before resubmitting)
     70  internal error (a bug): rerun with --debug and report it
    130  interrupted (Ctrl-C); a submitted task keeps running (resume with `wait`)
    ===  ==========================================================================

The table is `sora_cli._exit.EXIT_CODES` (also the `--help` epilog); a test keeps the two equal.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from sora_cli._app import app
from sora_cli._exit import ExitCode, describe


def main(argv: Sequence[str] | None = None) -> int:
    """Run `sora-video` with `argv` (default: sys.argv[1:]); the exit status.

    Click's usage errors are reported in the same one-line form as every other error.
    """
    args = list(sys.argv[1:] if argv is None else argv) or ["--help"]
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
