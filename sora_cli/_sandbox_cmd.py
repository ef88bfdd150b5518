"""`sora-video sandbox`: serve the local fake providers, or print where a running one is, as shell exports.

`sora-video sandbox` serves every provider on 127.0.0.1 (as `make sandbox` does) and prints, on stdout only,
`export RIVYA_BASE_URL=... RIVYA_API_KEY=...` lines for every provider plus `SORA_VIDEO_TIME_SCALE`;
`sora-video sandbox --print-env` asks a sandbox already running on `--port` for the same lines and exits, so
`eval "$(sora-video sandbox --print-env)"` points this CLI and any app built on `sora_unified` at it. `--json`
prints one JSON object instead. The sandbox (the `[sandbox]` extra) is imported only when serving.
"""

from __future__ import annotations

from typing import Annotated

import typer

from sora_cli._exit import CliError, ExitCode
from sora_cli._output import report_error, say

PortOpt = Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (serving: 0 picks a free one).", min=0)]
PrintEnvOpt = Annotated[
    bool, typer.Option("--print-env", help="Do not serve: print the exports of the sandbox running on --port.")
]
ScaleOpt = Annotated[float, typer.Option("--time-scale", help="Serving: simulated seconds per real second.", min=0.001)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of export lines.")]


def sandbox(
    port: PortOpt = 8765, print_env: PrintEnvOpt = False, time_scale: ScaleOpt = 1.0, as_json: JsonOpt = False
) -> None:
    """Serve the sandbox providers on 127.0.0.1 and print `export ...` lines for them (--print-env: only print)."""
    try:
        if print_env:
            say(_running_env(port, as_json))
            return
        _serve(port, time_scale, as_json)
    except CliError as exc:
        report_error(exc, exc.code, as_json=False, hint=None, secrets=())
        raise typer.Exit(int(exc.code)) from None


def _running_env(port: int, as_json: bool) -> str:
    from sora_sandbox._exports import read_running, render  # standard library and sora_unified only

    base_url = f"http://127.0.0.1:{port}"
    try:
        keys, time_scale = read_running(base_url)
    except OSError as exc:
        raise CliError(f"no sandbox answers on {base_url} ({exc}): start one with `sora-video sandbox`") from exc
    return render(base_url, keys, time_scale, as_json)


def _serve(port: int, time_scale: float, as_json: bool) -> None:
    try:
        from sora_sandbox.__main__ import serve
        from sora_sandbox._config import SandboxConfig
        from sora_sandbox._sandbox_data import SandboxDataError
    except ImportError as exc:
        hint = "pip install 'sora-video-toolkit[sandbox]'"
        raise CliError(f"serving the sandbox needs its dependencies: {hint} ({exc})") from exc
    try:
        serve(SandboxConfig(time_scale=time_scale), port, as_json, log_level="warning")
    except OSError as exc:  # the port is taken
        raise CliError(f"cannot serve on 127.0.0.1:{port}: {exc}", ExitCode.USAGE) from exc
    except SandboxDataError as exc:  # a provider whose mapping lacks what the sandbox needs
        raise CliError(str(exc), ExitCode.USAGE) from exc
