"""`sora-video batch JOBS --out DIR`: many videos from one file, crash-safe and resumable (over sora_unified.batch).

The whole JOBS file is checked first (every bad line listed; nothing is sent unless all are valid, or
--skip-invalid); `--dry-run` prints what would be sent and what it would cost. Keys and base URLs come from
each provider's variables (RIVYA_API_KEY, ...), checked for every provider the file uses before anything is
sent. The journal (DIR/journal.sqlite) makes a rerun of the same command resume: finished jobs are skipped,
tasks in flight are polled again, nothing is submitted twice. Ctrl-C and SIGTERM stop cleanly and print the
command that resumes. The display is `_batch_view`'s.

Exit status: 0 every job succeeded; 1 some job's task failed; 2 the JOBS file is invalid (nothing sent);
3 a key is missing; 6 some jobs are not finished (rerun to resume); 7 some submits have an unknown outcome
(see the journal; rerun with --resubmit-unknown once checked); 130 interrupted. The highest-priority
condition wins: 130, 7, 6, 1.
"""

from __future__ import annotations

import asyncio
import re
import shlex
import signal
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sora_cli import _options as o
from sora_cli._exit import CliError, ExitCode
from sora_cli._output import emit_json, warn
from sora_cli._session import ClientTime, check_provider_env, choose_provider, env_time_scale

if TYPE_CHECKING:
    from sora_unified import AsyncVideoClient
    from sora_unified.batch import BatchReport, BatchRunner

# `sora_unified.batch.DEFAULT_NAME` (a test holds them equal): written out so that registering this command, which
# every `sora-video` invocation does, imports neither the batch package nor the async client and sqlite3.
DEFAULT_JOURNAL = "journal.sqlite"

JobsArg = Annotated[
    Path,
    typer.Argument(
        metavar="JOBS",
        help="JSON Lines (or .csv) file: one video per line, VideoRequest fields plus optional provider and id.",
        show_default=False,
    ),
]
OutDirOpt = Annotated[Path, typer.Option("--out", "-o", help="Directory of the videos (<id>.mp4) and the journal.")]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", help="Jobs in flight per provider.", min=1, max=100)]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print what would be sent and its cost; send nothing.")]
SkipInvalidOpt = Annotated[bool, typer.Option("--skip-invalid", help="Run the valid lines even if others are bad.")]
ResubmitOpt = Annotated[
    bool,
    typer.Option("--resubmit-unknown", help="Resend jobs whose submit outcome is unknown (check for a task first)."),
]
JournalOpt = Annotated[
    Path | None,
    typer.Option("--journal", help=f"The journal file (default: DIR/{DEFAULT_JOURNAL}).", show_default=False),
]
TaskTimeoutOpt = Annotated[
    float, typer.Option("--wait-timeout", help="Seconds to wait for each task (left to resume after).", min=0.0)
]

_PRICE = re.compile(r"model_id:\s*(\S+)(?:(?!model_id:).)*?base_credits:\s*(\d+)", re.DOTALL)


def _spec_credits() -> dict[str, int]:
    """Credits per task, "provider/model" -> n, from the spec files' model cards where they can be found.

    The rendered provider data carries no prices (a gap of the library), so the dry run reads the specs a
    checkout has (specs/) or the sandbox package ships (_specs_data/), without importing either package.
    """
    places = [Path(__file__).resolve().parents[1] / "specs"]
    found = find_spec("sora_sandbox")
    if found is not None and found.submodule_search_locations:
        places += [Path(p) / "_specs_data" for p in found.submodule_search_locations]
    prices: dict[str, int] = {}
    for place in places:
        for spec in sorted(place.glob("*.yaml")) if place.is_dir() else ():
            for model, credits in _PRICE.findall(spec.read_text(encoding="utf-8")):
                prices.setdefault(f"{spec.stem}/{model}", int(credits))
    return prices


def resume_command(jobs: Path, out: Path, provider: str | None, concurrency: int, journal: Path | None) -> str:
    """The command that picks the batch up again."""
    args = ["sora-video", "batch", str(jobs), "--out", str(out)]
    if provider:
        args += ["--provider", provider]
    if concurrency != 4:
        args += ["--concurrency", str(concurrency)]
    if journal is not None:
        args += ["--journal", str(journal)]
    return shlex.join(args)


def exit_code(report: BatchReport) -> ExitCode:
    """The batch's exit status (see the module docstring)."""
    from sora_unified.batch import JobState

    states = {entry.state for entry in report.entries}
    if report.interrupted:
        return ExitCode.INTERRUPTED
    if JobState.UNKNOWN in states:
        return ExitCode.SUBMIT_UNKNOWN
    if states - {JobState.SUCCEEDED, JobState.FAILED}:
        return ExitCode.TIMEOUT
    if JobState.FAILED in states:
        return ExitCode.TASK_FAILED
    return ExitCode.OK


async def _run_cancellable(runner: BatchRunner) -> BatchReport:
    # SIGINT and SIGTERM cancel the run; the runner lets submits on the wire answer, then stops.
    loop = asyncio.get_running_loop()
    current = asyncio.current_task()
    assert current is not None
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, current.cancel)
    try:
        return await runner.run()
    except asyncio.CancelledError:
        return runner.report(interrupted=True)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def batch(
    jobs: JobsArg,
    out: OutDirOpt,
    provider: Annotated[
        str | None,
        typer.Option("--provider", "-p", envvar="SORA_PROVIDER", help="Provider of the lines that name none."),
    ] = None,
    concurrency: ConcurrencyOpt = 4,
    dry_run: DryRunOpt = False,
    skip_invalid: SkipInvalidOpt = False,
    resubmit_unknown: ResubmitOpt = False,
    journal_path: JournalOpt = None,
    timeout: o.HttpTimeoutOpt = 60.0,
    wait_timeout: TaskTimeoutOpt = 3600.0,
    as_json: o.JsonOpt = False,
    debug: o.DebugOpt = False,
) -> None:
    """Generate every video of JOBS into DIR, resumably: rerun the same command after a crash or Ctrl-C.

    Exit status: 0 every job succeeded; 1 a task failed; 2 JOBS invalid (nothing sent); 3 a key missing; 6 jobs
    left to resume; 7 submit outcomes unknown (see the journal, then --resubmit-unknown); 130 interrupted.
    """
    from sora_cli._app import _reporting  # the one error reporter of every command (no import cycle at load)
    from sora_cli._batch_view import BatchView, print_dry_run, print_summary
    from sora_unified import AsyncVideoClient
    from sora_unified.batch import DEFAULT_NAME, BatchOptions, BatchRunner, Journal, JournalError, estimate, load_jobs

    with _reporting(as_json, debug) as report:
        if provider is not None:
            choose_provider(provider)
        try:
            loaded = load_jobs(jobs, default_provider=provider)
        except OSError as exc:
            raise CliError(f"cannot read JOBS {str(jobs)!r}: {exc.strerror or exc}") from None
        for problem in loaded.problems:
            warn(f"sora-video: {'warning' if skip_invalid else 'error'}: {jobs}: {problem}")
        if loaded.problems and not (skip_invalid and loaded.jobs):
            raise CliError(
                f"{len(loaded.problems)} problem(s) in {jobs}; nothing was sent (fix them, or --skip-invalid)"
            )
        if dry_run:
            costs = estimate(loaded.jobs, _spec_credits())
            if as_json:
                emit_json(
                    {
                        "dry_run": True,
                        "jobs": [
                            {"id": j.id, "line": j.line, "provider": j.provider, **j.request_json()}
                            for j in loaded.jobs
                        ],
                        "cost": [c.to_json() for c in costs],
                        "problems": [str(p) for p in loaded.problems],
                    }
                )
            else:
                print_dry_run(loaded.jobs, costs)
            return
        providers = sorted({job.provider for job in loaded.jobs})
        for name in providers:
            check_provider_env(name)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"invalid --out: cannot create {str(out)!r} ({exc.strerror or exc})") from None
        clock = ClientTime(env_time_scale())

        def client(name: str) -> AsyncVideoClient:
            return AsyncVideoClient(name, timeout=timeout, clock=clock.clock, sleep=clock.async_sleep)

        resume = resume_command(jobs, out, provider, concurrency, journal_path)
        report.hint = f"resume with: {resume}"
        options = BatchOptions(
            out_dir=out, concurrency=concurrency, wait_timeout=wait_timeout, resubmit_unknown=resubmit_unknown
        )
        try:
            journal = Journal(journal_path or out / DEFAULT_NAME)
        except JournalError as exc:
            raise CliError(str(exc)) from None
        with journal, BatchView(len(loaded.jobs), providers, quiet=as_json) as view:
            runner = BatchRunner(
                loaded.jobs, journal, options, client, on_event=view.update, clock=clock.clock, sleep=clock.async_sleep
            )
            try:
                result = asyncio.run(_run_cancellable(runner))
            except JournalError as exc:
                raise CliError(str(exc)) from None
        code = exit_code(result)
        if as_json:
            emit_json({**result.to_json(), "exit_code": int(code), "journal": str(journal.path), "resume": resume})
        else:
            print_summary(result)
        if code is ExitCode.INTERRUPTED:
            warn(f"sora-video: interrupted; resume with: {resume}")
        elif code is not ExitCode.OK:
            warn(f"sora-video: not every job succeeded (journal: {journal.path}); resume with: {resume}")
        raise typer.Exit(int(code))
