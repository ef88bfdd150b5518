"""Fixtures for generator tests: the fixture spec rendered once per session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator._paths import ClientTarget
from generator._render import _client_job, render_job

HERE = Path(__file__).resolve().parent
FIXTURE_SPECS = HERE / "fixtures" / "specs"
FIXTURE_SPEC = FIXTURE_SPECS / "minivideo.yaml"
GOLDEN_DIR = HERE / "golden"


@pytest.fixture(scope="session")
def rendered_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture spec rendered by the real pipeline into a fresh directory."""
    base = tmp_path_factory.mktemp("render")
    return render_job(_client_job(ClientTarget("minivideo", FIXTURE_SPEC)), base / "out", base)


@pytest.fixture(scope="session")
def golden_package() -> Iterator[str]:
    """Make the committed golden package importable as `minivideo_client`."""
    sys.path.insert(0, str(GOLDEN_DIR))
    try:
        yield "minivideo_client"
    finally:
        sys.path.remove(str(GOLDEN_DIR))
