"""download(): streamed, atomic, checked; an interrupted or bad download leaves nothing at the destination."""

from __future__ import annotations

import errno
import gzip
import json
import os
import stat
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_unified import DownloadDestinationError, DownloadError, DownloadTimeoutError, TaskStatus, _destination
from sora_unified._destination import Destination
from tests.unified._support import BASE_URLS, KEY, example, ok

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64
URL = "https://example.com/videos/sora_abc123def456.mp4"
DONE = example("globalaiopc/described/getResult.response-200.completed.json")


def video(content: bytes = VIDEO, content_type: str = "video/mp4", length: int | None = None) -> httpx.Response:
    headers = {"content-type": content_type} | ({"content-length": str(length)} if length is not None else {})
    return httpx.Response(200, content=content, headers=headers)


class BrokenStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Sends half the video, then the connection drops."""

    def __iter__(self) -> Iterator[bytes]:
        yield VIDEO[: len(VIDEO) // 2]
        raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield VIDEO[: len(VIDEO) // 2]
        raise httpx.ReadError("connection reset")


def broken(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=BrokenStream(), headers={"content-type": "video/mp4"})


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_downloads_atomically_without_the_api_key(make: Any, tmp_path: Path) -> None:
    """get() then download(): the file has the bytes, no temp file remains, the CDN never sees the key."""
    h = make("globalaiopc", ok(DONE), video())
    task = h.get("sora_abc123def456")
    path = h.download(task, tmp_path / "out.mp4")
    cdn = h.recorder.requests[-1]
    assert (VIDEO, ["out.mp4"], URL) == (path.read_bytes(), leftovers(tmp_path), str(cdn.url))
    assert (None, False) == (cdn.headers.get("authorization"), KEY in str(cdn.headers))


def test_download_by_id_fetches_the_task_first(make: Any, tmp_path: Path) -> None:
    """download("id") asks for the task's current URL, then downloads it."""
    h = make("globalaiopc", ok(DONE), video())
    h.download("sora_abc123def456", tmp_path / "out.mp4")
    assert ["GET /kyyReactApiServer/v1/result/sora_abc123def456", f"GET {URL}"] == [
        f"{r.method} {r.url.path if 'globalaiopc.test' in str(r.url) else r.url}" for r in h.recorder.requests
    ]


@pytest.mark.parametrize(
    ("responses", "message"),
    [
        ([broken], "interrupted"),
        ([video(content_type="text/html")], "not a video"),
        ([video(length=len(VIDEO) + 10)], "truncated"),
        ([video(content=b"")], "empty"),
        # refreshed once through get(), still expired: give up
        ([httpx.Response(403, text="AccessDenied"), ok(DONE), httpx.Response(403, text="AccessDenied")], "HTTP 403"),
    ],
    ids=["connection-drop", "html-page", "short-body", "empty", "expired-url"],
)
def test_failed_download_leaves_nothing(make: Any, tmp_path: Path, responses: list[Any], message: str) -> None:
    """Whatever goes wrong, the destination does not exist and no partial file is left behind."""
    h = make("globalaiopc", ok(DONE), *responses)
    task = h.get("sora_abc123def456")
    with pytest.raises(DownloadError, match=message):
        h.download(task, tmp_path / "out.mp4")
    assert [] == leftovers(tmp_path)


def test_existing_destination_untouched_on_failure(make: Any, tmp_path: Path) -> None:
    """An older file at the destination survives a failed download intact."""
    target = tmp_path / "out.mp4"
    target.write_bytes(b"previous")
    h = make("globalaiopc", ok(DONE), broken)
    with pytest.raises(DownloadError):
        h.download(h.get("sora_abc123def456"), target)
    assert (b"previous", ["out.mp4"]) == (target.read_bytes(), leftovers(tmp_path))


def test_download_retries_5xx_then_succeeds(make: Any, tmp_path: Path) -> None:
    """A CDN 503 with Retry-After is retried after that pause."""
    h = make("globalaiopc", ok(DONE), httpx.Response(503, headers={"Retry-After": "4"}), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, [4.0]) == (path.read_bytes(), h.clock.sleeps)


def test_max_bytes_is_enforced(make: Any, tmp_path: Path) -> None:
    """A body larger than max_bytes is refused and removed."""
    h = make("globalaiopc", ok(DONE), video())
    with pytest.raises(DownloadError, match="max_bytes"):
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", max_bytes=100)
    assert [] == leftovers(tmp_path)


def test_expired_url_refreshed_once(make: Any, tmp_path: Path) -> None:
    """A stale task's URL answering 403 is refreshed through get() and downloaded from the new URL."""
    fresh = DONE | {"video_url": "https://example.com/videos/fresh.mp4"}
    h = make("globalaiopc", ok(DONE), httpx.Response(403), ok(fresh), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, "https://example.com/videos/fresh.mp4") == (path.read_bytes(), str(h.recorder.requests[-1].url))


def test_unfinished_task_has_nothing_to_download(make: Any, tmp_path: Path) -> None:
    """A running task: DownloadError naming its status, no request to any CDN."""
    h = make("globalaiopc", ok(example("globalaiopc/described/getResult.response-200.processing.json")))
    task = h.get("sora_abc123def456")
    with pytest.raises(DownloadError, match="running"):
        h.download(task, tmp_path / "out.mp4")
    assert (TaskStatus.RUNNING, 1, []) == (task.status, len(h.recorder.requests), leftovers(tmp_path))


def test_async_download_syncs_to_disk_off_the_event_loop(
    make: Any, flavor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync (a wait for the disk) runs in a worker thread for AsyncVideoClient, inline for VideoClient."""
    real_fsync = os.fsync
    on_main_thread: list[bool] = []

    def fsync(fd: int) -> None:
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    h = make("globalaiopc", ok(DONE), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, [flavor == "sync"]) == (path.read_bytes(), on_main_thread)


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A streamed body: these chunks, then (optionally) a dropped connection."""

    def __init__(self, *chunks: bytes, drop: bool = False) -> None:
        self.chunks = chunks
        self.drop = drop

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.drop:
            raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.drop:
            raise httpx.ReadError("connection reset")


API_HOSTS = {httpx.URL(url).host for url in BASE_URLS.values()}


def cdn_requests(h: Any) -> list[httpx.Request]:
    """The requests that went to the result file's host (not to a provider's API)."""
    return [r for r in h.recorder.requests if r.url.host not in API_HOSTS]


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "/videos/sora_abc123def456.mp4", "ftp://example.com/v.mp4"],
    ids=["file", "javascript", "relative", "ftp"],
)
def test_only_absolute_http_urls_are_fetched(make: Any, tmp_path: Path, url: str) -> None:
    """A file:, javascript:, ftp: or relative result URL is refused at once: no request, no retry, no file."""
    h = make("globalaiopc", ok(DONE | {"video_url": url}), video())
    with pytest.raises(DownloadError, match="only absolute http"):
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert ([], [], []) == (cdn_requests(h), h.clock.sleeps, leftovers(tmp_path))


def test_redirect_loop_is_bounded(make: Any, tmp_path: Path) -> None:
    """A redirect loop costs 1 + 10 requests, then a DownloadError that is not retried."""
    h = make("globalaiopc", ok(DONE), httpx.Response(302, headers={"location": URL}))
    with pytest.raises(DownloadError, match="redirected more than 10 times"):
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (11, []) == (len(cdn_requests(h)), leftovers(tmp_path))


def test_redirect_is_followed_and_checked(make: Any, tmp_path: Path) -> None:
    """A relative redirect is resolved against the URL and followed; one to file: is refused."""
    h = make("globalaiopc", ok(DONE), httpx.Response(302, headers={"location": "/cdn/v.mp4"}), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, "https://example.com/cdn/v.mp4") == (path.read_bytes(), str(cdn_requests(h)[-1].url))
    bad = make("globalaiopc", ok(DONE), httpx.Response(302, headers={"location": "file:///etc/passwd"}))
    with pytest.raises(DownloadError, match="file: URL"):
        bad.download(bad.get("sora_abc123def456"), tmp_path / "other.mp4")


def test_gzip_body_is_checked_on_the_wire(make: Any, tmp_path: Path) -> None:
    """A gzip-encoded answer (sent despite Accept-Encoding: identity) is decoded; its size is checked as sent."""
    packed = gzip.compress(VIDEO)
    headers = {"content-type": "video/mp4", "content-encoding": "gzip", "content-length": str(len(packed))}

    def gzipped(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Chunks(packed[:1000], packed[1000:]), headers=headers)

    h = make("globalaiopc", ok(DONE), gzipped)
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    sent = cdn_requests(h)
    assert (VIDEO, ["identity"], []) == (
        path.read_bytes(),
        [r.headers["accept-encoding"] for r in sent],
        h.clock.sleeps,
    )


def test_dropped_connection_resumes_with_range(make: Any, tmp_path: Path) -> None:
    """After a drop, the next attempt asks for the rest (Range, If-Range) and appends the 206 to the kept bytes."""
    half = len(VIDEO) // 2
    etag = '"v1"'

    def cdn(request: httpx.Request) -> httpx.Response:
        common = {"content-type": "video/mp4", "etag": etag}
        if "range" not in request.headers:
            return httpx.Response(
                200, stream=Chunks(VIDEO[:half], drop=True), headers=common | {"content-length": str(len(VIDEO))}
            )
        rest = VIDEO[half:]
        headers = common | {"content-range": f"bytes {half}-{len(VIDEO) - 1}/{len(VIDEO)}"}
        return httpx.Response(206, stream=Chunks(rest), headers=headers | {"content-length": str(len(rest))})

    h = make("globalaiopc", ok(DONE), cdn)
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    ranges = [(r.headers.get("range"), r.headers.get("if-range")) for r in cdn_requests(h)]
    assert (VIDEO, [(None, None), (f"bytes={half}-", etag)]) == (path.read_bytes(), ranges)


def test_range_that_does_not_continue_starts_over(make: Any, tmp_path: Path) -> None:
    """A 206 for other bytes (or another total) is not appended: the next attempt fetches the whole file."""
    half = len(VIDEO) // 2
    answers = iter(
        [
            httpx.Response(
                200,
                stream=Chunks(VIDEO[:half], drop=True),
                headers={"content-type": "video/mp4", "content-length": str(len(VIDEO))},
            ),
            httpx.Response(206, content=VIDEO[:10], headers={"content-range": f"bytes 0-9/{len(VIDEO)}"}),
            video(),
        ]
    )
    h = make("globalaiopc", ok(DONE), lambda _: next(answers))
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, [None, f"bytes={half}-", None]) == (
        path.read_bytes(),
        [r.headers.get("range") for r in cdn_requests(h)],
    )


@pytest.mark.parametrize("case", ["directory", "missing-parent", "parent-is-a-file"])
def test_bad_destination_fails_before_the_first_byte(make: Any, tmp_path: Path, case: str) -> None:
    """A directory, a missing parent or a file as parent: DownloadDestinationError, and no CDN request."""
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_bytes(b"x")
    destination = {"directory": "dir", "missing-parent": "nope/out.mp4", "parent-is-a-file": "file/out.mp4"}[case]
    h = make("globalaiopc", ok(DONE), video())
    with pytest.raises(DownloadDestinationError) as caught:
        h.download(h.get("sora_abc123def456"), tmp_path / destination)
    assert (str(tmp_path / destination), [], ["dir", "file"]) == (
        caught.value.path,
        cdn_requests(h),
        leftovers(tmp_path),
    )


def test_unwritable_destination_is_a_typed_error(make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OSError of an unwritable directory becomes DownloadDestinationError (its cause), before any request."""
    h = make("globalaiopc", ok(DONE), video())
    task = h.get("sora_abc123def456")

    def denied(*_: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(DownloadDestinationError, match="Permission denied") as caught:
        h.download(task, tmp_path / "out.mp4")
    assert (PermissionError, []) == (type(caught.value.__cause__), cdn_requests(h))


def test_file_mode_honours_the_umask(make: Any, tmp_path: Path) -> None:
    """The downloaded file gets 0666 minus the umask, like any file the process creates (not mkstemp's 0600)."""
    h = make("globalaiopc", ok(DONE), video())
    previous = os.umask(0o027)
    try:
        path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    finally:
        os.umask(previous)
    assert 0o640 == stat.S_IMODE(path.stat().st_mode)


def test_stale_part_files_of_the_destination_are_cleaned(make: Any, tmp_path: Path) -> None:
    """`.out.mp4.<random>.part` left by a killed older download goes; another destination's part file stays."""
    (tmp_path / ".out.mp4.k2j3h4.part").write_bytes(b"stale")
    (tmp_path / ".other.mp4.k2j3h4.part").write_bytes(b"not ours")
    h = make("globalaiopc", ok(DONE), video())
    h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert [".other.mp4.k2j3h4.part", "out.mp4"] == leftovers(tmp_path)


def test_left_part_file_is_resumed_only_when_it_matches(make: Any, tmp_path: Path) -> None:
    """A `.part` with its record is resumed by Range; without a record it is discarded and fetched whole."""
    half = len(VIDEO) // 2
    (tmp_path / ".out.mp4.download.part").write_bytes(VIDEO[:half])
    (tmp_path / ".out.mp4.download.part.json").write_text(json.dumps({"total": len(VIDEO), "validator": None}))
    (tmp_path / ".new.mp4.download.part").write_bytes(b"garbage")
    rest = httpx.Response(
        206, content=VIDEO[half:], headers={"content-range": f"bytes {half}-{len(VIDEO) - 1}/{len(VIDEO)}"}
    )
    h = make("globalaiopc", ok(DONE), rest, video())
    task = h.get("sora_abc123def456")
    resumed, fresh = h.download(task, tmp_path / "out.mp4"), h.download(task, tmp_path / "new.mp4")
    assert (VIDEO, VIDEO, [f"bytes={half}-", None], ["new.mp4", "out.mp4"]) == (
        resumed.read_bytes(),
        fresh.read_bytes(),
        [r.headers.get("range") for r in cdn_requests(h)],
        leftovers(tmp_path),
    )


def test_download_gives_up_like_an_api_call(make: Any, tmp_path: Path) -> None:
    """A pause asked past the deadline is not slept through (DownloadTimeoutError); 503s end after max_attempts."""
    too_long = make("globalaiopc", ok(DONE), httpx.Response(503, headers={"Retry-After": "600"}))
    with pytest.raises(DownloadTimeoutError, match="HTTP 503"):
        too_long.download(too_long.get("sora_abc123def456"), tmp_path / "out.mp4", timeout=300.0)
    busy = make("globalaiopc", ok(DONE), httpx.Response(503))
    with pytest.raises(DownloadError, match="HTTP 503"):
        busy.download(busy.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (1, 3, [0.4375, 0.875]) == (len(cdn_requests(too_long)), len(cdn_requests(busy)), busy.clock.sleeps)


def test_pause_within_the_deadline_is_honoured(make: Any, tmp_path: Path) -> None:
    """As for API calls under a deadline, a Retry-After above max_retry_after is slept when the deadline allows it."""
    h = make("globalaiopc", ok(DONE), httpx.Response(503, headers={"Retry-After": "600"}), video())
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", timeout=900.0)
    assert (VIDEO, [600.0]) == (path.read_bytes(), h.clock.sleeps)


def test_overall_deadline_ends_the_retries(make: Any, tmp_path: Path) -> None:
    """timeout=5 with Retry-After 4: one retry fits, the next would end past the deadline: DownloadTimeoutError."""
    h = make("globalaiopc", ok(DONE), httpx.Response(503, headers={"Retry-After": "4"}))
    with pytest.raises(DownloadTimeoutError, match="within 5"):
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", timeout=5.0)
    assert ([4.0], 2, []) == (h.clock.sleeps, len(cdn_requests(h)), leftovers(tmp_path))


def test_request_timeouts_are_capped_by_the_time_left(make: Any, tmp_path: Path) -> None:
    """Each request's timeouts: the read timeout is the stall timeout, all capped by what the deadline leaves."""
    h = make("globalaiopc", ok(DONE), httpx.Response(503, headers={"Retry-After": "4"}), video())
    h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", timeout=10.0, stall_timeout=8.0)
    timeouts = [r.extensions["timeout"] for r in cdn_requests(h)]
    first = {"connect": 10.0, "read": 8.0, "write": 10.0, "pool": 10.0}
    assert [first, {"connect": 6.0, "read": 6.0, "write": 6.0, "pool": 6.0}] == timeouts


def test_second_download_to_the_same_path_fails_at_once(make: Any, tmp_path: Path) -> None:
    """While one download holds the destination's .part file, another to that path is refused before any request."""
    h = make("globalaiopc", ok(DONE), video())
    task = h.get("sora_abc123def456")
    holder = Destination.open(tmp_path / "out.mp4", "globalaiopc")
    try:
        with pytest.raises(DownloadDestinationError, match="another download"):
            h.download(task, tmp_path / "out.mp4")
    finally:
        holder.discard()
    assert ([], []) == (cdn_requests(h), leftovers(tmp_path))


def test_client_timeout_also_bounds_each_read(make: Any, tmp_path: Path) -> None:
    """A client built with timeout=5 reads with 5 s even when stall_timeout is longer."""
    h = make("globalaiopc", ok(DONE), video(), timeout=5.0)
    h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", stall_timeout=30.0)
    assert {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0} == cdn_requests(h)[0].extensions["timeout"]


class FullDisk:
    """A `.part` file on a disk that fills up after the first write."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.writes = 0

    def write(self, chunk: bytes) -> int:
        self.writes += 1
        if self.writes > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return int(self.real.write(chunk))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_full_disk_is_a_destination_error(make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write failing mid-download (ENOSPC) is a DownloadDestinationError, not retried, and leaves nothing."""
    real_fdopen = os.fdopen
    monkeypatch.setattr(_destination.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    h = make("globalaiopc", ok(DONE), lambda _: httpx.Response(200, stream=Chunks(VIDEO[:100], VIDEO[100:])))
    with pytest.raises(DownloadDestinationError, match="No space left on device"):
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (1, []) == (len(cdn_requests(h)), leftovers(tmp_path))


def test_short_unbuffered_writes_are_completed(make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that stores only part of a chunk (allowed for unbuffered files) is finished, not lost."""

    class Short(FullDisk):
        def write(self, chunk: bytes) -> int:
            return int(self.real.write(bytes(chunk[:7])))

    real_fdopen = os.fdopen
    monkeypatch.setattr(_destination.os, "fdopen", lambda *a, **k: Short(real_fdopen(*a, **k)))
    h = make("globalaiopc", ok(DONE), video())
    assert VIDEO == h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4").read_bytes()


def test_one_deadline_covers_the_url_refresh(make: Any, tmp_path: Path) -> None:
    """timeout=5: 3 s spent before an expired URL is refreshed count against the retry after the refresh."""
    busy = httpx.Response(503, headers={"Retry-After": "3"})
    h = make("globalaiopc", ok(DONE), busy, httpx.Response(403), ok(DONE), busy)
    with pytest.raises(DownloadTimeoutError) as caught:
        h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4", timeout=5.0)
    assert (5.0, [3.0], 3) == (caught.value.timeout, h.clock.sleeps, len(cdn_requests(h)))


def test_range_answer_longer_than_its_total_starts_over(make: Any, tmp_path: Path) -> None:
    """A chunked 206 running past the total its Content-Range announced is dropped; the file is fetched whole."""
    half = len(VIDEO) // 2
    first = httpx.Response(
        200,
        stream=Chunks(VIDEO[:half], drop=True),
        headers={"content-type": "video/mp4", "content-length": str(len(VIDEO))},
    )
    overlong = httpx.Response(
        206,
        stream=Chunks(VIDEO[half:], b"trailing junk"),
        headers={"content-range": f"bytes {half}-{len(VIDEO) - 1}/{len(VIDEO)}"},
    )
    answers = iter([first, overlong, video()])
    h = make("globalaiopc", ok(DONE), lambda _: next(answers))
    path = h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert (VIDEO, [None, f"bytes={half}-", None]) == (
        path.read_bytes(),
        [r.headers.get("range") for r in cdn_requests(h)],
    )


class Watched(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The video in two chunks; between them it lists the `.out.mp4.*.part` files (as the CLI progress does)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.seen: list[str] = []

    def _look(self) -> None:
        self.seen = sorted(p.name for p in self.directory.glob(".out.mp4.*.part"))

    def __iter__(self) -> Iterator[bytes]:
        yield VIDEO[:100]
        self._look()
        yield VIDEO[100:]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield VIDEO[:100]
        self._look()
        yield VIDEO[100:]


def test_part_file_keeps_the_shape_its_watchers_glob(make: Any, tmp_path: Path) -> None:
    """While downloading, the bytes sit in a file matching `.<name>.*.part` (sora-video's progress, batch cleanup)."""
    stream = Watched(tmp_path)
    h = make("globalaiopc", ok(DONE), lambda _: httpx.Response(200, stream=stream))
    h.download(h.get("sora_abc123def456"), tmp_path / "out.mp4")
    assert [".out.mp4.download.part"] == stream.seen
