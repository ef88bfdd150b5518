"""The display of `wait` and `run`: a rich progress bar on a terminal, plain lines otherwise, nothing for --json.

All of it goes to stderr so stdout carries only the result. The bar shows the task, its status,
the provider's progress (indeterminate while the provider reports none) and the elapsed time, which
rich refreshes on its own between the polls; `update` is the `on_update` callback of `VideoClient.wait`.
`download_display` shows the bytes of a download as they arrive: the library has no progress callback, so it
watches the temporary file the download streams into (`.<name>.<random>.part` next to OUT).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)
from rich.table import Column

from sora_cli._output import percent, warn
from sora_unified import VideoTask


class Display(Protocol):
    """Receives every change of a task while waiting."""

    def update(self, task: VideoTask) -> None:
        """Show the task's new state."""


class _Silent:
    def update(self, task: VideoTask) -> None:
        return None


class _Lines:
    """One line per change on stderr, with the seconds since the wait began."""

    def __init__(self) -> None:
        self._start = time.monotonic()

    def update(self, task: VideoTask) -> None:
        elapsed = time.monotonic() - self._start
        warn(f"{task.ref} {task.status.value} {percent(task.progress)} {elapsed:.0f}s")


class _Bar:
    """A rich progress bar; `total=None` (indeterminate, pulsing) until the provider reports progress."""

    def __init__(self, progress: Progress, label: str) -> None:
        self._progress = progress
        self._id: TaskID = progress.add_task(label, total=None, status="submitted", pct="")

    def update(self, task: VideoTask) -> None:
        if task.progress is not None:
            done = 1.0 if task.status.value == "succeeded" else task.progress
            self._progress.update(self._id, total=1.0, completed=done, status=task.status.value, pct=f"{done:>4.0%}")
        else:
            # No progress from the provider: the spinner and the status word say it is alive, not a fake "0%".
            total = 1.0 if task.is_terminal else None
            pct = "100%" if task.status.value == "succeeded" else ""
            self._progress.update(
                self._id, total=total, completed=1.0 if total else 0, status=task.status.value, pct=pct
            )


@contextmanager
def display(label: str, *, quiet: bool, console: Console | None = None) -> Iterator[Display]:
    """The display for one wait: silent (--json), a bar (stderr is a terminal) or plain lines."""
    if quiet:
        yield _Silent()
        return
    console = console or Console(stderr=True, highlight=False)
    if not console.is_terminal:
        yield _Lines()
        return
    columns = (
        SpinnerColumn(),
        # Long task ids (unifiedvideo's) give way first, so status, bar and elapsed time stay readable.
        TextColumn(
            "{task.description}", markup=False, table_column=Column(max_width=30, no_wrap=True, overflow="ellipsis")
        ),
        TextColumn("{task.fields[status]:<9}", markup=False),
        BarColumn(bar_width=20, table_column=Column(min_width=20)),
        TextColumn("{task.fields[pct]}", table_column=Column(min_width=4)),
        TimeElapsedColumn(table_column=Column(min_width=7, no_wrap=True)),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        yield _Bar(progress, label)


def _part_size(out: Path) -> int:
    size = 0
    for part in out.parent.glob(f".{out.name}.*.part"):
        try:
            size = max(size, part.stat().st_size)
        except OSError:  # renamed into place (or removed) between the listing and the stat
            continue
    return size


@contextmanager
def download_display(out: Path, *, quiet: bool, console: Console | None = None) -> Iterator[None]:
    """Bytes received and speed while the body of this block downloads to `out` (a terminal only)."""
    console = console or Console(stderr=True, highlight=False)
    if quiet or not console.is_terminal:
        yield
        return
    columns = (
        SpinnerColumn(),
        TextColumn(f"downloading {out.name}", markup=False),
        DownloadColumn(),
        TransferSpeedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("download", total=None)
        stop = threading.Event()

        def watch() -> None:
            while not stop.wait(0.1):
                progress.update(task, completed=_part_size(out))

        watcher = threading.Thread(target=watch, name="download-progress", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()
