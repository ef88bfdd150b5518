"""Golden tests: one directory per rule under cases/, each a tiny base/revision pair and the expected changelog."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator._paths import SPECS_DIR, provider_files
from generator.spec_diff import RULES, Level, diff_spec_texts, render_text

CASES = Path(__file__).parent / "cases"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())
REPO_SPECS = provider_files(SPECS_DIR)
SELF_DIFF_SPECS = [
    *(d / name for d in CASE_DIRS for name in ("base.yaml", "revision.yaml")),
    Path(__file__).parent / "upstream" / "rivya.yaml",
    *REPO_SPECS,
]


def _diff(case: Path) -> str:
    base = (case / "base.yaml").read_text(encoding="utf-8")
    revision = (case / "revision.yaml").read_text(encoding="utf-8")
    return render_text(diff_spec_texts(base, revision, "specs/example.yaml"))


@pytest.mark.parametrize("case", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_case_matches_golden_changelog(case: Path) -> None:
    """The changelog of base -> revision is exactly expected.txt."""
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert expected == _diff(case)


@pytest.mark.parametrize("case", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_case_emits_the_rule_it_is_named_after(case: Path) -> None:
    """Each case directory is named after a rule id that its diff really emits."""
    base = (case / "base.yaml").read_text(encoding="utf-8")
    revision = (case / "revision.yaml").read_text(encoding="utf-8")
    rules = {change.rule for change in diff_spec_texts(base, revision, "specs/example.yaml")}
    assert case.name in RULES
    assert case.name in rules


def test_cases_cover_at_least_twenty_rules_of_every_level() -> None:
    """The golden cases cover >= 20 rules, with breaking, warning and info ones among them."""
    levels = {RULES[d.name].level for d in CASE_DIRS}
    assert len(CASE_DIRS) >= 20
    assert {Level.BREAKING, Level.WARNING, Level.INFO} == levels


@pytest.mark.parametrize("spec", SELF_DIFF_SPECS, ids=[f"{p.parent.name}/{p.name}" for p in SELF_DIFF_SPECS])
def test_spec_against_itself_has_no_changes(spec: Path) -> None:
    """A spec compared with itself yields no change at all."""
    text = spec.read_text(encoding="utf-8")
    assert [] == diff_spec_texts(text, text, spec.as_posix())


def test_reversed_case_reports_the_opposite_rule() -> None:
    """Swapping base and revision of a removal reports the matching addition."""
    case = CASES / "request-property-removed"
    base = (case / "base.yaml").read_text(encoding="utf-8")
    revision = (case / "revision.yaml").read_text(encoding="utf-8")
    assert ["new-optional-request-property"] == [c.rule for c in diff_spec_texts(revision, base, "specs/example.yaml")]
