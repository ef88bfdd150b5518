"""Render changes as a changelog (text or JSON) and turn them into an exit status.

Text form: one block per provider, breaking changes first, each change on three lines (level and
rule with the operation; the logical JSON path; the message), then one summary line
`N breaking, M warnings, K info`. JSON form: `{"changes": [...], "summary": {...}}`.
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


def render(changes: Sequence[Change], fmt: str) -> str:
    """`fmt` is `text` or `json`."""
    if fmt == "json":
        return render_json(changes)
    if fmt == "text":
        return render_text(changes)
    raise ValueError(f"unknown format {fmt!r}: use 'text' or 'json'")


def exit_status(changes: Iterable[Change], fail_on: str | None) -> int:
    """0, or 1 when a change is at least as severe as `fail_on` (`breaking`, `warning` or `info`)."""
    if fail_on is None:
        return 0
    try:
        threshold = FAIL_ON_LEVELS[fail_on.lower()]
    except KeyError:
        raise ValueError(f"unknown fail_on {fail_on!r}: use one of {sorted(FAIL_ON_LEVELS)}") from None
    return 1 if any(c.level.rank <= threshold.rank for c in changes) else 0
