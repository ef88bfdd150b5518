"""Smoke tests of the download benchmark: it measures curl and both clients side by side, or says it skipped."""

from __future__ import annotations

import shutil

import pytest

from bench import download


def test_download_bench_reports_curl_and_both_clients() -> None:
    """One tiny round: five throughputs (curl, both clients, both bare httpx loops), ratio and flat-RSS checks."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    section = download.run(size=2 << 20, rounds=1)
    assert [
        "curl throughput",
        "VideoClient throughput",
        "AsyncVideoClient throughput",
        "httpx.Client.stream loop throughput",
        "httpx.AsyncClient.stream loop throughput",
        "VideoClient / curl throughput",
        "AsyncVideoClient / curl throughput",
        "VideoClient RSS growth 2 MiB -> 2 MiB",
        "AsyncVideoClient RSS growth 2 MiB -> 2 MiB",
    ] == [f.name for f in section.figures[:5]] + [c.name for c in section.checks]


def test_download_bench_skips_without_curl(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without curl on PATH nothing is measured and the note says how to install it."""
    monkeypatch.setattr(download.shutil, "which", lambda _: None)
    section = download.run(size=1 << 20, rounds=1)
    assert ([], [], True) == (section.figures, section.checks, "apt-get install -y curl" in section.notes[0])
