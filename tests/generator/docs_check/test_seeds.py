"""The extractors on real pages: every payload found in a seed is a stored example and validates against its spec."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.docs_check import ACCEPTED_DIR, extract, load_providers
from tests.generator.docs_check.conftest import SEED_FILES, accepted_entries, needs_seeds

PROVIDERS = {p.id: p for p in load_providers()}
# Where each seed was saved from (the URL the spec cites for the examples it shows; see specs/snapshots/*/index.json).
SEED_PAGES = {
    "000_635c49701a21634f.txt": ("rivya", "https://rivya.ai/th/docs/api/models/sora-2-pro"),
    "001_b99f829a5fdec7d0.txt": (
        "unifiedvideo",
        "https://aiapi-doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html",
    ),
    "002_c00a1d8b7f4fa48f.txt": ("globalaiopc", "https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create"),
}
# What each seed holds, counted by hand: Rivya's page shows 3 JSON blocks; the Apifox export 1 request and
# 1 response example; the Mintlify page shows its curl request and its response twice (panel and body).
EXPECTED_COUNTS = {
    "000_635c49701a21634f.txt": (3, 3),
    "001_b99f829a5fdec7d0.txt": (2, 2),
    "002_c00a1d8b7f4fa48f.txt": (4, 2),
}


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True)


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_seed_payload_counts(seed: Path) -> None:
    """Each seed yields exactly the payloads it shows (all of them, and distinct ones)."""
    payloads = extract(seed.read_text(encoding="utf-8")).payloads
    assert EXPECTED_COUNTS[seed.name] == (len(payloads), len({_canonical(p.value) for p in payloads}))


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_every_seed_payload_is_a_stored_example_that_validates(seed: Path) -> None:
    """A payload of a seed equals a stored example of its provider, which validates against the schema it documents."""
    provider = PROVIDERS[SEED_PAGES[seed.name][0]]
    stored = {_canonical(ex.value): ex for ex in provider.examples if ex.value is not None}
    problems = []
    for payload in extract(seed.read_text(encoding="utf-8")).payloads:
        example = stored.get(_canonical(payload.value))
        if example is None or example.target is None:
            problems.append(f"line {payload.line}: no stored example equals it")
            continue
        errors = list(provider.validator(example.target.schema_pointer).iter_errors(payload.value))
        problems += [f"line {payload.line} ({example.file}): {e.json_path}: {e.message}" for e in errors]
    assert [] == problems


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_accepted_snapshot_is_the_seed_verbatim(seed: Path) -> None:
    """The committed snapshot page of a seed is a byte-for-byte copy of it (what --save would write from it)."""
    provider, url = SEED_PAGES[seed.name]
    entry = {u: e for p, u, e in accepted_entries() if p == provider}[url]
    if entry.get("seed") != seed.name:
        pytest.skip(f"the accepted snapshot of {url} was replaced by `--save` (its index entry names no seed)")
    assert seed.read_bytes() == (ACCEPTED_DIR / provider / entry["file"]).read_bytes()


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_seed_page_cites_the_examples_it_shows(seed: Path) -> None:
    """The URL a seed is filed under is the x-source of at least one stored example it shows."""
    provider_id, url = SEED_PAGES[seed.name]
    shown = {_canonical(p.value) for p in extract(seed.read_text(encoding="utf-8")).payloads}
    cited = [ex.file for ex in PROVIDERS[provider_id].examples if ex.source == url and _canonical(ex.value) in shown]
    assert [] != cited
