"""The real provider specs lint clean, and every ambiguity the research lists is decided in its spec."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator._paths import REPO_ROOT, SPECS_DIR, provider_files
from generator._speclib import load_spec
from generator.speclint import lint_spec, required_decisions

SPECS = provider_files(SPECS_DIR)
# shared/ stands beside the repo on developer machines and in CI; a vendored copy has no research to compare with.
RESEARCH = REPO_ROOT.parent / "shared" / "research" / "providers.md"


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_spec_lints_clean(path: Path) -> None:
    """`python -m generator lint-specs` finds no error and no warning in the spec."""
    assert [] == [problem.render(path) for problem in lint_spec(path)]


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_every_ambiguity_is_decided(path: Path) -> None:
    """Each ambiguity id the spec declares (R1..R12, U1..U12, G1..G9) has an x-decisions entry."""
    assert [] != list(required_decisions(load_spec(path))), "info.x-provider.ambiguities is missing"
    assert [] == [p.message for p in lint_spec(path) if p.rule in ("decision-missing", "decision-fields")]


def _numbered_items(markdown: str, section: str) -> int:
    """How many `N. ` items the research lists under the heading `### <section> ...`."""
    body = re.split(rf"^### {re.escape(section)} .*$", markdown, maxsplit=1, flags=re.M)[1]
    body = re.split(r"^(?:### |---)", body, maxsplit=1, flags=re.M)[0]
    return len(re.findall(r"^\d+\. ", body, flags=re.M))


@pytest.mark.skipif(not RESEARCH.is_file(), reason="shared/research/providers.md is not beside the repo")
@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_declared_ambiguities_match_the_research(path: Path) -> None:
    """The count a spec declares is the number of ambiguities its research section lists (none forgotten)."""
    declared = load_spec(path)["info"]["x-provider"]["ambiguities"]
    assert declared["count"] == _numbered_items(RESEARCH.read_text(encoding="utf-8"), declared["section"])
