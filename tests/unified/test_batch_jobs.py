"""Reading JOBS files: JSON Lines and CSV, every bad line reported with line, field and allowed values."""

from __future__ import annotations

import json
from pathlib import Path

from sora_unified import VideoClient, VideoRequest
from sora_unified.batch import estimate, load_jobs, parse_jobs


def _jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


def test_valid_lines_become_jobs_with_default_ids_and_provider() -> None:
    """A line without id is `line-<n>`; without provider it takes the default; blank and # lines are skipped."""
    text = _jsonl({"prompt": "a fox", "seconds": 10}, "", "# comment", {"id": "b", "prompt": "a kite"})
    loaded = parse_jobs(Path("jobs.jsonl"), text, default_provider="rivya")
    expected = [
        ("line-1", 1, "rivya", VideoRequest(prompt="a fox", seconds=10)),
        ("b", 4, "rivya", VideoRequest(prompt="a kite")),
    ]
    assert ((), expected) == (loaded.problems, [(j.id, j.line, j.provider, j.request) for j in loaded.jobs])


def test_every_bad_line_is_listed_with_field_and_allowed_values() -> None:
    """All problems at once: bad duration, unknown provider, unknown field, not JSON, duplicate id, empty prompt."""
    text = _jsonl(
        {"provider": "globalaiopc", "prompt": "x", "seconds": 7},
        {"provider": "nope", "prompt": "x"},
        {"provider": "rivya", "prompt": "x", "colour": "red"},
        "{not json",
        {"id": "a", "provider": "rivya", "prompt": "x"},
        {"id": "a", "provider": "rivya", "prompt": "y"},
        {"provider": "rivya", "prompt": " "},
    )
    problems = parse_jobs(Path("jobs.jsonl"), text).problems
    assert [(1, "seconds"), (2, "provider"), (3, "colour"), (4, None), (6, "id"), (7, "prompt")] == [
        (p.line, p.field) for p in problems
    ]
    assert ("4", "8", "12") == problems[0].allowed
    assert str(problems[0]).startswith("line 1: seconds: 7 is not supported by globalaiopc")


def test_csv_cells_are_typed_and_empty_cells_unset(tmp_path: Path) -> None:
    """CSV: a seconds cell is parsed as a number; an empty cell means the field is not set."""
    path = tmp_path / "jobs.csv"
    path.write_text(
        "id,provider,prompt,seconds,orientation\nfox,rivya,a fox,10,\nkite,unifiedvideo,a kite,15,portrait\n"
    )
    loaded = load_jobs(path)
    requests = [job.request for job in loaded.jobs]
    expected = [
        VideoRequest(prompt="a fox", seconds=10),
        VideoRequest(prompt="a kite", seconds=15, orientation="portrait"),
    ]
    assert ((), expected) == (loaded.problems, requests)


def test_an_empty_file_is_a_problem() -> None:
    """A file with no job is refused rather than 'succeeding' with nothing done."""
    assert ["line 0: no jobs in the file"] == [str(p) for p in parse_jobs(Path("j.jsonl"), "\n").problems]


def test_fingerprint_changes_with_the_request_only() -> None:
    """The fingerprint covers provider and request, not the line number."""
    a = parse_jobs(Path("j.jsonl"), _jsonl({"id": "a", "provider": "rivya", "prompt": "x"})).jobs[0]
    moved = parse_jobs(Path("j.jsonl"), _jsonl("", {"id": "a", "provider": "rivya", "prompt": "x"})).jobs[0]
    changed = parse_jobs(Path("j.jsonl"), _jsonl({"id": "a", "provider": "rivya", "prompt": "y"})).jobs[0]
    assert (True, False) == (a.fingerprint == moved.fingerprint, a.fingerprint == changed.fingerprint)


def test_estimate_sums_seconds_and_credits_per_provider() -> None:
    """Seconds per provider (mapping defaults where the job sets none); credits only where a price is known."""
    text = _jsonl(
        {"provider": "rivya", "prompt": "x", "seconds": 10},
        {"provider": "rivya", "prompt": "y", "seconds": 15},
        {"provider": "globalaiopc", "prompt": "z"},
    )
    costs = estimate(parse_jobs(Path("j.jsonl"), text).jobs, {"rivya/sora-2-pro": 75})
    assert [("globalaiopc", 1, 8, None), ("rivya", 2, 25, 150)] == [
        (c.provider, c.jobs, c.seconds, c.credits) for c in costs
    ]


def test_a_line_the_client_would_refuse_is_refused_when_the_file_is_read(tmp_path: Path) -> None:
    """Zero-width prompts and host-less URLs passed the file check and failed at submit, after other jobs were sent."""
    provider = next(info.id for info in VideoClient.providers() if any(m.reference_image for m in info.models))
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(
        json.dumps({"provider": provider, "prompt": "\u200b\u200b"})
        + "\n"
        + json.dumps({"provider": provider, "prompt": "a fox", "reference_image": "https://"})
        + "\n",
        encoding="utf-8",
    )
    loaded = load_jobs(jobs)
    assert [(1, "prompt"), (2, "reference_image")] == [(p.line, p.field) for p in loaded.problems]
