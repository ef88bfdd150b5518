"""Drift between Rivya's published OpenAPI document and our hand-written `specs/rivya.yaml`.

Rivya publishes a "read-only schema contract" at https://rivya.ai/api/v1/openapi.json
(https://rivya.ai/docs/api-openapi-schema). We cover only part of its surface, so the upstream
document is first cut down to the endpoints our spec has (matched on method and full URL path,
server path prefix included, parameter names ignored); endpoints upstream has and we do not are
listed as `upstream-endpoint-not-covered` (info). The cut-down upstream is then diffed with our spec
as the *base* and upstream as the *revision*: every change reads "upstream differs from us this
way", and its level says what that does to a client generated from our spec (upstream adding a
response enum value is a warning, upstream requiring a property we treat as optional is breaking).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, TextIO
from urllib.parse import urlparse

import httpx

from generator import _speclib as lib
from generator.spec_diff._git import SpecDiffError, load_spec
from generator.spec_diff._model import Change
from generator.spec_diff._report import exit_status, render
from generator.spec_diff._schema import Emitter
from generator.spec_diff._walk import HTTP_METHODS, diff_documents, endpoint_key, operations

UPSTREAM_URL: Final = "https://rivya.ai/api/v1/openapi.json"
TIMEOUT_SECONDS: Final = 20.0


def fetch_upstream(url: str = UPSTREAM_URL, transport: httpx.BaseTransport | None = None) -> dict[str, Any]:
    """GET the published document (20 s timeout) and parse it as JSON."""
    with httpx.Client(timeout=TIMEOUT_SECONDS, transport=transport, follow_redirects=True) as client:
        response = client.get(url, headers={"Accept": "application/json"})
        response.raise_for_status()
        document = response.json()
    if not isinstance(document, dict):
        raise SpecDiffError(f"{url}: not a JSON object")
    return document


def load_upstream(file: Path) -> dict[str, Any]:
    """A saved copy of the published document (JSON, or YAML for hand-made fixtures)."""
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecDiffError(f"{file}: not valid JSON: {exc}") from exc
        if not isinstance(document, dict):
            raise SpecDiffError(f"{file}: not a JSON object")
        return document
    return load_spec(text, str(file))


def server_prefix(document: Mapping[str, Any]) -> str:
    """The path part of the first server URL (`https://rivya.ai/api/v1` -> `/api/v1`), `""` if none."""
    servers = document.get("servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], Mapping):
        return ""
    return urlparse(str(servers[0].get("url", ""))).path.rstrip("/")


def restrict_to(ours: Mapping[str, Any], upstream: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Upstream cut down to our endpoints, re-keyed to our paths; plus the upstream endpoints we lack."""
    our_prefix, up_prefix = server_prefix(ours), server_prefix(upstream)
    ours_by_url = {endpoint_key(op.method, our_prefix + op.path): op.path for op in operations(ours).values()}
    paths: dict[str, dict[str, Any]] = {}
    uncovered: list[tuple[str, str]] = []
    for up_path, item in (upstream.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if not isinstance(item, Mapping) or not isinstance(item.get(method), Mapping):
                continue
            our_path = ours_by_url.get(endpoint_key(method, up_prefix + up_path))
            if our_path is None:
                uncovered.append((method, up_prefix + up_path))
                continue
            target = paths.setdefault(our_path, {})
            target[method] = item[method]
            if "parameters" in item:
                target["parameters"] = item["parameters"]
    our_hooks = set((ours.get("webhooks") or {}).keys())
    hooks = {k: v for k, v in (upstream.get("webhooks") or {}).items() if k in our_hooks}
    uncovered += [("webhook", name) for name in sorted(set(upstream.get("webhooks") or {}) - our_hooks)]
    restricted = {**upstream, "paths": paths, "webhooks": hooks}
    return restricted, sorted(uncovered, key=lambda mp: (mp[1], mp[0]))


def diff_upstream(ours: Mapping[str, Any], upstream: Mapping[str, Any]) -> list[Change]:
    """Where upstream differs from our spec on the endpoints we cover, plus what we do not cover."""
    if "webhooks" not in upstream:
        # OpenAPI 3.0 has no `webhooks`: an upstream document without them says nothing about ours.
        ours = {k: v for k, v in ours.items() if k != "webhooks"}
    restricted, uncovered = restrict_to(ours, upstream)
    provider = lib.provider_id(ours, Path("rivya.yaml"))
    changes = diff_documents(ours, restricted, provider)
    for method, path in uncovered:
        label = f"WEBHOOK {path}" if method == "webhook" else f"{method.upper()} {path}"
        emitter = Emitter(provider, label)
        where = ("webhooks", path) if method == "webhook" else ("paths", path, method)
        emitter.emit("upstream-endpoint-not-covered", where, f"upstream documents {label}; our spec does not")
        changes.extend(emitter.changes)
    return sorted(changes, key=Change.sort_key)


def run_upstream_check(
    url: str | None = None,
    file: Path | None = None,
    spec: Path | None = None,
    fmt: str = "text",
    fail_on: str | None = None,
    out: TextIO | None = None,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """Print where upstream differs from `specs/rivya.yaml`; exit 0, 1 (`fail_on` hit) or 2 (error)."""
    stream = out or sys.stdout
    spec = spec or _default_spec()
    source = str(file) if file is not None else url or UPSTREAM_URL
    try:
        if not spec.is_file():
            raise SpecDiffError(f"{spec} does not exist yet: nothing to compare upstream with")
        ours = load_spec(spec.read_text(encoding="utf-8"), str(spec))
        upstream = load_upstream(file) if file is not None else fetch_upstream(source, transport)
        changes = diff_upstream(ours, upstream)
        status = exit_status(changes, fail_on)
    except (SpecDiffError, ValueError, OSError, httpx.HTTPError) as exc:
        print(f"upstream-check: {exc}", file=sys.stderr)
        return 2
    if fmt == "text":
        stream.write(f"upstream-check: {spec.name} (base) vs {source} (revision)\n")
    stream.write(render(changes, fmt))
    return status


def _default_spec() -> Path:
    from generator._paths import SPECS_DIR

    return SPECS_DIR / "rivya.yaml"
