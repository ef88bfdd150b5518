"""Exit codes and one-line errors of `sora-video`, one test per error class, driven by the sandbox's faults."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import sora_unified
from sora_cli import ExitCode
from sora_cli._exit import exit_code_for
from sora_sandbox import EndpointKind, FaultKind, SandboxConfig, SandboxHandle, ScriptedFault, run_sandbox
from sora_unified import SoraUnifiedError, VideoClient

from .conftest import CliResult, error_line, provider_env, submit_id

Cli = Callable[..., CliResult]
ATTEMPTS = 4  # RetryPolicy().max_attempts: enough scripted faults to exhaust the retries

EXPECTED = {
    "TaskFailedError": ExitCode.TASK_FAILED,
    "ValidationError": ExitCode.USAGE,
    "ConfigurationError": ExitCode.USAGE,
    "AuthenticationError": ExitCode.AUTH,
    "PermissionDeniedError": ExitCode.AUTH,
    "InsufficientCreditsError": ExitCode.AUTH,
    "NotFoundError": ExitCode.NOT_FOUND,
    "RateLimitError": ExitCode.PROVIDER,
    "ProviderError": ExitCode.PROVIDER,
    "ProviderConnectionError": ExitCode.PROVIDER,
    "DownloadError": ExitCode.PROVIDER,
    "DownloadDestinationError": ExitCode.USAGE,
    "DownloadTimeoutError": ExitCode.PROVIDER,
    "MalformedResponseError": ExitCode.PROVIDER,
    "WaitTimeoutError": ExitCode.TIMEOUT,
    "SubmitOutcomeUnknownError": ExitCode.SUBMIT_UNKNOWN,
    "SoraUnifiedError": ExitCode.PROVIDER,
}
ERROR_CLASSES = sorted(
    name
    for name in sora_unified.__all__
    if isinstance(getattr(sora_unified, name), type) and issubclass(getattr(sora_unified, name), BaseException)
)


@pytest.mark.parametrize("name", ERROR_CLASSES)
def test_every_public_error_class_has_its_documented_code(name: str) -> None:
    """Each exception class sora_unified exports maps onto the code of the documented table."""
    cls: type[SoraUnifiedError] = getattr(sora_unified, name)
    assert EXPECTED.get(name) == exit_code_for(cls.__new__(cls))


def test_validation_error_names_field_value_and_allowed(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """A duration the model does not offer: exit 2, one line naming the option, the value and the allowed values."""
    result = cli("submit", "-p", "rivya", "--prompt", "a red fox", "--seconds", "12")
    line = error_line(result)
    assert (2, True) == (result.code, all(part in line for part in ("--seconds", "12", "10, 15")))
    assert 0 == sum(sandbox_env.stats()["tasks_created"].values())


def test_validation_error_json(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """With --json the error is one object carrying the field, the allowed values and the exit code."""
    error = cli("submit", "-p", "rivya", "--prompt", "x", "--seconds", "12", "--json").json()["error"]
    wanted = ("ValidationError", 2, "seconds", [10, 15], "rivya")
    assert wanted == (error["type"], error["exit_code"], error["field"], error["allowed"], error["provider"])


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("submit", "-p", "rivya"), id="missing-option"),
        pytest.param(("submit", "-p", "rivya", "--prompt", "x", "--orientation", "square"), id="bad-choice"),
        pytest.param(("submit", "-p", "nope", "--prompt", "x"), id="unknown-provider"),
        pytest.param(("submit", "--prompt", "x"), id="no-provider"),
        pytest.param(("status", "unifiedvideo:t1", "-p", "rivya"), id="provider-conflict"),
        pytest.param(("frobnicate",), id="unknown-command"),
    ],
)
def test_usage_errors_exit_2_in_one_line(sandbox_env: SandboxHandle, cli: Cli, args: tuple[str, ...]) -> None:
    """Bad command lines exit 2 with one error line and nothing on stdout."""
    result = cli(*args)
    error_line(result)
    assert (2, "") == (result.code, result.out)


def test_configuration_error_missing_base_url(
    sandbox_env: SandboxHandle, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """unifiedvideo has no default host: without UNIFIEDVIDEO_BASE_URL the error says which variable to set."""
    monkeypatch.delenv("UNIFIEDVIDEO_BASE_URL")
    result = cli("status", "t1", "-p", "unifiedvideo")
    assert (2, True) == (result.code, "UNIFIEDVIDEO_BASE_URL" in error_line(result))


def test_rejected_key_exits_3(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """A key the provider rejects (401) exits 3."""
    result = cli("status", "t1", "-p", "rivya", "--api-key", "rvya_sk_wrong_key_000000")
    assert (3, True) == (result.code, "rvya_sk_wrong_key_000000" not in result.err + result.out)


def test_missing_key_exits_3(sandbox_env: SandboxHandle, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """No key anywhere exits 3 and names the variable to set."""
    monkeypatch.delenv("RIVYA_API_KEY")
    result = cli("status", "t1", "-p", "rivya")
    assert (3, True) == (result.code, "RIVYA_API_KEY" in error_line(result))


def test_insufficient_credits_exits_3(clean_env: pytest.MonkeyPatch, cli: Cli) -> None:
    """An account without credits exits 3 (retrying will not help)."""
    with run_sandbox(SandboxConfig(time_scale=100.0, initial_credits=0)) as handle:
        for name, value in provider_env(handle, 100.0).items():
            clean_env.setenv(name, value)
        result = cli("submit", "-p", "rivya", "--prompt", "a red fox", "--json")
    assert ("InsufficientCreditsError", 3) == (result.json()["error"]["type"], result.code)


def test_unknown_task_exits_4(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """A task id the provider does not know exits 4."""
    result = cli("status", "task_does_not_exist", "-p", "rivya")
    assert (4, True) == (result.code, "task_does_not_exist" not in result.out)


@pytest.mark.parametrize(
    ("fault", "error_type"),
    [
        pytest.param(
            ScriptedFault(FaultKind.RATE_LIMITED, retry_after="seconds"), "RateLimitError", id="RateLimitError"
        ),
        pytest.param(ScriptedFault(FaultKind.SERVER_ERROR, status=500), "ProviderError", id="ProviderError"),
        pytest.param(ScriptedFault(FaultKind.NON_JSON), "MalformedResponseError", id="MalformedResponseError"),
    ],
)
def test_provider_faults_exit_5(sandbox_env: SandboxHandle, cli: Cli, fault: ScriptedFault, error_type: str) -> None:
    """Rate limits, 5xx and malformed answers that outlast the retries exit 5, naming the error class in JSON."""
    task_id = submit_id(cli)
    scripted = ScriptedFault(fault.kind, "rivya", EndpointKind.STATUS, fault.status, fault.retry_after)
    sandbox_env.script_faults([scripted] * ATTEMPTS)
    result = cli("wait", task_id, "-p", "rivya", "--json")
    assert (5, error_type) == (result.code, result.json()["error"]["type"])


def test_no_connection_exits_5(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """A base URL where nothing listens exits 5 (ProviderConnectionError) naming the host, after the retries."""
    result = cli("wait", "t1", "-p", "rivya", "--base-url", "http://127.0.0.1:9", "--json")
    error = result.json()["error"]
    assert (5, "ProviderConnectionError", True) == (result.code, error["type"], "127.0.0.1:9" in error["message"])


def test_failed_download_exits_5(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """A result file that cannot be fetched exits 5 and leaves nothing at OUT."""
    task_id = submit_id(cli)
    assert 0 == cli("wait", task_id, "-p", "rivya").code
    fault = ScriptedFault(FaultKind.SERVER_ERROR, "rivya", EndpointKind.DOWNLOAD, status=503)
    sandbox_env.script_faults([fault] * (2 * ATTEMPTS))  # twice: the client refreshes the URL once
    out = tmp_path / "fox.mp4"
    result = cli("download", task_id, str(out), "-p", "rivya", "--json")
    assert (5, "DownloadError", False) == (result.code, result.json()["error"]["type"], out.exists())


def test_failed_task_exits_1(
    sandbox_env: SandboxHandle, sandbox_config: SandboxConfig, cli: Cli, tmp_path: Path
) -> None:
    """A task that ends failed exits 1 from run, with the task in the JSON error."""
    prompt = f"a red fox {sandbox_config.fail_marker}"
    result = cli("run", "-p", "rivya", "--prompt", prompt, "--out", str(tmp_path / "x.mp4"), "--json")
    error = result.json()["error"]
    assert (1, "TaskFailedError", "failed") == (result.code, error["type"], error["task"]["status"])


def test_download_of_a_failed_task_exits_1(sandbox_env: SandboxHandle, sandbox_config: SandboxConfig, cli: Cli) -> None:
    """download of a failed task exits 1, not 5: the task failed, the download did not."""
    result = cli("submit", "-p", "rivya", "--prompt", f"x {sandbox_config.fail_marker}", "--json")
    task_id = result.json()["id"]
    assert 1 == cli("wait", task_id, "-p", "rivya").code
    assert 1 == cli("download", task_id, "out.mp4", "-p", "rivya").code


def test_submit_outcome_unknown_exits_7(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """A lost answer to a submit the provider cannot deduplicate exits 7 and is not resent."""
    fault = ScriptedFault(FaultKind.RESET, "globalaiopc", EndpointKind.CREATE, after_commit=True)
    sandbox_env.script_faults([fault])
    result = cli("submit", "-p", "globalaiopc", "--prompt", "a red fox", "--json")
    created = sum(sandbox_env.stats()["tasks_created"].values())
    assert (7, "SubmitOutcomeUnknownError", 1) == (result.code, result.json()["error"]["type"], created)


def test_unexpected_error_exits_70_and_debug_shows_traceback(
    sandbox_env: SandboxHandle, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug exits 70 in one line; --debug adds the traceback."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(VideoClient, "get", broken)
    plain = cli("status", "t1", "-p", "rivya")
    debug = cli("status", "t1", "-p", "rivya", "--debug")
    assert (70, True) == (plain.code, "rerun with --debug" in error_line(plain))
    assert (70, True, True) == (debug.code, "Traceback" in debug.err, "RuntimeError: boom" in debug.err)


def test_interrupted_submit_warns_about_a_possible_task(
    sandbox_env: SandboxHandle, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during a submit exits 130 and warns that a task may exist (so it is not blindly resubmitted)."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(VideoClient, "submit", interrupted)
    result = cli("submit", "-p", "rivya", "--prompt", "a red fox")
    expected = "sora-video: error: interrupted; the submit may have created a task: look for it before submitting again"
    assert (130, expected) == (result.code, error_line(result))


def test_unwritable_out_is_refused_before_the_submit(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """run --out /proc/fox.mp4 exits 2 naming the directory, and no task is paid for."""
    result = cli("run", "-p", "rivya", "--prompt", "a red fox", "--out", "/proc/fox.mp4")
    created = sum(sandbox_env.stats()["tasks_created"].values())
    assert (2, 0, True) == (result.code, created, "invalid OUT: cannot write in '/proc'" in error_line(result))


def test_run_prints_the_ref_first_and_a_failed_download_says_how_to_retry(
    sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path
) -> None:
    """run --json: first line {"submitted": ref}; a download failing after success names the ref and the retry."""
    fault = ScriptedFault(FaultKind.SERVER_ERROR, "rivya", EndpointKind.DOWNLOAD, status=503)
    sandbox_env.script_faults([fault] * (2 * ATTEMPTS))
    result = cli("run", "-p", "rivya", "--prompt", "a red fox", "--out", str(tmp_path / "fox.mp4"), "--json")
    first, last = (json.loads(line) for line in result.out.splitlines())
    assert (5, first["submitted"], f"submitted {first['submitted']}") == (
        result.code,
        last["error"]["ref"],
        result.err.splitlines()[0],
    )
    assert "the task succeeded; download again with: sora-video download" in last["error"]["message"]


def test_unknown_outcome_json_keeps_what_reconciles_it(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """The error object of an unknown submit carries fingerprint, raw and idempotency_key (null: none here)."""
    fault = ScriptedFault(FaultKind.RESET, "globalaiopc", EndpointKind.CREATE, after_commit=True)
    sandbox_env.script_faults([fault])
    error = cli("submit", "-p", "globalaiopc", "--prompt", "a red fox", "--json").json()["error"]
    assert {"fingerprint", "raw", "idempotency_key", "sent_at", "ref"} <= set(error)


def test_missing_key_names_the_option_and_the_variable(clean_env: pytest.MonkeyPatch, cli: Cli) -> None:
    """No key anywhere: exit 3 saying --api-key or RIVYA_API_KEY (not the library's api_key=)."""
    result = cli("status", "t1", "-p", "rivya")
    expected = "sora-video: error: no API key for rivya: pass --api-key or set RIVYA_API_KEY"
    assert (3, expected) == (result.code, error_line(result))
