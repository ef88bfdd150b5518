"""The real provider specs lint clean, and every ambiguity listed in the research is decided in its spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator._paths import SPECS_DIR
from generator.speclint import REQUIRED_DECISIONS, lint_spec

# The providers whose ambiguities the research lists (their specs must exist once written), plus any other
# spec discovered in specs/ (lint rules apply to every provider; only the ambiguity list is per provider).
PROVIDERS = sorted(set(REQUIRED_DECISIONS) | {p.stem for p in SPECS_DIR.glob("*.yaml")})


def _spec(provider: str) -> Path:
    path = SPECS_DIR / f"{provider}.yaml"
    if not path.exists():
        pytest.skip(f"specs/{provider}.yaml is not written yet")
    return path


@pytest.mark.parametrize("provider", PROVIDERS, ids=[f"{p}.yaml" for p in PROVIDERS])
def test_spec_lints_clean(provider: str) -> None:
    """`python -m generator lint-specs` finds no error and no warning in the spec."""
    path = _spec(provider)
    assert [] == [problem.render(path) for problem in lint_spec(path)]


@pytest.mark.parametrize("provider", sorted(REQUIRED_DECISIONS), ids=[f"{p}.yaml" for p in sorted(REQUIRED_DECISIONS)])
def test_every_ambiguity_is_decided(provider: str) -> None:
    """Each ambiguity id of the provider (R1..R12, U1..U12, G1..G9) has an x-decisions entry."""
    path = _spec(provider)
    assert [] == [p.message for p in lint_spec(path) if p.rule in ("decision-missing", "decision-fields")]
