"""Render changes as a changelog and turn them into an exit status.

- text: one block per provider, breaking changes first, each change on three lines (level and rule
  with the operation; the logical JSON path; the message), then `N breaking, M warnings, K info`;
- markdown: the same as a pull-request comment (a summary line, one table per provider);
- json: `{"changes": [{"id", "level", "operation", "message", "provider", "json_path"}], "summary"}`;
- github: one workflow command per change (`::error`, `::warning`, `::notice`), so a CI job
  annotates the pull request, then the summary line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import groupby

from generator.spec_diff._model import Change, Level

FAIL_ON_LEVELS = {"breaking": Level.BREAKING, "warning": Level.WARNING, "info": Level.INFO}


def counts(changes: Iterable[Change]) -> dict[str, int]:
    """How many changes of each level, keyed by level name."""
    result = {level.value: 0 for level in Level}
    for change in changes:
        result[change.level.value] += 1
    return result


def summary_line(changes: Sequence[Change]) -> str:
    """`N breaking, M warnings, K info`."""
    tally = counts(changes)
    return f"{tally['breaking']} breaking, {tally['warning']} warnings, {tally['info']} info"


def provider_summaries(changes: Sequence[Change]) -> dict[str, str]:
    """`{provider: "N breaking, M warnings, K info"}` for the providers that changed (for `generate`'s log)."""
    ordered = sorted(changes, key=Change.sort_key)
    return {provider: summary_line(list(group)) for provider, group in groupby(ordered, key=lambda c: c.provider)}


def render_text(changes: Sequence[Change]) -> str:
    """The changelog grouped per provider, breaking first, with the summary line last."""
    lines: list[str] = []
    ordered = sorted(changes, key=Change.sort_key)
    for provider, group in groupby(ordered, key=lambda c: c.provider):
        items = list(group)
        lines.append(f"## {provider} ({summary_line(items)})")
        for change in items:
            lines.append(f"- {change.level.value.upper()} {change.rule}: {change.operation or '(whole spec)'}")
            lines.append(f"  at {change.json_path}")
            lines.append(f"  {change.message}")
        lines.append("")
    if not ordered:
        lines.append("No changes.")
    lines.append(summary_line(ordered))
    return "\n".join(lines) + "\n"


def render_json(changes: Sequence[Change]) -> str:
    """The changes and the summary as JSON."""
    ordered = sorted(changes, key=Change.sort_key)
    payload = {"changes": [c.to_dict() for c in ordered], "summary": counts(ordered)}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(changes: Sequence[Change]) -> str:
    """A pull-request comment: the verdict, then one table per provider, breaking first."""
    ordered = sorted(changes, key=Change.sort_key)
    tally = counts(ordered)
    verdict = "**Breaking changes**" if tally["breaking"] else "No breaking change"
    lines = ["### Spec diff", "", f"{verdict}: {summary_line(ordered)}.", ""]
    for provider, group in groupby(ordered, key=lambda c: c.provider):
        items = list(group)
        lines += [f"#### `{provider}` ({summary_line(items)})", "", "| level | rule | operation | change |"]
        lines.append("|---|---|---|---|")
        for change in items:
            operation = f"`{change.operation}`" if change.operation else "(whole spec)"
            lines.append(
                f"| {_LEVEL_BADGE[change.level]} | `{change.rule}` | {_cell(operation)} | {_cell(change.message)} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


_LEVEL_BADGE = {Level.BREAKING: "🔴 breaking", Level.WARNING: "🟡 warning", Level.INFO: "info"}
_COMMAND = {Level.BREAKING: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _escape_command(text: str) -> str:
    # https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_github(changes: Sequence[Change]) -> str:
    """GitHub Actions workflow commands: a pull request shows each change as an annotation."""
    ordered = sorted(changes, key=Change.sort_key)
    lines = []
    for change in ordered:
        title = _escape_command(f"{change.provider}: {change.rule}").replace(",", "%2C").replace(":", "%3A")
        where = f"{change.operation}: " if change.operation else ""
        lines.append(f"::{_COMMAND[change.level]} title={title}::{_escape_command(where + change.message)}")
    lines.append(summary_line(ordered))
    return "\n".join(lines) + "\n"


FORMATS = ("text", "markdown", "json", "github")


def render(changes: Sequence[Change], fmt: str) -> str:
    """`fmt` is one of `FORMATS`."""
    renderers = {"text": render_text, "markdown": render_markdown, "json": render_json, "github": render_github}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt](changes)


def exit_status(changes: Iterable[Change], fail_on: str | None) -> int:
    """0, or 1 when a change is at least as severe as `fail_on` (`breaking`, `warning` or `info`)."""
    if fail_on is None:
        return 0
    try:
        threshold = FAIL_ON_LEVELS[fail_on.lower()]
    except KeyError:
        raise ValueError(f"unknown fail_on {fail_on!r}: use one of {sorted(FAIL_ON_LEVELS)}") from None
    return 1 if any(c.level.rank <= threshold.rank for c in changes) else 0
