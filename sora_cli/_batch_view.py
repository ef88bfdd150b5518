"""What `sora-video batch` shows: a live view on a terminal, plain lines otherwise, and the final summary.

On a terminal (stderr): an overall bar (jobs finished of all), the count per state and one row per provider,
refreshed by rich between events. Elsewhere: one line per state change on stderr (`job-1 rivya:task_x
waiting running`). Nothing with --json. The summary table and the dry run go to stdout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType

from rich.console import Console, Group
from rich.live import Live
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sora_cli._output import warn
from sora_unified.batch import BatchEvent, BatchJob, BatchReport, JobState, ProviderCost
from sora_unified.batch._runner import STARTING

_STATES = tuple(JobState)


class BatchView(AbstractContextManager["BatchView"]):
    """Receives every `BatchEvent` of a run (`update`, the runner's `on_event`)."""

    def __init__(self, total: int, providers: Sequence[str], *, quiet: bool, console: Console | None = None) -> None:
        self._quiet = quiet
        self._console = console or Console(stderr=True, highlight=False)
        self._state: dict[str, tuple[str, JobState]] = {}
        self._providers = list(providers)
        self._live: Live | None = None
        self._progress = Progress(
            TextColumn("batch"),
            BarColumn(bar_width=30),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}", markup=False),
            TimeElapsedColumn(),
            console=self._console,
        )
        self._bar = self._progress.add_task("batch", total=total, counts="")

    def __enter__(self) -> BatchView:
        if not self._quiet and self._console.is_terminal:
            self._live = Live(self._render(), console=self._console, refresh_per_second=4, transient=False)
            self._live.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._live is not None:
            self._live.update(self._render())
            self._live.__exit__(exc_type, exc, tb)

    def _render(self) -> Group:
        counts = Counter(state for _, state in self._state.values())
        done = sum(n for state, n in counts.items() if state.is_final)
        shown = ", ".join(f"{state.value} {counts[state]}" for state in _STATES if counts[state])
        self._progress.update(self._bar, completed=done, counts=shown)
        table = Table(box=None, pad_edge=False)
        table.add_column("provider")
        for state in _STATES:
            table.add_column(state.value, justify="right")
        for provider in self._providers:
            mine = Counter(state for p, state in self._state.values() if p == provider)
            table.add_row(provider, *(str(mine[state]) for state in _STATES))
        return Group(self._progress, table)

    def update(self, event: BatchEvent) -> None:
        """Show one state change."""
        self._state[event.job_id] = (event.provider, event.state)
        if self._quiet:
            return
        if self._live is not None:
            self._live.update(self._render())
        elif event.detail != STARTING:
            parts = [event.job_id, event.ref or event.provider, event.state.value]
            warn(" ".join([*parts, event.detail] if event.detail else parts))


@contextmanager
def _stdout() -> Iterator[Console]:
    yield Console(highlight=False, markup=False)


def print_dry_run(jobs: Sequence[BatchJob], costs: Sequence[ProviderCost]) -> None:
    """Every job as it would be sent, then the cost per provider."""
    with _stdout() as console:
        table = Table(title=f"{len(jobs)} job(s) would be sent (dry run: nothing sent)", title_justify="left")
        for name in ("line", "id", "provider", "request"):
            table.add_column(name)
        for job in jobs:
            fields = " ".join(f"{k}={v!r}" for k, v in job.request_json().items())
            table.add_row(str(job.line), job.id, job.provider, fields)
        console.print(table)
        cost = Table(title="cost before paying", title_justify="left")
        for name in ("provider", "jobs", "video seconds", "credits"):
            cost.add_column(name, justify="right" if name != "provider" else "left")
        for row in costs:
            seconds = str(row.seconds) + (
                f" + {row.default_duration_jobs} at the provider's default" if row.default_duration_jobs else ""
            )
            cost.add_row(row.provider, str(row.jobs), seconds, "-" if row.credits is None else str(row.credits))
        console.print(cost)


def print_summary(report: BatchReport) -> None:
    """Counts per provider and state, then the jobs that need attention (not succeeded)."""
    with _stdout() as console:
        total = report.counts
        shown = [state for state in _STATES if total[state.value]]  # only the states some job is in: fits 80 columns
        table = Table(title="batch summary", title_justify="left")
        table.add_column("provider")
        for state in shown:
            table.add_column(state.value, justify="right")
        for provider, counts in sorted(report.by_provider().items()):
            table.add_row(provider, *(str(counts[state.value]) for state in shown))
        table.add_row("all", *(str(total[state.value]) for state in shown))
        console.print(table)
        for entry in report.entries:
            if entry.state is JobState.SUCCEEDED:
                continue
            error = entry.error or entry.reconcile or {}
            message = error.get("message") if isinstance(error, dict) else None
            console.print(f"{entry.job_id} (line {entry.line}) {entry.state.value} {entry.ref or ''} {message or ''}")
