"""What a spec holds about its docs: the pages to watch, the stored examples, and the schemas to validate against.

The pages of a provider are `info.x-provider.docs`, then `info.x-upstream-contract` (a published
OpenAPI document), then every other URL an example's `x-source` or a documentation error's `source`
cites, in that order and without repeats. Providers are discovered from `specs/*.yaml` (`_paths`).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry

from generator import _speclib as lib
from generator._paths import SPECS_DIR, provider_files
from generator.docs_check._model import DocsCheckError, PayloadKind


@dataclass(frozen=True)
class Target:
    """One JSON schema of an operation: its request body, or one response status."""

    owner: str  # operationId or webhook name
    label: str  # `POST /v1/video/create`, `WEBHOOK generation.succeeded`
    method: str
    path: str
    kind: PayloadKind
    status: str | None
    schema_pointer: str

    @property
    def description(self) -> str:
        """`createVideo request`, `createVideo response 200`."""
        return f"{self.owner} {self.kind}" + (f" {self.status}" if self.status else "")


@dataclass(frozen=True)
class StoredExample:
    """An example file the spec references, or a documentation error it lists, with its JSON value."""

    file: str  # as displayed: specs/examples/<provider>/...
    source: str | None
    origin: str | None  # verbatim | seed | described | doc-error
    target: Target | None
    value: Any  # None when the file is not JSON (a documentation error may not be)

    @property
    def expected_on_page(self) -> bool:
        """Verbatim and seed examples are copies of a page; described ones and doc errors are not required there."""
        return self.origin in ("verbatim", "seed") and self.value is not None


@dataclass(eq=False)
class Provider:
    """One provider spec, loaded, with its examples and validators."""

    id: str
    spec_path: Path
    spec: lib.Spec

    @functools.cached_property
    def targets(self) -> tuple[Target, ...]:
        found: list[Target] = []
        for op in lib.iter_operations(self.spec):
            label = f"WEBHOOK {op.path}" if op.webhook else f"{op.method.upper()} {op.path}"
            for media in lib.iter_media_types(self.spec, op):
                pointer = media.schema_pointer
                if pointer and lib.is_json_media_type(media.media_type):
                    found.append(Target(op.owner, label, op.method, op.path, media.kind, media.status, pointer))
        return tuple(found)

    @functools.cached_property
    def examples(self) -> tuple[StoredExample, ...]:
        by_pointer = {t.schema_pointer: t for t in self.targets}
        stored = [
            StoredExample(ex.display, ex.source, ex.origin, by_pointer.get(ex.schema_pointer or ""), _json(ex.path))
            for ex in lib.iter_examples(self.spec, self.spec_path)
            if ex.external_value is not None
        ]
        for err in lib.iter_documentation_errors(self.spec, self.spec_path):
            target = by_pointer.get(err.schema_pointer or "")
            stored.append(StoredExample(err.display, err.source, "doc-error", target, _json(err.path)))
        return tuple(stored)

    @property
    def upstream_contract(self) -> str | None:
        """`info.x-upstream-contract`: the URL of an OpenAPI document the provider publishes."""
        value = self.spec.get("info", {}).get("x-upstream-contract")
        return value if isinstance(value, str) and value else None

    @functools.cached_property
    def out_of_scope(self) -> tuple[dict[str, Any], ...]:
        """`x-out-of-scope-examples`: documented payloads the spec deliberately does not cover."""
        entries = self.spec.get("x-out-of-scope-examples")
        return tuple(e for e in entries if isinstance(e, dict)) if isinstance(entries, list) else ()

    def pages(self) -> list[str]:
        """Every doc page to watch, in order: the listed docs, the OpenAPI document, then cited sources."""
        docs = self.spec.get("info", {}).get("x-provider", {}).get("docs") or []
        urls = [u for u in docs if isinstance(u, str)]
        urls += [self.upstream_contract] if self.upstream_contract else []
        urls += [ex.source for ex in self.examples if ex.source]
        return list(dict.fromkeys(urls))

    @functools.cached_property
    def registry(self) -> Registry[Any]:
        return lib.registry_for(self.spec)

    @functools.cache  # noqa: B019  # one Provider per run; validators are costly to build
    def validator(self, schema_pointer: str) -> Draft202012Validator:
        """A validator for the schema at `schema_pointer`, built once."""
        return lib.validator_for(self.spec, schema_pointer, self.registry)

    def targets_for(self, method: str | None, path: str | None) -> list[Target]:
        """The schemas of the operation at `method path` (the path may carry the server's prefix)."""
        if path is None:
            return []
        prefix = _server_prefix(self.spec)
        return [
            t
            for t in self.targets
            if (method is None or t.method == method)
            and (_path_matches(t.path, path) or _path_matches(prefix + t.path, path))
        ]


def load_providers(specs_dir: Path = SPECS_DIR, only: list[str] | None = None) -> list[Provider]:
    """Every `specs/<provider>.yaml` (or only the named providers), loaded."""
    providers = []
    for path in provider_files(specs_dir):
        try:
            spec = lib.load_spec(path)
        except (OSError, ValueError) as exc:
            raise DocsCheckError(f"{lib.display_path(path)}: {exc}") from exc
        provider = Provider(lib.provider_id(spec, path), path, spec)
        if not only or provider.id in only:
            providers.append(provider)
    missing = sorted(set(only or []) - {p.id for p in providers})
    if missing:
        raise DocsCheckError(f"no spec for provider(s) {', '.join(missing)} in {lib.display_path(specs_dir)}")
    return providers


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None


def _server_prefix(spec: lib.Spec) -> str:
    servers = spec.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = str(servers[0].get("url", ""))
        match = re.match(r"^(?:[a-z]+://[^/]+|\{[^}]+\})?(/.*)?$", url)
        return (match.group(1) or "").rstrip("/") if match else ""
    return ""


def _path_matches(template: str, path: str) -> bool:
    pattern = "".join(
        "[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]+\})", template)
    )
    return re.fullmatch(pattern, path.rstrip("/") or "/") is not None
