"""The crash-safety proof of `sora-video batch` (quick version; `make bench` runs the 1,000-job one).

A real `sora-video batch` process against a faulty sandbox, SIGKILLed at seeded random moments and rerun
until it finishes on its own (harness: bench/_batch_crash.py, which defines duplicate, lost and complete).
"""

from __future__ import annotations

from pathlib import Path

from bench._batch_crash import CrashConfig, run_crash


def test_batch_survives_sigkills_without_duplicates_or_lost_tasks(tmp_path: Path) -> None:
    """54 jobs over every provider, 6 SIGKILLs: every job final, 0 duplicates, 0 lost, every file complete."""
    config = CrashConfig(jobs=54, kills=6, seed=7)
    report = run_crash(config, tmp_path)
    print(*report.lines(), sep="\n")  # the figures, shown with -s or on failure
    assert (True, 0, 0) == (report.every_job_final, report.duplicates, report.lost), report.lines()
    assert (6, report.created) == (report.kills, report.counter_total)  # the control API agrees with the store
    assert report.created == report.in_journal + report.behind_unknown
    assert (report.states["succeeded"], 0, 0) == (report.files_complete, report.files_bad, report.partial_files_left)
    # The kills did land in the three phases (not all before any work, which would prove nothing).
    assert {"submitting", "waiting", "downloading"} <= set(report.kills_by_phase), report.kills_by_phase
