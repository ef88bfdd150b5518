"""`sora-video batch`: the whole file checked first, dry run with cost, run and resume, keys checked up front."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sora_sandbox import SandboxHandle

from .conftest import CliResult

Cli = Callable[..., CliResult]


def _write(path: Path, *lines: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _created(sandbox: SandboxHandle) -> int:
    return sum(sandbox.stats()["tasks_created"].values())


GOOD = (
    {"id": "fox", "provider": "rivya", "prompt": "a fox", "seconds": 10},
    {"id": "kite", "provider": "globalaiopc", "prompt": "a kite", "seconds": 8},
)


def test_invalid_lines_are_all_listed_and_nothing_is_sent(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """Two bad lines among good ones: each listed with line, field and allowed values; exit 2; no task created."""
    jobs = _write(
        tmp_path / "jobs.jsonl",
        GOOD[0],
        {"provider": "globalaiopc", "prompt": "x", "seconds": 7},
        {"provider": "rivya", "prompt": "y", "orientation": "square"},
    )
    result = cli("batch", str(jobs), "--out", str(tmp_path / "out"))
    lines = [line for line in result.err.splitlines() if ": line " in line]
    assert (2, 2, 0) == (result.code, len(lines), _created(sandbox_env))
    assert "line 2: seconds: 7 is not supported by globalaiopc model openAiSora2Pro (allowed: 4, 8, 12)" in lines[0]
    assert "line 3: orientation" in lines[1]


def test_skip_invalid_runs_the_valid_lines(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """--skip-invalid: the bad line is a warning, the good one runs."""
    jobs = _write(tmp_path / "jobs.jsonl", GOOD[0], {"provider": "nope", "prompt": "x"})
    result = cli("batch", str(jobs), "--out", str(tmp_path / "out"), "--skip-invalid", "--json")
    assert (0, 1, ["fox"]) == (result.code, _created(sandbox_env), [j["id"] for j in result.json()["jobs"]])


def test_dry_run_prints_the_jobs_and_the_cost_and_sends_nothing(
    sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path
) -> None:
    """--dry-run --json: the jobs as they would be sent, seconds per provider and Rivya's credits from its spec."""
    jobs = _write(tmp_path / "jobs.jsonl", *GOOD, {"provider": "rivya", "prompt": "b", "seconds": 15})
    body = cli("batch", str(jobs), "--out", str(tmp_path / "out"), "--dry-run", "--json").json()
    cost = {row["provider"]: (row["jobs"], row["seconds"], row["credits"]) for row in body["cost"]}
    assert ({"globalaiopc": (1, 8, None), "rivya": (2, 25, 150)}, 0) == (cost, _created(sandbox_env))
    assert ["fox", "kite", "line-3"] == [job["id"] for job in body["jobs"]]
    assert not (tmp_path / "out").exists()


def test_run_then_rerun_skips_finished_jobs(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """Exit 0 with both videos; the same command again exits 0 and creates no task."""
    jobs, out = _write(tmp_path / "jobs.jsonl", *GOOD), tmp_path / "out"
    first = cli("batch", str(jobs), "--out", str(out), "--json")
    second = cli("batch", str(jobs), "--out", str(out), "--json")
    states = [job["state"] for job in second.json()["jobs"]]
    assert (0, 0, 2, ["succeeded"] * 2) == (first.code, second.code, _created(sandbox_env), states)
    assert [True, True] == [(out / f"{name}.mp4").read_bytes()[4:8] == b"ftyp" for name in ("fox", "kite")]


def test_failed_job_exits_1_and_the_summary_names_it(sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path) -> None:
    """A task the provider fails: exit 1, the human summary lists the job, stderr says how to resume."""
    jobs = _write(tmp_path / "jobs.jsonl", {"id": "bad", "provider": "rivya", "prompt": "x [sandbox:fail]"})
    result = cli("batch", str(jobs), "--out", str(tmp_path / "out"))
    assert (1, True) == (result.code, any(line.startswith("bad (line 1) failed") for line in result.out.splitlines()))
    assert "resume with: sora-video batch" in result.err


def test_missing_key_is_reported_before_anything_is_sent(
    sandbox_env: SandboxHandle, cli: Cli, tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    """No GLOBALAIOPC_API_KEY: exit 3 naming the variable; the Rivya job is not sent either."""
    clean_env.delenv("GLOBALAIOPC_API_KEY")
    jobs = _write(tmp_path / "jobs.jsonl", *GOOD)
    result = cli("batch", str(jobs), "--out", str(tmp_path / "out"))
    assert (3, 0) == (result.code, _created(sandbox_env))
    assert "set GLOBALAIOPC_API_KEY" in result.err
