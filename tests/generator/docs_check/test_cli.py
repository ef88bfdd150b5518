"""`python -m generator docs-check` and `upstream-check` as a user types them: options, formats, exit statuses."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from generator.cli import app
from generator.docs_check import ACCEPTED_DIR
from tests.generator.docs_check.test_openapi_case import UPSTREAM

RUNNER = CliRunner()


def test_docs_check_on_the_accepted_snapshot_passes_fail_on_warning() -> None:
    """`docs-check --snapshot specs/snapshots --fail-on warning` exits 0 and says there is no difference."""
    result = RUNNER.invoke(app, ["docs-check", "--snapshot", str(ACCEPTED_DIR), "--fail-on", "warning"])
    assert (0, True) == (result.exit_code, "No differences." in result.stdout)


def test_docs_check_json_has_findings_pages_and_summary() -> None:
    """`--format json` prints one JSON object with the findings, the per-page figures and the summary."""
    result = RUNNER.invoke(app, ["docs-check", "--snapshot", str(ACCEPTED_DIR), "--format", "json"])
    assert ["findings", "pages", "summary"] == sorted(json.loads(result.stdout))


def _usage_error(*args: str) -> tuple[int, str]:
    result = RUNNER.invoke(app, ["docs-check", "--snapshot", str(ACCEPTED_DIR), *args])
    return result.exit_code, result.stderr


def test_unknown_format_exits_2_naming_it() -> None:
    """`--format yaml` is a usage error (exit 2) whose message lists the formats."""
    assert (2, "docs-check: unknown --format 'yaml': use one of text, markdown, json\n") == _usage_error(
        "--format", "yaml"
    )


def test_unknown_fail_on_exits_2_naming_it() -> None:
    """`--fail-on fatal` is a usage error (exit 2) whose message lists the levels."""
    assert (2, "docs-check: unknown --fail-on 'fatal': use one of breaking, warning, info\n") == _usage_error(
        "--fail-on", "fatal"
    )


def test_unknown_provider_or_page_exits_2_naming_it() -> None:
    """A provider with no spec, or a URL no spec cites, is a usage error naming it."""
    assert (
        (2, "docs-check: no spec for provider(s) nosuch in specs\n"),
        (2, "docs-check: --page https://example.com/x is not a doc page of any spec checked\n"),
    ) == (_usage_error("--provider", "nosuch"), _usage_error("--page", "https://example.com/x"))


def test_upstream_check_reads_a_saved_copy_and_fails_on_breaking() -> None:
    """`upstream-check --file F --fail-on breaking` diffs the repo's rivya.yaml with F and exits 1 on breaking."""
    result = RUNNER.invoke(app, ["upstream-check", "--file", str(UPSTREAM), "--fail-on", "breaking", "--json"])
    assert (1, True) == (result.exit_code, json.loads(result.stdout)["summary"]["breaking"] > 0)
