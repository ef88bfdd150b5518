"""The `sora-video` commands: providers, submit, status, wait, download, run.

Each command body runs inside `_reporting`, which turns any exception into one line on stderr (plus
`{"error": ...}` on stdout with --json, plus the traceback with --debug) and the documented exit code.
The commands themselves only call `VideoClient` and print.
"""

from __future__ import annotations

import shlex
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import typer

from sora_cli import _options as o
from sora_cli import _sandbox_cmd
from sora_cli._exit import CliError, ExitCode, epilog, exit_code_for, redact
from sora_cli._output import (
    emit_json,
    print_providers,
    providers_json,
    report_error,
    resume_command,
    say,
    task_json,
    task_line,
    warn,
)
from sora_cli._progress import display
from sora_cli._session import Options, Session, env_secrets, open_session, resolve_task
from sora_unified import TaskFailedError, TaskRef, TaskStatus, VideoClient, VideoRequest, VideoTask

app = typer.Typer(
    name="sora-video",
    help="Generate videos with Sora 2 Pro resellers through one command line (over sora_unified).",
    epilog=epilog(),
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


SUBMIT_INTERRUPTED = "the submit may have created a task: look for it before submitting again"


@dataclass
class _Report:
    """How to report a failure of the running command."""

    as_json: bool
    debug: bool
    secrets: tuple[str, ...]
    hint: str | None = None  # what to do after a timeout or Ctrl-C at this point


@contextmanager
def _reporting(as_json: bool, debug: bool, api_key: str | None = None) -> Iterator[_Report]:
    report = _Report(as_json=as_json, debug=debug, secrets=env_secrets() + ((api_key,) if api_key else ()))
    try:
        yield report
    except typer.Exit:
        raise
    except (Exception, KeyboardInterrupt) as exc:
        code = exit_code_for(exc)
        if debug:
            warn(redact(traceback.format_exc().rstrip(), report.secrets))
        report_error(exc, code, as_json=as_json, hint=report.hint, secrets=report.secrets)
        raise typer.Exit(int(code)) from None


def _explicit(ctx: typer.Context, name: str) -> bool:
    # By name: typer vendors click, so its ParameterSource is not click's.
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def _check_out(out: Path) -> None:
    # Checked before submitting, so a typo in OUT does not cost a paid task.
    if out.is_dir():
        raise CliError(f"invalid OUT: {str(out)!r} is a directory; give a file name such as video.mp4")
    if not out.resolve().parent.is_dir():
        raise CliError(f"invalid OUT: directory {str(out.resolve().parent)!r} does not exist")


def _download(session: Session, task: VideoTask, out: Path, report: _Report) -> tuple[VideoTask, Path]:
    if task.status in (TaskStatus.FAILED, TaskStatus.CANCELED):
        raise TaskFailedError(task)
    if task.status is not TaskStatus.SUCCEEDED:
        wait = resume_command("wait", session.provider, task.id)
        raise CliError(f"task {task.ref} is {task.status.value}, not finished: wait first ({wait})", ExitCode.TIMEOUT)
    if not session.ephemeral:
        report.hint = f"resume with: {resume_command('download', session.provider, task.id)} {shlex.quote(str(out))}"
    return task, session.client.download(task, out)


def _print_task(task: VideoTask, as_json: bool) -> None:
    if as_json:
        emit_json(task_json(task))
    else:
        say(task_line(task))


def _print_saved(task: VideoTask, path: Path, as_json: bool) -> None:
    size = path.stat().st_size
    if as_json:
        emit_json({**task_json(task), "path": str(path), "bytes": size})
    else:
        say(f"saved {path} ({size} bytes) from {task.ref}")


def _wait(session: Session, ref: TaskRef | VideoTask, timeout: float, report: _Report) -> VideoTask:
    ident = ref.id
    if not session.ephemeral:
        report.hint = f"resume with: {resume_command('wait', session.provider, ident)}"
    with display(str(ref.ref if isinstance(ref, VideoTask) else ref), quiet=report.as_json) as shown:
        target: str | VideoTask = ref if isinstance(ref, VideoTask) else ident
        return session.client.wait(target, timeout=timeout, on_update=shown.update)


@app.command(epilog=epilog())
def providers(as_json: o.JsonOpt = False, debug: o.DebugOpt = False) -> None:
    """Capability table per provider and model: durations, orientations, quality, reference images, prompt length."""
    with _reporting(as_json, debug):
        infos = VideoClient.providers()
        if as_json:
            emit_json(providers_json(infos))
        else:
            print_providers(infos)


@app.command(epilog=epilog())
def submit(
    prompt: o.PromptOpt,
    seconds: o.SecondsOpt = None,
    orientation: o.OrientationOpt = None,
    quality: o.QualityOpt = None,
    reference_image: o.ReferenceOpt = None,
    watermark: o.WatermarkOpt = None,
    model: o.ModelOpt = None,
    idempotency_key: o.IdempotencyOpt = None,
    provider: o.ProviderOpt = None,
    api_key: o.ApiKeyOpt = None,
    base_url: o.BaseUrlOpt = None,
    timeout: o.HttpTimeoutOpt = 60.0,
    time_scale: o.TimeScaleOpt = 1.0,
    as_json: o.JsonOpt = False,
    debug: o.DebugOpt = False,
) -> None:
    """Create a task and print its id (resume it with status, wait, download)."""
    request = VideoRequest(
        prompt=prompt,
        seconds=seconds,
        orientation=orientation,
        quality=quality,
        reference_image=reference_image,
        watermark=watermark,
        model=model,
    )
    with (
        _reporting(as_json, debug, api_key) as report,
        open_session(Options(provider, api_key, base_url, timeout, time_scale)) as s,
    ):
        report.hint = SUBMIT_INTERRUPTED
        task = s.client.submit(request, idempotency_key=idempotency_key)
        if as_json:
            emit_json(task_json(task))
        else:
            say(task_line(task))
            say(f"next: {resume_command('wait', s.provider, task.id)}")


@app.command(epilog=epilog())
def status(
    ctx: typer.Context,
    task: o.TaskArg,
    provider: o.ProviderOpt = None,
    api_key: o.ApiKeyOpt = None,
    base_url: o.BaseUrlOpt = None,
    timeout: o.HttpTimeoutOpt = 60.0,
    time_scale: o.TimeScaleOpt = 1.0,
    as_json: o.JsonOpt = False,
    debug: o.DebugOpt = False,
) -> None:
    """Print a task's status once (exit 0 whatever the task's state)."""
    with _reporting(as_json, debug, api_key):
        ref = resolve_task(task, provider, explicit=_explicit(ctx, "provider"))
        with open_session(Options(ref.provider, api_key, base_url, timeout, time_scale)) as session:
            current = session.client.get(ref.id)
        _print_task(current, as_json)


@app.command(epilog=epilog())
def wait(
    ctx: typer.Context,
    task: o.TaskArg,
    provider: o.ProviderOpt = None,
    api_key: o.ApiKeyOpt = None,
    base_url: o.BaseUrlOpt = None,
    timeout: o.WaitTimeoutOpt = 1800.0,
    time_scale: o.TimeScaleOpt = 1.0,
    as_json: o.JsonOpt = False,
    debug: o.DebugOpt = False,
) -> None:
    """Poll a task until it finishes, with a progress bar (plain lines when stderr is not a terminal)."""
    with _reporting(as_json, debug, api_key) as report:
        ref = resolve_task(task, provider, explicit=_explicit(ctx, "provider"))
        with open_session(Options(ref.provider, api_key, base_url, time_scale=time_scale)) as session:
            final = _wait(session, ref, timeout, report)
        _print_task(final, as_json)


@app.command(epilog=epilog())
def download(
    ctx: typer.Context,
    task: o.TaskArg,
    out: o.OutArg,
    provider: o.ProviderOpt = None,
    api_key: o.ApiKeyOpt = None,
    base_url: o.BaseUrlOpt = None,
    timeout: o.HttpTimeoutOpt = 60.0,
    time_scale: o.TimeScaleOpt = 1.0,
    as_json: o.JsonOpt = False,
    debug: o.DebugOpt = False,
) -> None:
    """Save the video of a finished task to OUT (atomically: OUT is the whole video or untouched)."""
    with _reporting(as_json, debug, api_key) as report:
        _check_out(out)
        ref = resolve_task(task, provider, explicit=_explicit(ctx, "provider"))
        with open_session(Options(ref.provider, api_key, base_url, timeout, time_scale)) as session:
            current, path = _download(session, session.client.get(ref.id), out, report)
        _print_saved(current, path, as_json)


@app.command(epilog=epilog())
def run(
    prompt: o.PromptOpt,
    out: o.OutOpt,
    seconds: o.SecondsOpt = None,
    orientation: o.OrientationOpt = None,
    quality: o.QualityOpt = None,
    reference_image: o.ReferenceOpt = None,
    watermark: o.WatermarkOpt = None,
    model: o.ModelOpt = None,
    idempotency_key: o.IdempotencyOpt = None,
    provider: o.ProviderOpt = None,
    api_key: o.ApiKeyOpt = None,
    base_url: o.BaseUrlOpt = None,
    timeout: o.WaitTimeoutOpt = 1800.0,
    time_scale: o.TimeScaleOpt = 1.0,
    sandbox: o.SandboxOpt = False,
    as_json: o.JsonOpt = False,
    debug: o.DebugOpt = False,
) -> None:
    """Submit, wait and download in one (--sandbox: against local fake providers, no key, no network)."""
    request = VideoRequest(
        prompt=prompt,
        seconds=seconds,
        orientation=orientation,
        quality=quality,
        reference_image=reference_image,
        watermark=watermark,
        model=model,
    )
    options = Options(provider, api_key, base_url, time_scale=time_scale, sandbox=sandbox)
    with _reporting(as_json, debug, api_key) as report:
        _check_out(out)
        with open_session(options) as session:
            report.secrets += session.secrets
            report.hint = SUBMIT_INTERRUPTED
            task = session.client.submit(request, idempotency_key=idempotency_key)
            if not as_json:
                warn(f"submitted {task.ref}")
            final = _wait(session, task, timeout, report)
            current, path = _download(session, final, out, report)
        _print_saved(current, path, as_json)


app.command(name="sandbox", epilog=epilog())(_sandbox_cmd.sandbox)
