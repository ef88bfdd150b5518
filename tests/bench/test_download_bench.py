"""Smoke tests of the download benchmark: it measures curl and both clients side by side, or says it skipped."""

from __future__ import annotations

import shutil

import pytest

from bench import download


def test_download_bench_reports_curl_and_both_clients() -> None:
    """One tiny round: three throughputs, RSS at two sizes, and the ratio and flat-RSS checks per client."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    section = download.run(size=2 << 20, rounds=1)
    assert [
        "curl throughput",
        "VideoClient throughput",
        "AsyncVideoClient throughput",
        "VideoClient / curl throughput",
        "AsyncVideoClient / curl throughput",
        "VideoClient RSS growth 2 MiB -> 2 MiB",
        "AsyncVideoClient RSS growth 2 MiB -> 2 MiB",
    ] == [f.name for f in section.figures[:3]] + [c.name for c in section.checks]


def test_download_bench_skips_without_curl(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without curl on PATH nothing is measured and the note says how to install it."""
    monkeypatch.setattr(download.shutil, "which", lambda _: None)
    section = download.run(size=1 << 20, rounds=1)
    assert ([], [], True) == (section.figures, section.checks, "apt-get install -y curl" in section.notes[0])
