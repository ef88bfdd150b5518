"""Benchmark 6: download throughput of `VideoClient.download` / `AsyncVideoClient.download` against curl.

One file server process on 127.0.0.1 (`python -m bench.download SERVE PATH`: HTTP/1.1, `socket.sendfile`, so
the server costs the same for every client) serves one sparse file of `size` bytes. Each sample is one fresh
process downloading it to a file (on /dev/shm where it exists, so that the shared disk does not set the pace):
`curl -o`, the sync client, the async client, and for reference a bare httpx stream-and-write loop of each
flavor (what httpx alone costs), round-robin so machine load drifts over all of them alike. Throughput is bytes
over the time the download itself took (curl's `time_total`, the child's own clock around the download), so
interpreter start-up is not counted; peak RSS is the child's VmHWM (/proc/<pid>/status), polled while it runs.
RSS is measured for a 64 MiB file too: flat RSS is the same peak for both sizes (the body is streamed, never
held).

Skipped, with a note saying so, when curl is not installed (`apt-get install -y curl`).
"""

from __future__ import annotations

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
HTTPX_SYNC, HTTPX_ASYNC = "httpx.Client.stream loop", "httpx.AsyncClient.stream loop"
CLIENTS = (CURL, SYNC, ASYNC, HTTPX_SYNC, HTTPX_ASYNC)
_FLAVOR = {SYNC: "sync", ASYNC: "async", HTTPX_SYNC: "httpx-sync", HTTPX_ASYNC: "httpx-async"}
# One download in a fresh interpreter; prints the seconds it took. The httpx loops (stream, write each chunk) are
# the reference: what httpx alone costs, without the layer's checks.
_CHILD = """
import asyncio, sys, time
import httpx
from sora_unified import AsyncVideoClient, TaskStatus, VideoClient, VideoTask
flavor, url, out = sys.argv[1:4]
task = VideoTask(id="bench", provider="globalaiopc", model=None, status=TaskStatus.SUCCEEDED, progress=1.0,
                 video_url=url, error=None, created_at=None, updated_at=None, raw={})
options = {"api_key": "sk_bench", "base_url": "http://127.0.0.1:9"}
async def unified_async() -> None:
    async with AsyncVideoClient("globalaiopc", **options) as client:
        await client.download(task, out)
async def httpx_async() -> None:
    async with httpx.AsyncClient() as client, client.stream("GET", url) as response:
        with open(out, "wb", buffering=0) as fh:
            async for chunk in response.aiter_bytes():
                fh.write(chunk)
start = time.perf_counter()
if flavor == "sync":
    with VideoClient("globalaiopc", **options) as client:
        client.download(task, out)
elif flavor == "httpx-sync":
    with httpx.Client() as client, client.stream("GET", url) as response, open(out, "wb", buffering=0) as fh:
        for chunk in response.iter_bytes():
            fh.write(chunk)
else:
    asyncio.run(unified_async() if flavor == "async" else httpx_async())
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
        argv = [sys.executable, "-c", _CHILD, _FLAVOR[client], url, str(out)]
    peak_kib = 0
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) as proc:
        # VmHWM of the process's own memory, polled: getrusage/wait4 would report at least the RSS of this (forked)
        # parent, whatever the child uses, because Linux carries the maximum over exec.
        while proc.poll() is None:
            peak_kib = max(peak_kib, _vm_hwm_kib(proc.pid))
            time.sleep(0.005)
        printed = proc.stdout.read() if proc.stdout is not None else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{client} download failed ({proc.returncode})")
    out.unlink()
    return float(printed.strip()), peak_kib / 1024


def _vm_hwm_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0  # exited meanwhile (or no /proc): the earlier readings stand
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


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
    for client, reference in ((SYNC, HTTPX_SYNC), (ASYNC, HTTPX_ASYNC)):
        layer = [r / s for r, s in zip(seconds[reference], seconds[client], strict=True)]
        section.figure(f"{client} / bare {reference.split('.')[1]} loop", "ratio", layer)
    for client in (SYNC, ASYNC):
        ratios = [c / s for c, s in zip(seconds[CURL], seconds[client], strict=True)]
        section.check(f"{client} / curl throughput", "ratio", ratios, ">=", 0.9)
    small_mib = min(SMALL, size) >> 20
    for client in (CURL, SYNC, ASYNC):
        section.figure(f"{client} peak RSS, {mib:.0f} MiB file", "MiB", rss[client])
        section.figure(f"{client} peak RSS, {small_mib} MiB file", "MiB", rss_small[client])
    for client in (SYNC, ASYNC):
        growth = [big - small for big, small in zip(rss[client], rss_small[client], strict=True)]
        section.check(f"{client} RSS growth {small_mib} MiB -> {mib:.0f} MiB", "MiB", growth, "<=", 16.0)
    median_curl = statistics.median(seconds[CURL])
    section.notes.append(
        f"{rounds} round(s), round-robin over {', '.join(CLIENTS)}, fresh process each, written to "
        f"{scratch_kind}; curl median {median_curl:.2f} s. Throughput excludes process start-up (curl's "
        "time_total, the child's clock around the download). The bare loops are httpx alone (stream, write each "
        "chunk): the layer's checks cost the difference between a client and its loop."
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
