"""Documented examples against the spec schemas: valid ones validate, documentation errors are rejected."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.contract._contract_cases import (
    DocErrorCase,
    ExampleCase,
    LoadedSpec,
    doc_error_cases,
    example_cases,
    load_all,
)

SPECS = load_all()
EXAMPLES = example_cases(SPECS)
DOC_ERRORS = doc_error_cases(SPECS)


@pytest.mark.parametrize("loaded", SPECS, ids=[s.path.name for s in SPECS])
def test_spec_loads(loaded: LoadedSpec) -> None:
    """Each specs/*.yaml parses as a YAML mapping (else none of its examples can be checked)."""
    assert None is loaded.load_error


@pytest.mark.parametrize("case", EXAMPLES, ids=[c.id for c in EXAMPLES])
def test_example_matches_schema(case: ExampleCase) -> None:
    """A request example validates against its request schema, a response example against its status's schema."""
    assert [] == case.errors()


@pytest.mark.parametrize("case", DOC_ERRORS, ids=[c.id for c in DOC_ERRORS])
def test_documentation_error_is_rejected(case: DocErrorCase, record_property: Callable[[str, object], None]) -> None:
    """An example listed in x-documentation-errors is not JSON, or is invalid for the schema it claims."""
    reason = case.rejection()
    record_property("reason", reason)
    print(f"{case.doc_error.display} rejected: {reason}")  # shown with -rA / -s: the reason is the point
    accepted = f"accepted by {case.doc_error.schema_pointer}: not a documentation error, or the schema is too lax"
    assert "rejected" == ("rejected" if reason else accepted)
