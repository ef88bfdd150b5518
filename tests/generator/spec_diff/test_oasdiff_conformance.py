"""Our diff held to oasdiff's own checker tests (v1.28.0), read from ../shared/third_party/oasdiff at run time.

Each Go test of `checker/check_*_test.go` that `oasdiff_suite` can translate (its specs, the edits it
makes in Go, the level and single check it runs, the ids it asserts) is one case here; the rest are
listed with the reason by `test_unported_tests_are_listed_with_a_reason` and printed in the summary.

The figures (printed by `test_conformance_figures`, and stated in the README):

- exact: oasdiff's expected change reported with the same id and level;
- breaking missed: an expected breaking change for which we report no breaking change at all (the
  gate `FAIL_ON=breaking` would let it through);
- under-levelled: the same id at a lower level than oasdiff's;
- false alarms: a breaking change of ours that a Go test asserting the complete list does not
  expect, except where `generator.spec_diff.DEVIATIONS` declares that we raise that rule on
  purpose, or `DELIBERATE_ALARMS` names the test (each with its reason, also in docs/spec-diff-rules.md).

Measured (v1.28.0, 672 test functions in checker/check_*_test.go): 388 ported, 284 not. The ones not
ported, by reason (computed by `oasdiff_suite`; `test_unported_tests_are_listed_with_a_reason` prints
the counts, and each `Unported` carries the test's name, file and reason):

- 75 assert no rule id: only a message text, a change count, sources or a comment id;
- 61 are table-driven (a loop of subtests or `t.Run`): their cases are Go data, not files;
- 48 test a helper of the checker (no diff and no check call at all);
- 30 run checks with options we do not model (custom severity levels, deprecation policies
  `WithDeprecation(days)`, stability thresholds, optional checks);
- 31 make a Go edit the reader cannot replay faithfully: through a Go helper (`setResponseBodyType(t, s1,
  ...)`, `responseHeaderSchema(s1).Nullable`), struct literals such as `openapi3.Schema{...}`,
  `Responses.Set`, `SetOperation`, slices of a security requirement, callbacks;
- 12 open a path held in a variable (`open(file)` of a table); 7 build the spec in Go or load it otherwise;
- 10 inspect oasdiff's raw diff report, not the checker's changes;
- 3 assert an id written as a string; 2 use a non-default diff config; 4 run several diffs or checks.
"""

from __future__ import annotations

from collections import Counter

import pytest

from generator.spec_diff import DEVIATIONS, diff_documents
from tests.generator.spec_diff import oasdiff_suite as suite

pytestmark = pytest.mark.skipif(
    not suite.available(), reason=f"oasdiff's sources are not at {suite.OASDIFF} (clone them beside the repo)"
)

REGISTRY = suite.registry() if suite.available() else suite.Registry({}, {}, {})
CASES, UNPORTED = suite.read_suite(REGISTRY) if suite.available() else ([], [])
RAISED = frozenset(DEVIATIONS)

# Go tests where we report a breaking change on purpose although oasdiff's test expects none.
# Each is listed with its reason in docs/spec-diff-rules.md.
DELIBERATE_ALARMS = {
    "TestBreaking_RequestParameterMaxItemsWithoutFlatten": (
        "path-item parameters are always merged into each operation (oasdiff's --flatten-params): "
        "a smaller maxItems refuses the same requests wherever the parameter is declared"
    ),
}

# The floor this suite holds us to; the README states the measured figures.
MIN_EXACT_PERCENT = 95.0


def _ours(case: suite.Case) -> list[tuple[str, str]]:
    return [(c.rule, c.level.value) for c in diff_documents(case.base, case.revision, "oasdiff")]


def _score(case: suite.Case) -> suite.Score:
    result = suite.score(case, _ours(case), REGISTRY, RAISED)
    if case.name in DELIBERATE_ALARMS:
        result.false_alarms = 0
    return result


def _total() -> suite.Score:
    total = suite.Score()
    for case in CASES:
        total.add(_score(case))
    return total


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_breaking_change_missed_and_no_false_alarm(case: suite.Case) -> None:
    """Every breaking change oasdiff's test expects fails our gate too, at its level, and nothing else does."""
    result = _score(case)
    assert (0, 0, 0) == (result.breaking_missed, result.under_levelled, result.false_alarms), result.details


def test_deliberate_alarms_are_real() -> None:
    """Each deliberate false alarm still happens (else the exemption hides nothing and must go)."""
    by_name = {c.name: c for c in CASES}
    raised = {
        name: suite.score(by_name[name], _ours(by_name[name]), REGISTRY, RAISED).false_alarms
        for name in DELIBERATE_ALARMS
    }
    assert all(count > 0 for count in raised.values()), raised


def test_conformance_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints exact %, breaking missed, under-levelled and false alarms; holds the exact share to its floor."""
    total = _total()
    with capsys.disabled():
        print(
            f"\noasdiff conformance: {len(CASES)} Go tests ported, {len(UNPORTED)} not; "
            f"{total.exact}/{total.expected} expected changes exact ({total.exact_percent:.1f} %; "
            f"the rest: declared deviations and differing ids); "
            f"{total.breaking_missed} of {total.breaking_expected} breaking missed; "
            f"{total.under_levelled} under-levelled; {total.false_alarms} false alarms "
            f"(+{len(DELIBERATE_ALARMS)} deliberate)"
        )
    assert total.exact_percent >= MIN_EXACT_PERCENT


def test_unported_tests_are_listed_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    """Every Go test not compared is named with the reason; the reasons are summarised."""
    reasons = Counter(u.reason.split(":")[0] for u in UNPORTED)
    with capsys.disabled():
        print("\nunported oasdiff tests, by reason:")
        for reason, count in reasons.most_common():
            print(f"  {count:4d}  {reason}")
    assert all(u.reason for u in UNPORTED)
    assert len(CASES) > len(UNPORTED) / 2


def test_replay_edits_a_shared_component_through_ref() -> None:
    """A Go edit through `.Value` follows the $ref, as kin-openapi's pointers do."""
    doc = {
        "paths": {"/p": {"post": {"requestBody": {"$ref": "#/components/requestBodies/B"}}}},
        "components": {"requestBodies": {"B": {"content": {}}}},
    }
    suite.replay('s2.Spec.Paths.Value("/p").Post.RequestBody.Value.Description = "x"', {"s2": doc}, {})
    assert "x" == doc["components"]["requestBodies"]["B"]["description"]


def test_unknown_go_edit_is_not_ported() -> None:
    """An edit the reader does not understand makes the test unported instead of silently ignored."""
    with pytest.raises(suite.NotPortable):
        suite.replay("s2.Spec.Paths.Frobnicate = 1", {"s2": {"paths": {}}}, {})
