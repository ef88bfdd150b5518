"""Smoke test of benchmark 6 (spec-diff start-up): it runs and reports its rows; the synthetic spec is large."""

from __future__ import annotations

from bench import spec_diff
from bench._report import Section


def names(section: Section) -> list[str]:
    """Figure names, then check names."""
    return [f.name for f in section.figures] + [c.name for c in section.checks]


def test_spec_diff_bench_reports_trivial_cold_and_warm() -> None:
    """The section has the two checks of issue 13 and the warm figure."""
    section = spec_diff.run(samples=1)
    assert ["large spec, warm (parse cache)", "trivial pair", "large spec, cold"] == names(section)


def test_synthetic_spec_has_280_operations() -> None:
    """The default large spec is as big as the issue's target: 280 operations."""
    spec = spec_diff.synthetic_spec()
    assert 280 == sum(len(item) for item in spec["paths"].values())
