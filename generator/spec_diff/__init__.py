"""Semantic OpenAPI diff classed like oasdiff (breaking / warning / info), mapping diffs, and Rivya upstream drift.

`run_spec_diff` compares `specs/*.yaml` and `specs/mappings/*.yaml` with a git ref, or any two files
(`files=(old, new)`), and renders text, Markdown, JSON or GitHub annotations; `run_upstream_check`
compares `specs/rivya.yaml` with Rivya's published openapi.json (imported on first use: it needs
httpx, the offline diff does not). `diff_documents` is the pure core; `RULES` is the rule table with
oasdiff's levels and our `DEVIATIONS` (docs/spec-diff-rules.md); `changed_specs` +
`provider_summaries` give the generator a one-line summary per changed spec.
"""

from typing import TYPE_CHECKING, Any

from generator.spec_diff._git import SpecDiffError, changed_specs, diff_spec_texts, run_spec_diff
from generator.spec_diff._model import Change, Level
from generator.spec_diff._report import provider_summaries, render_json, render_text, summary_line
from generator.spec_diff._rules import DEVIATIONS, RULES, Rule
from generator.spec_diff._walk import diff_documents

if TYPE_CHECKING:
    from generator.spec_diff._upstream import UPSTREAM_URL, diff_upstream, run_upstream_check

_UPSTREAM = frozenset({"UPSTREAM_URL", "diff_upstream", "run_upstream_check"})


def __getattr__(name: str) -> Any:
    """The upstream check needs httpx; it is imported on first use so an offline diff starts fast."""
    if name in _UPSTREAM:
        from generator.spec_diff import _upstream

        return getattr(_upstream, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEVIATIONS",
    "RULES",
    "UPSTREAM_URL",
    "Change",
    "Level",
    "Rule",
    "SpecDiffError",
    "changed_specs",
    "diff_documents",
    "diff_spec_texts",
    "diff_upstream",
    "provider_summaries",
    "render_json",
    "render_text",
    "run_spec_diff",
    "run_upstream_check",
    "summary_line",
]
