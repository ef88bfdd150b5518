"""`sora_unified.batch.BatchRunner` against the sandbox: a whole batch, resume, unknown outcomes, changed jobs."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path

import pytest

from sora_sandbox import EndpointKind, FaultKind, ScriptedFault
from sora_sandbox.clocks import ScaledTime
from sora_sandbox.server import SandboxHandle
from sora_unified import AsyncVideoClient, RetryPolicy
from sora_unified.batch import (
    BatchEvent,
    BatchJob,
    BatchOptions,
    BatchReport,
    BatchRunner,
    JobState,
    Journal,
    JournalError,
    parse_jobs,
)

SCALE = 100.0  # the plugin's FAST sandbox


def _jobs(*lines: dict[str, object]) -> list[BatchJob]:
    text = "\n".join(json.dumps(line) for line in lines)
    loaded = parse_jobs(Path("jobs.jsonl"), text)
    assert () == loaded.problems
    return list(loaded.jobs)


def _runner(
    sandbox: SandboxHandle, out: Path, journal: Journal, jobs: list[BatchJob], *, resubmit_unknown: bool = False
) -> BatchRunner:
    time = ScaledTime(SCALE)

    def client(provider: str) -> AsyncVideoClient:
        return AsyncVideoClient(
            provider,
            api_key=sandbox.keys[provider],
            base_url=sandbox.base_url,
            clock=time.clock,
            sleep=time.async_sleep,
        )

    return BatchRunner(
        jobs,
        journal,
        BatchOptions(out_dir=out, backoff=0.01, resubmit_unknown=resubmit_unknown),
        client,
        clock=time.clock,
        sleep=time.async_sleep,
    )


def _created(sandbox: SandboxHandle) -> int:
    return sum(sandbox.stats()["tasks_created"].values())


THREE = (
    {"id": "r", "provider": "rivya", "prompt": "a fox", "seconds": 10},
    {"id": "u", "provider": "unifiedvideo", "prompt": "a kite", "seconds": 15},
    {"id": "g", "provider": "globalaiopc", "prompt": "a boat", "seconds": 8},
)


def test_a_batch_downloads_every_video_and_a_rerun_sends_nothing(sandbox: SandboxHandle, tmp_path: Path) -> None:
    """Three providers: three files whose sha256 the journal holds; the same run again creates no task."""
    jobs = _jobs(*THREE)
    with Journal(tmp_path / "journal.sqlite") as journal:
        report = asyncio.run(_runner(sandbox, tmp_path, journal, jobs).run())
        requests = sum(sandbox.stats()["requests"].values())
        again = asyncio.run(_runner(sandbox, tmp_path, journal, jobs).run())
    digests = [hashlib.sha256(Path(e.path or "").read_bytes()).hexdigest() == e.sha256 for e in report.entries]
    assert (True, [True] * 3, 3) == (report.ok, digests, _created(sandbox))
    assert (True, requests) == (again.ok, sum(sandbox.stats()["requests"].values()))


def test_interrupted_submit_without_idempotency_becomes_unknown_until_asked(
    sandbox: SandboxHandle, tmp_path: Path
) -> None:
    """A journal left in `submitting` on GlobalAiOpc: unknown with its data, never resent unless resubmit_unknown."""
    jobs = _jobs(THREE[2])
    with Journal(tmp_path / "journal.sqlite") as journal:
        journal.add_job("g", 1, "globalaiopc", {"prompt": "a boat", "seconds": 8}, jobs[0].fingerprint)
        journal.record_intent("g", None)  # the process died with this submit maybe on the wire
        first = asyncio.run(_runner(sandbox, tmp_path, journal, jobs).run())
        created_after_first = _created(sandbox)
        second = asyncio.run(_runner(sandbox, tmp_path, journal, jobs, resubmit_unknown=True).run())
    unknown = first.entries[0]
    assert (JobState.UNKNOWN, 0) == (unknown.state, created_after_first)
    assert unknown.reconcile is not None and {"fingerprint", "sent_at"} <= set(unknown.reconcile)
    assert (True, 1) == (second.ok, _created(sandbox))


def test_interrupted_submit_with_idempotency_is_resent_with_the_same_key(
    sandbox: SandboxHandle, tmp_path: Path
) -> None:
    """Rivya: the task made before the 'crash' is found again through the journalled Idempotency-Key: no duplicate."""
    jobs = _jobs(THREE[0])
    job = jobs[0]
    time = ScaledTime(SCALE)

    async def submit_before_crash() -> str:
        async with AsyncVideoClient(
            "rivya", api_key=sandbox.keys["rivya"], base_url=sandbox.base_url, clock=time.clock
        ) as client:
            return (await client.submit(job.request, idempotency_key="k-crash")).id

    with Journal(tmp_path / "journal.sqlite") as journal:
        journal.add_job("r", 1, "rivya", job.request_json(), job.fingerprint)
        journal.record_intent("r", "k-crash")
        task_id = asyncio.run(submit_before_crash())  # sent, answered, but the answer was never journalled
        report = asyncio.run(_runner(sandbox, tmp_path, journal, jobs).run())
    assert (True, task_id, 1) == (report.ok, report.entries[0].task_id, _created(sandbox))


def test_a_changed_job_is_refused_before_anything_is_sent(sandbox: SandboxHandle, tmp_path: Path) -> None:
    """Same id, other prompt, same journal: JournalError naming the job; no task created."""
    with Journal(tmp_path / "journal.sqlite") as journal:
        first = _jobs({"id": "a", "provider": "rivya", "prompt": "one"})
        _runner(sandbox, tmp_path, journal, first).prepare()
        changed = _jobs({"id": "a", "provider": "rivya", "prompt": "two"})
        with pytest.raises(JournalError, match="a"):
            _runner(sandbox, tmp_path, journal, changed).prepare()
    assert 0 == _created(sandbox)


def test_cancelling_lets_submits_on_the_wire_reach_the_journal(sandbox: SandboxHandle, tmp_path: Path) -> None:
    """Cancelled right after the first submit left: that task's id is still journalled (nothing to reconcile)."""
    jobs = _jobs(THREE[1])

    async def cancel_after_first_submit() -> BatchReport:
        with Journal(tmp_path / "journal.sqlite") as journal:
            runner = _runner(sandbox, tmp_path, journal, jobs)
            started = asyncio.Event()

            def on_event(event: BatchEvent) -> None:
                if event.state is JobState.SUBMITTING:
                    started.set()

            runner.on_event = on_event
            run = asyncio.ensure_future(runner.run())
            await started.wait()
            run.cancel()
            with pytest.raises(asyncio.CancelledError):
                await run
            return runner.report(interrupted=True)

    report = asyncio.run(cancel_after_first_submit())
    entry = report.entries[0]
    assert (JobState.WAITING, True, 1) == (entry.state, entry.task_id is not None, _created(sandbox))


def test_a_429_that_outlives_the_retries_slows_only_that_provider(sandbox: SandboxHandle, tmp_path: Path) -> None:
    """Rivya's creates answer 429 past the client's retries: Rivya pauses and still finishes; the others never pause."""
    retries = RetryPolicy().max_attempts
    sandbox.script_faults([ScriptedFault(FaultKind.RATE_LIMITED, "rivya", EndpointKind.CREATE)] * retries)
    jobs = _jobs(*THREE)
    with Journal(tmp_path / "journal.sqlite") as journal:
        report = asyncio.run(_runner(sandbox, tmp_path, journal, jobs).run())
    assert (True, {"rivya": 1, "unifiedvideo": 0, "globalaiopc": 0}) == (report.ok, dict(report.slowdowns))
