"""Upstream drift: a hand-made Rivya-like openapi.json fragment against a small Rivya-like spec (no network)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from generator.spec_diff import UPSTREAM_URL, diff_upstream, render_text, run_upstream_check
from generator.spec_diff._git import load_spec
from generator.spec_diff._upstream import load_upstream

HERE = Path(__file__).parent / "upstream"
SPEC = HERE / "rivya.yaml"
UPSTREAM = HERE / "openapi.json"


def test_upstream_fixture_matches_golden_changelog() -> None:
    """The fixture's known differences (limit, enum, status, properties, uncovered endpoints) are all reported."""
    ours = load_spec(SPEC.read_text(encoding="utf-8"), str(SPEC))
    expected = (HERE / "expected.txt").read_text(encoding="utf-8")
    assert expected == render_text(diff_upstream(ours, load_upstream(UPSTREAM)))


def test_run_upstream_check_from_file(capsys: pytest.CaptureFixture[str]) -> None:
    """`file=` reads a saved copy; a header names both sides; fail_on=breaking exits 1."""
    status = run_upstream_check(file=UPSTREAM, spec=SPEC, fail_on="breaking")
    expected = f"upstream-check: rivya.yaml (base) vs {UPSTREAM} (revision)\n" + (HERE / "expected.txt").read_text(
        encoding="utf-8"
    )
    assert (1, expected) == (status, capsys.readouterr().out)


def test_run_upstream_check_fetches_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    """Without `file=`, the published URL is fetched (here through a mock transport) and diffed the same way."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=UPSTREAM.read_bytes(), headers={"content-type": "application/json"})

    status = run_upstream_check(spec=SPEC, fmt="json", transport=httpx.MockTransport(handler))
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (0, [UPSTREAM_URL], {"breaking": 3, "warning": 1, "info": 14}) == (status, seen, summary)


def test_upstream_identical_to_ours_has_no_changes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Upstream publishing exactly our spec (as JSON) is no drift."""
    copy = tmp_path / "openapi.json"
    copy.write_text(json.dumps(load_spec(SPEC.read_text(encoding="utf-8"), str(SPEC))), encoding="utf-8")
    status = run_upstream_check(file=copy, spec=SPEC, fail_on="info")
    out = capsys.readouterr().out
    assert (0, "No changes.\n0 breaking, 0 warnings, 0 info\n") == (status, out.split("\n", 1)[1])


def test_http_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A failing fetch is reported on stderr with exit status 2."""
    transport = httpx.MockTransport(
        lambda request: httpx.Response(503, json={"error": {"code": "public_api_disabled"}})
    )
    status = run_upstream_check(url="https://rivya.example.invalid/openapi.json", spec=SPEC, transport=transport)
    assert 2 == status
    assert "upstream-check: Server error '503 Service Unavailable'" in capsys.readouterr().err


def test_missing_spec_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Until specs/rivya.yaml exists there is nothing to compare: exit 2 with a clear message."""
    status = run_upstream_check(file=UPSTREAM, spec=tmp_path / "rivya.yaml")
    assert (2, f"upstream-check: {tmp_path / 'rivya.yaml'} does not exist yet: nothing to compare upstream with\n") == (
        status,
        capsys.readouterr().err,
    )


def test_upstream_without_webhooks_section_ignores_ours() -> None:
    """An OpenAPI 3.0 upstream cannot describe webhooks, so our webhooks are not reported as removed."""
    ours = load_spec(SPEC.read_text(encoding="utf-8"), str(SPEC))
    rules = {change.rule for change in diff_upstream(ours, load_upstream(UPSTREAM))}
    assert ("generation.succeeded" in ours["webhooks"], set()) == (True, rules & {"webhook-removed", "webhook-added"})
