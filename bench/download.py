"""Benchmark 6: download throughput of `VideoClient.download` / `AsyncVideoClient.download` against curl.

One file server process on 127.0.0.1 (`python -m bench.download SERVE PATH`: HTTP/1.1, `socket.sendfile`, so
the server costs the same for every client) serves one sparse file of `size` bytes. Each sample is one fresh
process downloading it to a file (on /dev/shm where it exists, so that the shared disk does not set the pace):
`curl -o`, the sync client and the async client, round-robin so machine load drifts over all of them alike.
Throughput is bytes over the time the download itself took (curl's `time_total`, the client's own clock around
`download()`), so interpreter start-up is not counted against the client; peak RSS is the child's `ru_maxrss`
from `os.wait4`. RSS is measured for a 64 MiB file too: flat RSS is the same peak for both sizes (the body is
streamed, never held).

Skipped, with a note saying so, when curl is not installed (`apt-get install -y curl`).
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench._report import Section

GIB = 1 << 30
SMALL = 64 << 20
CURL, SYNC, ASYNC = "curl", "VideoClient", "AsyncVideoClient"
CLIENTS = (CURL, SYNC, ASYNC)
_CHILD = """
import asyncio, sys, time
from sora_unified import AsyncVideoClient, TaskStatus, VideoClient, VideoTask
flavor, url, out = sys.argv[1:4]
task = VideoTask(id="bench", provider="globalaiopc", model=None, status=TaskStatus.SUCCEEDED, progress=1.0,
                 video_url=url, error=None, created_at=None, updated_at=None, raw={})
options = {"api_key": "sk_bench", "base_url": "http://127.0.0.1:9"}
start = time.perf_counter()
if flavor == "sync":
    with VideoClient("globalaiopc", **options) as client:
        client.download(task, out)
else:
    async def main() -> None:
        async with AsyncVideoClient("globalaiopc", **options) as client:
            await client.download(task, out)
    asyncio.run(main())
print(time.perf_counter() - start)
"""


class _Files(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        path = Path(self.server.root) / self.path.lstrip("/")  # type: ignore[attr-defined]
        size = path.stat().st_size
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.wfile.flush()
        with path.open("rb") as fh:
            self.connection.sendfile(fh)


def serve(root: str) -> None:
    """Serve the files of `root` on an ephemeral port of 127.0.0.1; print the port, run until killed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    server.root = root  # type: ignore[attr-defined]
    print(server.server_address[1], flush=True)
    server.serve_forever()


def _sample(client: str, url: str, out: Path) -> tuple[float, float]:
    """(seconds the download took, peak RSS in MiB) of one fresh process."""
    if client == CURL:
        argv = ["curl", "-s", "-S", "-f", "-o", str(out), "-w", "%{time_total}", url]
    else:
        argv = [sys.executable, "-c", _CHILD, "sync" if client == SYNC else "async", url, str(out)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    with proc.stdout:
        printed = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{client} download failed ({proc.returncode})")
    out.unlink()
    return float(printed.strip()), usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _sparse(directory: Path, name: str, size: int) -> None:
    with (directory / name).open("wb") as fh:
        fh.truncate(size)


def run(*, size: int = GIB, rounds: int = 3) -> Section:
    """The download section: throughput of curl and both clients on loopback, their ratio, and peak RSS."""
    section = Section("download", f"Download of {size >> 20} MiB on loopback: sora_unified vs curl, one run")
    if shutil.which("curl") is None:
        section.notes.append("skipped: curl is not installed (apt-get install -y curl); nothing was measured.")
        return section
    memory = Path("/dev/shm")  # tmpfs: the figure is the client's, not the shared disk's
    with tempfile.TemporaryDirectory(prefix="bench-download-", dir=memory if memory.is_dir() else None) as scratch:
        root = Path(scratch)
        (root / "out").mkdir()
        _sparse(root, "big.mp4", size)
        _sparse(root, "small.mp4", min(SMALL, size))
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.download", "SERVE", str(root)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert server.stdout is not None
            base = f"http://127.0.0.1:{int(server.stdout.readline())}"
            _wait_listening(base)
            seconds: dict[str, list[float]] = {c: [] for c in CLIENTS}
            rss: dict[str, list[float]] = {c: [] for c in CLIENTS}
            rss_small: dict[str, list[float]] = {c: [] for c in CLIENTS}
            for client in CLIENTS:  # warm-up: page cache, .pyc files
                _sample(client, f"{base}/small.mp4", root / "out" / "warm.mp4")
            for _ in range(rounds):
                for client in CLIENTS:
                    took, peak = _sample(client, f"{base}/big.mp4", root / "out" / "big.mp4")
                    seconds[client].append(took)
                    rss[client].append(peak)
                    rss_small[client].append(_sample(client, f"{base}/small.mp4", root / "out" / "small.mp4")[1])
        finally:
            server.kill()
            server.wait()
            if server.stdout is not None:
                server.stdout.close()
    scratch_kind = "tmpfs (/dev/shm)" if memory.is_dir() else "the temp directory"
    mib = size / (1 << 20)
    for client in CLIENTS:
        section.figure(f"{client} throughput", "MiB/s", [mib / s for s in seconds[client]])
    for client in (SYNC, ASYNC):
        ratios = [c / s for c, s in zip(seconds[CURL], seconds[client], strict=True)]
        section.check(f"{client} / curl throughput", "ratio", ratios, ">=", 0.9)
    for client in CLIENTS:
        section.figure(f"{client} peak RSS, {mib:.0f} MiB file", "MiB", rss[client])
        section.figure(f"{client} peak RSS, {min(SMALL, size) >> 20} MiB file", "MiB", rss_small[client])
    for client in (SYNC, ASYNC):
        growth = [big - small for big, small in zip(rss[client], rss_small[client], strict=True)]
        section.check(f"{client} RSS growth {min(SMALL, size) >> 20} MiB -> {mib:.0f} MiB", "MiB", growth, "<=", 16.0)
    median_curl = statistics.median(seconds[CURL])
    section.notes.append(
        f"{rounds} round(s), round-robin curl / sync / async, fresh process each, written to {scratch_kind}; "
        f"curl median {median_curl:.2f} s. Throughput excludes process start-up (curl's time_total, the client's "
        "clock around download())."
    )
    return section


def _wait_listening(base: str) -> None:
    port = int(base.rsplit(":", 1)[1])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the bench file server did not start")


if __name__ == "__main__" and sys.argv[1:2] == ["SERVE"]:
    serve(sys.argv[2])
