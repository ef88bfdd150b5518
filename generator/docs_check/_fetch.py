"""Fetch a doc page with httpx (imported lazily: only a live run needs it), or fail in one line naming the URL.

Every failure becomes a `FetchError` whose message is `GET <url>: <reason>`: the DNS or connection
error as the OS words it, a timeout, or the HTTP status. A Mintlify page (its HTML names mintlify)
is read from its `.md` variant when the site serves one: the Markdown keeps the code blocks as the
author wrote them, which the rendered HTML splits into spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from generator.docs_check._html import html_to_text, looks_like_html
from generator.docs_check._model import DocsCheckError

if TYPE_CHECKING:
    import httpx

TIMEOUT_SECONDS: Final = 20.0
USER_AGENT: Final = "sora-video-toolkit docs-check (+https://github.com/; reads public doc pages)"


class FetchError(DocsCheckError):
    """A page that could not be fetched: the message is one line naming the URL and the reason."""


@dataclass(frozen=True)
class Fetched:
    """A page as fetched: its text (HTML already turned into text), the URL read, and the file suffix to save it."""

    url: str
    text: str
    read_from: str  # the URL the text came from: after redirects, or the `.md` variant
    suffix: str

    @property
    def moved_to(self) -> str | None:
        """The URL a redirect led to, when it is another page (not the page's own `.md` variant)."""
        target = self.read_from.removesuffix(".md") if self.suffix == ".md" else self.read_from
        return None if target.rstrip("/") == self.url.rstrip("/") else target


def client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An httpx client with the docs-check timeout and user agent, following redirects."""
    import httpx

    timeout = httpx.Timeout(TIMEOUT_SECONDS, connect=10.0)
    headers = {"User-Agent": USER_AGENT}
    return httpx.Client(timeout=timeout, transport=transport, follow_redirects=True, headers=headers)


def get_text(session: httpx.Client, url: str, accept: str = "*/*") -> tuple[str, str, str]:
    """(body text, content type, final URL after redirects) of a GET, or a FetchError naming the URL and the reason."""
    import httpx

    try:
        response = session.get(url, headers={"Accept": accept})
    except httpx.TimeoutException as exc:
        raise FetchError(f"GET {url}: timed out ({type(exc).__name__}, limit {TIMEOUT_SECONDS:g} s)") from exc
    except httpx.ConnectError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise FetchError(
            f"GET {url}: {reason} (offline? `make docs-check SNAPSHOT=specs/snapshots` needs no network)"
        ) from exc
    except httpx.HTTPError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise FetchError(f"GET {url}: {reason}") from exc
    if response.status_code >= 400:
        raise FetchError(f"GET {url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
    return response.text, response.headers.get("content-type", ""), str(response.url)


def fetch_page(session: httpx.Client, url: str) -> Fetched:
    """The page's text: HTML as readable text (or its Mintlify `.md` variant), anything else as served."""
    body, content_type, final = get_text(session, url)
    if "html" not in content_type and not looks_like_html(body):
        suffix = ".json" if "json" in content_type or body.lstrip().startswith("{") else ".txt"
        return Fetched(url, body, final, suffix)
    if "mintlify" in body.lower():
        markdown_url = final.split("#", 1)[0].split("?", 1)[0].rstrip("/") + ".md"
        try:
            markdown, md_type, md_final = get_text(session, markdown_url, accept="text/markdown, text/plain")
        except FetchError:
            markdown, md_type, md_final = "", "", ""
        if markdown.strip() and "html" not in md_type and not looks_like_html(markdown):
            return Fetched(url, markdown, md_final, ".md")
    return Fetched(url, html_to_text(body), final, ".txt")
