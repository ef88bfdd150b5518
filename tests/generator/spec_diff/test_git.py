"""`run_spec_diff` against a git ref, on a throwaway repository under tmp_path (never the project's own)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.spec_diff import changed_specs, provider_summaries, run_spec_diff

CASES = Path(__file__).parent / "cases"
GIT = [
    "git",
    "-c",
    "user.name=spec-diff test",
    "-c",
    "user.email=spec-diff@example.invalid",
    "-c",
    "commit.gpgsign=false",
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with specs/example.yaml and specs/legacy.yaml committed."""
    (tmp_path / "specs").mkdir()
    shutil.copy(CASES / "request-property-became-required" / "base.yaml", tmp_path / "specs" / "example.yaml")
    shutil.copy(CASES / "endpoint-added" / "base.yaml", tmp_path / "specs" / "legacy.yaml")
    _git(tmp_path, "init", "--quiet")
    _git(tmp_path, "add", "specs")
    _git(tmp_path, "commit", "--quiet", "-m", "specs")
    return tmp_path


def test_unchanged_tree_reports_no_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean tree compared with HEAD prints no change and exits 0 even with fail_on=breaking."""
    status = run_spec_diff(base="HEAD", fail_on="breaking", root=repo)
    assert (0, "No changes.\n0 breaking, 0 warnings, 0 info\n") == (status, capsys.readouterr().out)


def test_modified_spec_is_diffed_against_head(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Editing a committed spec reports the change, and fail_on=breaking turns it into exit status 1."""
    shutil.copy(CASES / "request-property-became-required" / "revision.yaml", repo / "specs" / "example.yaml")
    status = run_spec_diff(base="HEAD", fail_on="breaking", root=repo)
    expected = (CASES / "request-property-became-required" / "expected.txt").read_text(encoding="utf-8")
    assert (1, expected) == (status, capsys.readouterr().out)


def test_new_and_deleted_specs_are_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A spec only in the tree is `spec-added`; a spec only at BASE is `spec-removed` (breaking)."""
    (repo / "specs" / "legacy.yaml").unlink()
    shutil.copy(CASES / "endpoint-added" / "revision.yaml", repo / "specs" / "newcomer.yaml")
    status = run_spec_diff(base="HEAD", fmt="json", root=repo)
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert (0, [("legacy", "spec-removed", "breaking"), ("newcomer", "spec-added", "info")]) == (
        status,
        [(c["provider"], c["rule"], c["level"]) for c in changes],
    )


def test_paths_restrict_the_comparison(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With `paths`, only the named specs are compared."""
    (repo / "specs" / "legacy.yaml").unlink()
    status = run_spec_diff(base="HEAD", paths=["specs/example.yaml"], fail_on="breaking", root=repo)
    assert (0, "No changes.\n0 breaking, 0 warnings, 0 info\n") == (status, capsys.readouterr().out)


def test_fail_on_warning_counts_warnings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning-only diff passes fail_on=breaking and fails fail_on=warning."""
    shutil.copy(CASES / "request-property-removed" / "base.yaml", repo / "specs" / "example.yaml")
    _git(repo, "commit", "--quiet", "-am", "seed")
    shutil.copy(CASES / "request-property-removed" / "revision.yaml", repo / "specs" / "example.yaml")
    statuses = (run_spec_diff(fail_on="breaking", root=repo), run_spec_diff(fail_on="warning", root=repo))
    capsys.readouterr()
    assert (0, 1) == statuses


def test_unknown_ref_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ref that does not exist is an error (exit 2), not an empty diff."""
    status = run_spec_diff(base="no-such-ref", root=repo)
    assert (2, "spec-diff: unknown git ref 'no-such-ref'\n") == (status, capsys.readouterr().err)


def test_bad_fail_on_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown fail_on level is rejected."""
    status = run_spec_diff(fail_on="fatal", root=repo)
    assert 2 == status
    assert "unknown fail_on 'fatal'" in capsys.readouterr().err


def test_provider_summaries_name_the_changed_specs(repo: Path) -> None:
    """The generator's summary has one line per provider whose spec changed since BASE."""
    shutil.copy(CASES / "request-property-became-required" / "revision.yaml", repo / "specs" / "example.yaml")
    assert {"example": "1 breaking, 0 warnings, 0 info"} == provider_summaries(changed_specs("HEAD", repo))
