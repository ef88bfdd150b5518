"""Semantic OpenAPI diff classed like oasdiff (breaking / warning / info), and mapping diffs.

`run_spec_diff` compares `specs/*.yaml` and `specs/mappings/*.yaml` with a git ref, or any two files
(`files=(old, new)`), and renders text, Markdown, JSON or GitHub annotations. `diff_documents` is the
pure core (the docs check's OpenAPI-document case, `generator.docs_check`, uses it for Rivya's
published openapi.json); `RULES` is the rule table with oasdiff's levels and our `DEVIATIONS`
(docs/spec-diff-rules.md); `changed_specs` + `provider_summaries` give the generator a one-line
summary per changed spec.
"""

from generator.spec_diff._git import SpecDiffError, changed_specs, diff_spec_texts, run_spec_diff
from generator.spec_diff._model import Change, Level
from generator.spec_diff._report import provider_summaries, render_json, render_text, summary_line
from generator.spec_diff._rules import DEVIATIONS, RULES, Rule
from generator.spec_diff._walk import diff_documents

__all__ = [
    "DEVIATIONS",
    "RULES",
    "Change",
    "Level",
    "Rule",
    "SpecDiffError",
    "changed_specs",
    "diff_documents",
    "diff_spec_texts",
    "provider_summaries",
    "render_json",
    "render_text",
    "run_spec_diff",
    "summary_line",
]
