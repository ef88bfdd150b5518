"""The rule table is true: oasdiff's ids carry oasdiff's levels (read from its rules.go), deviations are declared.

Every deviation has a test that fails if the diff stops raising it, and a row in
docs/spec-diff-rules.md; every rule of our own is absent from oasdiff and says why it exists.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.spec_diff import DEVIATIONS, RULES
from generator.spec_diff._rules import _OURS
from tests.generator.spec_diff import oasdiff_suite as suite

HERE = Path(__file__).parent
DOCS = suite.REPO / "docs" / "spec-diff-rules.md"
OASDIFF = suite.registry().levels if suite.available() else {}
needs_oasdiff = pytest.mark.skipif(not suite.available(), reason=f"oasdiff's sources are not at {suite.OASDIFF}")

# Where each deviation is proven: a golden case directory under cases/, or a test function.
DEVIATION_TESTS = {
    "api-operation-id-removed": "cases/api-operation-id-removed",
    "api-tag-removed": "cases/api-tag-removed",
    "api-security-removed": "test_semantics.py::test_removing_the_only_scheme_accepted_is_breaking",
    "api-security-scope-added": "test_semantics.py::test_scope_added_is_breaking",
    "api-anonymous-access-removed": "cases/api-anonymous-access-removed",
    "response-body-any-of-added": "test_semantics.py::test_response_body_any_of_added_is_breaking",
    "response-property-any-of-added": "cases/response-property-any-of-added",
}
CLAIMED = sorted(r.id for r in RULES.values() if r.oasdiff and r.id not in DEVIATIONS)


@needs_oasdiff
@pytest.mark.parametrize("rule", CLAIMED, ids=CLAIMED)
def test_oasdiff_id_carries_oasdiff_level(rule: str) -> None:
    """An id presented as oasdiff's exists in oasdiff's rules.go with the same level."""
    assert OASDIFF.get(rule) == RULES[rule].level.value


@needs_oasdiff
def test_our_ids_are_not_oasdiff_ids() -> None:
    """An id marked as ours is not one of oasdiff's (else it must carry oasdiff's level)."""
    assert [] == sorted(r.id for r in RULES.values() if not r.oasdiff and r.id in OASDIFF)


@needs_oasdiff
@pytest.mark.parametrize("rule", sorted(DEVIATIONS), ids=sorted(DEVIATIONS))
def test_deviation_really_differs_from_oasdiff(rule: str) -> None:
    """A declared deviation is an oasdiff id at another level, or an id oasdiff lacks that is stricter."""
    assert OASDIFF.get(rule) != DEVIATIONS[rule][0].value


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


@pytest.mark.parametrize("rule", sorted(DEVIATIONS), ids=sorted(DEVIATIONS))
def test_deviation_has_a_test(rule: str) -> None:
    """Every deviation names the golden case or the test function that proves it, and that exists."""
    where = DEVIATION_TESTS[rule]
    if where.startswith("cases/"):
        assert rule == Path(where).name
        assert (HERE / where / "expected.txt").is_file()
    else:
        module, _, function = where.partition("::")
        assert function in _test_names(HERE / module)


def _docs_table_ids(heading: str) -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))


def test_docs_list_every_deviation() -> None:
    """docs/spec-diff-rules.md has one row per deviation, and no row for a rule that is not one."""
    assert set(DEVIATIONS) == _docs_table_ids("Deviations from oasdiff")


def test_docs_list_every_rule_of_our_own() -> None:
    """docs/spec-diff-rules.md lists every hand-written rule of ours with its level."""
    assert set(_OURS) <= _docs_table_ids("Rules of our own")


def test_rules_of_our_own_say_why() -> None:
    """Every rule oasdiff lacks carries a note."""
    assert [] == sorted(r.id for r in RULES.values() if not r.oasdiff and not r.note)
