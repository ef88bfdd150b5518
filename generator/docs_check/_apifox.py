"""The blocks of an Apifox export page (the unified video format's docs are Apifox projects).

An export shows each part of an endpoint as one JSON block under a heading: parameters (`参数`,
`{"query": [], "path": [], "cookie": [], "header": [...]}`), the request body (`请求体`, with a
`jsonSchema` and `examples: [{"value": "<JSON text>"}]`), the responses (`响应`, a list of
`{"id", "code", "jsonSchema"}`) and the response examples (`响应示例`, a list of
`{"responseId", "data": "<JSON text>"}`). The examples are the payloads; the other blocks are page
text (their schema descriptions are where a provider writes "支持 15,25").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from generator.docs_check._model import Payload, PayloadKind

PLACEHOLDER = "[JSON example: compared as a payload]"

Found = tuple[list[Payload], list[tuple[int, str]]]


def response_codes(blocks: Iterable[Any]) -> dict[str, str]:
    """`{responseId: status}` from the responses block(s) of an export."""
    codes: dict[str, str] = {}
    for block in blocks:
        if _is_responses(block):
            for item in block:
                codes[str(item["id"])] = str(item["code"])
    return codes


def payloads(value: Any, line: int, method: str | None, path: str | None, codes: Mapping[str, str]) -> Found | None:
    """The payloads inside an Apifox block (possibly none), or None when `value` is not an Apifox block."""
    if (
        isinstance(value, dict)
        and isinstance(value.get("jsonSchema"), dict)
        and isinstance(value.get("examples"), list)
    ):
        texts: list[tuple[Any, str | None]] = [
            (item.get("value"), None) for item in value["examples"] if isinstance(item, dict)
        ]
        return _parse(texts, line, "apifox-request", "request", method, path)
    if _is_response_examples(value):
        texts = [(item.get("data"), codes.get(str(item.get("responseId")))) for item in value]
        return _parse(texts, line, "apifox-response", "response", method, path)
    if _is_responses(value) or (isinstance(value, dict) and {"query", "path", "header"} <= value.keys()):
        return [], []
    return None


def readable(value: Any) -> Any:
    """The block as page text: example texts replaced by a placeholder (they are compared as payloads)."""
    if isinstance(value, dict) and isinstance(value.get("examples"), list):
        examples = [{**item, "value": PLACEHOLDER} if isinstance(item, dict) else item for item in value["examples"]]
        return {**value, "examples": examples}
    if _is_response_examples(value):
        return [{**item, "data": PLACEHOLDER} for item in value]
    return value


def _is_responses(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and "code" in item and "jsonSchema" in item and "id" in item for item in value)
    )


def _is_response_examples(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and "responseId" in item and "data" in item for item in value)
    )


def _parse(
    texts: list[tuple[Any, str | None]],
    line: int,
    origin: str,
    kind: PayloadKind,
    method: str | None,
    path: str | None,
) -> Found:
    found: list[Payload] = []
    bad: list[tuple[int, str]] = []
    for text, status in texts:
        if not isinstance(text, str) or not text.strip():
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            bad.append((line, f"an Apifox {kind} example does not parse: {exc.msg}"))
            continue
        found.append(Payload(value, line, origin, kind=kind, method=method, path=path, status=status))
    return found, bad
