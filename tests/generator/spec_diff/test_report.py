"""The rule table and the report: levels of the rules the brief names, JSON form, exit statuses."""

from __future__ import annotations

import json

import pytest

from generator.spec_diff import RULES, Change, Level, render_json, summary_line
from generator.spec_diff._report import exit_status
from generator.spec_diff._rules import SCHEMA_PREFIXES

# Levels as oasdiff assigns them (checker/rules.go), for the rules the task names explicitly.
OASDIFF_LEVELS = {
    "request-property-became-required": Level.BREAKING,
    "request-property-enum-value-removed": Level.BREAKING,
    "response-required-property-removed": Level.BREAKING,
    "response-optional-property-removed": Level.WARNING,
    "response-property-enum-value-added": Level.WARNING,
    "api-removed-without-deprecation": Level.BREAKING,
    "response-success-status-removed": Level.BREAKING,
    "request-property-type-changed": Level.BREAKING,
    "response-property-type-changed": Level.BREAKING,
    "new-optional-request-property": Level.INFO,
    "request-property-max-length-decreased": Level.BREAKING,
    "request-property-max-length-increased": Level.INFO,
    "response-property-max-length-increased": Level.BREAKING,
    "request-parameter-removed": Level.WARNING,
    "request-property-any-of-removed": Level.BREAKING,
}


@pytest.mark.parametrize("rule", sorted(OASDIFF_LEVELS), ids=sorted(OASDIFF_LEVELS))
def test_rule_level_follows_oasdiff(rule: str) -> None:
    """The named rules keep oasdiff's id and level."""
    assert (OASDIFF_LEVELS[rule], True) == (RULES[rule].level, RULES[rule].oasdiff)


def test_rules_not_in_oasdiff_say_why() -> None:
    """Every hand-listed rule that oasdiff lacks, and every open-enum rule, carries a note saying why."""
    generated = tuple(f"{prefix}-" for prefix in SCHEMA_PREFIXES)
    unexplained = sorted(
        r.id
        for r in RULES.values()
        if not r.note and ((not r.oasdiff and not r.id.startswith(generated)) or "open-enum" in r.id)
    )
    assert [] == unexplained


def _change(level: Level, provider: str = "p") -> Change:
    return Change(provider, "r", level, "GET /x", "$.paths['/x'].get", "m")


@pytest.mark.parametrize(
    ("levels", "fail_on", "expected"),
    [
        ([Level.INFO], "breaking", 0),
        ([Level.WARNING], "breaking", 0),
        ([Level.BREAKING], "breaking", 1),
        ([Level.WARNING], "warning", 1),
        ([Level.INFO], "warning", 0),
        ([Level.INFO], "info", 1),
        ([Level.BREAKING], None, 0),
    ],
    ids=["info-vs-breaking", "warning-vs-breaking", "breaking", "warning", "info-vs-warning", "info", "no-gate"],
)
def test_exit_status(levels: list[Level], fail_on: str | None, expected: int) -> None:
    """fail_on makes the exit status 1 when a change is at least that severe."""
    assert expected == exit_status([_change(level) for level in levels], fail_on)


def test_json_report_lists_changes_breaking_first_with_summary() -> None:
    """The JSON form orders changes as the text form does and counts each level."""
    changes = [_change(Level.INFO), _change(Level.BREAKING), _change(Level.WARNING, provider="a")]
    payload = json.loads(render_json(changes))
    assert (
        [("a", "warning"), ("p", "breaking"), ("p", "info")],
        {"breaking": 1, "warning": 1, "info": 1},
    ) == ([(c["provider"], c["level"]) for c in payload["changes"]], payload["summary"])


def test_summary_line() -> None:
    """The summary line has the fixed `N breaking, M warnings, K info` shape."""
    assert "1 breaking, 0 warnings, 2 info" == summary_line(
        [_change(Level.INFO), _change(Level.BREAKING), _change(Level.INFO)]
    )
