"""Proof that a provider is a spec plus a mapping: a fictional fifth one, added to a copy of the repository.

The copy gets `pixelreel` (tests/generator/fixtures/fifth_provider/: spec, verbatim examples, mapping; no
Python), `python -m generator generate` renders its client and layer record, and the provider-generic suites
run on it by discovery: offline (contract, round trip) and against the sandbox, which serves it from the
mapping's `sandbox:` section (generated client, layer flows sync and async, CLI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from generator._paths import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "fifth_provider"
# Suites that need no sandbox (must pass for pixelreel) and suites that do (pixelreel cases are collected).
OFFLINE = ["tests/contract/test_contract_examples.py", "tests/contract/test_contract_mutations.py"]
OFFLINE += ["tests/generator/test_roundtrip.py"]
SANDBOX = ["tests/e2e/test_generated_clients.py", "tests/e2e/test_layer_flows.py", "tests/cli/test_commands.py"]


def _copy_repo(target: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO_ROOT, check=True, capture_output=True, text=True
    ).stdout.splitlines()
    for name in tracked:
        source = REPO_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _add_pixelreel(repo: Path) -> None:
    specs = repo / "specs"
    shutil.copy(FIXTURES / "pixelreel.yaml", specs / "pixelreel.yaml")
    shutil.copy(FIXTURES / "pixelreel.mapping.yaml", specs / "mappings" / "pixelreel.yaml")
    shutil.copytree(FIXTURES / "examples" / "pixelreel", specs / "examples" / "pixelreel")


# What names a pixelreel case: its provider id, or (contract and round-trip ids) one of its example files.
MARKERS = ("pixelreel", *(p.name for p in (FIXTURES / "examples" / "pixelreel").iterdir()))


def _outcomes(report: Path) -> Counter[str]:
    """passed / failed / error / skipped / xfailed counts of the pixelreel cases in a junit report."""
    counts: Counter[str] = Counter()
    for case in ET.parse(report).getroot().iter("testcase"):
        if not any(marker in case.get("name", "") for marker in MARKERS):
            continue
        kinds = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        skipped = case.find("skipped")
        if skipped is not None and skipped.get("type") == "pytest.xfail":
            counts["xfailed"] += 1
        else:
            counts[kinds[0] if kinds else "passed"] += 1
    return counts


@pytest.mark.timeout(900)
def test_a_fifth_provider_needs_only_spec_and_mapping(tmp_path: Path) -> None:
    """pixelreel, from fixtures only: generate succeeds and the generic suites pass (offline) or collect it."""
    repo = tmp_path / "repo"
    _copy_repo(repo)
    _add_pixelreel(repo)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo), str(repo / "generated")])}
    generated = subprocess.run(
        [sys.executable, "-m", "generator", "generate"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert 0 == generated.returncode, generated.stdout + generated.stderr
    assert (repo / "generated" / "sora_providers" / "pixelreel.py").is_file()
    assert [] == sorted(p.name for p in repo.rglob("*pixelreel*.py") if "generated" not in p.parts)

    results: dict[str, Counter[str]] = {}
    for group, suites in (("offline", OFFLINE), ("sandbox", SANDBOX)):
        report = tmp_path / f"{group}.xml"
        select = " or ".join(m.replace(".json", "") for m in MARKERS)
        run = [sys.executable, "-m", "pytest", "-q", "-k", select, f"--junitxml={report}", *suites]
        subprocess.run(run, cwd=repo, env=env, capture_output=True, text=True, check=False)
        results[group] = _outcomes(report)
    offline, sandbox = results["offline"], results["sandbox"]
    assert (0, 0) == (offline["failed"], offline["error"]), offline
    # Its three examples validate, round-trip and have their mutations rejected, plus its spec loads.
    assert offline["passed"] >= 7, offline
    assert (0, 0, 0) == (sandbox["failed"], sandbox["error"], sandbox["xfailed"]), sandbox
    assert sandbox["passed"] >= 20, sandbox
