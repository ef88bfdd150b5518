"""Commands on tasks that have not finished: --timeout, download too early, Ctrl-C (exit codes 6 and 130).

The module uses the session's `LONG_RUNNING` sandbox (conftest): its tasks are still running whenever a
test looks, whatever the machine's speed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sora_sandbox import SandboxConfig, SandboxHandle
from sora_unified import VideoClient

from .conftest import LONG_RUNNING, CliResult, error_line, submit_id

Cli = Callable[..., CliResult]


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """Tasks that stay running for the whole module (the variables `sandbox_env` sets follow its clock)."""
    return LONG_RUNNING


@pytest.fixture(scope="module")
def sandbox_server(long_running_sandbox: SandboxHandle) -> SandboxHandle:
    """The session's long-running sandbox, instead of one started for this module."""
    return long_running_sandbox


def test_wait_timeout_exits_6_with_resume_hint(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """Reaching --timeout exits 6 and says how to resume."""
    task_id = submit_id(cli)
    result = cli("wait", task_id, "-p", "rivya", "--timeout", "0.5")
    line = error_line(result)
    assert (6, True) == (result.code, line.endswith(f"resume with: sora-video wait {task_id} --provider rivya"))


def test_download_of_a_running_task_exits_6(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """download before the task finished exits 6 and names the wait command."""
    task_id = submit_id(cli)
    result = cli("download", task_id, str(tmp_path / "x.mp4"), "-p", "rivya")
    assert (6, True) == (result.code, "sora-video wait" in error_line(result))


def test_interrupt_exits_130_with_resume_hint(
    sandbox_env: SandboxHandle, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while waiting exits 130 and says how to resume the task that keeps running."""
    task_id = submit_id(cli)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(VideoClient, "wait", interrupted)
    result = cli("wait", task_id, "-p", "rivya")
    expected = f"sora-video: error: interrupted; resume with: sora-video wait {task_id} --provider rivya"
    assert (130, expected) == (result.code, error_line(result))
