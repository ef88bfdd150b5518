"""Fixtures for the `sora-video` tests: a sandbox on 127.0.0.1, the environment pointing at it, and `cli(...)`.

`cli` runs `sora_cli.__main__.main` in-process with captured stdout/stderr (not a terminal), which is
what scripts see; tests/cli/test_subprocess.py covers the installed console script in a real process.
Provider ids and their variables come from `VideoClient.providers()`, never from a list here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from sora_cli.__main__ import main
from sora_sandbox import SandboxConfig, SandboxHandle, run_sandbox
from sora_sandbox.pytest_plugin import sandbox, sandbox_clock, sandbox_config, sandbox_server
from sora_unified import VideoClient

__all__ = [
    "clean_env",
    "cli",
    "long_running_sandbox",
    "sandbox",
    "sandbox_clock",
    "sandbox_config",
    "sandbox_env",
    "sandbox_server",
]

PROVIDERS = tuple(sorted(info.id for info in VideoClient.providers()))
TASK_KEYS = {
    "ref",
    "id",
    "provider",
    "model",
    "status",
    "provider_status",
    "progress",
    "video_url",
    "error",
    "created_at",
    "updated_at",
}
# Tasks run for 3000 simulated seconds (30 s of wall time at this clock): still running whenever a test looks,
# whatever the machine's speed.
LONG_RUNNING = SandboxConfig(time_scale=100.0, queued_s=2.0, running_s=3000.0)


@dataclass(frozen=True)
class CliResult:
    """Exit status and captured output of one `sora-video` run."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """The one JSON object printed on stdout."""
        lines = self.out.splitlines()
        assert 1 == len(lines), self.out
        return json.loads(lines[0])


def error_line(result: CliResult) -> str:
    """The error line: exactly one, last on stderr (after any progress lines), and no traceback."""
    errors = [line for line in result.err.splitlines() if line.startswith("sora-video: error: ")]
    assert result.err.splitlines()[-1:] == errors, result.err
    assert "Traceback" not in result.err
    return errors[0]


def submit_task(cli: Callable[..., CliResult], provider: str = "rivya") -> dict[str, Any]:
    """Submit a task through the CLI (`submit --json`, which must succeed silently on stderr); the task JSON."""
    result = cli("submit", "-p", provider, "--prompt", "a red fox", "--json")
    assert (0, "") == (result.code, result.err)
    task: dict[str, Any] = result.json()
    return task


def submit_id(cli: Callable[..., CliResult], provider: str = "rivya") -> str:
    """Submit a task through the CLI; its id."""
    return str(submit_task(cli, provider)["id"])


def provider_env(handle: SandboxHandle, time_scale: float) -> dict[str, str]:
    """Every provider's key and base URL variable pointed at the sandbox, and the sandbox's clock speed."""
    env = {"SORA_VIDEO_TIME_SCALE": f"{time_scale:g}"}
    for info in VideoClient.providers():
        env[info.api_key_env] = handle.keys[info.id]
        env[info.base_url_env] = handle.base_url
    return env


@pytest.fixture(scope="session")
def long_running_sandbox() -> Iterator[SandboxHandle]:
    """One `LONG_RUNNING` sandbox for the session (test_unfinished and test_subprocess share it)."""
    with run_sandbox(LONG_RUNNING) as handle:
        yield handle


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No provider key, base URL, SORA_PROVIDER or time scale from the developer's shell."""
    for info in VideoClient.providers():
        monkeypatch.delenv(info.api_key_env, raising=False)
        monkeypatch.delenv(info.base_url_env, raising=False)
    for name in ("SORA_PROVIDER", "SORA_VIDEO_TIME_SCALE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def sandbox_env(
    sandbox: SandboxHandle, sandbox_config: SandboxConfig, clean_env: pytest.MonkeyPatch
) -> Iterator[SandboxHandle]:
    """The sandbox, with every provider's variables pointing at it (as a user would export them)."""
    for name, value in provider_env(sandbox, sandbox_config.time_scale).items():
        clean_env.setenv(name, value)
    yield sandbox


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `sora-video ARGS...` in-process; its exit status and output."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code=code, out=captured.out, err=captured.err)

    return run
