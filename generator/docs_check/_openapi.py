"""The OpenAPI-document case of the docs check: a provider that publishes its own contract (Rivya's openapi.json).

Moved here from `generator/spec_diff/_upstream.py` (today's `upstream-check` is this case). We cover
only part of the published surface, so the upstream document is first cut down to the endpoints our
spec has (matched on method and full URL path, server path prefix included, parameter names
ignored); endpoints upstream has and we do not are `upstream-endpoint-not-covered` (info). The
cut-down upstream is then diffed with our spec as the *base* and upstream as the *revision* by the
spec diff's public `diff_documents`: every change reads "upstream differs from us this way", and its
level says what that does to a client generated from our spec. The examples the document carries are
payloads like any page's: compared with the stored examples and validated against our schemas.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, cast
from urllib.parse import urlparse

from generator import _speclib as lib
from generator.docs_check._model import DocsCheckError, Finding, Level, Payload, PayloadKind, json_path


def looks_like_openapi(text: str) -> bool:
    """True when the text is a JSON (or YAML) document with a top-level `openapi` or `swagger` key."""
    head = text.lstrip()[:2000]
    return bool(re.search(r'^\s*\{?\s*"?(openapi|swagger)"?\s*:', head, re.MULTILINE))


def parse_document(text: str, origin: str) -> dict[str, Any]:
    """The published document: JSON, or YAML for hand-made fixtures; an error names `origin`."""
    try:
        document = json.loads(text) if text.lstrip().startswith("{") else lib.parse_spec(text, origin)
    except (json.JSONDecodeError, ValueError) as exc:
        raise DocsCheckError(f"{origin}: not a readable OpenAPI document: {' '.join(str(exc).split())}") from exc
    if not isinstance(document, dict):
        raise DocsCheckError(f"{origin}: not a JSON object")
    return document


def server_prefix(document: Mapping[str, Any]) -> str:
    """The path part of the first server URL (`https://rivya.ai/api/v1` -> `/api/v1`), `""` if none."""
    servers = document.get("servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], Mapping):
        return ""
    return urlparse(str(servers[0].get("url", ""))).path.rstrip("/")


def _operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, Mapping):
            for method in lib.HTTP_METHODS:
                if isinstance(item.get(method), Mapping):
                    yield method, str(path), dict(item[method]), dict(item)


def restrict_to(ours: Mapping[str, Any], upstream: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Upstream cut down to our endpoints, re-keyed to our paths; plus the upstream endpoints we lack."""
    our_prefix, up_prefix = server_prefix(ours), server_prefix(upstream)
    ours_by_url = {lib.endpoint_key(method, our_prefix + path): path for method, path, _, _ in _operations(ours)}
    paths: dict[str, dict[str, Any]] = {}
    uncovered: list[tuple[str, str]] = []
    for method, up_path, node, item in _operations(upstream):
        our_path = ours_by_url.get(lib.endpoint_key(method, up_prefix + up_path))
        if our_path is None:
            uncovered.append((method, up_prefix + up_path))
            continue
        target = paths.setdefault(our_path, {})
        target[method] = node
        if "parameters" in item:
            target["parameters"] = item["parameters"]
    our_hooks = set((ours.get("webhooks") or {}).keys())
    hooks = {k: v for k, v in (upstream.get("webhooks") or {}).items() if k in our_hooks}
    uncovered += [("webhook", name) for name in sorted(set(upstream.get("webhooks") or {}) - our_hooks)]
    restricted = {**upstream, "paths": paths, "webhooks": hooks}
    return restricted, sorted(uncovered, key=lambda mp: (mp[1], mp[0]))


def diff_upstream(provider: str, page: str, ours: Mapping[str, Any], upstream: Mapping[str, Any]) -> list[Finding]:
    """Where upstream differs from our spec on the endpoints we cover, plus what we do not cover."""
    from generator.spec_diff import diff_documents  # the spec diff's public entry point, nothing deeper

    if "webhooks" not in upstream:
        # OpenAPI 3.0 has no `webhooks`: an upstream document without them says nothing about ours.
        ours = {k: v for k, v in ours.items() if k != "webhooks"}
    restricted, uncovered = restrict_to(ours, upstream)
    findings = [
        Finding(provider, page, c.rule, c.level, c.message, c.operation, c.json_path)
        for c in diff_documents(ours, restricted, provider)
    ]
    for method, path in uncovered:
        label = f"WEBHOOK {path}" if method == "webhook" else f"{method.upper()} {path}"
        where = ("webhooks", path) if method == "webhook" else ("paths", path, method)
        message = f"upstream documents {label}; our spec does not"
        findings.append(
            Finding(provider, page, "upstream-endpoint-not-covered", Level.INFO, message, label, json_path(where))
        )
    return findings


def example_payloads(ours: Mapping[str, Any], upstream: Mapping[str, Any]) -> list[Payload]:
    """The `example` / `examples[].value` of every covered operation's JSON request body and responses."""
    restricted, _ = restrict_to(ours, upstream)
    found: list[Payload] = []
    for method, path, node, _ in _operations(restricted):
        body = _resolve(upstream, node.get("requestBody"))
        found += _media_examples(upstream, body, "request", None, method, path)
        for status, response in (node.get("responses") or {}).items():
            found += _media_examples(upstream, _resolve(upstream, response), "response", str(status), method, path)
    return found


def _media_examples(
    document: Mapping[str, Any], owner: Any, kind: PayloadKind, status: str | None, method: str, path: str
) -> list[Payload]:
    content = owner.get("content") if isinstance(owner, Mapping) else None
    found: list[Payload] = []
    for media_type, media in (content or {}).items():
        if not isinstance(media, Mapping) or not lib.is_json_media_type(str(media_type)):
            continue
        values = [media["example"]] if "example" in media else []
        for example in (media.get("examples") or {}).values():
            example = _resolve(document, example)
            if isinstance(example, Mapping) and "value" in example:
                values.append(example["value"])
        found += [Payload(v, 0, "openapi-example", kind, method, path, status) for v in values]
    return found


def _resolve(document: Mapping[str, Any], node: Any) -> Any:
    # A published document may be broken: the lenient walk gives a placeholder for a dangling ref or a cycle.
    return lib.follow_refs(cast("lib.Spec", document), node, "", lenient=True)[0]
