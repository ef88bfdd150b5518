"""Shared paths and helpers of the docs-check tests: the seeds (outside the repo) and the committed snapshot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator._paths import REPO_ROOT
from generator.docs_check import ACCEPTED_DIR

SEEDS = REPO_ROOT.parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
needs_seeds = pytest.mark.skipif(
    not SEED_FILES, reason=f"the seed documents are not at {SEEDS} (a sibling of the repo)"
)


def accepted_entries() -> list[tuple[str, str, dict[str, str]]]:
    """(provider, url, index entry) of every page of the committed accepted snapshot."""
    found = []
    for index in sorted(ACCEPTED_DIR.glob("*/index.json")):
        for entry in json.loads(index.read_text(encoding="utf-8"))["pages"]:
            found.append((index.parent.name, entry["url"], entry))
    return found


@pytest.fixture
def snapshot_copy(tmp_path: Path) -> Path:
    """A writable copy of specs/snapshots, to edit the way a provider would."""
    target = tmp_path / "snapshot"
    shutil.copytree(ACCEPTED_DIR, target)
    return target


def page_file(snapshot: Path, provider: str) -> Path:
    """The one saved page of `provider` in a snapshot folder."""
    entry = json.loads((snapshot / provider / "index.json").read_text(encoding="utf-8"))["pages"][0]
    return snapshot / provider / str(entry["file"])
