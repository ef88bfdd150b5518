"""`make generate` is incremental and reports changes; the drift gate and `make vendor` behave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator._generate import generate
from generator._vendor import VendorError, vendor

FIXTURE_SPECS = Path(__file__).resolve().parent / "fixtures" / "specs"


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture specs generated into a fresh directory."""
    out = tmp_path_factory.mktemp("gen") / "generated"
    changes = generate(out, specs_dir=FIXTURE_SPECS)
    assert ["minivideo_client"] == [c.package for c in changes if c.changed]
    return out


def test_second_run_skips_unchanged_packages(generated_once: Path) -> None:
    """A no-op run re-renders nothing."""
    changes = generate(generated_once, specs_dir=FIXTURE_SPECS)
    assert [("minivideo_client", True)] == [(c.package, c.skipped) for c in changes]


def test_hand_edit_is_detected_and_reverted(generated_once: Path) -> None:
    """A hand-edited generated file makes the next run re-render and report the file."""
    target = generated_once / "minivideo_client" / "models" / "task.py"
    original = target.read_text()
    target.write_text(original + "\n# edited by hand\n")
    changes = generate(generated_once, specs_dir=FIXTURE_SPECS)
    assert [["models/task.py"]] == [c.modified for c in changes]
    assert original == target.read_text()


def test_manifest_records_sources_and_tools(generated_once: Path) -> None:
    """The manifest names the spec with its sha256 and the exact tool versions."""
    manifest = json.loads((generated_once / "minivideo_client" / "MANIFEST.json").read_text())
    assert ["tests/generator/fixtures/specs/minivideo.yaml"] == list(manifest["sources"])
    assert {"openapi-python-client": "0.29.1", "ruff": "0.17.6"} == manifest["tools"]


def test_vendor_copies_packages_with_manifest(generated_once: Path, tmp_path: Path) -> None:
    """Vendoring copies the package and its manifest; a second vendor replaces the first copy."""
    dest = tmp_path / "app" / "src"
    vendor(dest, source=generated_once)
    vendor(dest, source=generated_once)
    assert (dest / "minivideo_client" / "MANIFEST.json").is_file()
    assert (dest / "minivideo_client" / "py.typed").is_file()


def test_vendor_refuses_to_clobber_a_foreign_directory(generated_once: Path, tmp_path: Path) -> None:
    """An existing directory that was not vendored by us is never overwritten."""
    (tmp_path / "minivideo_client").mkdir()
    with pytest.raises(VendorError, match="was not vendored by this tool"):
        vendor(tmp_path, source=generated_once)


def test_vendor_names_unknown_packages(generated_once: Path, tmp_path: Path) -> None:
    """Asking for a package that does not exist lists the available ones."""
    with pytest.raises(VendorError, match=r"unknown package\(s\) \['nope'\]; available: \['minivideo_client'\]"):
        vendor(tmp_path, ["nope"], source=generated_once)


def test_drift_gate_reports_edits_strays_and_a_clean_tree(tmp_path: Path) -> None:
    """check_drift is clean on a copy of generated/, and names a hand edit and a stray package when present."""
    import shutil

    from generator._generate import check_drift
    from generator._paths import GENERATED_DIR

    copy = tmp_path / "generated"
    shutil.copytree(GENERATED_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = check_drift(copy)
    assert (True, "") == (before.clean, before.report())
    edited = copy / "rivya_client" / "client.py"
    edited.write_text(edited.read_text() + "# hand edit\n")
    (copy / "stray_client").mkdir()
    drift = check_drift(copy)
    assert (False, ["rivya_client/client.py"], ["stray_client"]) == (
        drift.clean,
        [f"{c.package}/{m}" for c in drift.changes for m in c.modified],
        drift.unexpected,
    )


def test_generate_command_diffs_specs_only_when_a_package_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every package skipped, `generate` reports them without running the git + YAML spec diff."""
    from typer.testing import CliRunner

    from generator import _generate, cli
    from generator._postprocess import PackageChange

    def no_diff() -> dict[str, str]:
        raise AssertionError("spec summaries computed although nothing changed")

    monkeypatch.setattr(_generate, "generate", lambda force=False: [PackageChange("rivya_client", skipped=True)])
    monkeypatch.setattr(cli, "_spec_summaries", no_diff)
    result = CliRunner().invoke(cli.app, ["generate"])
    assert (0, "rivya_client: unchanged (inputs identical, skipped)") == (
        result.exit_code,
        result.output.splitlines()[0],
    )
