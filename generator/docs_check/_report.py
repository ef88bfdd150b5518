"""Render a docs-check report as text, Markdown or JSON, and turn it into an exit status.

Same level names as the spec diff (breaking / warning / info) and the same `--fail-on` meaning, but
its own renderer: the spec diff's output formats are not a contract this package relies on. Text:
one block per provider and page, breaking first, each finding as `- LEVEL rule: where`, `at
<json path>`, the message, then indented detail lines; a summary line per provider and overall.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Final

from generator.docs_check._model import Finding, Level, PageStats

FORMATS: Final = ("text", "markdown", "json")
# Findings about what could be compared, not about a difference: a run with only these "reports no difference".
COVERAGE_RULES: Final = frozenset({"no-snapshot", "no-accepted-snapshot"})
FAIL_ON_LEVELS: Final = {level.value: level for level in Level}


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each level, keyed by level name."""
    result = {level.value: 0 for level in Level}
    for finding in findings:
        result[finding.level.value] += 1
    return result


def summary_line(findings: Sequence[Finding]) -> str:
    """`N breaking, M warnings, K info`."""
    tally = counts(findings)
    return f"{tally['breaking']} breaking, {tally['warning']} warnings, {tally['info']} info"


def _stats_line(stats: PageStats) -> str:
    if not stats.payloads:
        return f"read from {stats.source}: no payloads"
    return (
        f"read from {stats.source}: {stats.payloads} payload(s), {stats.distinct} distinct, "
        f"{stats.matched} equal to a stored example"
    )


def _grouped(
    findings: Sequence[Finding], stats: Sequence[PageStats]
) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
    """Providers in order, each with its pages (those with findings or payloads) and their findings."""
    pages: dict[str, dict[str, list[Finding]]] = {}
    for item in stats:
        if item.payloads:
            pages.setdefault(item.provider, {}).setdefault(item.page, [])
    for finding in sorted(findings, key=Finding.sort_key):
        pages.setdefault(finding.provider, {}).setdefault(finding.page, []).append(finding)
    return [(p, sorted(pages[p].items())) for p in sorted(pages)]


def render_text(findings: Sequence[Finding], stats: Sequence[PageStats], markdown: bool = False) -> str:
    """The report as text (or Markdown): per provider, per page, breaking first, summary last."""
    index = {(s.provider, s.page): s for s in stats}
    lines: list[str] = []
    for provider, pages in _grouped(findings, stats):
        lines.append(f"## {provider} ({summary_line([f for _, items in pages for f in items])})")
        for page, items in pages:
            lines += ["", f"### {page}"] if markdown else [f"### {page}"]
            if (provider, page) in index and index[provider, page].payloads:
                lines.append(("" if markdown else "  ") + _stats_line(index[provider, page]))
            if markdown and items:
                lines.append("")
            for finding in items:
                lines += _finding_lines(finding, markdown)
        lines.append("")
    if all(f.rule in COVERAGE_RULES for f in findings):
        lines.append("No differences.")
    lines.append(summary_line(findings))
    return "\n".join(lines) + "\n"


def _finding_lines(finding: Finding, markdown: bool) -> list[str]:
    head = f"- {finding.level.value.upper()} {finding.rule}" + (f": {finding.where}" if finding.where else "")
    if markdown:
        head = f"- **{finding.level.value.upper()}** `{finding.rule}`" + (
            f": `{finding.where}`" if finding.where else ""
        )
        out = [head + (f" at `{finding.json_path}`" if finding.json_path else ""), f"  {finding.message}"]
        if finding.detail:
            fence = "diff" if finding.rule == "page-text-changed" else "text"
            out += ["", f"  ```{fence}", *(f"  {line}" for line in finding.detail), "  ```", ""]
        return out
    if not finding.where and not finding.json_path and not finding.detail:
        return [f"{head}: {finding.message}"]
    out = [head]
    if finding.json_path:
        out.append(f"  at {finding.json_path}")
    out.append(f"  {finding.message}")
    out += [f"    {line}" for line in finding.detail]
    return out


def render_json(findings: Sequence[Finding], stats: Sequence[PageStats]) -> str:
    """The findings, the per-page figures and the summary as JSON."""
    payload = {
        "findings": [f.to_dict() for f in sorted(findings, key=Finding.sort_key)],
        "pages": [s.to_dict() for s in stats],
        "summary": counts(findings),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render(findings: Sequence[Finding], stats: Sequence[PageStats], fmt: str) -> str:
    """`fmt` is `text`, `markdown` or `json`."""
    if fmt == "json":
        return render_json(findings, stats)
    if fmt in ("text", "markdown"):
        return render_text(findings, stats, markdown=fmt == "markdown")
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def check_options(fmt: str, fail_on: str | None) -> Level | None:
    """The level `--fail-on` names; a ValueError naming a format or a level that does not exist."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown --format {fmt!r}: use one of {', '.join(FORMATS)}")
    return check_fail_on(fail_on)


def check_fail_on(fail_on: str | None) -> Level | None:
    """The level `--fail-on` names, or a ValueError listing the accepted names."""
    if fail_on is None:
        return None
    try:
        return FAIL_ON_LEVELS[fail_on.lower()]
    except KeyError:
        raise ValueError(f"unknown --fail-on {fail_on!r}: use one of {', '.join(FAIL_ON_LEVELS)}") from None


def exit_status(findings: Iterable[Finding], fail_on: str | None) -> int:
    """0, or 1 when a finding is at least as severe as `fail_on` (`breaking`, `warning` or `info`)."""
    threshold = check_fail_on(fail_on)
    if threshold is None:
        return 0
    return 1 if any(f.level.rank <= threshold.rank for f in findings) else 0
