"""Golden record: the fixture spec must render byte for byte to the committed tree.

Regenerate it after an intended template change with `UPDATE_GOLDEN=1 make test` and review the diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator._postprocess import file_hashes

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def test_fixture_renders_to_golden_tree(rendered_fixture: Path) -> None:
    """Rendering the fixture spec yields exactly the committed golden files."""
    golden = GOLDEN_DIR / rendered_fixture.name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(rendered_fixture, golden)
    expected = file_hashes(golden)
    actual = file_hashes(rendered_fixture)
    mismatched = sorted(k for k in set(expected) | set(actual) if expected.get(k) != actual.get(k))
    assert [] == mismatched, f"golden differs in {mismatched}; if intended: UPDATE_GOLDEN=1 make test"


def test_every_generated_file_has_the_header(rendered_fixture: Path) -> None:
    """Each .py file starts with the one-line 'generated from ... do not edit' header."""
    missing = [
        p.name
        for p in rendered_fixture.rglob("*.py")
        if not p.read_text().startswith(
            "# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`"
        )
    ]
    assert [] == missing


def test_golden_package_passes_mypy_strict() -> None:
    """The rendered package type-checks under mypy --strict on its own."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(GOLDEN_DIR / "minivideo_client")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == proc.returncode, proc.stdout
