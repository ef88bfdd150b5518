"""Find the documented payloads in a page's text, and the page's readable text without them.

A page is text (an HTML page is first turned into text by `_html`). Three shapes of payload are read:

- JSON blocks: a line that opens `{` or `[` and parses as JSON from there (fenced Markdown blocks of a
  Mintlify `.md` page, `<pre>` blocks of an HTML page, the bare blocks of a saved text page);
- curl bodies: the quoted argument of `--data` / `--data-raw` / `-d`, with the method and URL of the
  same command (so the operation is known);
- the blocks of an Apifox export (`_apifox`): its request examples and its response examples with
  their status; its parameter and schema blocks are not payloads but page text.

The readable text is the page text with every payload replaced by one placeholder line, and every
other JSON block pretty-printed, so a text diff shows prose and schema descriptions, not the examples
(which are compared one by one, as JSON).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlparse

from generator.docs_check import _apifox
from generator.docs_check._html import normalize_lines
from generator.docs_check._model import Payload

PLACEHOLDER: Final = _apifox.PLACEHOLDER
_DECODER: Final = json.JSONDecoder()
_OPENER: Final = re.compile(r"^[ \t]*([{\[])", re.MULTILINE)
_LOOKS_JSON: Final = re.compile(r"[{\[][ \t]*(\r?\n|\"|\{|\[|\]|\}|$)")
_CURL_DATA: Final = re.compile(r"(?:--data(?:-raw|-binary|-ascii)?|(?<![\w-])-d)[ \t]+(['\"])")
_CURL_METHOD: Final = re.compile(r"(?:--request|-X)[ \t]+([A-Za-z]+)")
_URL: Final = re.compile(r"https?://[^\s'\"\\]+")
_ENDPOINT_LINE: Final = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)[ \t]+(/\S*)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Span:
    """A region of the page text and what replaces it in the readable text."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Extraction:
    """The payloads of one page, its readable text, and the JSON-looking blocks that do not parse."""

    payloads: tuple[Payload, ...]
    readable: str
    unparsable: tuple[tuple[int, str], ...]  # (line, why)


def line_of(text: str, offset: int) -> int:
    """1-based line number of an offset."""
    return text.count("\n", 0, offset) + 1


def extract(text: str) -> Extraction:
    """Every payload on the page (in page order) and the page's readable text."""
    text = text.replace("\r\n", "\n")
    spans: list[Span] = []
    payloads: list[tuple[int, Payload]] = []
    bad: list[tuple[int, str]] = []
    curl_spans = _curl_bodies(text, spans, payloads, bad)
    blocks = _json_blocks(text, curl_spans, bad)
    method, path = _page_endpoint(text, payloads)
    statuses = _apifox.response_codes([value for _, _, value in blocks])
    for start, end, value in blocks:
        line = line_of(text, start)
        found = _apifox.payloads(value, line, method, path, statuses)
        if found is None:  # an ordinary JSON block: the block itself is the payload
            payloads.append((start, Payload(value, line, "json-block", method=method, path=path)))
            spans.append(Span(start, end, PLACEHOLDER))
            continue
        good, problems = found
        payloads.extend((start, p) for p in good)
        bad.extend(problems)
        spans.append(Span(start, end, json.dumps(_apifox.readable(value), indent=2, ensure_ascii=False)))
    return Extraction(
        payloads=tuple(p for _, p in sorted(payloads, key=lambda item: item[0])),
        readable=_readable(text, spans),
        unparsable=tuple(sorted(bad)),
    )


def _json_blocks(text: str, taken: list[tuple[int, int]], bad: list[tuple[int, str]]) -> list[tuple[int, int, Any]]:
    """(start, end, value) of every JSON object or array that starts a line, outside curl bodies."""
    blocks: list[tuple[int, int, Any]] = []
    resume = 0
    for match in _OPENER.finditer(text):
        start = match.start(1)
        if start < resume or any(a <= start < b for a, b in taken):
            continue
        try:
            value, end = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            if _LOOKS_JSON.match(text, start):
                bad.append((line_of(text, start), f"a JSON block does not parse: {exc.msg} at line {exc.lineno}"))
                resume = _end_of_broken_block(text, start, len(match.group(0)) - 1)
            continue
        if isinstance(value, dict | list) and value and not _scalar_list(value):
            blocks.append((start, end, value))
            resume = end
    return blocks


def _scalar_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(item, dict | list) for item in value)


def _end_of_broken_block(text: str, start: int, indent: int) -> int:
    """Skip a block that does not parse: up to its closing bracket at its own indent, or a blank line."""
    closing = re.compile(rf"^[ \t]{{0,{indent}}}[}}\]]|\n[ \t]*\n", re.MULTILINE)
    found = closing.search(text, start + 1)
    return found.end() if found else len(text)


def _curl_bodies(
    text: str, spans: list[Span], payloads: list[tuple[int, Payload]], bad: list[tuple[int, str]]
) -> list[tuple[int, int]]:
    """The JSON bodies of curl commands, as request payloads with the command's method and URL path."""
    taken: list[tuple[int, int]] = []
    for match in _CURL_DATA.finditer(text):
        quote, body_start = match.group(1), match.end()
        body_end = _closing_quote(text, body_start, quote)
        if body_end < 0:
            continue
        raw = text[body_start:body_end]
        body = raw.replace('\\"', '"') if quote == '"' else raw
        taken.append((body_start, body_end))
        line = line_of(text, body_start)
        command = text[max(0, text.rfind("curl", 0, match.start())) : match.start()]
        method_match, url_match = _CURL_METHOD.search(command), _URL.search(command)
        method = method_match.group(1).lower() if method_match else "post"
        path = urlparse(url_match.group(0)).path if url_match else None
        try:
            value = json.loads(body)
        except json.JSONDecodeError as exc:
            bad.append((line, f"the curl --data body does not parse: {exc.msg} at line {exc.lineno}"))
            continue
        payloads.append((body_start, Payload(value, line, "curl-data", kind="request", method=method, path=path)))
        spans.append(Span(body_start, body_end, PLACEHOLDER))
    return taken


def _closing_quote(text: str, start: int, quote: str) -> int:
    index = start
    while True:
        index = text.find(quote, index)
        if index < 0 or quote == "'" or text[index - 1] != "\\":
            return index
        index += 1


def _page_endpoint(text: str, payloads: list[tuple[int, Payload]]) -> tuple[str | None, str | None]:
    """The operation the page documents: an `POST /v1/x` line, else the first curl command's."""
    match = _ENDPOINT_LINE.search(text)
    if match:
        return match.group(1).lower(), match.group(2)
    for _, payload in payloads:
        if payload.origin == "curl-data" and payload.path:
            return payload.method, payload.path
    return None, None


def _readable(text: str, spans: list[Span]) -> str:
    parts: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < position:
            continue
        parts.append(text[position : span.start])
        parts.append(span.replacement)
        position = span.end
    parts.append(text[position:])
    return normalize_lines("".join(parts).splitlines())
