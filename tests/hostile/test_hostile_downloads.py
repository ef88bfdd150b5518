"""Downloads against a hostile server on 127.0.0.1: each measured failure of issue 11 now ends, or succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sora_unified import DownloadError, DownloadTimeoutError
from tests.hostile._servers import VIDEO, HostileServer
from tests.hostile.conftest import Download

REPO = Path(__file__).resolve().parents[2]
HALF = len(VIDEO) // 2
# A killed download: the sync client fetching the slow path, in its own process.
CHILD = """
import sys
from sora_unified import VideoClient
from tests.hostile.conftest import succeeded
with VideoClient("globalaiopc", api_key="sk_hostile", base_url="http://127.0.0.1:9") as client:
    client.download(succeeded(sys.argv[1]), sys.argv[2])
"""


def test_drip_ends_at_the_deadline(server: HostileServer, download: Download, tmp_path: Path) -> None:
    """A body dripping one byte every 20 ms (never a stall) ends in DownloadTimeoutError, leaving nothing."""
    with pytest.raises(DownloadTimeoutError):
        download(f"{server.base}/drip", tmp_path / "out.mp4", timeout=1.0, stall_timeout=0.5)
    assert [] == sorted(p.name for p in tmp_path.iterdir())


def test_redirect_loop_is_bounded(server: HostileServer, download: Download, tmp_path: Path) -> None:
    """A redirect loop costs 11 requests (the first and 10 redirects), not 84, and is not retried."""
    with pytest.raises(DownloadError, match="redirected more than 10 times"):
        download(f"{server.base}/loop", tmp_path / "out.mp4")
    assert ["/loop"] * 11 == server.seen.paths()


def test_gzip_answer_is_accepted(server: HostileServer, download: Download, tmp_path: Path) -> None:
    """A gzip-encoded body whose Content-Length is the encoded size downloads in one request, decoded."""
    path = download(f"{server.base}/gzip", tmp_path / "out.mp4")
    assert (VIDEO, ["/gzip"]) == (path.read_bytes(), server.seen.paths())


@pytest.mark.parametrize("behaviour", ["drop", "stall"])
def test_interrupted_body_resumes_with_range(
    server: HostileServer, download: Download, tmp_path: Path, behaviour: str
) -> None:
    """After half the body the connection drops (or stalls past stall_timeout): the rest comes by Range."""
    path = download(f"{server.base}/{behaviour}", tmp_path / "out.mp4", stall_timeout=1.0)
    assert (VIDEO, [None, f"bytes={HALF}-"]) == (path.read_bytes(), server.seen.ranges(f"/{behaviour}"))


def test_sigkill_mid_download_then_resume(server: HostileServer, download: Download, tmp_path: Path) -> None:
    """A download killed with SIGKILL leaves its .part; the next download resumes it by Range, verified whole."""
    target = tmp_path / "out.mp4"
    part = tmp_path / ".out.mp4.download.part"
    url = f"{server.base}/slow"
    child = subprocess.Popen([sys.executable, "-c", CHILD, url, str(target)], cwd=REPO)
    try:
        for _ in range(400):  # up to 20 s for 1 MiB to arrive (about 0.8 s on an idle machine)
            if part.exists() and part.stat().st_size >= 1 << 20:
                break
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(10)
    kept = part.stat().st_size
    assert (-signal.SIGKILL, False, True) == (child.returncode, target.exists(), 0 < kept < len(VIDEO))
    path = download(url, target)
    assert (VIDEO, [None, f"bytes={kept}-"], ["out.mp4"]) == (
        path.read_bytes(),
        server.seen.ranges("/slow"),
        sorted(p.name for p in tmp_path.iterdir()),
    )
