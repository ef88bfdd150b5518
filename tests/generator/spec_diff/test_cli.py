"""`spec-diff OLD NEW`, the four output formats, --fail-on, refusals, and mapping diffs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator._paths import MAPPINGS_DIR
from generator.cli import app
from generator.spec_diff import Level, diff_spec_texts

CASE = Path(__file__).parent / "cases" / "request-property-became-required"
OLD, NEW = CASE / "base.yaml", CASE / "revision.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["spec-diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_two_files_anywhere_are_diffed(tmp_path: Path) -> None:
    """OLD NEW outside the repository compare like the same files inside it; --fail-on breaking exits 1."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _ = _run(str(old), str(new), "--format", "json", "--fail-on", "breaking")
    changes = json.loads(out)["changes"]
    assert (1, ["request-property-became-required"]) == (status, [c["id"] for c in changes])


def test_json_change_has_id_level_operation_and_message() -> None:
    """Each JSON change carries at least id, level, operation and message."""
    _, out, _ = _run(str(OLD), str(NEW), "--format", "json")
    change = json.loads(out)["changes"][0]
    assert {"id", "level", "operation", "message"} <= change.keys()
    assert ("breaking", "POST /v1/tasks") == (change["level"], change["operation"])


def test_markdown_is_a_pull_request_comment() -> None:
    """--format markdown starts with a heading and the verdict and lists the change in a table row."""
    _, out, _ = _run(str(OLD), str(NEW), "--format", "markdown")
    assert out.startswith("### Spec diff\n\n**Breaking changes**: 1 breaking")
    assert "| 🔴 breaking | `request-property-became-required` | `POST /v1/tasks` |" in out


def test_github_format_is_workflow_annotations() -> None:
    """--format github prints one ::error command per breaking change, then the summary."""
    _, out, _ = _run(str(OLD), str(NEW), "--format", "github")
    lines = out.splitlines()
    assert lines[0].startswith("::error title=revision%3A request-property-became-required::POST /v1/tasks: ")
    assert "1 breaking, 0 warnings, 0 info" == lines[-1]


def test_swagger_2_is_refused_in_one_line(tmp_path: Path) -> None:
    """A Swagger 2.0 input exits 2 with one line naming the file and what it is."""
    swagger = tmp_path / "swagger.yaml"
    swagger.write_text('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', encoding="utf-8")
    status, out, err = _run(str(swagger), str(NEW))
    assert (2, "", 1) == (status, out, len(err.splitlines()))
    assert f'{swagger} is not OpenAPI 3.x (Swagger "2.0")' in err


def test_path_outside_the_repository_in_git_mode_is_explained(tmp_path: Path) -> None:
    """A single file outside the repo (git mode) is an error message, not a Python traceback."""
    outside = tmp_path / "x.yaml"
    outside.write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    status, _, err = _run(str(outside), "--base", "HEAD")
    assert 2 == status
    assert "is outside the repository" in err and "give OLD NEW" in err


def test_unknown_format_is_a_usage_error() -> None:
    """An unknown --format exits 2 naming the formats."""
    status, _, err = _run(str(OLD), str(NEW), "--format", "yaml")
    assert 2 == status
    assert "text, markdown, json, github" in err


def _mapping_changes(old: str, new: str) -> list[tuple[str, Level, str]]:
    return [(c.rule, c.level, c.message) for c in diff_spec_texts(old, new, "specs/mappings/globalaiopc.yaml")]


MAPPING = (MAPPINGS_DIR / "globalaiopc.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "rule", "level"),
    [
        ("defaults: {seconds: 8}", "defaults: {seconds: 12}", "mapping-default-changed", Level.BREAKING),
        ("cancelled: canceled}", "cancelled: failed}", "mapping-status-changed", Level.BREAKING),
        ("landscape: 1280x720, ", "", "mapping-allowed-value-removed", Level.BREAKING),
        ("seconds: {to: seconds}", "seconds: {to: duration}", "mapping-field-changed", Level.BREAKING),
        ("aliases: [sora-2-pro]", "aliases: []", "mapping-removed", Level.BREAKING),
        ("max_interval: 60", "max_interval: 45", "mapping-polling-changed", Level.INFO),
    ],
    ids=["default", "status-synonym", "allowed-value", "field-mapping", "alias", "polling"],
)
def test_mapping_change_gets_a_rule_and_level(old: str, new: str, rule: str, level: Level) -> None:
    """A mapping edit that changes what is sent or accepted is reported with its rule and level."""
    assert old in MAPPING
    found = {(r, lv) for r, lv, _ in _mapping_changes(MAPPING, MAPPING.replace(old, new, 1))}
    assert (rule, level) in found


def test_mapping_decisions_are_documentation() -> None:
    """Rewording a decision in a mapping is no change."""
    assert [] == _mapping_changes(MAPPING, MAPPING.replace("8 s, the duration", "Eight seconds, the duration"))


def test_whole_mapping_added_or_removed_is_one_change() -> None:
    """A mapping file that appears (or goes) is one mapping-added (info) or mapping-removed (breaking) change."""
    added = [(c.rule, c.level) for c in diff_spec_texts(None, MAPPING, "specs/mappings/globalaiopc.yaml")]
    removed = [(c.rule, c.level) for c in diff_spec_texts(MAPPING, None, "specs/mappings/globalaiopc.yaml")]
    assert ([("mapping-added", Level.INFO)], [("mapping-removed", Level.BREAKING)]) == (added, removed)
