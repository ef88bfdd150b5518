"""What `sora-video` shows: the exit-code table in --help and the docs, no API key anywhere, the progress bar."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console

import sora_cli.__main__
from sora_cli import EXIT_CODES
from sora_cli._progress import display
from sora_sandbox import EndpointKind, FaultKind, SandboxHandle, ScriptedFault
from sora_unified import TaskStatus, VideoTask

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


def test_quiet_display_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """With --json the wait display is silent (stdout holds only the JSON object)."""
    with display("rivya:t1", quiet=True) as shown:
        shown.update(_task(TaskStatus.QUEUED, None))
    assert ("", "") == tuple(capsys.readouterr())
