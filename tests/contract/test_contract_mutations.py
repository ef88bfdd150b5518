"""The contract tests can fail: schema-derived broken variants of every valid example are rejected."""

from __future__ import annotations

import pytest

from tests.contract._contract_cases import MutationCase, example_cases, load_all, mutation_cases

MUTATIONS = mutation_cases(example_cases(load_all()))


@pytest.mark.parametrize("case", MUTATIONS, ids=[c.id for c in MUTATIONS])
def test_mutation_is_rejected_at_its_path(case: MutationCase) -> None:
    """A variant with a required member removed, an undocumented enum value or a wrong type is rejected there."""
    rendered, matching = case.reported()
    assert [case.mutation.error_path] == (matching[:1] or rendered)
