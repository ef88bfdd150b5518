"""The live path over real HTTP on 127.0.0.1: pages served from the snapshot, as HTML, Mintlify Markdown and text.

The specs are copied with every doc URL rewritten to the local server, so the run fetches exactly as
it would from the providers; nothing leaves 127.0.0.1. An unreachable URL (a port with nothing
listening) stops the run with one line naming it. A redirect is simulated with httpx's mock transport.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from generator._paths import SPECS_DIR
from generator.docs_check import ACCEPTED_DIR, run_docs_check
from tests.generator.docs_check.conftest import accepted_entries

HOSTS = ("https://rivya.ai", "https://aiapi-doc.pages.dev", "https://docs.globalaiopc.com")


def _render(provider: str, text: str) -> tuple[str, str]:
    """How each provider's site serves the page: Rivya as HTML, the unified export as text, GlobalAiOpc as Mintlify."""
    if provider == "rivya":
        return "text/html; charset=utf-8", f"<!DOCTYPE html><html><body><pre>{html.escape(text)}</pre></body></html>"
    if provider == "globalaiopc":
        return "text/html; charset=utf-8", '<!DOCTYPE html><html><head><meta name="generator" content="Mintlify">'
    return "text/plain; charset=utf-8", text


@pytest.fixture
def server() -> Iterator[str]:
    """A server on 127.0.0.1 that serves every accepted snapshot page under /<host>/<path> (and Mintlify's .md)."""
    routes: dict[str, tuple[str, str]] = {}
    for provider, url, entry in accepted_entries():
        text = (ACCEPTED_DIR / provider / entry["file"]).read_text(encoding="utf-8")
        parts = urlparse(url)
        routes[f"/{parts.netloc}{parts.path}"] = _render(provider, text)
        routes[f"/{parts.netloc}{parts.path}.md"] = ("text/markdown; charset=utf-8", text)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            content_type, body = routes.get(self.path, ("text/plain", "not found"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", content_type)
            self.end_headers()
            self.wfile.write(body.encode("utf-8"))

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _local_copy(tmp_path: Path, base: str) -> tuple[Path, Path, list[str]]:
    """specs/ and specs/snapshots/ copied with every provider host rewritten to `base/<host>`; the seeded URLs."""
    specs = tmp_path / "specs"
    shutil.copytree(SPECS_DIR, specs, ignore=shutil.ignore_patterns("snapshots", "mappings"))
    shutil.copytree(ACCEPTED_DIR, tmp_path / "accepted")
    for path in [*specs.glob("*.yaml"), *(tmp_path / "accepted").glob("*/index.json")]:
        text = path.read_text(encoding="utf-8")
        for host in HOSTS:
            text = text.replace(host, f"{base}/{urlparse(host).netloc}")
        path.write_text(text, encoding="utf-8")
    pages = [url for index in (tmp_path / "accepted").glob("*/index.json") for url in _urls(index)]
    return specs, tmp_path / "accepted", pages


def _urls(index: Path) -> list[str]:
    return [entry["url"] for entry in json.loads(index.read_text(encoding="utf-8"))["pages"]]


def _run(**kwargs: Any) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    status = run_docs_check(fmt="json", out=out, **kwargs)
    return status, json.loads(out.getvalue())


def test_live_pages_match_the_accepted_snapshot(server: str, tmp_path: Path) -> None:
    """Fetched as HTML, Mintlify .md and text, the three pages yield their examples and no difference."""
    specs, accepted, pages = _local_copy(tmp_path, server)
    status, report = _run(specs_dir=specs, accepted=accepted, pages=pages, fail_on="info")
    counts = sorted((p["distinct"], p["matched"], p["source"].endswith(".md")) for p in report["pages"])
    assert (0, [], [(2, 2, False), (2, 2, True), (3, 3, False)]) == (status, report["findings"], counts)


def test_saved_live_pages_read_back_without_difference(server: str, tmp_path: Path) -> None:
    """--save writes the fetched pages with an index; reading that folder as a snapshot reports no difference."""
    specs, accepted, pages = _local_copy(tmp_path, server)
    saved = tmp_path / "saved"
    _run(specs_dir=specs, accepted=accepted, pages=pages, save=saved)
    status, report = _run(specs_dir=specs, accepted=accepted, pages=pages, snapshot=saved, fail_on="info")
    indexed = sorted(url for index in saved.glob("*/index.json") for url in _urls(index))
    assert (0, [], sorted(pages)) == (status, report["findings"], indexed)


def test_http_404_stops_with_one_line_naming_the_url(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A doc page the site no longer serves: exit 2, one stderr line with the URL and the HTTP status."""
    specs, accepted, _ = _local_copy(tmp_path, server)
    url = f"{server}/rivya.ai/docs/api-quickstart"
    status = run_docs_check(specs_dir=specs, accepted=accepted, pages=[url], out=io.StringIO())
    assert (2, f"docs-check: GET {url}: HTTP 404 Not Found\n") == (status, capsys.readouterr().err)


def test_keep_going_reports_the_unfetched_page_as_a_warning(server: str, tmp_path: Path) -> None:
    """With keep_going, the page that cannot be fetched is a warning naming the URL, and the others are checked."""
    specs, accepted, pages = _local_copy(tmp_path, server)
    missing = f"{server}/rivya.ai/docs/api-quickstart"
    _, report = _run(specs_dir=specs, accepted=accepted, pages=[*pages, missing], keep_going=True)
    unreachable = [(f["level"], f["message"]) for f in report["findings"] if f["rule"] == "page-unreachable"]
    assert ([("warning", f"GET {missing}: HTTP 404 Not Found")], 3) == (unreachable, len(report["pages"]))


def test_unreachable_host_fails_with_one_line_naming_the_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline (here: a 127.0.0.1 port with nothing listening): exit 2 and one line with the URL and the OS's reason."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    specs, accepted, _ = _local_copy(tmp_path, f"http://127.0.0.1:{port}")
    url = f"http://127.0.0.1:{port}/rivya.ai/docs/api-quickstart"
    status = run_docs_check(specs_dir=specs, accepted=accepted, pages=[url], out=io.StringIO())
    err = capsys.readouterr().err
    assert (2, 1, True, True) == (
        status,
        err.count("\n"),
        err.startswith(f"docs-check: GET {url}: "),
        "refused" in err.lower(),
    )


def test_redirected_page_is_reported_moved(tmp_path: Path) -> None:
    """A page that now redirects elsewhere is a warning naming both URLs; the page it leads to is still checked."""
    old = "https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create"
    new = old.replace("/sora/sora-create", "/sora-2/create")
    text = (
        ACCEPTED_DIR / "globalaiopc" / "docs.globalaiopc.com_en_api-reference_video_sora_sora-create.txt"
    ).read_text(encoding="utf-8")

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == old:
            return httpx.Response(301, headers={"Location": new})
        return httpx.Response(200, text=text, headers={"content-type": "text/plain"})

    _, report = _run(pages=[old], transport=httpx.MockTransport(handler))
    moved = [f["message"] for f in report["findings"] if f["rule"] == "page-moved"]
    assert ([f"{old} redirects to {new}: update the URL in the spec (docs, x-source)"], 2) == (
        moved,
        report["pages"][0]["matched"],
    )
