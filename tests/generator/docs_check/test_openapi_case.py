"""The OpenAPI-document case (upstream-check): a hand-made Rivya-like openapi.json against a small Rivya-like spec.

Moved from tests/generator/spec_diff/test_upstream.py with the code it tests; no network (a mock
transport, or a saved file).
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from generator import _speclib as lib
from generator.docs_check import UPSTREAM_URL, diff_upstream, render, run_upstream_check
from generator.docs_check._openapi import parse_document

HERE = Path(__file__).parent / "upstream"
SPEC = HERE / "rivya.yaml"
UPSTREAM = HERE / "openapi.json"


def _findings() -> list[str]:
    ours = lib.load_spec(SPEC)
    upstream = parse_document(UPSTREAM.read_text(encoding="utf-8"), str(UPSTREAM))
    return [f"{f.level.value} {f.rule} {f.json_path}" for f in diff_upstream("rivya", UPSTREAM_URL, ours, upstream)]


def test_upstream_fixture_matches_golden_report(capsys: pytest.CaptureFixture[str]) -> None:
    """The fixture's known differences (limit, enum, status, properties, uncovered endpoints) are all reported."""
    status = run_upstream_check(file=UPSTREAM, spec=SPEC, fail_on="breaking")
    expected = f"upstream-check: rivya.yaml (base) vs {UPSTREAM} (revision)\n" + (HERE / "expected.txt").read_text(
        encoding="utf-8"
    )
    assert (1, expected) == (status, capsys.readouterr().out)


def test_upstream_differences_keep_their_spec_diff_levels() -> None:
    """Each difference keeps the level and JSON path the spec diff gives it (3 breaking, 1 warning, 14 info)."""
    levels = [line.split(" ", 1)[0] for line in _findings()]
    assert {"breaking": 3, "warning": 1, "info": 14} == {lv: levels.count(lv) for lv in ("breaking", "warning", "info")}


def test_run_upstream_check_fetches_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    """Without `file=`, the published URL named in the spec is fetched (here through a mock transport)."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=UPSTREAM.read_bytes(), headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)
    status = run_upstream_check(spec=SPEC, fmt="json", transport=transport)
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (0, [UPSTREAM_URL], {"breaking": 3, "warning": 1, "info": 14}) == (status, seen, summary)


def test_upstream_identical_to_ours_has_no_changes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Upstream publishing exactly our spec (as JSON) is no drift."""
    copy = tmp_path / "openapi.json"
    copy.write_text(json.dumps(lib.load_spec(SPEC)), encoding="utf-8")
    status = run_upstream_check(file=copy, spec=SPEC, fail_on="info")
    out = capsys.readouterr().out
    assert (0, "No differences.\n0 breaking, 0 warnings, 0 info\n") == (status, out.split("\n", 1)[1])


def test_http_error_exits_2_with_one_line_naming_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    """A failing fetch is one line on stderr naming the URL and the HTTP status, with exit status 2."""
    transport = httpx.MockTransport(lambda request: httpx.Response(503, json={"error": {"code": "disabled"}}))
    url = "https://rivya.example.invalid/openapi.json"
    status = run_upstream_check(url=url, spec=SPEC, transport=transport)
    assert (2, f"upstream-check: GET {url}: HTTP 503 Service Unavailable\n") == (status, capsys.readouterr().err)


def test_missing_spec_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Until specs/rivya.yaml exists there is nothing to compare: exit 2 with a clear message."""
    status = run_upstream_check(file=UPSTREAM, spec=tmp_path / "rivya.yaml")
    assert (2, f"upstream-check: {tmp_path / 'rivya.yaml'} does not exist yet: nothing to compare upstream with\n") == (
        status,
        capsys.readouterr().err,
    )


def test_upstream_without_webhooks_section_ignores_ours() -> None:
    """An OpenAPI 3.0 upstream cannot describe webhooks, so our webhooks are not reported as removed."""
    ours = lib.load_spec(SPEC)
    rules = {line.split(" ")[1] for line in _findings()}
    assert ("generation.succeeded" in ours["webhooks"], set()) == (True, rules & {"webhook-removed", "webhook-added"})


def test_markdown_report_names_every_rule() -> None:
    """The Markdown form carries the same findings as the text form (one bullet per finding)."""
    ours = lib.load_spec(SPEC)
    upstream = parse_document(UPSTREAM.read_text(encoding="utf-8"), str(UPSTREAM))
    findings = diff_upstream("rivya", UPSTREAM_URL, ours, upstream)
    markdown = render(findings, [], "markdown")
    assert len(findings) == markdown.count("\n- **")


def test_examples_in_the_published_document_are_validated(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An example the published document carries is a payload: a value our schema lacks is named at its path."""
    document = json.loads(UPSTREAM.read_text(encoding="utf-8"))
    media = document["paths"]["/generations"]["post"]["requestBody"]["content"]["application/json"]
    media["examples"] = {"long": {"value": {"model": "sora-2-pro", "prompt": "p", "params": {"n_frames": "20"}}}}
    copy = tmp_path / "openapi.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    run_upstream_check(file=copy, spec=SPEC, fmt="json")
    findings = json.loads(capsys.readouterr().out)["findings"]
    rejected = [(f["level"], f["where"], f["json_path"]) for f in findings if f["rule"] == "request-example-rejected"]
    assert [("warning", "POST /api/v1/generations", "$.params.n_frames")] == rejected
