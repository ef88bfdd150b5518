"""Each `sora-video` command against the sandbox: what it prints, with and without --json, and exit 0."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator._paths import SPECS_DIR
from sora_sandbox import SandboxHandle
from sora_unified import VideoClient

from .conftest import PROVIDERS, TASK_KEYS, CliResult, error_line, submit_task

Cli = Callable[..., CliResult]
PLAIN_LINE = re.compile(r"^(\w+):(\S+) (queued|running|succeeded) (\d+%|-) \d+s$")


def test_providers_json_lists_every_spec(cli: Cli) -> None:
    """`providers --json` has one entry per specs/*.yaml with every model and its allowed values."""
    result = cli("providers", "--json")
    body = result.json()
    assert sorted(p.stem for p in SPECS_DIR.glob("*.yaml")) == [p["id"] for p in body["providers"]]
    expected = {info.id: [m.id for m in info.models] for info in VideoClient.providers()}
    assert expected == {p["id"]: [m["id"] for m in p["models"]] for p in body["providers"]}
    rivya = next(p for p in body["providers"] if p["id"] == "rivya")
    assert [10, 15] == rivya["models"][0]["durations"]


def test_providers_table_names_models_and_fields(cli: Cli) -> None:
    """The human table shows each provider, each model and the option rows."""
    result = cli("providers")
    assert 0 == result.code
    shown = [name for info in VideoClient.providers() for name in (info.id, *(m.id for m in info.models))]
    assert [] == [name for name in shown if name not in result.out]
    assert [] == [
        row for row in ("--seconds", "--orientation", "--quality", "--reference-image") if row not in result.out
    ]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_submit_json_is_one_task_object(sandbox_env: SandboxHandle, cli: Cli, provider: str) -> None:
    """`submit --json` prints one task object with the documented keys and creates exactly one task."""
    task = submit_task(cli, provider)
    assert TASK_KEYS == set(task)
    assert (provider, f"{provider}:{task['id']}") == (task["provider"], task["ref"])
    assert 1 == sum(sandbox_env.stats()["tasks_created"].values())


def test_submit_human_output_gives_the_resume_command(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """Without --json, submit prints the task line and the exact command that resumes it."""
    result = cli("submit", "-p", "rivya", "--prompt", "a red fox", "--seconds", "10")
    first, second = result.out.splitlines()
    task_id = first.split()[0].removeprefix("rivya:")
    assert f"next: sora-video wait {task_id} --provider rivya" == second


def test_status_accepts_id_ref_file_and_stdin(
    sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A submitted task is found again by id + --provider, by provider:id, from its JSON file and from stdin."""
    task = submit_task(cli, "unifiedvideo")  # unifiedvideo ids contain a colon themselves
    task_file = tmp_path / "task.json"
    task_file.write_text(json.dumps(task), encoding="utf-8")
    by_id = cli("status", str(task["id"]), "-p", "unifiedvideo", "--json").json()["id"]
    by_ref = cli("status", str(task["ref"]), "--json").json()["id"]
    by_file = cli("status", str(task_file), "--json").json()["id"]
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(task)))
    by_stdin = cli("status", "-", "--json").json()["id"]
    assert [task["id"]] * 4 == [by_id, by_ref, by_file, by_stdin]


def test_task_file_wins_over_sora_provider(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """SORA_PROVIDER does not override the provider a task file names (only an explicit --provider conflicts)."""
    task = submit_task(cli, "rivya")
    task_file = tmp_path / "task.json"
    task_file.write_text(json.dumps(task), encoding="utf-8")
    result = cli("status", str(task_file), "--json")
    assert (0, "rivya") == (result.code, result.json()["provider"])


def test_wait_json_ends_succeeded(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """`wait --json` prints the final task only (no progress lines)."""
    task = submit_task(cli, "rivya")
    result = cli("wait", str(task["id"]), "-p", "rivya", "--json")
    assert (0, "", "succeeded") == (result.code, result.err, result.json()["status"])


def test_wait_prints_plain_progress_lines_when_not_a_terminal(sandbox_env: SandboxHandle, cli: Cli) -> None:
    """Off a terminal, wait writes one plain line per change on stderr and the final task line on stdout."""
    task = submit_task(cli, "unifiedvideo")
    result = cli("wait", str(task["ref"]))
    lines = result.err.splitlines()
    assert [] == [line for line in lines if not PLAIN_LINE.match(line)]
    assert ("succeeded", False) == (lines[-1].split()[1], "\x1b" in result.out + result.err)  # no ANSI codes
    assert result.out.startswith(f"{task['ref']} succeeded 100%")


def test_download_saves_the_video(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """`download TASK OUT --json` saves an MP4 and reports its path and size."""
    task = submit_task(cli, "rivya")
    assert 0 == cli("wait", str(task["ref"]), "--json").code
    out = tmp_path / "fox.mp4"
    body = cli("download", str(task["ref"]), str(out), "--json").json()
    assert (str(out), out.stat().st_size, b"ftyp") == (body["path"], body["bytes"], out.read_bytes()[4:8])


@pytest.mark.parametrize("provider", PROVIDERS)
def test_run_submits_waits_and_downloads(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path, provider: str) -> None:
    """`run` does the whole job for every provider with one task created."""
    out = tmp_path / "video.mp4"
    result = cli("run", "-p", provider, "--prompt", "a red fox", "--out", str(out), "--json")
    body = result.json()
    assert (0, "succeeded", out.stat().st_size) == (result.code, body["status"], body["bytes"])
    assert 1 == sum(sandbox_env.stats()["tasks_created"].values())


def test_sora_provider_env_selects_the_provider(
    sandbox_env: SandboxHandle, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SORA_PROVIDER stands in for --provider."""
    monkeypatch.setenv("SORA_PROVIDER", "globalaiopc")
    result = cli("submit", "--prompt", "a red fox", "--json")
    assert "globalaiopc" == result.json()["provider"]


def test_run_sandbox_needs_no_key_and_no_env(clean_env: pytest.MonkeyPatch, cli: Cli, tmp_path: Path) -> None:
    """`run --sandbox` starts the sandbox in-process: no key, no base URL, no network."""
    out = tmp_path / "fox.mp4"
    result = cli("run", "--sandbox", "-p", "rivya", "--prompt", "a red fox", "--seconds", "10", "--out", str(out))
    assert (0, f"saved {out} ({out.stat().st_size} bytes)") == (result.code, result.out.split(" from ")[0])


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("foo:bar", f"invalid TASK 'foo:bar': 'foo' is not a provider (allowed: {', '.join(PROVIDERS)})"),
        ("rivya:", "invalid TASK 'rivya:': no task id after 'rivya:'"),
        ("nosuchfile.json", "invalid TASK 'nosuchfile.json': no such file"),
    ],
    ids=["unknown-prefix", "no-id", "missing-file"],
)
def test_a_bad_task_argument_says_what_is_wrong(
    clean_env: pytest.MonkeyPatch, cli: Cli, task: str, expected: str
) -> None:
    """status with a malformed TASK exits 2 with a precise reason, not 'no provider'."""
    result = cli("status", task)
    assert (2, True) == (result.code, expected in error_line(result))
