"""sora_unified.batch: many videos from one JOBS file, crash-safe and resumable, never paid twice.

    from pathlib import Path
    from sora_unified import AsyncVideoClient
    from sora_unified.batch import BatchOptions, BatchRunner, Journal, load_jobs

    jobs = load_jobs("prompts.jsonl", default_provider="rivya")   # every line checked, nothing sent
    assert not jobs.problems, jobs.problems
    out = Path("videos")
    with Journal(out / "journal.sqlite") as journal:
        runner = BatchRunner(jobs.jobs, journal, BatchOptions(out_dir=out), clients=AsyncVideoClient)
        report = asyncio.run(runner.run())                        # rerun the same to resume after a crash

Modules: `_jobs` (reading and checking JOBS files), `_journal` (the SQLite journal and its schema),
`_runner` (the async flow), `_cost` (what a batch would cost, for a dry run).
"""

from sora_unified.batch._cost import ProviderCost, estimate
from sora_unified.batch._jobs import JOB_FIELDS, BatchJob, JobProblem, JobsFile, load_jobs, parse_jobs
from sora_unified.batch._journal import DEFAULT_NAME, SCHEMA_VERSION, JobState, Journal, JournalEntry, JournalError
from sora_unified.batch._runner import BatchEvent, BatchOptions, BatchReport, BatchRunner, reconcile_data

__all__ = [
    "DEFAULT_NAME",
    "JOB_FIELDS",
    "SCHEMA_VERSION",
    "BatchEvent",
    "BatchJob",
    "BatchOptions",
    "BatchReport",
    "BatchRunner",
    "JobProblem",
    "JobState",
    "JobsFile",
    "Journal",
    "JournalEntry",
    "JournalError",
    "ProviderCost",
    "estimate",
    "load_jobs",
    "parse_jobs",
    "reconcile_data",
]
