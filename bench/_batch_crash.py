"""The crash-safety harness of `sora-video batch`: SIGKILL it at random moments, rerun, count what the sandbox made.

Shared by the quick proof in `make test` (tests/e2e/test_batch_crash.py) and `make bench` (bench/batch.py).
The sandbox runs in this process on a fast clock with faults; `sora-video batch` runs as a real subprocess
(`python -m sora_cli`) with the providers' variables pointing at it, and is killed with SIGKILL after a
seeded random delay, `kills` times, then rerun until it exits on its own. Each job's prompt names the job,
so every task the sandbox created (its task store, read here in-process; the control API's per-key
counters must agree with it) is attributed to one job:

- duplicate: a second (third, ...) task for one job;
- lost: a task that is not in the journal, neither by its id nor behind a job the journal marks `unknown`
  (an unknown job is one whose submit may or may not have created a task: the journal keeps its fingerprint
  and send time so the user can look the task up; such tasks are counted separately, as `behind_unknown`);
- a file is complete when it exists with the journal's size and sha256 and is an MP4 (`ftyp` box).

Faults (seeded): random 429 / 5xx / resets / slow / truncated / non-JSON answers on status and download calls
of every provider and on Rivya's creates (idempotent: after-commit faults included); 429s only, scripted, on
the creates of providers without idempotency (refused, so safe to resend); two jobs ask the sandbox to fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil  # type: ignore[import-untyped]  # no stubs in the lock; only Process.memory_info is used

from generator._paths import REPO_ROOT
from sora_sandbox import EndpointKind, FaultConfig, FaultKind, SandboxConfig, SandboxHandle, ScriptedFault, run_sandbox
from sora_sandbox.testing import accepted_request
from sora_unified import VideoClient
from sora_unified.batch import JobState, Journal

FAIL_MARKER = "[sandbox:fail]"
RANDOM_KINDS = frozenset(FaultKind) - {FaultKind.TASK_FAILED}


@dataclass(frozen=True)
class CrashConfig:
    """One crash run: jobs spread round-robin over every provider, `kills` SIGKILLs, then runs to the end."""

    jobs: int = 54
    kills: int = 6
    seed: int = 7
    scale: float = 200.0  # simulated seconds per real second (sandbox and client)
    fault_rate: float = 0.1
    concurrency: int = 8
    kill_after_lines: tuple[int, int] = (1, 60)  # SIGKILL after this many state changes of a run (uniform) ...
    kill_jitter_s: float = 0.05  # ... plus up to this many real seconds, so a kill lands anywhere in a step
    final_runs: int = 4  # reruns allowed after the last kill to reach a final state
    failing_jobs: int = 2
    run_timeout_s: float = 120.0


@dataclass
class CrashReport:
    """What a crash run measured."""

    jobs: int
    kills: int = 0
    runs: int = 0
    kills_by_phase: Counter[str] = field(default_factory=Counter)  # journal states found right after each kill
    states: Counter[str] = field(default_factory=Counter)
    created: int = 0  # tasks the sandbox created
    counter_total: int = 0  # the control API's tasks_created, summed over keys
    in_journal: int = 0
    behind_unknown: int = 0
    duplicates: int = 0
    lost: int = 0
    files_complete: int = 0
    files_bad: int = 0
    partial_files_left: int = 0
    last_exit: int | None = None
    resume_s: list[float] = field(default_factory=list)  # restart to first state change, per rerun
    wall_s: float = 0.0
    journal_bytes: int = 0
    peak_rss_mb: float = 0.0  # the batch process's largest resident set, sampled

    @property
    def not_final(self) -> int:
        """Jobs that did not end succeeded, failed or unknown."""
        final = {JobState.SUCCEEDED.value, JobState.FAILED.value, JobState.UNKNOWN.value}
        return self.jobs - sum(n for state, n in self.states.items() if state in final)

    @property
    def every_job_final(self) -> bool:
        """Every job ended succeeded, failed or unknown."""
        return self.not_final == 0

    def lines(self) -> list[str]:
        """The printed figures."""
        return [
            f"jobs {self.jobs} over every provider; SIGKILLs {self.kills} "
            f"(journal right after each kill: {dict(sorted(self.kills_by_phase.items()))}); runs {self.runs}",
            f"final states {dict(sorted(self.states.items()))}; last exit status {self.last_exit}",
            f"sandbox tasks {self.created} (control API counters {self.counter_total}); in the journal by id "
            f"{self.in_journal}; behind unknown jobs {self.behind_unknown}; duplicates {self.duplicates}; "
            f"lost {self.lost}",
            f"files complete {self.files_complete}, incomplete {self.files_bad}, .part left {self.partial_files_left}; "
            f"wall {self.wall_s:.1f} s",
        ]


def prompt_of(job_id: str, fails: bool) -> str:
    """A prompt naming its job (so each sandbox task is attributed), asking the sandbox to fail when told."""
    return f"crash test {job_id}" + (f" {FAIL_MARKER}" if fails else "")


def write_jobs(path: Path, count: int, failing: int) -> dict[str, str]:
    """A JOBS file of `count` jobs round-robin over the providers; prompt -> job id."""
    infos = list(VideoClient.providers())
    by_prompt: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as fh:
        for index in range(count):
            info = infos[index % len(infos)]
            job_id = f"job-{index:04d}"
            prompt = prompt_of(job_id, index < failing)
            request = accepted_request(info, prompt)
            line = {"id": job_id, "provider": info.id, "prompt": prompt, "seconds": request.seconds}
            if request.orientation is not None:
                line["orientation"] = request.orientation
            fh.write(json.dumps(line) + "\n")
            by_prompt[prompt] = job_id
    return by_prompt


def sandbox_config(config: CrashConfig) -> SandboxConfig:
    """The sandbox of a crash run: fast clock, small videos, seeded faults (see the module docstring)."""
    infos = VideoClient.providers()
    rates = {f"{info.id}/{EndpointKind.CREATE}": 0.0 for info in infos if not info.idempotent_submit}
    return SandboxConfig(
        time_scale=config.scale,
        queued_s=2.0,
        running_s=8.0,
        fail_marker=FAIL_MARKER,
        video_fps=1,
        initial_credits=10**9,
        faults=FaultConfig(
            rate=config.fault_rate,
            seed=config.seed,
            kinds=RANDOM_KINDS,
            rates=rates,
            after_commit=True,
            retry_after_s=1,
            slow_s=0.2,
        ),
    )


def provider_env(handle: SandboxHandle, scale: float) -> dict[str, str]:
    """This process's environment with every provider's key and base URL pointing at the sandbox."""
    env = dict(os.environ)
    env["SORA_VIDEO_TIME_SCALE"] = f"{scale:g}"
    for info in VideoClient.providers():
        env[info.api_key_env] = handle.keys[info.id]
        env[info.base_url_env] = handle.base_url
    return env


def _command(jobs: Path, out: Path, concurrency: int) -> list[str]:
    return [sys.executable, "-m", "sora_cli", "batch", str(jobs), "--out", str(out), "--concurrency", str(concurrency)]


def _states(journal_path: Path) -> Counter[str]:
    if not journal_path.exists():
        return Counter()
    with Journal(journal_path) as journal:
        return Counter(entry.state.value for entry in journal.entries().values())


def _watch(proc: subprocess.Popen[bytes], report: CrashReport) -> None:
    try:
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            report.peak_rss_mb = max(report.peak_rss_mb, watched.memory_info().rss / 2**20)
            time.sleep(0.02)
    except psutil.Error:
        return


def _start(command: list[str], env: dict[str, str], report: CrashReport) -> tuple[subprocess.Popen[bytes], float]:
    # stdout is not needed (the journal is the record); stderr carries one line per state change.
    proc = subprocess.Popen(command, env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    threading.Thread(target=_watch, args=(proc, report), daemon=True).start()
    return proc, time.monotonic()


def _first_line_after(proc: subprocess.Popen[bytes], started: float) -> float | None:
    assert proc.stderr is not None
    line = proc.stderr.readline()
    return time.monotonic() - started if line else None


def run_crash(config: CrashConfig, workdir: Path) -> CrashReport:
    """Kill and resume a batch against a faulty sandbox; the figures (see the module docstring)."""
    rng = random.Random(config.seed)
    jobs_file, out = workdir / "jobs.jsonl", workdir / "out"
    by_prompt = write_jobs(jobs_file, config.jobs, config.failing_jobs)
    journal_path = out / "journal.sqlite"
    report = CrashReport(jobs=config.jobs)
    started = time.monotonic()
    # critical: a SIGKILLed client makes the server log ClientDisconnect tracebacks, which are expected here.
    with run_sandbox(sandbox_config(config), log_level="critical") as handle:
        slow = [info.id for info in VideoClient.providers() if not info.idempotent_submit]
        handle.script_faults(
            [ScriptedFault(FaultKind.RATE_LIMITED, p, EndpointKind.CREATE) for p in slow for _ in range(3)]
        )
        env = provider_env(handle, config.scale)
        command = _command(jobs_file, out, config.concurrency)
        for _ in range(config.kills):
            proc, begun = _start(command, env, report)
            assert proc.stderr is not None
            # Killed after a random number of state changes (submits, polls, downloads all print one), not after a
            # random time: the process's start-up time on a loaded machine would swallow a time-based kill.
            first = _first_line_after(proc, begun)
            if first is not None and report.runs:  # a rerun: time from the restart to its first state change
                report.resume_s.append(first)
            for _ in range(rng.randint(*config.kill_after_lines) - 1):
                if not proc.stderr.readline():
                    break
            time.sleep(rng.uniform(0.0, config.kill_jitter_s))
            report.runs += 1
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                report.kills += 1
            proc.wait(timeout=config.run_timeout_s)
            proc.stderr.close()
            after = _states(journal_path)
            phases = [s for s in ("submitting", "waiting", "downloading") if after.get(s)]
            report.kills_by_phase.update(phases or ["none in flight"])
        for _ in range(config.final_runs):
            proc, begun = _start(command, env, report)
            first = _first_line_after(proc, begun)
            if first is not None and report.runs:
                report.resume_s.append(first)
            assert proc.stderr is not None
            proc.stderr.read()
            report.last_exit = proc.wait(timeout=config.run_timeout_s)
            proc.stderr.close()
            report.runs += 1
            if report.last_exit in (0, 1, 7):  # every job final (7: some unknown, by design not resent)
                break
        report.wall_s = time.monotonic() - started
        time.sleep(0.3)  # a slow create still running server-side may yet commit a task
        stats = httpx.get(f"{handle.base_url}/_sandbox/stats", timeout=10).json()
        with handle.sandbox.store.lock:
            tasks = [(task.provider, task.id, task.prompt) for task in handle.sandbox.store.tasks.values()]
    report.counter_total = sum(stats["tasks_created"].values())
    _compare(report, tasks, by_prompt, journal_path, out)
    return report


def _compare(
    report: CrashReport, tasks: list[tuple[str, str, str]], by_prompt: dict[str, str], journal_path: Path, out: Path
) -> None:
    with Journal(journal_path) as journal:
        entries = journal.entries()
    report.journal_bytes = sum(p.stat().st_size for p in out.glob("journal.sqlite*"))
    report.states = Counter(entry.state.value for entry in entries.values())
    refs = {(e.provider, e.task_id) for e in entries.values() if e.task_id is not None}
    per_job: Counter[str] = Counter()
    report.created = len(tasks)
    for provider, task_id, prompt in tasks:
        job_id = by_prompt.get(prompt)
        if job_id is not None:
            per_job[job_id] += 1
        if (provider, task_id) in refs:
            report.in_journal += 1
        elif job_id is not None and entries[job_id].state is JobState.UNKNOWN:
            report.behind_unknown += 1
        else:
            report.lost += 1
    report.duplicates = sum(n - 1 for n in per_job.values() if n > 1)
    for entry in entries.values():
        if entry.state is not JobState.SUCCEEDED:
            continue
        path = Path(entry.path or "")
        ok = path.is_file() and path.stat().st_size == entry.size
        if ok:
            data = path.read_bytes()
            ok = hashlib.sha256(data).hexdigest() == entry.sha256 and data[4:8] == b"ftyp"
        report.files_complete += ok
        report.files_bad += not ok
    report.partial_files_left = len(list(out.glob(".*.part")))
