"""What `sora-video` shows: the exit-code table in --help and the docs, no API key anywhere, the progress bar."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console

import sora_cli.__main__
from sora_cli import EXIT_CODES
from sora_cli._batch_view import BatchView
from sora_cli._exit import redact
from sora_cli._progress import display, download_display
from sora_sandbox import EndpointKind, FaultKind, SandboxHandle, ScriptedFault
from sora_unified import TaskStatus, VideoTask
from sora_unified.batch import BatchEvent, JobState

from .conftest import CliResult, submit_id

Cli = Callable[..., CliResult]
ROWS = [f"{code.value:>3}  {meaning}" for code, meaning in EXIT_CODES]


def test_help_epilog_lists_every_exit_code(cli: Cli) -> None:
    """`sora-video --help` ends with the whole exit-code table."""
    result = cli("--help")
    assert (0, []) == (result.code, [row for row in ROWS if row not in result.out])


def test_module_docstring_has_the_same_table() -> None:
    """The table in sora_cli.__main__'s docstring is the one the code uses."""
    doc = sora_cli.__main__.__doc__ or ""
    assert [] == [row for row in ROWS if row not in doc]


def _keys(handle: SandboxHandle) -> list[str]:
    return sorted(handle.keys.values())


def test_no_key_in_any_output(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """Every command, with the key given as --api-key and in the environment, under --debug, never prints a key."""
    key = sandbox_env.keys["rivya"]
    common = ("-p", "rivya", "--api-key", key, "--debug")
    task_id = submit_id(cli)
    results = [
        cli("providers", "--debug"),
        cli("submit", "--prompt", "a red fox", *common),
        cli("status", task_id, *common),
        cli("wait", task_id, *common),
        cli("download", task_id, str(tmp_path / "a.mp4"), *common),
        cli("run", "--prompt", "a red fox", "--out", str(tmp_path / "b.mp4"), "--json", *common),
        cli("status", task_id, "-p", "rivya", "--api-key", key + "-wrong", "--debug", "--json"),  # rejected key
    ]
    sandbox_env.script_faults([ScriptedFault(FaultKind.SERVER_ERROR, "rivya", EndpointKind.STATUS, status=500)] * 4)
    results.append(cli("wait", task_id, *common))
    codes = [r.code for r in results]
    leaks = [k for r in results for k in _keys(sandbox_env) if k in r.out + r.err]
    assert ([0, 0, 0, 0, 0, 0, 3, 5], []) == (codes, leaks)


def _task(status: TaskStatus, progress: float | None) -> VideoTask:
    now = datetime.now(UTC)
    return VideoTask(
        id="t1",
        provider="rivya",
        model="sora-2-pro",
        status=status,
        progress=progress,
        video_url=None,
        error=None,
        created_at=now,
        updated_at=now,
        raw={},
    )


def test_progress_bar_on_a_terminal() -> None:
    """On a terminal, wait shows a bar with the task, its status, the percentage and the elapsed time."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with display("rivya:t1", quiet=False, console=console) as shown:
        shown.update(_task(TaskStatus.RUNNING, 0.5))
    last = [line for line in buffer.getvalue().splitlines() if "rivya:t1" in line][-1]
    assert (True, True, True) == ("running" in last, "50%" in last, "0:00:0" in last)


def test_no_progress_shows_the_status_not_zero_percent() -> None:
    """A provider that reports no progress: the bar shows the status word, never a made-up 0%."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with display("rivya:t1", quiet=False, console=console) as shown:
        shown.update(_task(TaskStatus.RUNNING, None))
    last = [line for line in buffer.getvalue().splitlines() if "rivya:t1" in line][-1]
    assert (True, False) == ("running" in last, "0%" in last)


def test_download_display_shows_the_bytes_received(tmp_path: Path) -> None:
    """On a terminal, the bytes in the download's temporary file are shown while it grows."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    out = tmp_path / "fox.mp4"
    with download_display(out, quiet=False, console=console):
        (tmp_path / ".fox.mp4.x1.part").write_bytes(b"\0" * 2048)
        time.sleep(0.5)
    assert "downloading fox.mp4 2.0/? kB" in buffer.getvalue()


def test_quiet_display_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """With --json the wait display is silent (stdout holds only the JSON object)."""
    with display("rivya:t1", quiet=True) as shown:
        shown.update(_task(TaskStatus.QUEUED, None))
    assert ("", "") == tuple(capsys.readouterr())


def test_a_short_key_does_not_garble_messages() -> None:
    """Only a real key is masked: with --api-key k, the letter k elsewhere in a message stays."""
    assert ("task k1 of rivya", "key *** rejected") == (
        redact("task k1 of rivya", ("k",)),
        redact("key sk-0123456789 rejected", ("sk-0123456789",)),
    )


def test_version_and_short_help(cli: Cli) -> None:
    """--version prints the version; -h is --help."""
    version, short = cli("--version"), cli("-h")
    assert (0, True, 0, True) == (version.code, version.out.startswith("sora-video "), short.code, "batch" in short.out)


def test_batch_view_on_a_terminal_counts_jobs_per_state_and_provider() -> None:
    """The live batch view: the overall bar with finished/total and one row of state counts per provider."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with BatchView(3, ["rivya", "globalaiopc"], quiet=False, console=console) as view:
        view.update(BatchEvent("a", "rivya", JobState.WAITING, "rivya:t1", "queued"))
        view.update(BatchEvent("b", "globalaiopc", JobState.SUCCEEDED, "globalaiopc:t2"))
    last = buffer.getvalue().rsplit("batch ", 1)[-1].splitlines()
    rows = [line.split() for line in last if line.startswith(("rivya", "globalaiopc"))]
    expected = [["rivya", "0", "0", "1", "0", "0", "0", "0"], ["globalaiopc", "0", "0", "0", "0", "1", "0", "0"]]
    assert (True, expected) == ("1/3 waiting 1, succeeded 1" in last[0], rows)
