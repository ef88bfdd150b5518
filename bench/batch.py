"""Benchmark 6: `sora-video batch` with 1,000 jobs on the fast clock: wall time, peak RSS, journal size, resume.

Two runs of the crash harness (`bench._batch_crash`, the same one the test suite runs at 54 jobs), each
against a fresh in-process sandbox at `CrashConfig.scale` with its seeded faults:

- clean: one uninterrupted run of every job (wall time, the batch process's peak RSS, the journal's size);
- crash: the same jobs SIGKILLed `kills` times at random moments and rerun until finished: time from each
  restart to the first state change (start-up plus reading the journal), duplicates and lost tasks.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench._batch_crash import CrashConfig, CrashReport, run_crash
from bench._report import Section


def _run(config: CrashConfig) -> CrashReport:
    with tempfile.TemporaryDirectory() as workdir:
        return run_crash(config, Path(workdir))


def run(*, jobs: int = 1000, kills: int = 4, concurrency: int = 50) -> Section:
    """The batch section (`jobs` spread over every provider)."""
    section = Section("batch", f"sora-video batch, {jobs} jobs over every provider, fast clock, faults, SIGKILLs")
    clean = _run(CrashConfig(jobs=jobs, kills=0, concurrency=concurrency, failing_jobs=0, final_runs=2))
    lines = max(2, jobs * 2 // max(kills, 1))
    crash = _run(
        CrashConfig(
            jobs=jobs, kills=kills, concurrency=concurrency, failing_jobs=0, kill_after_lines=(1, lines), final_runs=4
        )
    )
    section.figure("wall time, uninterrupted", "s", [clean.wall_s])
    section.figure("jobs per second, uninterrupted", "jobs/s", [jobs / clean.wall_s])
    section.figure("journal size", "KB", [clean.journal_bytes / 1024])
    section.figure("time to resume after a kill", "s", crash.resume_s or [0.0])
    section.check("peak RSS of the batch process", "MB", [clean.peak_rss_mb, crash.peak_rss_mb], "<", 150, stat="max")
    section.check("duplicate creates after kills", "tasks", [crash.duplicates], "==", 0, stat="max")
    section.check("lost tasks after kills", "tasks", [crash.lost], "==", 0, stat="max")
    section.check("jobs not final after kills", "jobs", [crash.not_final], "==", 0, stat="max")
    median_resume = statistics.median(crash.resume_s) if crash.resume_s else 0.0
    section.notes += [
        f"uninterrupted: {clean.lines()[1]}; {clean.lines()[2]}",
        *(f"crash run: {line}" for line in crash.lines()),
        f"crash run: wall {crash.wall_s:.1f} s over {crash.runs} runs; resume after a kill {median_resume:.2f} s "
        f"(median of {len(crash.resume_s)}), mostly the CLI's start-up",
    ]
    return section
