"""Smoke tests: every benchmark runs end to end with tiny sizes and reports the rows it promises (no timings)."""

from __future__ import annotations

import json
from pathlib import Path

from bench import __main__ as cli
from bench import batch, concurrency, generation, imports, overhead, polling
from bench._report import Section


def names(section: Section) -> list[str]:
    """Figure names, then check names."""
    return [f.name for f in section.figures] + [c.name for c in section.checks]


def test_overhead_reports_four_clients_and_two_ratios() -> None:
    """Benchmark 1 measures (a) to (d) against the canned server and checks both target ratios."""
    section = overhead.run(calls=3, rounds=1, warmup=1)
    expected = [
        overhead.RAW,
        overhead.GENERATED,
        overhead.UNIFIED,
        overhead.OPENAI,
        "(a) client CPU per call",
        "(b) client CPU per call",
        "(c) client CPU per call",
        "(d) client CPU per call",
        "(b)/(a) generated vs raw",
        "(c)/(a) by client CPU (CPU a / CPU c)",
        "(c)/(a) layer vs raw httpx",
        "(c)/(d) layer vs openai-python",
    ]
    assert expected == names(section)


def test_overhead_profile_names_the_layer_call() -> None:
    """The profile of (c) is a titled markdown summary."""
    lines = overhead.profile(calls=20)
    assert "Profile of (c) VideoClient.get, 20 calls" == lines[0].rsplit(" (", 1)[0]


def test_imports_compares_layer_httpx_and_openai() -> None:
    """Benchmark 2 times the three imports in fresh processes and checks the layer/httpx ratio."""
    section = imports.run(samples=1)
    assert ["sora_unified / httpx alone"] == [c.name for c in section.checks]
    assert 8 == len(names(section))


def test_import_time_parser_reads_the_cumulative_column() -> None:
    """The -X importtime line of the requested top-level module gives its cumulative microseconds."""
    stderr = "import time: self [us] | cumulative | imported package\nimport time:   10 |   1234 | httpx\n"
    assert 1234 == imports.cumulative_us(stderr, "httpx")


def test_concurrency_runs_tasks_without_errors() -> None:
    """Benchmark 3 runs a few tasks through AsyncVideoClient against the sandbox process, all succeeding."""
    section = concurrency.run(tasks=6, rounds=1, profile=False)
    errors = next(c for c in section.checks if c.name == "errors")
    assert (0.0,) == errors.series.samples


def test_polling_covers_every_provider_and_task_length() -> None:
    """Benchmark 4 reports calls and delay for each served provider and each simulated task length."""
    section = polling.run(seeds=1)
    providers = sorted({name.split(" ")[0] for name in names(section)})
    assert len(providers) * len(polling.DURATIONS) * 2 == len(names(section))


def test_generation_times_make_generate_and_bare_cli() -> None:
    """Benchmark 5 runs make generate (clean, no-op, forced) and the bare CLI in a scratch copy."""
    section = generation.run(rounds=1)
    expected = [
        "make generate, from clean",
        "make generate --force",
        "make generate, no-op",
        "bare openapi-python-client x3",
        "clean / bare",
    ]
    assert expected == names(section)


def test_batch_reports_its_figures_and_passes_its_checks() -> None:
    """Benchmark 6 runs a tiny batch clean and with one SIGKILL: every figure present, no duplicate, none lost."""
    section = batch.run(jobs=6, kills=1, concurrency=2)
    expected = [
        "wall time, uninterrupted",
        "jobs per second, uninterrupted",
        "journal size",
        "time to resume after a kill",
        "peak RSS of the batch process",
        "duplicate creates after kills",
        "lost tasks after kills",
        "jobs not final after kills",
    ]
    assert (expected, []) == (names(section), [c.name for c in section.checks if not c.passed])


def test_cli_writes_json_for_the_selected_benchmark(tmp_path: Path) -> None:
    """`python -m bench --quick --only imports --json F` writes that one section to F."""
    out = tmp_path / "out.json"
    assert 0 == cli.main(["--quick", "--only", "imports", "--json", str(out)])
    assert ["imports"] == [s["key"] for s in json.loads(out.read_text())["sections"]]
