"""A small fault soak (`make soak` runs N=300): every task completes, none lost, none duplicated."""

from __future__ import annotations

from sora_sandbox.soak import SoakConfig, run_soak


def test_quick_soak_default_profile() -> None:
    """30 tasks at fault rate 0.2 (default profile): 30 completed, 0 lost, 0 duplicates, faults injected."""
    report = run_soak(SoakConfig(tasks=30, fault_rate=0.2, profile="default"))
    assert (30, 0, 0, 0) == (report.completed, report.lost, report.duplicates, report.unknown_outcomes)
    assert (True, []) == (sum(report.faults.values()) > 0, list(report.errors))


def test_quick_soak_ambiguous_creates() -> None:
    """Ambiguous non-idempotent creates: each raised as an unknown outcome, never resent, the rest completed.

    At rate 0.4 the 20 non-idempotent creates see about six ambiguous faults (none at all: p < 0.001).
    """
    report = run_soak(SoakConfig(tasks=30, fault_rate=0.4, profile="ambiguous-creates"))
    assert (0, 30, []) == (report.duplicates, report.completed + report.unknown_outcomes, list(report.errors))
    assert (True, True) == (report.unknown_outcomes > 0, report.lost <= report.unknown_outcomes)
