"""`python -m generator docs-check` and `upstream-check` as a user types them: options, formats, exit statuses."""

from __future__ import annotations

import json

import pytest
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


@pytest.mark.parametrize(
    "args",
    [["--format", "yaml"], ["--fail-on", "fatal"], ["--provider", "nosuchprovider"]],
    ids=["format", "fail-on", "provider"],
)
def test_docs_check_bad_option_exits_2(args: list[str]) -> None:
    """An unknown format, level or provider is a usage error: exit 2 with a message naming it."""
    result = RUNNER.invoke(app, ["docs-check", "--snapshot", str(ACCEPTED_DIR), *args])
    assert (2, args[1]) == (result.exit_code, args[1] if args[1] in result.stderr else result.stderr)


def test_upstream_check_reads_a_saved_copy_and_fails_on_breaking() -> None:
    """`upstream-check --file F --fail-on breaking` diffs the repo's rivya.yaml with F and exits 1 on breaking."""
    result = RUNNER.invoke(app, ["upstream-check", "--file", str(UPSTREAM), "--fail-on", "breaking", "--json"])
    assert (1, True) == (result.exit_code, json.loads(result.stdout)["summary"]["breaking"] > 0)
