"""The readable text of an HTML doc page: tags dropped, block elements on their own lines, `<pre>` kept as is.

A doc page's payloads live in `<pre>`/`<code>` blocks; once the page is text, the same extractors
read it as they read a saved text page (the seeds are such texts), so a page fetched live and the
snapshot saved from it yield the same payloads. Scripts, styles and SVGs are not text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

_BLOCKS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIP: Final = frozenset({"script", "style", "svg", "noscript", "template", "head"})


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document (a doctype or an `<html>` tag)."""
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "pre":
            self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))


def html_to_text(document: str) -> str:
    """The page's text, one block per line, code blocks with their line breaks and indentation."""
    parser = _TextParser()
    parser.feed(document)
    parser.close()
    lines = "".join(parser.parts).splitlines()  # character references already decoded
    return normalize_lines(lines)


def normalize_lines(lines: list[str]) -> str:
    """Trailing spaces dropped, runs of blank lines collapsed to one, no blank lines at either end."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""
